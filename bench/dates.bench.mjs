// Publication-date benchmark (issue #3): day-level accuracy and coverage of findDateline on the
// htmldate sample (/work/shared/corpus/dates, 300 pages), with the JS anchor — @mozilla/readability's
// publishedTime — measured in the same run on the same pages. A day is compared as written by the
// page ("2020-06-07T23:30-04:00" is June 7), never after a conversion to UTC.
// Usage: npm run bench:dates [-- --verbose] [-- --only=<substring>]
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parsePage } from './lib/parse-page.mjs';
import { loadCore } from './lib/load-core.mjs';
import { Readability } from '@mozilla/readability';

// The current source, bundled privately (bench/lib/load-core.mjs), so a concurrent build rewriting
// dist/ cannot break or skew the run; CORE_MODULE points at another build to compare.
const { findDateline } = process.env.CORE_MODULE ? await import(process.env.CORE_MODULE) : await loadCore();
const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const corpus = process.env.DATES_CORPUS ?? path.resolve(root, '../shared/corpus/dates');
const NOW = new Date('2026-11-28T12:00:00Z'); // fixed, so runs are comparable
const verbose = process.argv.includes('--verbose');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

if (!existsSync(path.join(corpus, 'ground-truth.json'))) {
  console.error(`dates corpus not found at ${corpus} (set DATES_CORPUS)`);
  process.exit(1);
}

/** BOM → strict UTF-8 → <meta charset> → windows-1252, as the corpus README says. */
function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    /* not UTF-8 */
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset=["']?\s*([\w-]+)/i.exec(head);
  if (m) {
    try {
      return new TextDecoder(m[1].toLowerCase()).decode(bytes);
    } catch {
      /* unknown label */
    }
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

/** The day as written: the first YYYY-MM-DD of an ISO value, or of any date string Date can parse (no TZ shift). */
function dayOf(value) {
  if (!value) return null;
  const s = String(value).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return null;
  // Non-ISO strings (e.g. "March 4, 2020") parse as local time in V8: read them back in local time.
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const truth = JSON.parse(await readFile(path.join(corpus, 'ground-truth.json'), 'utf8')).filter(
  (t) => !only || t.file.includes(only),
);
const tools = {
  dateline: { right: 0, found: 0, wrong: [], ms: 0 },
  readability: { right: 0, found: 0, wrong: [], ms: 0 },
};
const wrongBySource = {};
// Per source: how often findDateline chose it and how often the chosen day was right, so the
// priority order between sources rests on data (issue #21).
const bySource = {};
const missed = [];
const perPage = [];

for (const t of truth) {
  const html = decode(await readFile(path.join(corpus, t.file)));
  const dom = parsePage(html, t.url);
  const doc = dom.window.document;
  const lang =
    doc.documentElement.getAttribute('lang')?.trim() ||
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')?.trim() ||
    null;

  let t0 = performance.now();
  let dl;
  try {
    dl = findDateline(doc, { url: t.url, now: NOW, lang, locale: 'en', timeZone: 'Europe/Berlin' });
  } catch (e) {
    dl = { published: null, error: String(e) };
  }
  const ms = performance.now() - t0;
  tools.dateline.ms += ms;
  const day = dayOf(dl.published);
  if (day) tools.dateline.found++;
  if (day === t.expected_date) tools.dateline.right++;
  else if (day) {
    tools.dateline.wrong.push({ file: t.file, expected: t.expected_date, got: dl.published, source: dl.source });
    wrongBySource[dl.source] = (wrongBySource[dl.source] ?? 0) + 1;
  } else missed.push({ file: t.file, expected: t.expected_date });
  if (day) {
    const s = (bySource[dl.source ?? 'none'] ??= { chosen: 0, right: 0, wrong: 0 });
    s.chosen++;
    if (day === t.expected_date) s.right++;
    else s.wrong++;
  }
  perPage.push({
    file: t.file,
    expected: t.expected_date,
    published: dl.published,
    source: dl.source,
    ms: Math.round(ms * 100) / 100,
  });

  t0 = performance.now();
  let rp = null;
  try {
    rp = new Readability(doc.cloneNode(true)).parse()?.publishedTime ?? null;
  } catch {
    rp = null;
  }
  tools.readability.ms += performance.now() - t0;
  const rday = dayOf(rp);
  if (rday) tools.readability.found++;
  if (rday === t.expected_date) tools.readability.right++;
  else if (rday) tools.readability.wrong.push({ file: t.file, expected: t.expected_date, got: rp });
  dom.window.close();
}

const n = truth.length;
const sortedMs = perPage.map((p) => p.ms).sort((a, b) => a - b);
const pct = (q) => sortedMs[Math.min(sortedMs.length - 1, Math.floor(q * sortedMs.length))] ?? 0;
const row = (name, r) => ({
  tool: name,
  accuracy: +(r.right / n).toFixed(3),
  coverage: +(r.found / n).toFixed(3),
  right: r.right,
  wrongDays: r.wrong.length,
  missing: n - r.found,
  msPerPage: +(r.ms / n).toFixed(2),
});
const table = [
  row('dateline (findDateline)', tools.dateline),
  row('@mozilla/readability 0.6.0 publishedTime', tools.readability),
];
console.log(`dates corpus: ${n} pages, now = ${NOW.toISOString()}`);
console.table(table);
console.log('wrong days by source (dateline):', wrongBySource);
console.log('chosen source (dateline): how often chosen, right, wrong, precision');
console.table(
  Object.entries(bySource)
    .sort((a, b) => b[1].chosen - a[1].chosen)
    .map(([source, r]) => ({ source, ...r, precision: +(r.right / r.chosen).toFixed(3) })),
);
console.log(
  `dateline step per page: mean ${(tools.dateline.ms / n).toFixed(2)} ms, median ${pct(0.5).toFixed(2)} ms, p90 ${pct(0.9).toFixed(2)} ms, max ${pct(1).toFixed(2)} ms`,
);
if (verbose) {
  console.log('\nwrong days:');
  for (const w of tools.dateline.wrong) console.log(`  ${w.file}  expected ${w.expected}  got ${w.got} (${w.source})`);
  console.log('\nmissing:');
  for (const w of missed) console.log(`  ${w.file}  expected ${w.expected}`);
}
await mkdir(path.join(root, 'bench/results'), { recursive: true });
if (!only) {
  await writeFile(
    path.join(root, 'bench/results/dates.json'),
    JSON.stringify(
      {
        corpus: 'shared/corpus/dates (htmldate sample, 300 pages)',
        now: NOW.toISOString(),
        date: new Date().toISOString(),
        node: process.version,
        table,
        bySource,
        datelineMs: { median: pct(0.5), p90: pct(0.9), max: pct(1) },
        wrongBySource,
        wrong: tools.dateline.wrong,
        missing: missed,
        readabilityWrong: tools.readability.wrong,
        perPage,
      },
      null,
      1,
    ),
  );
  console.log('wrote bench/results/dates.json');
}
