/**
 * npm run bench:extract — the core vs plain @mozilla/readability, side by side, same run, same pages,
 * same jsdom parse, over every corpus of ../shared/corpus with human-labelled article text:
 * scrapinghub (181 news pages, the set the rules were tuned on) and news-extraction (450 real pages
 * from L3S-GN1, Big9 and Chaos). Each corpus, each news-extraction subset, and news-extraction's two
 * halves (tune: even sorted index; hold-out: odd) are reported on their own.
 * Scores with the benchmark's token-shingle precision/recall/F1 (bench/lib/shingle-score.mjs), times
 * each extractor per page (best of REPS runs, alternating, so machine noise hits both alike), prints
 * the tables and writes bench/results/extract.json.
 *
 * What is scored, per corpus, by the corpus's own ground-truth convention, the same way for both systems:
 * - scrapinghub's truth is the article body alone: Readability's textContent vs the core's textContent.
 * - news-extraction's truth opens with the headline (and for L3S-GN1 holds bylines, datelines and
 *   captions: its README): the text each reader shows is scored — Readability: title + byline +
 *   textContent (its content keeps figcaptions); the core: kicker + title + standfirst + byline + the
 *   dateline line's place and agency + all text of content
 *   (captions included, as the reader shows them). The body-only rows are printed beside it.
 *
 * Pages run in a pool of child processes (--workers, default 2), each taking --batch pages (default 20)
 * and exiting, so jsdom's per-page growth (~10 MB) is freed and both corpora run whole in one go.
 *
 * Flags: --corpus <name> (one corpus), --only <id-prefix> (matching pages; one page prints both texts),
 * --limit <n> (first n pages per corpus), --every <k> (every k-th page: a sample across subsets),
 * --half tune|holdout (that half of news-extraction only), --reps <n> (default 2), --worst <n>,
 * --workers <n> (at most 2), --batch <n>, --dump <file> (every page's scores and traced removals, as JSON),
 * --trace (sum the text each cleaning rule removed, by rule, over the pages run: what costs recall).
 */
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { bundleCore, loadCore } from './lib/load-core.mjs';
import { parsePage } from './lib/parse-page.mjs';
import { scorePage, scoreCorpus, pageF1 } from './lib/shingle-score.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);
const ROOT = process.env.DATELINE_CORPUS ?? path.resolve(here, '../../shared/corpus');
const CORPORA = ['scrapinghub', 'news-extraction'];
/** Which text each corpus's truth is compared with (see the header): 'body' or 'shown'. */
const SCORED = { scrapinghub: 'body', 'news-extraction': 'shown' };
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const only = flag('--only', null);
const onlyCorpus = flag('--corpus', null);
const LIMIT = Number(flag('--limit', Infinity));
const EVERY = Number(flag('--every', 1));
const HALF = flag('--half', null);
const TRACE = args.includes('--trace');
const WORST = Number(flag('--worst', 12));
const WORKERS = Math.max(1, Math.min(2, Number(flag('--workers', 2))));
const BATCH = Math.max(1, Number(flag('--batch', 20)));
const NOW = '2020-06-01T00:00:00Z';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0;
};
const median = (xs) => quantile(xs, 0.5);
const fmt = (x) => x.toFixed(3);
const signed = (x) => `${x >= 0 ? '+' : ''}${fmt(x)}`;

