/**
 * npm run bench:extract — the core vs plain @mozilla/readability, side by side, same run, same pages,
 * same jsdom parse, over every corpus of ../shared/corpus with human-labelled article text:
 * scrapinghub (181 news pages, the set the rules were tuned on) and news-extraction (450 real pages
 * from L3S-GN1, Big9 and Chaos, for pages never tuned on). Each corpus is reported on its own.
 * Scores with the benchmark's token-shingle precision/recall/F1 (bench/lib/shingle-score.mjs), times
 * each extractor per page (best of REPS runs, alternating, so machine noise hits both alike), prints
 * the tables and writes bench/results/extract.json.
 *
 * Flags: --corpus <name> (one corpus), --only <id-prefix> (matching pages; one page prints both texts),
 * --limit <n> (first n pages per corpus), --every <k> (every k-th page: a sample across subsets),
 * --reps <n> (default 2), --worst <n>,
 * --trace (sum the text each cleaning rule removed, by rule, over the pages run: what costs recall).
 */
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { loadCore } from './lib/load-core.mjs';
import { parsePage } from './lib/parse-page.mjs';
import { scorePage, scoreCorpus, pageF1 } from './lib/shingle-score.mjs';
const { extract } = await loadCore();

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = process.env.DATELINE_CORPUS ?? path.resolve(here, '../../shared/corpus');
const CORPORA = ['scrapinghub', 'news-extraction'];
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const only = flag('--only', null);
const onlyCorpus = flag('--corpus', null);
const LIMIT = Number(flag('--limit', Infinity));
const EVERY = Number(flag('--every', 1));
const TRACE = args.includes('--trace');
const WORST = Number(flag('--worst', 12));
const NOW = '2020-06-01T00:00:00Z';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0;
};
const median = (xs) => quantile(xs, 0.5);
const fmt = (x) => x.toFixed(3);

function readabilityRun(doc) {
  const t = performance.now();
  const reader = new Readability(doc.cloneNode(true));
  const parsed = reader.parse();
  // _attempts (private, read-only here): one entry per _grabArticle pass that found under
  // charThreshold (500) characters and was retried with fewer flags; each retry re-parses the body.
  return {
    ms: performance.now() - t,
    text: parsed?.textContent ?? '',
    retries: Array.isArray(reader._attempts) ? reader._attempts.map((a) => a.textLength) : null,
  };
}
/**
 * All the text of the core's `content`, captions and credits included: `textContent` leaves captions
 * out (they are not running text), so this row shows what that choice is worth in the score.
 */
function contentText(html) {
  return html
    .replace(/<\/?(?:p|div|h[1-6]|li|ul|ol|figure|figcaption|table|tr|td|th|blockquote|pre|section|br)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, ' ');
}

/** Text each cleaning rule removed, summed over the pages run (--trace): characters and pages, by rule. */
const traceTotals = new Map();
function coreRun(doc, url, trace) {
  const removed = trace ? [] : undefined;
  const t = performance.now();
  const r = extract(doc, { url, now: NOW, debug: removed ? { removed } : undefined });
  return {
    ms: performance.now() - t,
    text: r.error && r.error.code !== 'no-article' ? '' : r.textContent,
    result: r,
    removed,
  };
}

/** The text a rule removed that the ground truth holds (4-gram shingles shared), in characters. */
function truthOverlap(truthText, removedText) {
  const s = scorePage(truthText, removedText);
  return s.tp;
}

