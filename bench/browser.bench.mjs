/**
 * npm run bench:browser — the reader's cost in real Chromium with the built extension (issue #9).
 *
 * Pages: ../shared/corpus/scrapinghub (gunzipped, served under their original URL paths) and
 * ../shared/corpus/readability-test-pages (served as /rtp/<slug>/), all from 127.0.0.1; every other
 * host fails to resolve, so the network does not blur the numbers. Plus two synthetic heavy pages
 * (5 MB of article text; 100,000 elements).
 *
 * The peer (issue #24): what a user would pick instead, a bare reader extension (bench/peer: on the
 * toolbar click it injects Readability, parses a clone of the document, sanitizes with DOMPurify and
 * shows title + content in a Shadow-DOM overlay; bundled here with esbuild, minified). Both extensions
 * are loaded in the same Chromium; per page, each gets its own fresh page load and first open (click →
 * overlay painted, same criterion), then a warm reopen, the order alternating from page to page, so
 * that the machine's load falls on both alike: the ratio of the two is the number to read.
 *
 * Per page, in one headless Chromium with a snapshot of dist/chrome-e2e (and the peer):
 *  - click → overlay painted: from CDP Extensions.triggerAction (a real toolbar click, including the
 *    on-demand injection of content.js) to the second animation frame after the overlay's shadow
 *    root shows the article (or the "not an article" notice), on the wall clock of both sides;
 *  - the content script's own measure `dateline-reader:open` (extract + mount, cold, isolated world; written by
 *    test builds only, see scripts/build-defines.mjs);
 *  - long tasks (> 50 ms, PerformanceObserver 'longtask') between the click and the paint + 300 ms;
 *  - heap the opened reader adds (CDP Runtime.getHeapUsage after a forced GC, before vs after), on
 *    every --heap-every'th page;
 *  - a second, warm open of the same page (the content script is already there: extract + mount
 *    without the cold start), for the pipeline the issue's ratio target names, render included:
 *    the core's in-page extract() time plus the warm mount (the overlay's DOM built, before layout
 *    and paint, so a lower bound of rendering) over Readability's parse (--no-warm skips it);
 *  - then, with the overlay closed, the core's extract() vs plain
 *    `new Readability(document.cloneNode(true)).parse()` on the same page in the same run: both
 *    bundled with esbuild (minified, as in the extension) and evaluated in the page, one untimed
 *    warm-up run each, then --reps samples alternating (each the mean of back-to-back calls over
 *    10 ms), median of each; the ratio per page, its median and p95.
 * Also: bundle sizes of dist/chrome/*.js (minified, gzipped); the heavy pages (notice or overlay
 * shown? longest task = the freeze); the detector's numbers from `bench/detector.bench.mjs` when
 * that script exists (run as a child process).
 *
 * Flags: --pages <n> pages in all (scrapinghub first), --limit <n> pages per corpus (default: all),
 * --reps <n> (default 5), --heap-every <n> (default 5), --no-detector, --no-warm, --no-heavy, --no-peer,
 * --asleep: before each extension's first open of a page, stop the service workers (CDP
 * ServiceWorker.stopAllWorkers, as Chrome does after 30 s idle), so that the click wakes the worker first, as a
 * user's click usually does; the worker's restart is checked (its target shows up again) and timed from the click,
 * --only <substring of the path>, --baseline <git rev>[,<git rev>…]: also our extension built from each
 * revision (its src/, build.mjs, manifest; this tree's node_modules), loaded beside the others and opened on
 * its own fresh page load of each page in the same rotation: a lever's before → after (or several variants
 * against the peer) in the same run. With one baseline, the order per page is as it always was; with more,
 * the order of all the extensions rotates from page to page.
 * Prints a table and writes bench/results/browser.json. Exits 0 with a message when the corpora are absent.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { launchWithExtensions } from './lib/chromium.mjs';
import { pageBundle } from './lib/page-bundle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const SH = path.resolve(ROOT, '../shared/corpus/scrapinghub');
const RTP = path.resolve(ROOT, '../shared/corpus/readability-test-pages');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const LIMIT = Number(opt('--limit', Infinity));
const PAGES = Number(opt('--pages', Infinity));
const PEER = !args.includes('--no-peer');
const HEAVY = !args.includes('--no-heavy');
const BASELINES = (opt('--baseline', '') ?? '').split(',').filter(Boolean);
const REPS = Number(opt('--reps', 5));
const HEAP_EVERY = Number(opt('--heap-every', 5));
const ONLY = opt('--only', null);
const WARM = !args.includes('--no-warm');
const ASLEEP = args.includes('--asleep');
const TAG = 'dateline-reader';

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN;
};
const median = (xs) => q(xs, 0.5);
const r1 = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
const r2 = (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);

if (!existsSync(SH) && !existsSync(RTP)) {
  console.log(`bench:browser needs ../shared/corpus (absent at ${SH}): nothing measured`);
  process.exit(0);
}

// ── pages ────────────────────────────────────────────────────────────────────────────────────
const routes = new Map();
const corpusPages = [];
if (existsSync(SH)) {
  const truth = JSON.parse(readFileSync(path.join(SH, 'ground-truth.json'), 'utf8'));
  const ids = readdirSync(path.join(SH, 'html'))
    .map((f) => f.replace(/\.html\.gz$/, ''))
    .sort()
    .slice(0, LIMIT);
  for (const id of ids) {
    let p = `/sh/${id}/`;
    try {
      p = new URL(truth[id]?.url).pathname.replace(/\/?$/, (m) => m) || p;
    } catch {
      /* keep */
    }
    if (routes.has(p)) p = `/sh/${id}${p}`;
    routes.set(p, () => gunzipSync(readFileSync(path.join(SH, 'html', `${id}.html.gz`))));
    corpusPages.push({ corpus: 'scrapinghub', id: id.slice(0, 12), path: p });
  }
}
if (existsSync(RTP)) {
  const slugs = readdirSync(RTP)
    .filter((d) => existsSync(path.join(RTP, d, 'source.html')))
    .sort()
    .slice(0, LIMIT);
  for (const slug of slugs) {
    const p = `/rtp/${slug}/`;
    routes.set(p, () => readFileSync(path.join(RTP, slug, 'source.html')));
    corpusPages.push({ corpus: 'readability-test-pages', id: slug, path: p });
  }
}
const PARA = `<p>${'The council met on Tuesday evening and approved the budget for schools, parks and bridges. '.repeat(6)}</p>`;
const heavy = {
  '/synthetic/5mb/': `<!doctype html><html lang="en"><head><title>Five megabytes of text</title></head><body><article><h1>Five megabytes</h1>${PARA.repeat(Math.ceil(5e6 / PARA.length))}</article></body></html>`,
  '/synthetic/100k-elements/': `<!doctype html><html lang="en"><head><title>A hundred thousand elements</title></head><body><article><h1>Many elements</h1>${PARA.repeat(5)}${'<div><span>word</span> <b>x</b></div>'.repeat(33_400)}</article></body></html>`,
};
for (const [p, html] of Object.entries(heavy)) routes.set(p, () => Buffer.from(html));
const pages = corpusPages.filter((p) => !ONLY || p.path.includes(ONLY)).slice(0, PAGES);

