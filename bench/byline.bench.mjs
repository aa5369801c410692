/**
 * node bench/byline.bench.mjs [--base <checkout>] — the reader's byline against 40 pages labelled with
 * the byline each prints (bench/bylines/: labels and protocol), for this checkout's core and, with
 * --base, another checkout's core in the same run (e.g. --base ../main: before/after).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCore, loadCore } from './lib/load-core.mjs';
import { loadCorpusPage } from './lib/corpus.mjs';
import { parsePage } from './lib/parse-page.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const base = args.includes('--base') ? path.resolve(args[args.indexOf('--base') + 1]) : null;

const coreOf = async (root) => loadCore(await bundleCore({ root }));

const squash = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
/** 'ok' | 'wrong' | 'missed' | 'shown-not-printed' */
function score(label, byline, agency) {
  const shown = [...(byline ? byline.split(', ') : []), ...(agency ? [agency] : [])].map(squash);
  if (!label) return byline ? 'shown-not-printed' : 'ok';
  if (label.every((n) => shown.includes(squash(n)))) return 'ok';
  return byline || agency ? 'wrong' : 'missed';
}

const labels = JSON.parse(readFileSync(path.join(here, 'bylines/labels.json'), 'utf8'));
const runs = [['this', await coreOf(path.resolve(here, '..'))]];
if (base) runs.unshift(['base', await coreOf(base)]);
const tally = Object.fromEntries(runs.map(([name]) => [name, {}]));
for (const { page, printed } of labels) {
  const [corpus, ...rest] = page.split('/');
  const file = corpus === 'dates' ? `html/${rest.join('/')}` : rest.join('/');
  const { html, url, now } = loadCorpusPage(corpus, file);
  const cells = [];
  for (const [name, core] of runs) {
    const dom = parsePage(html, url);
    const r = core.extract(dom.window.document, { url, now });
    dom.window.close();
    const s = score(printed, r.byline, r.dateline.agency);
    tally[name][s] = (tally[name][s] ?? 0) + 1;
    cells.push(`${name}: ${s.padEnd(17)} ${JSON.stringify(r.byline)}`);
  }
  console.log(`${page.slice(0, 44).padEnd(44)} ${JSON.stringify(printed)}\n    ${cells.join('\n    ')}`);
}
const printedPages = labels.filter((l) => l.printed).length;
for (const [name, t] of Object.entries(tally)) {
  const okPrinted = labels.length - printedPages - (t['shown-not-printed'] ?? 0);
  console.log(
    `${name}: ${t.ok ?? 0}/${labels.length} right; printed bylines ${(t.ok ?? 0) - okPrinted}/${printedPages} ` +
      `(wrong ${t.wrong ?? 0}, missed ${t.missed ?? 0}); shown but not printed ${t['shown-not-printed'] ?? 0}/` +
      `${labels.length - printedPages}`,
  );
}