function runCorpus(name) {
  const dir = path.join(ROOT, name);
  const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'));
  const ids = readdirSync(path.join(dir, 'html'))
    .map((f) => f.replace(/\.html\.gz$/, ''))
    .filter((id) => truth[id])
    .filter((id) => !only || id.startsWith(only))
    .sort()
    .filter((_, i) => i % EVERY === 0)
    .slice(0, LIMIT);
  const single = only && ids.length === 1;
  const REPS = Number(flag('--reps', single ? 1 : 2));
  const rows = [];
  let n = 0;
  for (const id of ids) {
    const html = gunzipSync(readFileSync(path.join(dir, 'html', `${id}.html.gz`))).toString('utf8');
    const url = truth[id].url ?? 'https://fake-url.com/';
    const dom = parsePage(html, url);
    const doc = dom.window.document;
    let rd = null;
    let core = null;
    for (let rep = 0; rep < REPS; rep++) {
      // Alternate which goes first so caches and GC pauses do not favour one side.
      const a = rep % 2 === 0 ? readabilityRun(doc) : null;
      const c = coreRun(doc, url, TRACE && rep === 0);
      const b = a ?? readabilityRun(doc);
      if (!rd || b.ms < rd.ms) rd = b;
      if (!core || c.ms < core.ms) core = { ...c, removed: core?.removed ?? c.removed };
    }
    dom.window.close();
    const body = truth[id].articleBody;
    const sr = scorePage(body, rd.text);
    const sc = scorePage(body, core.text);
    const sa = scorePage(
      body,
      core.result.error && core.result.error.code !== 'no-article' ? '' : contentText(core.result.content),
    );
    if (core.removed) {
      for (const { kind, text } of core.removed) {
        const lost = truthOverlap(body, text);
        const e = traceTotals.get(kind) ?? { removals: 0, chars: 0, truthShingles: 0, pages: new Set() };
        e.removals++;
        e.chars += text.length;
        e.truthShingles += lost;
        if (lost > 0) e.pages.add(`${name}:${id.slice(0, 20)}`);
        traceTotals.set(kind, e);
      }
    }
    const t = core.result.timings ?? {};
    rows.push({
      id,
      url,
      readability: {
        ...sr,
        f1: pageF1(sr),
        ms: rd.ms,
        retries: rd.retries,
        chars: rd.text.replace(/\s+/g, ' ').trim().length,
      },
      core: { ...sc, f1: pageF1(sc), ms: core.ms, chars: core.text.length },
      coreAll: sa,
      timings: t,
      isNews: core.result.isNews,
      newsScore: core.result.newsScore,
      error: core.result.error?.code ?? null,
      subset: truth[id].subset ?? null,
    });
    if (single) {
      console.log(
        '--- truth\n' + body + '\n--- readability\n' + rd.text.replace(/\s+/g, ' ') + '\n--- core\n' + core.text,
      );
      console.log(JSON.stringify({ ...core.result, content: undefined, textContent: undefined }, null, 1));
      if (core.removed) for (const r of core.removed) console.log(`removed [${r.kind}] ${r.text.slice(0, 200)}`);
    }
    if (++n % 50 === 0) process.stderr.write(`${name} ${n}/${ids.length}\n`);
  }
  return report(name, rows, REPS);
}