function readabilityRun(doc) {
  const t = performance.now();
  const reader = new Readability(doc.cloneNode(true));
  const parsed = reader.parse();
  // _attempts (private, read-only here): one entry per _grabArticle pass that found under
  // charThreshold (500) characters and was retried with fewer flags; each retry re-parses the body.
  return {
    ms: performance.now() - t,
    text: parsed?.textContent ?? '',
    shown: [parsed?.title, parsed?.byline, parsed?.textContent].filter(Boolean).join('\n'),
    lean: parsed?.content
      ? [parsed.title, contentText(withoutCaptions(parsed.content))].filter(Boolean).join('\n')
      : '',
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

/** The content without its captions and credits (each reader keeps them in <figcaption>). */
const withoutCaptions = (html) => html.replace(/<figcaption\b[\s\S]*?<\/figcaption>/gi, '\n');

function coreRun(extract, doc, url, trace) {
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

const truthCache = new Map();
function truthOf(corpus) {
  if (!truthCache.has(corpus))
    truthCache.set(corpus, JSON.parse(readFileSync(path.join(ROOT, corpus, 'ground-truth.json'), 'utf8')));
  return truthCache.get(corpus);
}

/** One page, in a worker: both extractors on one jsdom parse, scored; the trace reduced to numbers. */
function runPage(extract, { corpus, id, reps, trace, single, half }) {
  const truth = truthOf(corpus);
  const html = gunzipSync(readFileSync(path.join(ROOT, corpus, 'html', `${id}.html.gz`))).toString('utf8');
  const url = truth[id].url ?? 'https://fake-url.com/';
  const dom = parsePage(html, url);
  const doc = dom.window.document;
  // Firefox's reader button shows where this check passes: the peers' "is there an article" gate.
  const readerable = isProbablyReaderable(doc);
  let rd = null;
  let core = null;
  for (let rep = 0; rep < reps; rep++) {
    // Alternate which goes first so caches and GC pauses do not favour one side.
    const a = rep % 2 === 0 ? readabilityRun(doc) : null;
    const c = coreRun(extract, doc, url, trace && rep === 0);
    const b = a ?? readabilityRun(doc);
    if (!rd || b.ms < rd.ms) rd = b;
    if (!core || c.ms < core.ms) core = { ...c, removed: core?.removed ?? c.removed };
  }
  dom.window.close();
  const body = truth[id].articleBody;
  const res = core.result;
  const failed = res.error && res.error.code !== 'no-article';
  const all = failed ? '' : contentText(res.content);
  // What the reader's header shows besides the title and byline: the kicker above the title, the
  // standfirst under it, and the dateline line's place and agency ("ALBANY, N.Y. (AP)", lifted out of
  // the first paragraph). The place in capitals, as the reader prints it (src/overlay/reader-css.ts:
  // `.dateline .place { text-transform: uppercase }`; the core's field is title-cased, "Albany, N.Y.").
  const wire = [res.dateline?.place?.toUpperCase(), res.dateline?.agency && `(${res.dateline.agency})`]
    .filter(Boolean)
    .join(' ');
  const shown =
    failed || !res.content
      ? ''
      : [res.kicker, res.title, res.standfirst, res.byline, wire, all].filter(Boolean).join('\n');
  // The same fields for both readers, the ones a truth may leave out taken away from both: title and
  // body, no byline, no captions (a diagnostic row: what the fields the issue asks the reader to show
  // cost against truths that omit them).
  const lean = failed || !res.content ? '' : [res.title, contentText(withoutCaptions(res.content))].join('\n');
  const sr = scorePage(body, rd.text);
  const sc = scorePage(body, core.text);
  const traced = (core.removed ?? []).map(({ kind, text }) => {
    const lost = scorePage(body, text).tp; // the removed text's 4-gram shingles the truth holds
    return { kind, chars: text.length, lost, ...(lost > 0 ? { text: text.slice(0, 300) } : {}) };
  });
  if (single) {
    console.log(
      '--- truth\n' + body + '\n--- readability\n' + rd.text.replace(/\s+/g, ' ') + '\n--- core\n' + core.text,
    );
    console.log(JSON.stringify({ ...res, content: undefined, textContent: undefined }, null, 1));
    for (const r of core.removed ?? []) console.log(`removed [${r.kind}] ${r.text.slice(0, 200)}`);
  }
  return {
    corpus,
    id,
    url,
    half,
    readability: {
      ...sr,
      f1: pageF1(sr),
      ms: rd.ms,
      retries: rd.retries,
      chars: rd.text.replace(/\s+/g, ' ').trim().length,
    },
    core: { ...sc, f1: pageF1(sc), ms: core.ms, chars: core.text.length },
    coreAll: scorePage(body, all),
    readabilityShown: scorePage(body, rd.shown),
    coreShown: scorePage(body, shown),
    readabilityLean: scorePage(body, rd.lean),
    coreLean: scorePage(body, lean),
    timings: res.timings ?? {},
    isNews: res.isNews,
    newsScore: res.newsScore,
    // What a toolbar click shows (src/overlay/mount-reader.ts: the reader for a news article with
    // content, else the "not an article" notice), on a page at its own URL (a truth with no URL is
    // scored at a made-up site root, which the verdict rightly calls a home page: left out).
    click: truth[id].url ? (res.isNews && !res.error && res.content ? 'reader' : 'notice') : null,
    readerable,
    error: res.error?.code ?? null,
    subset: truth[id].subset ?? null,
    traced,
  };
}

/** Worker process: imports the bundle, runs its batch, sends each row, exits (its memory goes with it). */
async function workerMain() {
  process.once('message', async ({ bundle, tasks }) => {
    const { extract } = await loadCore(bundle);
    for (const t of tasks) {
      let row;
      try {
        row = runPage(extract, t);
      } catch (e) {
        row = { corpus: t.corpus, id: t.id, crash: String(e?.stack ?? e) };
      }
      await new Promise((ok) => process.send({ row }, ok));
    }
    process.disconnect();
  });
}

function idsOf(name) {
  const dir = path.join(ROOT, name);
  const truth = truthOf(name);
  return readdirSync(path.join(dir, 'html'))
    .map((f) => f.replace(/\.html\.gz$/, ''))
    .filter((id) => truth[id])
    .sort()
    .map((id, i) => ({ id, half: i % 2 === 0 ? 'tune' : 'holdout' }))
    .filter(({ id, half }) => (!only || id.startsWith(only)) && (!HALF || name !== 'news-extraction' || half === HALF))
    .filter((_, i) => i % EVERY === 0)
    .slice(0, LIMIT);
}

/** Runs the tasks in up to WORKERS child processes, BATCH pages each; rows come back in task order. */
async function runPool(bundle, tasks) {
  const rows = new Array(tasks.length);
  const batches = [];
  for (let i = 0; i < tasks.length; i += BATCH) batches.push({ start: i, tasks: tasks.slice(i, i + BATCH) });
  let done = 0;
  const runBatch = ({ start, tasks: batch }) =>
    new Promise((resolve, reject) => {
      const child = fork(self, ['--worker'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let k = 0;
      child.on('message', ({ row }) => {
        if (row.crash) return reject(new Error(`${row.corpus}/${row.id}: ${row.crash}`));
        rows[start + k++] = row;
        if (++done % 50 === 0) process.stderr.write(`${done}/${tasks.length} pages\n`);
      });
      child.on('exit', (code) =>
        k === batch.length ? resolve() : reject(new Error(`worker exited ${code} after ${k}/${batch.length} pages`)),
      );
      child.send({ bundle, tasks: batch });
    });
  const queue = [...batches];
  const lane = async () => {
    while (queue.length) await runBatch(queue.shift());
  };
  await Promise.all(Array.from({ length: Math.min(WORKERS, batches.length) }, lane));
  return rows;
}

function report(name, rows, REPS) {
  const shownScored = SCORED[name] === 'shown';
  // Per page, the primary scores of this corpus (what its truth is compared with: see the header).
  const prim = (r) => {
    const c = shownScored ? r.coreShown : r.core;
    const rd = shownScored ? r.readabilityShown : r.readability;
    return { c: { ...c, f1: pageF1(c) }, rd: { ...rd, f1: pageF1(rd) } };
  };
  const corpusR = scoreCorpus(rows.map((r) => prim(r).rd));
  const corpusC = scoreCorpus(rows.map((r) => prim(r).c));
  const bodyR = scoreCorpus(rows.map((r) => r.readability));
  const bodyC = scoreCorpus(rows.map((r) => r.core));
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
    'readability 0.6.0, body': line(bodyR, timeR),
    'dateline core, body': line(bodyC, timeC),
    'core, body + captions': line(corpusA),
    'readability, title+byline+body': line(scoreCorpus(rows.map((r) => r.readabilityShown))),
    'core, title+byline+body+captions': line(scoreCorpus(rows.map((r) => r.coreShown))),
    'readability, title+body, no captions': line(scoreCorpus(rows.map((r) => r.readabilityLean))),
    'core, title+body, no captions': line(scoreCorpus(rows.map((r) => r.coreLean))),
  });
  console.log(`${name} is scored on ${shownScored ? 'the text each reader shows (title+byline+body)' : 'the body'}`);
  console.log(
    `${name} SUMMARY core F1 ${fmt(corpusC.f1)} P ${fmt(corpusC.precision)} R ${fmt(corpusC.recall)} | ` +
      `readability F1 ${fmt(corpusR.f1)} P ${fmt(corpusR.precision)} R ${fmt(corpusR.recall)} | ` +
      `ΔF1 ${signed(corpusC.f1 - corpusR.f1)} ΔR ${signed(corpusC.recall - corpusR.recall)}`,
  );
  const groups = [
    ...[...new Set(rows.map((r) => r.subset).filter(Boolean))].sort().map((g) => [g, (r) => r.subset === g]),
    ...(name === 'news-extraction' ? ['tune', 'holdout'].map((h) => [`half:${h}`, (r) => r.half === h]) : []),
  ];
  for (const [g, test] of groups) {
    const sub = rows.filter(test);
    if (!sub.length) continue;
    const c = scoreCorpus(sub.map((r) => prim(r).c));
    const rr = scoreCorpus(sub.map((r) => prim(r).rd));
    const cb = scoreCorpus(sub.map((r) => r.core));
    const rb = scoreCorpus(sub.map((r) => r.readability));
    console.log(
      `  ${g} (${sub.length}): core F1 ${fmt(c.f1)} P ${fmt(c.precision)} R ${fmt(c.recall)} | readability F1 ${fmt(rr.f1)} P ${fmt(rr.precision)} R ${fmt(rr.recall)} | ΔF1 ${signed(c.f1 - rr.f1)} ΔR ${signed(c.recall - rr.recall)}` +
        (shownScored
          ? ` || body only: core ${fmt(cb.f1)}/${fmt(cb.precision)}/${fmt(cb.recall)} readability ${fmt(rb.f1)}/${fmt(rb.precision)}/${fmt(rb.recall)}`
          : ''),
    );
  }
  console.log('body: Readability textContent vs core textContent (running text, captions left out);');
  console.log('"body + captions": all the text of the core\'s content.');
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
  const atUrl = rows.filter((r) => r.click);
  const notices = atUrl.filter((r) => r.click === 'notice');
  const clicks = {
    pages: atUrl.length,
    reader: atUrl.length - notices.length,
    readabilityReaderable: atUrl.filter((r) => r.readerable).length,
    notices: notices.map((r) => r.id),
  };
  console.log(
    `toolbar click on the ${clicks.pages} pages with their own URL: the reader on ${clicks.reader}, the "not an article" notice on ${notices.length}` +
      ` | Readability's isProbablyReaderable (Firefox's reader button) passes ${clicks.readabilityReaderable}`,
  );
  for (const r of notices)
    console.log(`  notice: ${r.id.slice(0, 24)} score ${r.newsScore} readerable ${r.readerable} ${r.url}`);

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
  const regressions = rows.filter((r) => prim(r).c.f1 < 0.5 && prim(r).rd.f1 >= 0.5);
  console.log(`pages where the core fails (F1 < 0.5) but Readability succeeds: ${regressions.length}`);
  for (const r of regressions)
    console.log(
      `  ${r.id.slice(0, 24)} core ${fmt(prim(r).c.f1)} readability ${fmt(prim(r).rd.f1)} ${r.error ?? ''} ${r.url}`,
    );
  const dR = (r) => prim(r).c.recall - prim(r).rd.recall;
  const lowR = rows.filter((r) => dR(r) < -0.02).sort((a, b) => dR(a) - dR(b));
  console.log(`pages where the core's recall is below Readability's by > 0.02: ${lowR.length}`);
  for (const r of lowR.slice(0, WORST))
    console.log(
      `  ${r.id.slice(0, 24)} core R ${fmt(prim(r).c.recall)} (P ${fmt(prim(r).c.precision)}) readability R ${fmt(prim(r).rd.recall)} (P ${fmt(prim(r).rd.precision)}) ${r.url}`,
    );
  const dF = (r) => prim(r).c.f1 - prim(r).rd.f1;
  const worse = rows.filter((r) => dF(r) < -0.02).sort((a, b) => dF(a) - dF(b));
  console.log(`pages where the core is worse than Readability by > 0.02 F1: ${worse.length}`);
  for (const r of worse.slice(0, WORST))
    console.log(
      `  ${r.id.slice(0, 24)} core F1 ${fmt(prim(r).c.f1)} (P ${fmt(prim(r).c.precision)} R ${fmt(prim(r).c.recall)}) readability ${fmt(prim(r).rd.f1)} (P ${fmt(prim(r).rd.precision)} R ${fmt(prim(r).rd.recall)}) ${r.url}`,
    );
  const lowP = [...rows].sort((a, b) => prim(a).c.precision - prim(b).c.precision).slice(0, WORST);
  console.log(`lowest core precision:`);
  for (const r of lowP)
    console.log(
      `  ${r.id.slice(0, 24)} P ${fmt(prim(r).c.precision)} R ${fmt(prim(r).c.recall)} (readability P ${fmt(prim(r).rd.precision)}) ${r.url}`,
    );
  return {
    pages: rows.length,
    reps: REPS,
    readability: { ...corpusR, medianMs: median(timeR), p95Ms: quantile(timeR, 0.95) },
    core: { ...corpusC, medianMs: median(timeC), p95Ms: quantile(timeC, 0.95), stepMedians: steps },
    scored: shownScored ? 'title+byline+body' : 'body',
    body: { readability: bodyR, core: bodyC },
    coreContentInclCaptions: corpusA,
    halves: Object.fromEntries(
      ['tune', 'holdout'].map((h) => {
        const sub = rows.filter((r) => r.half === h);
        return [
          h,
          {
            pages: sub.length,
            core: scoreCorpus(sub.map((r) => prim(r).c)),
            readability: scoreCorpus(sub.map((r) => prim(r).rd)),
          },
        ];
      }),
    ),
    ratio: { median: median(ratios), p95: quantile(ratios, 0.95), max: Math.max(...ratios) },
    regressions: regressions.map((r) => r.id),
    lostArticles: lost.map((r) => r.id),
    clicks,
    perPage: rows.map((r) => ({
      id: r.id,
      url: r.url,
      subset: r.subset,
      half: r.half,
      shown: { core: pageF1(r.coreShown), readability: pageF1(r.readabilityShown) },
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
      click: r.click,
      readerable: r.readerable,
      error: r.error,
    })),
  };
}

async function main() {
  const names = CORPORA.filter((c) => !onlyCorpus || c === onlyCorpus);
  const present = names.filter((c) => existsSync(path.join(ROOT, c, 'ground-truth.json')));
  if (!present.length) {
    console.error(`bench:extract needs the corpus at ${ROOT} (${names.join(', ')} absent: nothing measured)`);
    process.exit(1);
  }
  for (const c of names.filter((x) => !present.includes(x))) console.error(`${c}: absent at ${ROOT}, skipped`);
  const tasks = [];
  const single = only && present.reduce((n, c) => n + idsOf(c).length, 0) === 1;
  const reps = Number(flag('--reps', single ? 1 : 2));
  for (const corpus of present)
    for (const { id, half } of idsOf(corpus)) tasks.push({ corpus, id, half, reps, trace: TRACE, single });
  const bundle = await bundleCore();
  const t0 = performance.now();
  const rows = await runPool(bundle, tasks);
  process.stderr.write(
    `${rows.length} pages in ${((performance.now() - t0) / 1000).toFixed(0)} s, ${WORKERS} workers\n`,
  );
  const results = {};
  for (const c of present)
    results[c] = report(
      c,
      rows.filter((r) => r.corpus === c),
      reps,
    );
  summary(results, rows);
}

function summary(results, rows) {
  console.log('\n=== all corpora (same run)');
  for (const [c, r] of Object.entries(results)) {
    console.log(
      `  ${c.padEnd(16)} core F1 ${fmt(r.core.f1)} P ${fmt(r.core.precision)} R ${fmt(r.core.recall)} | readability F1 ${fmt(r.readability.f1)} P ${fmt(r.readability.precision)} R ${fmt(r.readability.recall)} | no/short article ${r.lostArticles.length} | click: reader ${r.clicks.reader}/${r.clicks.pages} (readerable ${r.clicks.readabilityReaderable})`,
    );
  }
  if (TRACE) {
    const traceTotals = new Map();
    for (const r of rows)
      for (const { kind, chars, lost } of r.traced) {
        const e = traceTotals.get(kind) ?? { removals: 0, chars: 0, truthShingles: 0, pages: new Set() };
        e.removals++;
        e.chars += chars;
        e.truthShingles += lost;
        if (lost > 0) e.pages.add(`${r.corpus}:${r.id.slice(0, 20)}`);
        traceTotals.set(kind, e);
      }
    console.log('\nremovals by rule (chars removed; truth shingles removed = recall the rule cost; pages hit):');
    const sorted = [...traceTotals].sort((a, b) => b[1].truthShingles - a[1].truthShingles);
    for (const [k, e] of sorted)
      console.log(
        `  ${k.padEnd(14)} ${String(e.removals).padStart(6)} removals ${String(e.chars).padStart(8)} chars ${String(e.truthShingles).padStart(7)} truth shingles ${e.pages.size} pages ${[...e.pages].slice(0, 6).join(' ')}`,
      );
  }

  const dump = flag('--dump', null);
  if (dump) writeFileSync(dump, JSON.stringify(rows));
  if (!only && !Number.isFinite(LIMIT) && !onlyCorpus && EVERY === 1 && !HALF) {
    mkdirSync(path.join(here, 'results'), { recursive: true });
    writeFileSync(
      path.join(here, 'results', 'extract.json'),
      JSON.stringify({ date: new Date().toISOString(), corpora: results }, null, 1),
    );
    console.log('\nwrote bench/results/extract.json');
  }
}

if (process.argv.includes('--worker')) await workerMain();
else await main();
