/**
 * npm run bench:ab — extract() of this tree against extract() of another git revision, and both
 * against plain `new Readability(document.cloneNode(true)).parse()`, on the same pages in the same
 * Chromium, measured in CPU time (issue #9).
 *
 * Why CPU time: on the shared 2-core build machines the wall clock of a page measures whoever else
 * is running (load averages of 15–30 were seen while tuning). Each variant runs in the page's main
 * world in a loop of k calls (k chosen so a loop is ~30 ms), and the cost is the renderer main
 * thread's own CPU time over that loop (/proc/<pid>/task/<pid>/schedstat; the main thread of a
 * renderer is the process's first thread), divided by k: other processes do not count. Variants
 * alternate in rotating order, --reps loops each, median per page. The same loops are also timed by
 * the page's wall clock, printed second: it counts what CPU time of the main thread leaves out
 * (garbage collection on V8's helper threads, waiting for a core), so allocation shows there. Also
 * checks that both trees give the same extract() JSON (timings aside) on every page.
 *
 * Flags: --baseline <git rev> (default HEAD: what this working tree changes), --pages <n> (default 60,
 * half from each corpus, spread evenly), --only <names> (comma-separated Readability test page names or
 * scrapinghub file-name prefixes, instead), --reps <n> (default 5), --verbose (one line per page).
 * Linux only (reads /proc). Exits 0 with a message when the corpora are absent.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { launchWithExtensions } from './lib/chromium.mjs';
import { pageBundle } from './lib/page-bundle.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const args = process.argv.slice(2);
const opt = (n, d) => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : d;
};
const REV = opt('--baseline', 'HEAD');
const N = Number(opt('--pages', 60));
const REPS = Number(opt('--reps', 5));
const SH = path.resolve(ROOT, '../shared/corpus/scrapinghub');
const RTP = path.resolve(ROOT, '../shared/corpus/readability-test-pages');
if (!existsSync(SH) || !existsSync(RTP)) {
  console.log(`bench:ab needs ../shared/corpus (absent at ${SH}): nothing measured`);
  process.exit(0);
}
if (!existsSync('/proc/self/task')) {
  console.log('bench:ab reads thread CPU time from /proc (Linux only): nothing measured');
  process.exit(0);
}

const spread = (xs, n) => {
  const step = Math.max(1, Math.floor(xs.length / n));
  return xs.filter((_, i) => i % step === 0).slice(0, n);
};
const routes = new Map();
for (const f of spread(readdirSync(path.join(SH, 'html')).sort(), N / 2))
  routes.set(`/sh/${f.replace(/\.html\.gz$/, '')}/`, () => gunzipSync(readFileSync(path.join(SH, 'html', f))));
for (const s of spread(
  readdirSync(RTP)
    .filter((d) => existsSync(path.join(RTP, d, 'source.html')))
    .sort(),
  N / 2,
))
  routes.set(`/rtp/${s}/`, () => readFileSync(path.join(RTP, s, 'source.html')));
// --only a,b,…: just these pages (Readability test page names, or scrapinghub file-name prefixes).
const only = opt('--only', null)?.split(',').filter(Boolean);
if (only) {
  routes.clear();
  for (const name of only) {
    if (existsSync(path.join(RTP, name, 'source.html'))) {
      routes.set(`/rtp/${name}/`, () => readFileSync(path.join(RTP, name, 'source.html')));
      continue;
    }
    const f = readdirSync(path.join(SH, 'html')).find((x) => x.startsWith(name));
    if (f) routes.set(`/sh/${f.replace(/\.html\.gz$/, '')}/`, () => gunzipSync(readFileSync(path.join(SH, 'html', f))));
    else console.log(`--only: no page named ${name}`);
  }
}
const server = createServer((req, res) => {
  const make = routes.get(new URL(req.url ?? '/', 'http://x').pathname);
  if (!make) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(make());
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

// The baseline's source, from git (its own src/, this tree's node_modules).
const work = mkdtempSync(path.join(tmpdir(), 'dr-bench-ab-'));
const baseDir = path.join(work, 'baseline');
mkdirSync(baseDir);
execFileSync('sh', ['-c', `git -C "${ROOT}" archive --format=tar "${REV}" src | tar -x -C "${baseDir}"`]);
symlinkSync(path.join(ROOT, 'node_modules'), path.join(baseDir, 'node_modules'));
const revName = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', REV], { encoding: 'utf8' }).trim();

const readabilityJs = await pageBundle(
  `import { Readability } from '@mozilla/readability'; globalThis.__abR = Readability;`,
  ROOT,
);
const baselineJs = await pageBundle(
  `import { extract } from './src/core/extract.ts'; globalThis.__abA = extract;`,
  baseDir,
);
const treeJs = await pageBundle(`import { extract } from './src/core/extract.ts'; globalThis.__abB = extract;`, ROOT);

const profile = path.join(work, 'profile');
const ctx = await launchWithExtensions(profile, []);
/** This browser's renderer processes (their command lines name our profile directory). */
function renderers() {
  const out = [];
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const c = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (c.includes('--type=renderer') && c.includes(profile)) out.push(d);
    } catch {
      /* gone */
    }
  }
  return out;
}
const cpuNs = (pids) =>
  pids.reduce((s, p) => {
    try {
      return s + Number(readFileSync(`/proc/${p}/task/${p}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      return s;
    }
  }, 0);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const q = (xs, f) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * f))];

const rows = [];
const started = Date.now();
for (const p of routes.keys()) {
  const page = await ctx.newPage();
  try {
    await page.goto(base + p, { waitUntil: 'load', timeout: 30_000 });
    await page.waitForTimeout(200);
    for (const js of [readabilityJs, baselineJs, treeJs]) await page.evaluate(js);
    /* global __ab, __abR, __abA, __abB -- set on the page by the bundles above */
    const same = await page.evaluate(() => {
      globalThis.__ab = {
        R: () => new __abR(document.cloneNode(true)).parse(),
        A: () => __abA(document, { url: location.href, now: '2026-12-01T00:00:00Z', locale: 'en-US', timeZone: 'UTC' }),
        B: () => __abB(document, { url: location.href, now: '2026-12-01T00:00:00Z', locale: 'en-US', timeZone: 'UTC' }),
      };
      __ab.R();
      return JSON.stringify({ ...__ab.A(), timings: 0 }) === JSON.stringify({ ...__ab.B(), timings: 0 });
    });
    const oneMs = await page.evaluate(() => {
      const t = performance.now();
      __ab.R();
      return performance.now() - t;
    });
    const k = Math.max(1, Math.min(50, Math.round(30 / (oneMs + 0.05))));
    const pids = renderers();
    const s = { R: [], A: [], B: [] };
    const w = { R: [], A: [], B: [] };
    const orders = [
      ['R', 'A', 'B'],
      ['B', 'A', 'R'],
      ['A', 'R', 'B'],
      ['B', 'R', 'A'],
    ];
    for (let i = 0; i < REPS; i++) {
      for (const key of orders[i % orders.length]) {
        const c0 = cpuNs(pids);
        const wall = await page.evaluate(
          ([key, k]) => {
            const t = performance.now();
            for (let j = 0; j < k; j++) __ab[key]();
            return performance.now() - t;
          },
          [key, k],
        );
        s[key].push((cpuNs(pids) - c0) / 1e6 / k);
        w[key].push(wall / k);
      }
    }
    rows.push({
      page: p,
      R: median(s.R),
      A: median(s.A),
      B: median(s.B),
      wallR: median(w.R),
      wallA: median(w.A),
      wallB: median(w.B),
      same,
    });
  } catch (e) {
    rows.push({ page: p, failure: String(e?.message ?? e).split('\n')[0] });
  }
  await page.close().catch(() => {});
}
await ctx.close();
server.close();
rmSync(work, { recursive: true, force: true });

const ok = rows.filter((r) => r.R > 0 && r.A > 0 && r.B > 0);
const ratios = (f) => ok.map(f);
const line = (xs) => ({
  median: +median(xs).toFixed(3),
  p95: +q(xs, 0.95).toFixed(3),
  max: +Math.max(...xs).toFixed(3),
  'over 2': xs.filter((x) => x > 2).length,
});
/** The three ratios per page, from one measure of the variants (the row keys of Readability, baseline, tree). */
const ratioRows = (R, A, B) => ({
  [`baseline ${revName} ÷ Readability`]: line(ratios((r) => r[A] / r[R])),
  ['this tree ÷ Readability']: line(ratios((r) => r[B] / r[R])),
  [`this tree ÷ baseline ${revName}`]: {
    ...line(ratios((r) => r[B] / r[A])),
    p10: +q(
      ratios((r) => r[B] / r[A]),
      0.1,
    ).toFixed(3),
  },
});
const summary = {
  pages: ok.length,
  skipped: rows.filter((r) => r.failure).map((r) => `${r.page}: ${r.failure}`),
  ...ratioRows('R', 'A', 'B'),
  wallClock: ratioRows('wallR', 'wallA', 'wallB'),
  cpuMsSummed: {
    readability: +ok.reduce((t, r) => t + r.R, 0).toFixed(1),
    baseline: +ok.reduce((t, r) => t + r.A, 0).toFixed(1),
    tree: +ok.reduce((t, r) => t + r.B, 0).toFixed(1),
  },
  outputsDiffer: ok.filter((r) => !r.same).map((r) => r.page),
};
console.log(
  `\nbench:ab — ${ok.length} pages, ${REPS} loops each, renderer main-thread CPU time per call, ${Math.round((Date.now() - started) / 1000)} s`,
);
console.table(Object.fromEntries(Object.entries(summary).filter(([k]) => k.includes('÷'))));
console.log('CPU ms summed over the pages (one call each):', JSON.stringify(summary.cpuMsSummed));
console.log(
  "The same loops by the page's wall clock (includes garbage collection on V8's helper threads and time the main thread waited for a core):",
);
console.table(summary.wallClock);
console.log(`extract() output differs from the baseline on: ${summary.outputsDiffer.join(' ') || 'no page'}`);
if (summary.skipped.length) console.log('skipped:', summary.skipped.join('; '));
if (args.includes('--verbose'))
  console.table(
    ok.map((r) => ({
      page: r.page.slice(0, 40),
      readabilityMs: +r.R.toFixed(2),
      baselineMs: +r.A.toFixed(2),
      treeMs: +r.B.toFixed(2),
    })),
  );
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(
  path.join(here, 'results/ab.json'),
  JSON.stringify({ date: new Date().toISOString(), baseline: revName, summary, pages: rows }, null, 1),
);
console.log('wrote bench/results/ab.json');