function report(name, rows, REPS) {
  const corpusR = scoreCorpus(rows.map((r) => r.readability));
  const corpusC = scoreCorpus(rows.map((r) => r.core));
  const corpusA = scoreCorpus(rows.map((r) => r.coreAll));
  const timeR = rows.map((r) => r.readability.ms);
  const timeC = rows.map((r) => r.core.ms);
  const ratios = rows.map((r) => r.core.ms / r.readability.ms);
  const related = rows.map((r) => r.timings.related ?? 0);
  const steps = {};
  for (const k of new Set(rows.flatMap((r) => Object.keys(r.timings))))
    steps[k] = median(rows.map((r) => r.timings[k] ?? 0));
  const line = (c, times) => ({
    F1: fmt(c.f1),
    P: fmt(c.precision),
    R: fmt(c.recall),
    accuracy: fmt(c.accuracy),
    'median ms': times ? median(times).toFixed(1) : '',
    'p95 ms': times ? quantile(times, 0.95).toFixed(1) : '',
  });
  console.log(`\n=== ${name}: ${rows.length} pages, best of ${REPS} runs per page\n`);
  console.table({
    'readability 0.6.0': line(corpusR, timeR),
    'dateline core': line(corpusC, timeC),
    'core, captions incl.': line(corpusA),
  });
  console.log(
    `${name} SUMMARY core F1 ${fmt(corpusC.f1)} P ${fmt(corpusC.precision)} R ${fmt(corpusC.recall)} | ` +
      `readability F1 ${fmt(corpusR.f1)} P ${fmt(corpusR.precision)} R ${fmt(corpusR.recall)} | ` +
      `ΔF1 ${corpusC.f1 - corpusR.f1 >= 0 ? '+' : ''}${fmt(corpusC.f1 - corpusR.f1)} ΔR ${corpusC.recall - corpusR.recall >= 0 ? '+' : ''}${fmt(corpusC.recall - corpusR.recall)}`,
  );
  const subsets = [...new Set(rows.map((r) => r.subset).filter(Boolean))].sort();
  for (const s of subsets) {
    const sub = rows.filter((r) => r.subset === s);
    const c = scoreCorpus(sub.map((r) => r.core));
    const rr = scoreCorpus(sub.map((r) => r.readability));
    console.log(
      `  ${s} (${sub.length}): core F1 ${fmt(c.f1)} P ${fmt(c.precision)} R ${fmt(c.recall)} | readability F1 ${fmt(rr.f1)} P ${fmt(rr.precision)} R ${fmt(rr.recall)}`,
    );
  }
  console.log('core scores result.textContent (running text; captions stay in content but are not read as the story);');
  console.log('"captions incl." scores all the text of result.content, for comparison.');
  console.log(
    `core/readability time ratio per page: median ${median(ratios).toFixed(2)}, p95 ${quantile(ratios, 0.95).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}`,
  );
  console.log(
    `core step medians (ms): ${Object.entries(steps)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ')}`,
  );
  console.log(
    `related step: median ${median(related).toFixed(1)} ms beside the core's total median ${median(timeC).toFixed(1)} ms`,
  );
  // Readability's retries (the core's Readability pass is the same algorithm, so it retries on the same pages).
  const retried = rows.filter((r) => r.readability.retries?.length);
  console.log(
    `Readability retried _grabArticle (under 500 chars found) on ${retried.length}/${rows.length} pages: ` +
      `${retried.filter((r) => r.readability.retries.length >= 4).length} ran all 4 passes; their median parse ${median(retried.map((r) => r.readability.ms)).toFixed(1)} ms vs ${median(rows.filter((r) => !r.readability.retries?.length).map((r) => r.readability.ms)).toFixed(1)} ms without retries`,
  );
  console.log(`isNews true on ${rows.filter((r) => r.isNews).length}/${rows.length} pages (all are news articles)`);

  // The issue's floor: no page where the core returns no article, or under a third of Readability's
  // text, while Readability returns 500 characters or more.
  const lost = rows.filter(
    (r) =>
      r.readability.chars >= 500 &&
      (r.error === 'no-article' || !r.core.chars || r.core.chars < r.readability.chars / 3),
  );
  console.log(
    `\npages where the core returns no article or < 1/3 of Readability's text (Readability ≥ 500 chars): ${lost.length}`,
  );
  for (const r of lost)
    console.log(
      `  ${r.id.slice(0, 24)} core ${r.core.chars} chars (R ${fmt(r.core.recall)}) readability ${r.readability.chars} (R ${fmt(r.readability.recall)}) isNews ${r.isNews} ${r.error ?? ''} ${r.url}`,
    );
  // A page "fails" under F1 0.5; the goal is no page where the core fails but Readability does not.
  const regressions = rows.filter((r) => r.core.f1 < 0.5 && r.readability.f1 >= 0.5);
  console.log(`pages where the core fails (F1 < 0.5) but Readability succeeds: ${regressions.length}`);
  for (const r of regressions)
    console.log(
      `  ${r.id.slice(0, 24)} core ${fmt(r.core.f1)} readability ${fmt(r.readability.f1)} ${r.error ?? ''} ${r.url}`,
    );
  const lowR = rows
    .filter((r) => r.core.recall < r.readability.recall - 0.02)
    .sort((a, b) => a.core.recall - a.readability.recall - (b.core.recall - b.readability.recall));
  console.log(`pages where the core's recall is below Readability's by > 0.02: ${lowR.length}`);
  for (const r of lowR.slice(0, WORST))
    console.log(
      `  ${r.id.slice(0, 24)} core R ${fmt(r.core.recall)} (P ${fmt(r.core.precision)}) readability R ${fmt(r.readability.recall)} (P ${fmt(r.readability.precision)}) ${r.url}`,
    );
  const worse = rows
    .filter((r) => r.core.f1 < r.readability.f1 - 0.02)
    .sort((a, b) => a.core.f1 - a.readability.f1 - (b.core.f1 - b.readability.f1));
  console.log(`pages where the core is worse than Readability by > 0.02 F1: ${worse.length}`);
  for (const r of worse.slice(0, WORST))
    console.log(
      `  ${r.id.slice(0, 24)} core F1 ${fmt(r.core.f1)} (P ${fmt(r.core.precision)} R ${fmt(r.core.recall)}) readability ${fmt(r.readability.f1)} (P ${fmt(r.readability.precision)} R ${fmt(r.readability.recall)}) ${r.url}`,
    );
  const lowP = [...rows].sort((a, b) => a.core.precision - b.core.precision).slice(0, WORST);
  console.log(`lowest core precision:`);
  for (const r of lowP)
    console.log(
      `  ${r.id.slice(0, 24)} P ${fmt(r.core.precision)} R ${fmt(r.core.recall)} (readability P ${fmt(r.readability.precision)}) ${r.url}`,
    );
  return {
    pages: rows.length,
    reps: REPS,
    readability: { ...corpusR, medianMs: median(timeR), p95Ms: quantile(timeR, 0.95) },
    core: { ...corpusC, medianMs: median(timeC), p95Ms: quantile(timeC, 0.95), stepMedians: steps },
    coreContentInclCaptions: corpusA,
    ratio: { median: median(ratios), p95: quantile(ratios, 0.95), max: Math.max(...ratios) },
    regressions: regressions.map((r) => r.id),
    lostArticles: lost.map((r) => r.id),
    perPage: rows.map((r) => ({
      id: r.id,
      url: r.url,
      subset: r.subset,
      core: { f1: r.core.f1, precision: r.core.precision, recall: r.core.recall, ms: r.core.ms, chars: r.core.chars },
      readability: {
        f1: r.readability.f1,
        precision: r.readability.precision,
        recall: r.readability.recall,
        ms: r.readability.ms,
        retries: r.readability.retries,
        chars: r.readability.chars,
      },
      timings: r.timings,
      isNews: r.isNews,
      error: r.error,
    })),
  };
}