const server = createServer((req, res) => {
  const make = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
  if (!make) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(make());
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

// ── bundles for the in-page comparison ──────────────────────────────────────────────────────
const readabilityJs = await pageBundle(
  `import { Readability } from '@mozilla/readability'; globalThis.__benchReadability = Readability;`,
  ROOT,
);
const coreJs = await pageBundle(
  `import { extract } from './src/core/extract.ts'; globalThis.__benchExtract = extract;`,
  ROOT,
);

// ── browser ─────────────────────────────────────────────────────────────────────────────────
const work = await mkdtemp(path.join(tmpdir(), 'dr-bench-browser-'));
const ext = path.join(work, 'ext');
await cp(path.join(ROOT, 'dist/chrome-e2e'), ext, { recursive: true }); // a concurrent build must not change it under us
/**
 * Where the first open's time goes: each extension's injected content script, in this run's snapshot only,
 * marks `bench:script` as its first statement — after the browser delivered and V8 compiled it (ours eagerly:
 * the `//# allFunctionsCalledOnLoad` hint stays on line 1), before any of its modules runs. Click → that
 * mark is the round trip through the background plus the compile; the rest is the script's own work.
 */
const SCRIPT_MARK = 'bench:script';
function markScriptStart(file) {
  const js = readFileSync(file, 'utf8');
  const hint = js.startsWith('//# allFunctionsCalledOnLoad\n') ? '//# allFunctionsCalledOnLoad\n' : '';
  writeFileSync(file, `${hint}performance.mark(${JSON.stringify(SCRIPT_MARK)});\n${js.slice(hint.length)}`);
}
markScriptStart(path.join(ext, 'content.js'));
// The peer: its content script bundled as build.mjs bundles ours (minified IIFE), beside its manifest.
const peerDir = path.join(work, 'peer');
mkdirSync(peerDir, { recursive: true });
for (const f of ['manifest.json', 'background.js']) await cp(path.join(here, 'peer', f), path.join(peerDir, f));
writeFileSync(path.join(peerDir, 'content.js'), await pageBundle(`import './bench/peer/content.mjs';`, ROOT));
markScriptStart(path.join(peerDir, 'content.js'));
// The baselines: our extension as built by build.mjs at other git revisions, renamed so we can tell them apart.
/** Row-key prefix and extension name of the i-th baseline (the first keeps the one-baseline names). */
const baseKey = (i) => (i === 0 ? 'base' : `base${i + 1}`);
const baseName = (i) => (i === 0 ? 'Dateline Reader (baseline)' : `Dateline Reader (baseline ${i + 1})`);
const baseExts = [];
const baselineRevs = [];
for (const [i, rev] of BASELINES.entries()) {
  const tree = path.join(work, `baseline-tree-${i}`);
  const out = path.join(work, `baseline-ext-${i}`);
  mkdirSync(tree);
  const files = 'src scripts build.mjs manifest.json icons package.json';
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive --format=tar "${rev}" ${files} | tar -x -C "${tree}"`]);
  execFileSync('ln', ['-s', path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules')]);
  execFileSync(process.execPath, [path.join(tree, 'build.mjs'), '--quiet'], { cwd: tree, stdio: 'inherit' });
  await cp(path.join(tree, 'dist/chrome-e2e'), out, { recursive: true });
  markScriptStart(path.join(out, 'content.js'));
  const m = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ ...m, name: baseName(i) }));
  baseExts.push(out);
  baselineRevs.push(execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', rev], { encoding: 'utf8' }).trim());
}
const loaded = [ext, ...(PEER ? [peerDir] : []), ...baseExts];
const ctx = await launchWithExtensions(path.join(work, 'profile'), loaded, { viewport: { width: 1280, height: 900 } });
/** The service worker whose extension's manifest has this name (both extensions run one). */
async function extensionIdNamed(name) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const w of ctx.serviceWorkers()) {
      const n = await w.evaluate(() => chrome.runtime.getManifest().name).catch(() => null);
      if (n === name) return new URL(w.url()).host;
    }
    await ctx.waitForEvent('serviceworker', { timeout: 2000 }).catch(() => {});
  }
  throw new Error(`no service worker for ${name}`);
}
const OURS = {
  name: 'ours',
  id: await extensionIdNamed(JSON.parse(readFileSync(path.join(ext, 'manifest.json'), 'utf8')).name),
  tag: TAG,
  body: '.article-body',
};
const PEER_EXT = PEER
  ? { name: 'peer', id: await extensionIdNamed('Peer reader (bench only)'), tag: 'peer-reader', body: '.content' }
  : null;
const BASE_EXTS = [];
for (const i of BASELINES.keys())
  BASE_EXTS.push({ name: baseKey(i), id: await extensionIdNamed(baseName(i)), tag: TAG, body: '.article-body' });
const browserCdp = await ctx.browser().newBrowserCDPSession();
const workerRunning = async (id) =>
  (await browserCdp.send('Target.getTargets')).targetInfos.some(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`),
  );
/** --asleep: the wall-clock time origin of the extension's running service worker (when it started). */
async function workerTimeOrigin(id) {
  const origins = await Promise.all(
    ctx
      .serviceWorkers()
      .filter((w) => w.url().startsWith(`chrome-extension://${id}/`))
      .map((w) => w.evaluate(() => performance.timeOrigin).catch(() => null)),
  );
  return Math.max(...origins.filter((x) => x != null));
}
/** Stops every service worker (ours, the peer's…) and waits until this extension's is gone. */
async function putWorkersToSleep(page, who) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.send('ServiceWorker.disable');
  await cdp.detach();
  const deadline = Date.now() + 3000;
  while ((await workerRunning(who.id)) && Date.now() < deadline) await page.waitForTimeout(20);
  return !(await workerRunning(who.id));
}

