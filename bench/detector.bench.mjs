/**
 * npm run bench:detector — what the auto-clean detector costs on a page load, in Chromium.
 *
 * The detector runs on every page of a site the user enabled, so its price is paid on home pages,
 * sections and articles alike. We measure, on news pages from ../shared/corpus/scrapinghub
 * (decompressed into a temp dir and served from 127.0.0.1 under their original URL paths, so the
 * URL rules see real article URLs; every other host fails to resolve, so the network does not blur
 * the numbers):
 *
 *   - detector cost per page load: the script's top-level setup + its detection pass, timed with
 *     performance.now() inside the detector by a bench build of it (same code, plus an `onMeasure`
 *     hook that writes performance.measure entries the page can read — the production bundle has no
 *     hook and leaves no trace in the page's timeline). Median and p95, in ms.
 *   - its effect on the load event: loadEventEnd with the site enabled vs disabled (same pages,
 *     after a warm-up load, alternating which goes first, best of REPS), median of the per-page differences.
 *   - its bundle size: dist/chrome/detector.js, minified and gzipped, against the 15 KB budget.
 *
 * Mode "ask" is used so an article shows the small offer instead of injecting the full reader: the
 * reader's own cost is bench:browser's business. Flags: --pages <n> (default 40), --reps <n> (default 3).
 * Writes bench/results/detector.json. Skips (exit 0, says so) when the corpus is absent.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { launchWithExtensions } from './lib/chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/scrapinghub');
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const PAGES = flag('--pages', 40);
const REPS = flag('--reps', 3);
const BUDGET = 15_000;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : NaN;
};
const ms = (x) => `${x.toFixed(2)} ms`;

// ── bundle size (the production build) ──
const prodBundle = path.join(ROOT, 'dist/chrome/detector.js');
if (!existsSync(prodBundle)) {
  console.error('bench:detector: dist/chrome/detector.js is missing (run node build.mjs)');
  process.exit(1);
}
const bundleBytes = readFileSync(prodBundle);
const { gzipSync } = await import('node:zlib');
const size = { minified: bundleBytes.length, gzipped: gzipSync(bundleBytes, { level: 9 }).length, budget: BUDGET };
console.log(
  `bench:detector bundle detector.js ${size.minified} B minified, ${size.gzipped} B gzipped (budget ${BUDGET} B: ${size.minified <= BUDGET ? 'within' : 'OVER'})`,
);

if (!existsSync(path.join(CORPUS, 'html'))) {
  console.log(`bench:detector: corpus not found at ${CORPUS}; per-page cost not measured (skipped)`);
  process.exit(0);
}

// ── the site: corpus pages under their original paths ──
const truth = JSON.parse(readFileSync(path.join(CORPUS, 'ground-truth.json'), 'utf8'));
const ids = readdirSync(path.join(CORPUS, 'html'))
  .map((f) => f.replace(/\.html\.gz$/, ''))
  .filter((id) => truth[id])
  .sort()
  .slice(0, PAGES);
const work = await mkdtemp(path.join(tmpdir(), 'dr-bench-detector-'));
const siteDir = path.join(work, 'site');
const routes = new Map(); // URL path → file
for (const [i, id] of ids.entries()) {
  let p = '/';
  try {
    p = new URL(truth[id].url).pathname;
  } catch {
    /* keep / */
  }
  if (p === '/' || routes.has(p)) p = `/page-${i}${p}`;
  const file = path.join(siteDir, `${i}.html`);
  await mkdir(siteDir, { recursive: true });
  await writeFile(file, gunzipSync(readFileSync(path.join(CORPUS, 'html', `${id}.html.gz`))));
  routes.set(p, file);
}
const server = createServer((req, res) => {
  const file = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
  if (!file) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(readFileSync(file));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

// ── the extension: the e2e build with a timed detector ──
const ext = path.join(work, 'chrome-e2e');
await cp(path.join(ROOT, 'dist/chrome-e2e'), ext, { recursive: true });
await esbuild.build({
  stdin: {
    contents: `import { startDetector } from ${JSON.stringify(path.join(ROOT, 'src/detector/detector.ts'))};
      startDetector(window, { onMeasure: (phase, start, end, detail) => {
        performance.measure('dr-detector:' + phase, { start, end });
        if (detail) performance.mark('dr-detector-verdict:' + detail);
      } });`,
    resolveDir: ROOT,
    loader: 'ts',
    sourcefile: 'detector-bench-entry.ts',
  },
  outfile: path.join(ext, 'detector.js'),
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['chrome120'],
  logLevel: 'warning',
});

const profile = path.join(work, 'profile');
const ctx = await launchWithExtensions(profile, [ext]);
try {
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;
  const options = await ctx.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const send = (type, payload) =>
    options.evaluate(
      async ([t, p]) => {
        const r = await chrome.runtime.sendMessage({ type: t, payload: p });
        if (!r.ok) throw new Error(r.error);
        return r.value;
      },
      [type, payload],
    );
  await send('autoclean:set-mode', { site: '127.0.0.1', mode: 'ask' });
  const setEnabled = async (enabled) => {
    await send('autoclean:set-enabled', { enabled });
    const ids = await sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
    if (ids.includes('autoclean:127.0.0.1') !== enabled)
      throw new Error(`registration did not follow enabled=${enabled}`);
  };

  const page = await ctx.newPage();
  const load = async (url, withDetector) => {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    const loadMs = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return n.loadEventEnd - n.startTime;
    });
    if (!withDetector) return { loadMs };
    // The detection pass runs in an idle callback after load: wait for its measure.
    const end = Date.now() + 5_000;
    for (;;) {
      const m = await page.evaluate(() =>
        Object.fromEntries(
          performance
            .getEntriesByType('measure')
            .filter((e) => e.name.startsWith('dr-detector:'))
            .map((e) => [e.name.slice(12), e.duration]),
        ),
      );
      if ('detect' in m || Date.now() > end) {
        const verdict = await page.evaluate(
          () =>
            performance
              .getEntriesByType('mark')
              .find((e) => e.name.startsWith('dr-detector-verdict:'))
              ?.name.slice(20) ?? '',
        );
        return {
          loadMs,
          setup: m.setup,
          detect: m.detect,
          verdict,
          offered: !!(await page.$('dateline-reader-offer')),
        };
      }
      await page.waitForTimeout(20);
    }
  };

  const rows = [];
  for (const [p] of routes) {
    const url = base + p;
    const on = [],
      off = [];
    await setEnabled(false);
    await load(url, false); // warm-up: the first load of a page pays for V8's code cache and the disk cache
    for (let r = 0; r < REPS; r++) {
      // Alternate the order so neither condition always goes first (drift and caches hit both alike).
      for (const enabled of r % 2 ? [false, true] : [true, false]) {
        await setEnabled(enabled);
        (enabled ? on : off).push(await load(url, enabled));
      }
    }
    const timed = on.filter((x) => x.detect !== undefined);
    rows.push({
      path: p,
      setup: median(timed.map((x) => x.setup ?? 0)),
      detect: median(timed.map((x) => x.detect)),
      total: median(timed.map((x) => (x.setup ?? 0) + x.detect)),
      loadOn: Math.min(...on.map((x) => x.loadMs)),
      loadOff: Math.min(...off.map((x) => x.loadMs)),
      article: on.some((x) => x.offered),
      verdict: timed[0]?.verdict ?? '',
    });
    process.stdout.write('.');
  }
  process.stdout.write('\n');

  const measured = rows.filter((r) => Number.isFinite(r.total));
  const totals = measured.map((r) => r.total);
  const deltas = rows.map((r) => r.loadOn - r.loadOff);
  const result = {
    pages: rows.length,
    measured: measured.length,
    reps: REPS,
    detectorMs: { median: median(totals), p95: quantile(totals, 0.95), max: Math.max(...totals) },
    setupMs: {
      median: median(measured.map((r) => r.setup)),
      p95: quantile(
        measured.map((r) => r.setup),
        0.95,
      ),
    },
    detectMs: {
      median: median(measured.map((r) => r.detect)),
      p95: quantile(
        measured.map((r) => r.detect),
        0.95,
      ),
    },
    loadEventMs: {
      medianWith: median(rows.map((r) => r.loadOn)),
      medianWithout: median(rows.map((r) => r.loadOff)),
      medianDelta: median(deltas),
      p95Delta: quantile(deltas, 0.95),
    },
    articlesOffered: rows.filter((r) => r.article).length,
    bundle: size,
  };
  console.log(
    `bench:detector pages=${result.pages} (measured ${result.measured}, ${REPS} reps each) cost per page load: median ${ms(result.detectorMs.median)}, p95 ${ms(result.detectorMs.p95)}, max ${ms(result.detectorMs.max)} (target: median < 2 ms)`,
  );
  console.log(
    `bench:detector   setup median ${ms(result.setupMs.median)} p95 ${ms(result.setupMs.p95)} · detection median ${ms(result.detectMs.median)} p95 ${ms(result.detectMs.p95)}`,
  );
  console.log(
    `bench:detector load event: median ${ms(result.loadEventMs.medianWith)} with the detector, ${ms(result.loadEventMs.medianWithout)} without; per-page difference median ${ms(result.loadEventMs.medianDelta)}, p95 ${ms(result.loadEventMs.p95Delta)}`,
  );
  console.log(
    `bench:detector verdict: ${result.articlesOffered}/${result.pages} corpus pages (all articles) recognised as articles`,
  );
  const slow = [...measured].sort((a, b) => b.total - a.total).slice(0, 5);
  console.log(
    'slowest pages:\n' +
      slow.map((r) => `  ${ms(r.total)} ${r.path.slice(0, 70)} — ${r.verdict.slice(0, 90)}`).join('\n'),
  );
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(path.join(here, 'results/detector.json'), JSON.stringify({ ...result, rows }, null, 2));
} finally {
  await ctx.close().catch(() => {});
  server.close();
  await rm(work, { recursive: true, force: true });
}