const names = CORPORA.filter((c) => !onlyCorpus || c === onlyCorpus);
const present = names.filter((c) => existsSync(path.join(ROOT, c, 'ground-truth.json')));
if (!present.length) {
  console.error(`bench:extract needs the corpus at ${ROOT} (${names.join(', ')} absent: nothing measured)`);
  process.exit(1);
}
for (const c of names.filter((x) => !present.includes(x))) console.error(`${c}: absent at ${ROOT}, skipped`);
const results = {};
for (const c of present) results[c] = runCorpus(c);

console.log('\n=== all corpora (same run)');
for (const [c, r] of Object.entries(results)) {
  console.log(
    `  ${c.padEnd(16)} core F1 ${fmt(r.core.f1)} P ${fmt(r.core.precision)} R ${fmt(r.core.recall)} | readability F1 ${fmt(r.readability.f1)} P ${fmt(r.readability.precision)} R ${fmt(r.readability.recall)} | no/short article ${r.lostArticles.length}`,
  );
}
if (TRACE) {
  console.log('\nremovals by rule (chars removed; truth shingles removed = recall the rule cost; pages hit):');
  const sorted = [...traceTotals].sort((a, b) => b[1].truthShingles - a[1].truthShingles);
  for (const [k, e] of sorted)
    console.log(
      `  ${k.padEnd(14)} ${String(e.removals).padStart(6)} removals ${String(e.chars).padStart(8)} chars ${String(e.truthShingles).padStart(7)} truth shingles ${e.pages.size} pages ${[...e.pages].slice(0, 6).join(' ')}`,
    );
}

if (!only && !Number.isFinite(LIMIT) && !onlyCorpus && EVERY === 1) {
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(
    path.join(here, 'results', 'extract.json'),
    JSON.stringify({ date: new Date().toISOString(), corpora: results }, null, 1),
  );
  console.log('\nwrote bench/results/extract.json');
}