/** Installed in the page before the click: long tasks, and the time the overlay is painted with content. */
function armPage({ tag, bodySel }) {
  const w = window;
  w.__bench = { longtasks: [], paintAt: null, textAt: null, kind: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__bench.longtasks.push({ start: performance.timeOrigin + e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: false });
  } catch {
    /* no longtask support */
  }
  const check = () => {
    const host = document.documentElement.querySelector(`:scope > ${tag}`);
    const root = host?.shadowRoot;
    const body = root?.querySelector(bodySel);
    const kind = body && (body.textContent ?? '').trim() ? 'article' : root?.querySelector('.notice') ? 'notice' : null;
    if (!kind) return false;
    w.__bench.textAt = performance.timeOrigin + performance.now();
    // Two frames: the first runs before the paint that shows the overlay, the second after it.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        w.__bench.paintAt = performance.timeOrigin + performance.now();
        w.__bench.kind = kind;
      }),
    );
    return true;
  };
  const mo = new MutationObserver(() => {
    if (check()) mo.disconnect();
  });
  mo.observe(document.documentElement, { childList: true, subtree: false });
  // The shadow root fills after the host is attached: poll each frame until it has content.
  const poll = () => {
    if (w.__bench.paintAt === null && !check()) requestAnimationFrame(poll);
  };
  w.__benchPoll = poll;
}

async function tabTarget(page) {
  const { targetInfos } = await browserCdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  return targetInfos.find((t) => t.url === page.url())?.targetId;
}

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

async function openReader(page, { who = OURS, heap = false, timeoutMs = 8000, asleep = false } = {}) {
  await page.evaluate(armPage, { tag: who.tag, bodySel: who.body });
  const cdp = heap ? await ctx.newCDPSession(page) : null;
  const heapBefore = cdp ? await heapUsed(cdp) : null;
  const targetId = await tabTarget(page);
  // Playwright compiles its injected helper script in the page on the first waitForFunction (~7 ms of
  // parsing, seen in a trace of the open): do that before the click, so it is not charged to the reader.
  await page.waitForFunction(() => true, null, { polling: 20 });
  const slept = asleep ? await putWorkersToSleep(page, who) : null;
  let t0 = 0;
  let retried = false;
  for (let attempt = 0; attempt < 2; attempt++) {
    t0 = performance.timeOrigin + performance.now();
    await page.evaluate(() => requestAnimationFrame(window.__benchPoll));
    await browserCdp.send('Extensions.triggerAction', { id: who.id, targetId });
    const ok = await page
      .waitForFunction(() => window.__bench.paintAt !== null, null, {
        timeout: attempt ? timeoutMs : Math.min(3000, timeoutMs),
        polling: 20,
      })
      .then(
        () => true,
        () => false,
      );
    if (ok) break;
    // The activeTab grant is sometimes lost right after a navigation (browser-testing.md): click again once.
    if (await page.evaluate((tag) => !!document.documentElement.querySelector(`:scope > ${tag}`), who.tag)) break;
    retried = true;
  }
  const b = await page.evaluate(() => window.__bench);
  await page.waitForTimeout(300);
  const longtasks = (await page.evaluate(() => window.__bench.longtasks)).filter((t) => t.start >= t0 - 5);
  const [open, coldExtract, mount] = await page.evaluate(() =>
    ['open', 'extract', 'mount'].map(
      (n) => performance.getEntriesByName(`dateline-reader:${n}`).at(-1)?.duration ?? null,
    ),
  );
  // Ours (test builds): the dateline's times were not back from the background at the mount, so the first
  // frame showed the publisher's numbers and the formatted line followed.
  const datelineLate = await page.evaluate(() => performance.getEntriesByName('dateline-reader:dateline-late').length);
  const heapAfter = cdp ? await heapUsed(cdp) : null;
  await cdp?.detach();
  const wokeAt = slept ? await workerTimeOrigin(who.id) : NaN;
  // Ours (test builds): when the content script started extracting (wake, injection and script evaluation before).
  const extractAt = await page.evaluate(() => {
    const e = performance.getEntriesByName('dateline-reader:open').at(-1);
    return e ? performance.timeOrigin + e.startTime : null;
  });
  // Every extension (snapshot's content.js, see markScriptStart): when its injected script began to run.
  const scriptAt = await page.evaluate((name) => {
    const e = performance.getEntriesByName(name).at(-1);
    return e ? performance.timeOrigin + e.startTime : null;
  }, SCRIPT_MARK);
  return {
    slept,
    workerStartMs: Number.isFinite(wokeAt) && wokeAt > t0 ? wokeAt - t0 : null,
    clickToExtractStart: extractAt != null ? extractAt - t0 : null,
    clickToScript: scriptAt != null ? scriptAt - t0 : null,
    datelineLate,
    shown: b.kind,
    clickToPaint: b.paintAt ? b.paintAt - t0 : null,
    clickToText: b.textAt ? b.textAt - t0 : null,
    retried,
    openMeasure: open,
    coldExtract,
    mount,
    longtasks: longtasks.length,
    longestTask: longtasks.reduce((m, t) => Math.max(m, t.ms), 0),
    heapAddedKB: heapBefore !== null && heapAfter !== null ? (heapAfter - heapBefore) / 1024 : null,
  };
}

/** extract() vs Readability in the page's main world, alternating, median of REPS each. */
async function compareInPage(page) {
  await page.evaluate(readabilityJs);
  await page.evaluate(coreJs);
  return page.evaluate((reps) => {
    const R = globalThis.__benchReadability;
    const extract = globalThis.__benchExtract;
    const rd = [];
    const core = [];
    let timings = null;
    let error = null;
    let readabilityOk = false;
    // One untimed run of each first: both bundles were just evaluated in this page, cold.
    new R(document.cloneNode(true)).parse();
    extract(document, { url: location.href });
    // One sample = the mean of as many back-to-back calls as fill 10 ms: the page's clock moves in
    // 0.1 ms steps (with jitter), which alone would make a 0.4 ms page's ratio wrong by ±25%.
    const sample = (f) => {
      let n = 0;
      const t0 = performance.now();
      let t = t0;
      do {
        f();
        n++;
        t = performance.now();
      } while (t - t0 < 10);
      return (t - t0) / n;
    };
    for (let i = 0; i < reps; i++) {
      const runR = () => {
        rd.push(
          sample(() => {
            readabilityOk = !!new R(document.cloneNode(true)).parse();
          }),
        );
      };
      const runX = () => {
        core.push(
          sample(() => {
            const r = extract(document, { url: location.href });
            timings = r.timings ?? null;
            error = r.error?.code ?? null;
          }),
        );
      };
      if (i % 2) {
        runX();
        runR();
      } else {
        runR();
        runX();
      }
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return { readability: med(rd), core: med(core), timings, error, readabilityOk };
  }, REPS);
}

async function closeReader(page, who = OURS) {
  if (!(await page.evaluate((tag) => !!document.documentElement.querySelector(`:scope > ${tag}`), who.tag))) return;
  // Ours closes on Escape; the peer, like most bare readers, only on a second click.
  if (who === OURS) await page.keyboard.press('Escape');
  else await browserCdp.send('Extensions.triggerAction', { id: who.id, targetId: await tabTarget(page) });
  await page
    .waitForFunction((tag) => !document.documentElement.querySelector(`:scope > ${tag}`), who.tag, { timeout: 3000 })
    .catch(() => {});
}

/** The peer on a fresh load of the page: first open, then (unless --no-warm) a warm reopen. */
async function peerOnPage(pg, who = PEER_EXT, prefix = 'peer') {
  const page = await ctx.newPage();
  try {
    await page.goto(base + pg.path, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(300);
    const r = await openReader(page, { who, asleep: ASLEEP });
    const out = {
      Slept: r.slept,
      WorkerStartMs: r.workerStartMs,
      ClickToExtractStart: r.clickToExtractStart,
      ClickToScript: r.clickToScript,
      ClickToPaint: r.clickToPaint,
      ClickToText: r.clickToText,
      Shown: r.shown,
      Retried: r.retried,
      LongestTask: r.longestTask,
      OpenMeasure: r.openMeasure,
    };
    if (WARM) {
      await closeReader(page, who);
      out.WarmClickToPaint = (await openReader(page, { who })).clickToPaint;
    }
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [prefix + k, v]));
  } catch (e) {
    return { [`${prefix}Failure`]: String(e?.message ?? e).split('\n')[0] };
  } finally {
    await page.close().catch(() => {});
  }
}

// ── run ─────────────────────────────────────────────────────────────────────────────────────
const rows = [];
const started = Date.now();
let n = 0;
/** Ours on a fresh load of the page: first open, warm reopen, then extract() vs Readability in the page. */
async function oursOnPage(pg, row) {
  const page = await ctx.newPage();
  try {
    await page.goto(base + pg.path, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(300);
    Object.assign(row, await openReader(page, { heap: n % HEAP_EVERY === 0, asleep: ASLEEP }));
    await closeReader(page);
    if (WARM) {
      const w = await openReader(page);
      Object.assign(row, { warmClickToPaint: w.clickToPaint, warmExtract: w.coldExtract, warmMount: w.mount });
      await closeReader(page);
    }
    const cmp = await compareInPage(page);
    const ok = cmp.readabilityOk && cmp.readability > 0;
    Object.assign(row, {
      readabilityMs: cmp.readability,
      coreMs: cmp.core,
      ratio: ok ? cmp.core / cmp.readability : null,
      coreError: cmp.error,
      timings: cmp.timings,
      withRenderRatio: ok && row.warmMount != null ? (cmp.core + row.warmMount) / cmp.readability : null,
    });
  } catch (e) {
    row.failure = String(e?.message ?? e).split('\n')[0];
  }
  await page.close().catch(() => {});
}

/**
 * Who opens the page in which order. One baseline or none: the peer first on every second page, the
 * baseline first on every third (the order the single-baseline runs always had). More baselines: the
 * whole list rotates by one from page to page.
 */
function schedule(row, pg) {
  const ours = () => oursOnPage(pg, row);
  const peer = async () => Object.assign(row, await peerOnPage(pg));
  const bases = BASE_EXTS.map((who) => async () => Object.assign(row, await peerOnPage(pg, who, who.name)));
  if (bases.length > 1) {
    const all = [ours, ...(PEER ? [peer] : []), ...bases];
    return all.map((_, i) => all[(i + n) % all.length]);
  }
  const peerFirst = PEER && n % 2 === 0;
  const baseFirst = n % 3 === 0;
  return [
    ...(baseFirst ? bases : []),
    ...(peerFirst ? [peer] : []),
    ours,
    ...(PEER && !peerFirst ? [peer] : []),
    ...(baseFirst ? [] : bases),
  ];
}

for (const pg of pages) {
  n++;
  const row = { corpus: pg.corpus, page: pg.id };
  // Alternate who goes first, so that no one always gets the page right after the same other.
  for (const run of schedule(row, pg)) await run();
  rows.push(row);
  if (n % 20 === 0)
    process.stderr.write(`  ${n}/${pages.length} pages, ${Math.round((Date.now() - started) / 1000)} s\n`);
}

// Heavy pages: does the tab stay responsive? (notice or overlay shown, longest task = the freeze)
const heavyRows = [];
for (const p of HEAVY ? Object.keys(heavy) : []) {
  const page = await ctx.newPage();
  try {
    await page.goto(base + p, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForTimeout(500);
    const r = await openReader(page, { timeoutMs: 30_000 });
    const error = await page.evaluate(() => {
      const root = document.documentElement.querySelector(':scope > dateline-reader')?.shadowRoot;
      return root?.querySelector('.notice')?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 120) ?? null;
    });
    heavyRows.push({ page: p, ...r, notice: error });
  } catch (e) {
    heavyRows.push({ page: p, failure: String(e?.message ?? e).split('\n')[0] });
  }
  await page.close().catch(() => {});
}

await ctx.close();
server.close();
await rm(work, { recursive: true, force: true });

// ── bundle sizes ────────────────────────────────────────────────────────────────────────────
const bundles = [];
const distChrome = path.join(ROOT, 'dist/chrome');
if (existsSync(distChrome)) {
  for (const f of readdirSync(distChrome)
    .filter((x) => x.endsWith('.js'))
    .sort()) {
    const buf = readFileSync(path.join(distChrome, f));
    bundles.push({
      bundle: f,
      minifiedKB: r1(buf.length / 1024),
      gzippedKB: r1(gzipSync(buf, { level: 9 }).length / 1024),
    });
  }
}

// ── the detector (auto-clean helper's bench) ────────────────────────────────────────────────
let detector = { skipped: 'bench/detector.bench.mjs does not exist' };
if (!args.includes('--no-detector') && existsSync(path.join(here, 'detector.bench.mjs'))) {
  try {
    execFileSync(process.execPath, [path.join(here, 'detector.bench.mjs'), '--pages', '30'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 15 * 60_000,
    });
    detector = JSON.parse(readFileSync(path.join(here, 'results/detector.json'), 'utf8'));
  } catch (e) {
    detector = { failed: String(e?.message ?? e).split('\n')[0] };
  }
} else if (args.includes('--no-detector')) detector = { skipped: '--no-detector' };

// ── summary ─────────────────────────────────────────────────────────────────────────────────
const ok = rows.filter((r) => r.clickToPaint != null);
const c2p = ok.map((r) => r.clickToPaint);
const ratios = rows.filter((r) => r.ratio != null).map((r) => r.ratio);
const opens = rows
  .filter((r) => r.openMeasure != null && r.readabilityMs > 0)
  .map((r) => r.openMeasure / r.readabilityMs);
const withRender = rows.filter((r) => r.withRenderRatio != null).map((r) => r.withRenderRatio);
const mountRatios = rows
  .filter((r) => r.warmMount != null && r.readabilityMs > 0)
  .map((r) => r.warmMount / r.readabilityMs);
const warmMounts = rows.filter((r) => r.warmMount != null).map((r) => r.warmMount);
const warmC2p = rows.filter((r) => r.warmClickToPaint != null).map((r) => r.warmClickToPaint);
const heaps = rows.filter((r) => r.heapAddedKB != null).map((r) => r.heapAddedKB);
const tasks = rows.filter((r) => r.longtasks != null);
const stepNames = [...new Set(rows.flatMap((r) => Object.keys(r.timings ?? {})))];
const steps = Object.fromEntries(
  stepNames.map((s) => [s, r1(median(rows.filter((r) => r.timings?.[s] != null).map((r) => r.timings[s])))]),
);
/** Ours vs the peer on the pages where both opened: medians, p95, ratio of medians, per-page ratio. */
function versus(oursKey, peerKey) {
  const both = rows.filter((r) => r[oursKey] != null && r[peerKey] != null);
  const a = both.map((r) => r[oursKey]);
  const b = both.map((r) => r[peerKey]);
  const per = both.map((r) => r[oursKey] / r[peerKey]);
  return {
    n: both.length,
    ours: { median: r1(median(a)), p95: r1(q(a, 0.95)) },
    peer: { median: r1(median(b)), p95: r1(q(b, 0.95)) },
    ratioOfMedians: r2(median(a) / median(b)),
    perPageRatio: { median: r2(median(per)), p95: r2(q(per, 0.95)) },
  };
}
const wake = (prefix) => {
  const key = (k) => (prefix ? prefix + k : k[0].toLowerCase() + k.slice(1));
  const ms = rows.map((r) => r[key('WorkerStartMs')]).filter((x) => x != null);
  return {
    slept: rows.filter((r) => r[key('Slept')]).length,
    notStopped: rows.filter((r) => r[key('Slept')] === false).length,
    workerStartMs: { median: r1(median(ms)), p95: r1(q(ms, 0.95)), n: ms.length },
  };
};
/** Median of a per-row quantity (rows where it is defined). */
const medianOf = (f) => {
  const xs = rows.map(f).filter((x) => x != null && Number.isFinite(x));
  return { median: r1(median(xs)), p95: r1(q(xs, 0.95)), n: xs.length };
};
const clickToExtract = (key = 'clickToExtractStart') => medianOf((r) => r[key]);
const num = (x) => (typeof x === 'number' ? x : NaN);
/**
 * Where the first open's time goes, ours beside the peer (issue #24), from the same opens: click → the
 * injected script runs (background round trip + compile), script → extraction starts (module set-up,
 * the head-start task), the cold extraction, extraction end → mount start (waiting for the message,
 * settings, the dateline's times), the mount, mount end → painted (style, layout, paint). And the
 * floor: ours with its extraction taken out (click → painted minus the cold extraction), against the
 * peer's whole open.
 */
const firstOpenParts = {
  note: 'medians over the pages each part was measured on; ours: test-build measures + bench:script mark',
  ours: {
    clickToScript: medianOf((r) => r.clickToScript),
    scriptToExtractStart: medianOf((r) => num(r.clickToExtractStart) - num(r.clickToScript)),
    coldExtract: medianOf((r) => r.coldExtract),
    extractEndToMount: medianOf((r) => num(r.openMeasure) - num(r.coldExtract) - num(r.mount)),
    mount: medianOf((r) => r.mount),
    mountToPainted: medianOf((r) => num(r.clickToPaint) - num(r.clickToExtractStart) - num(r.openMeasure)),
    clickToPainted: medianOf((r) => r.clickToPaint),
  },
  peer: PEER
    ? {
        clickToScript: medianOf((r) => r.peerClickToScript),
        scriptToPainted: medianOf((r) => num(r.peerClickToPaint) - num(r.peerClickToScript)),
        clickToPainted: medianOf((r) => r.peerClickToPaint),
      }
    : null,
  ...Object.fromEntries(
    BASE_EXTS.map((b) => [b.name, { clickToScript: medianOf((r) => r[`${b.name}ClickToScript`]) }]),
  ),
  withoutExtraction: PEER
    ? (() => {
        const both = rows.filter((r) => r.clickToPaint != null && r.coldExtract != null && r.peerClickToPaint != null);
        const a = both.map((r) => r.clickToPaint - r.coldExtract);
        const b = both.map((r) => r.peerClickToPaint);
        return {
          note: 'ours click → painted minus its cold extraction (as if extracting took 0 ms) vs the peer’s whole open',
          ours: { median: r1(median(a)), p95: r1(q(a, 0.95)) },
          peer: { median: r1(median(b)), p95: r1(q(b, 0.95)) },
          ratioOfMedians: r2(median(a) / median(b)),
          perPageRatio: { median: r2(median(both.map((r, i) => a[i] / b[i]))), n: both.length },
        };
      })()
    : null,
};
const summary = {
  pages: rows.length,
  firstOpenParts,
  /** Ours (test builds): click → the content script starts extracting (worker, injection, script evaluation). */
  clickToExtractStartMs: {
    ours: clickToExtract(),
    ...Object.fromEntries(BASE_EXTS.map((b) => [b.name, clickToExtract(`${b.name}ClickToExtractStart`)])),
  },
  asleep: ASLEEP
    ? {
        note: 'service workers stopped before each first open; workerStartMs: click → the woken worker’s performance.timeOrigin',
        ours: wake(''),
        ...(PEER ? { peer: wake('peer') } : {}),
        ...Object.fromEntries(BASE_EXTS.map((b) => [b.name, wake(b.name)])),
      }
    : null,
  vsPeer: PEER
    ? {
        note: 'same run, same pages, each on its own fresh page load, order alternating per page',
        clickToOverlayPainted: versus('clickToPaint', 'peerClickToPaint'),
        clickToArticleText: versus('clickToText', 'peerClickToText'),
        warmClickToOverlayPainted: WARM ? versus('warmClickToPaint', 'peerWarmClickToPaint') : null,
        peerFailures: rows.filter((r) => r.peerFailure || r.peerClickToPaint == null).length,
        peerShownNotice: rows.filter((r) => r.peerShown === 'notice').length,
        /** Issue #24: no page where the overlay shows later than 2× the peer. */
        laterThan2xPeer: rows.filter((r) => r.clickToPaint > 2 * r.peerClickToPaint).length,
      }
    : null,
  vsBaselines: baselineRevs.map((rev, i) => {
    const k = baseKey(i);
    return {
      rev,
      note: `this tree ÷ tree ${rev} (the same extension built from git), same run, alternating`,
      clickToOverlayPainted: versus('clickToPaint', `${k}ClickToPaint`),
      openMeasure: versus('openMeasure', `${k}OpenMeasure`),
      warmClickToOverlayPainted: WARM ? versus('warmClickToPaint', `${k}WarmClickToPaint`) : null,
      vsPeer: PEER
        ? {
            clickToOverlayPainted: versus(`${k}ClickToPaint`, 'peerClickToPaint'),
            warmClickToOverlayPainted: WARM ? versus(`${k}WarmClickToPaint`, 'peerWarmClickToPaint') : null,
            laterThan2xPeer: rows.filter((r) => r[`${k}ClickToPaint`] > 2 * r.peerClickToPaint).length,
          }
        : null,
    };
  }),
  corpora: {
    scrapinghub: rows.filter((r) => r.corpus === 'scrapinghub').length,
    'readability-test-pages': rows.filter((r) => r.corpus === 'readability-test-pages').length,
  },
  failures: rows.filter((r) => r.failure || r.clickToPaint == null).length,
  clickToOverlayMs: {
    median: r1(median(c2p)),
    p95: r1(q(c2p, 0.95)),
    max: r1(Math.max(...c2p)),
    retriedClicks: ok.filter((r) => r.retried).length,
    datelineLate: ok.filter((r) => r.datelineLate > 0).length,
    shownArticle: ok.filter((r) => r.shown === 'article').length,
    shownNotice: ok.filter((r) => r.shown === 'notice').length,
  },
  openMeasureMs: {
    median: r1(median(rows.filter((r) => r.openMeasure != null).map((r) => r.openMeasure))),
    p95: r1(
      q(
        rows.filter((r) => r.openMeasure != null).map((r) => r.openMeasure),
        0.95,
      ),
    ),
  },
  coldExtractMs: {
    median: r1(median(rows.filter((r) => r.coldExtract != null).map((r) => r.coldExtract))),
    p95: r1(
      q(
        rows.filter((r) => r.coldExtract != null).map((r) => r.coldExtract),
        0.95,
      ),
    ),
  },
  mountMs: {
    median: r1(median(rows.filter((r) => r.mount != null).map((r) => r.mount))),
    p95: r1(
      q(
        rows.filter((r) => r.mount != null).map((r) => r.mount),
        0.95,
      ),
    ),
  },
  readabilityMs: {
    median: r1(median(rows.filter((r) => r.readabilityMs).map((r) => r.readabilityMs))),
    p95: r1(
      q(
        rows.filter((r) => r.readabilityMs).map((r) => r.readabilityMs),
        0.95,
      ),
    ),
  },
  coreMs: {
    median: r1(median(rows.filter((r) => r.coreMs).map((r) => r.coreMs))),
    p95: r1(
      q(
        rows.filter((r) => r.coreMs).map((r) => r.coreMs),
        0.95,
      ),
    ),
  },
  coreVsReadability: {
    median: r2(median(ratios)),
    p95: r2(q(ratios, 0.95)),
    max: r2(Math.max(...ratios)),
    over2x: ratios.filter((x) => x > 2).length,
    n: ratios.length,
  },
  warm: WARM
    ? {
        clickToOverlayMs: { median: r1(median(warmC2p)), p95: r1(q(warmC2p, 0.95)) },
        mountMs: { median: r1(median(warmMounts)), p95: r1(q(warmMounts, 0.95)) },
        mountVsReadability: { median: r2(median(mountRatios)), p95: r2(q(mountRatios, 0.95)) },
        withRenderVsReadability: {
          median: r2(median(withRender)),
          p95: r2(q(withRender, 0.95)),
          over2x: withRender.filter((x) => x > 2).length,
          n: withRender.length,
          note: 'core extract() in page + warm mount (DOM built, before layout/paint), over Readability parse',
        },
      }
    : null,
  openVsReadability: {
    median: r2(median(opens)),
    p95: r2(q(opens, 0.95)),
    note: 'cold content-script extract + mount, vs warm Readability',
  },
  coreStepsMedianMs: steps,
  longTasksDuringOpening: {
    pagesWithAny: tasks.filter((r) => r.longtasks > 0).length,
    of: tasks.length,
    longestMs: r1(Math.max(0, ...tasks.map((r) => r.longestTask))),
    medianLongestMs: r1(median(tasks.map((r) => r.longestTask))),
  },
  heapAddedKB: { median: r1(median(heaps)), p95: r1(q(heaps, 0.95)), n: heaps.length },
  targets: {
    'click-to-overlay median < 150 ms': median(c2p) < 150,
    'click-to-overlay p95 < 400 ms': q(c2p, 0.95) < 400,
    'core ≤ 1.3× Readability (median)': median(ratios) <= 1.3,
    'no page over 2×': ratios.every((x) => x <= 2),
    ...(WARM
      ? {
          'core + warm mount ≤ 1.3× Readability (median; render included, as the issue words it)':
            median(withRender) <= 1.3,
        }
      : {}),
    'heavy pages: no freeze over 1 s': heavyRows.every(
      (h) => h.longestTask != null && h.longestTask <= 1000 && h.shown,
    ),
  },
};

console.log(
  `\nbench:browser — ${rows.length} pages (${summary.corpora.scrapinghub} scrapinghub, ${summary.corpora['readability-test-pages']} readability-test-pages), Chromium headless, ${Math.round((Date.now() - started) / 1000)} s`,
);
if (summary.vsPeer) {
  const v = summary.vsPeer;
  const line = (x) =>
    x
      ? {
          ours: x.ours.median,
          peer: x.peer.median,
          'ours p95': x.ours.p95,
          'peer p95': x.peer.p95,
          'ratio of medians': x.ratioOfMedians,
          'per-page ratio median': x.perPageRatio.median,
          'per-page p95': x.perPageRatio.p95,
          n: x.n,
        }
      : {};
  console.log(
    `ours vs the peer (bench/peer: Readability + DOMPurify + Shadow-DOM overlay), same run; ${v.peerFailures} peer failures`,
  );
  console.table({
    'first open: click → overlay painted (ms)': line(v.clickToOverlayPainted),
    'first open: click → article text in DOM (ms)': line(v.clickToArticleText),
    ...(v.warmClickToOverlayPainted ? { 'warm reopen: click → painted (ms)': line(v.warmClickToOverlayPainted) } : {}),
  });
}
for (const v of summary.vsBaselines) {
  const line = (x) =>
    x
      ? {
          'this tree': x.ours.median,
          baseline: x.peer.median,
          'this p95': x.ours.p95,
          'baseline p95': x.peer.p95,
          'ratio of medians': x.ratioOfMedians,
          'per-page ratio median': x.perPageRatio.median,
          n: x.n,
        }
      : {};
  console.log(v.note);
  console.table({
    'first open: click → overlay painted (ms)': line(v.clickToOverlayPainted),
    'first open: content script open measure (ms)': line(v.openMeasure),
    'warm reopen: click → painted (ms)': line(v.warmClickToOverlayPainted),
  });
}
if (summary.vsPeer && summary.vsBaselines.length) {
  // Each tree against the peer, same run: the table for variants of the content script (issue #24's floor).
  const row = (x, later) => ({
    median: x.ours.median,
    'peer median': x.peer.median,
    p95: x.ours.p95,
    'peer p95': x.peer.p95,
    'ratio of medians': x.ratioOfMedians,
    'per-page ratio median': x.perPageRatio.median,
    'pages > 2× peer': later,
    n: x.n,
  });
  console.log('first open, click → overlay painted (ms), each tree vs the peer, same run:');
  console.table({
    'this tree': row(summary.vsPeer.clickToOverlayPainted, summary.vsPeer.laterThan2xPeer),
    ...Object.fromEntries(
      summary.vsBaselines.map((v) => [v.rev, row(v.vsPeer.clickToOverlayPainted, v.vsPeer.laterThan2xPeer)]),
    ),
  });
}
console.table({
  'click → overlay painted (ms)': {
    median: summary.clickToOverlayMs.median,
    p95: summary.clickToOverlayMs.p95,
    max: summary.clickToOverlayMs.max,
    target: '< 150 / p95 < 400',
  },
  'content script open measure (ms)': {
    median: summary.openMeasureMs.median,
    p95: summary.openMeasureMs.p95,
    max: '',
    target: '',
  },
  '  of which extract, cold (ms)': {
    median: summary.coldExtractMs.median,
    p95: summary.coldExtractMs.p95,
    max: '',
    target: '',
  },
  '  of which mount (ms)': { median: summary.mountMs.median, p95: summary.mountMs.p95, max: '', target: '' },
  'Readability parse, in page (ms)': {
    median: summary.readabilityMs.median,
    p95: summary.readabilityMs.p95,
    max: '',
    target: '',
  },
  'core extract, in page (ms)': { median: summary.coreMs.median, p95: summary.coreMs.p95, max: '', target: '' },
  'core ÷ Readability': {
    median: summary.coreVsReadability.median,
    p95: summary.coreVsReadability.p95,
    max: summary.coreVsReadability.max,
    target: '≤ 1.3 median, ≤ 2 each',
  },
  ...(WARM
    ? {
        'warm open: click → painted (ms)': {
          median: summary.warm.clickToOverlayMs.median,
          p95: summary.warm.clickToOverlayMs.p95,
          max: '',
          target: '',
        },
        'warm mount (ms)': { median: summary.warm.mountMs.median, p95: summary.warm.mountMs.p95, max: '', target: '' },
        'warm mount ÷ Readability': {
          median: summary.warm.mountVsReadability.median,
          p95: summary.warm.mountVsReadability.p95,
          max: '',
          target: '',
        },
        '(core + warm mount) ÷ Readability': {
          median: summary.warm.withRenderVsReadability.median,
          p95: summary.warm.withRenderVsReadability.p95,
          max: '',
          target: '≤ 1.3 (render included)',
        },
      }
    : {}),
  'open (cold, + mount) ÷ Readability': {
    median: summary.openVsReadability.median,
    p95: summary.openVsReadability.p95,
    max: '',
    target: '',
  },
  'longest task while opening (ms)': {
    median: summary.longTasksDuringOpening.medianLongestMs,
    p95: '',
    max: summary.longTasksDuringOpening.longestMs,
    target: '',
  },
  'heap added by the reader (KB)': {
    median: summary.heapAddedKB.median,
    p95: summary.heapAddedKB.p95,
    max: '',
    target: '',
  },
});
console.log('ours, click → extraction starts (ms):', JSON.stringify(summary.clickToExtractStartMs));
{
  const p = summary.firstOpenParts;
  const cell = (x) => (x ? `${x.median}` : '');
  console.log('where the first open goes (median ms; ours vs the peer, same opens):');
  console.table({
    'click → script runs (round trip + compile)': {
      ours: cell(p.ours.clickToScript),
      peer: cell(p.peer?.clickToScript),
    },
    'script → extraction starts': { ours: cell(p.ours.scriptToExtractStart), peer: '' },
    'extraction (cold)': { ours: cell(p.ours.coldExtract), peer: '' },
    'extraction → mount starts': { ours: cell(p.ours.extractEndToMount), peer: '' },
    mount: { ours: cell(p.ours.mount), peer: '' },
    'mount → painted': { ours: cell(p.ours.mountToPainted), peer: '' },
    'script → painted (the peer: all its work)': { ours: '', peer: cell(p.peer?.scriptToPainted) },
    'click → painted': { ours: cell(p.ours.clickToPainted), peer: cell(p.peer?.clickToPainted) },
  });
  if (p.withoutExtraction) {
    const w = p.withoutExtraction;
    console.log(
      `ours without its extraction (click → painted − cold extraction): ${w.ours.median} ms vs the peer's whole open ` +
        `${w.peer.median} ms: ${w.ratioOfMedians}× (per page ${w.perPageRatio.median}×, ${w.perPageRatio.n} pages)`,
    );
  }
}
if (summary.asleep) console.log('asleep (first opens woke the worker):', JSON.stringify(summary.asleep));
console.log('core steps, median ms:', JSON.stringify(steps));
console.log(
  `first opens whose dateline times came after the mount (plain numbers, then redrawn): ` +
    `${summary.clickToOverlayMs.datelineLate} of ${ok.length}`,
);
console.log('heavy pages:');
console.table(
  heavyRows.map((h) => ({
    page: h.page,
    shown: h.shown ?? h.failure,
    clickToPaintMs: r1(h.clickToPaint),
    longestTaskMs: r1(h.longestTask),
    notice: h.notice,
  })),
);
console.log('bundles (dist/chrome):');
console.table(bundles);
console.log('detector:', JSON.stringify(detector.summary ?? detector).slice(0, 600));
console.log('targets:', JSON.stringify(summary.targets, null, 1));
const worst = rows
  .filter((r) => r.ratio != null)
  .sort((a, b) => b.ratio - a.ratio)
  .slice(0, 8);
console.log('highest core ÷ Readability:');
console.table(
  worst.map((r) => ({
    page: `${r.corpus.slice(0, 3)}:${r.page}`,
    readabilityMs: r1(r.readabilityMs),
    coreMs: r1(r.coreMs),
    ratio: r2(r.ratio),
    steps: JSON.stringify(Object.fromEntries(Object.entries(r.timings ?? {}).map(([k, v]) => [k, Math.round(v)]))),
  })),
);

mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(
  path.join(here, 'results/browser.json'),
  JSON.stringify(
    { date: new Date().toISOString(), summary, heavy: heavyRows, bundles, detector, pages: rows },
    null,
    1,
  ),
);
console.log('wrote bench/results/browser.json');
