/**
 * node bench/open-profile.mjs [--pages n] — where the first open's time goes (issue #24), ours and the
 * peer (bench/peer) on the same fresh page loads, in headless Chromium:
 *  - a Chromium trace of the page's renderer main thread from the click to the overlay's paint: script
 *    evaluation and compilation, function calls, style recalculation, layout, paint, GC, and the idle
 *    time in between (the background's round trips); and the same up to the overlay's first paint
 *    (the first Paint after our open measure, or after the peer's script), the rest being after it;
 *  - a CPU profile (CDP Profiler, 100 µs sampling) with self time per source module: for this, our
 *    content.js is rebuilt without minification, so that its `// src/...` module comments name the code.
 * Prints medians per page; writes bench/results/open-profile.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { launchWithExtensions } from './lib/chromium.mjs';
import { CORPUS_ROOT, serveScrapinghub } from './lib/corpus.mjs';
import { pageBundle } from './lib/page-bundle.mjs';
import { bundleDefines } from '../scripts/build-defines.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..');
const SH = path.join(CORPUS_ROOT, 'scrapinghub');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const N = Number(opt('--pages', 6));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const r1 = (x) => Math.round(x * 10) / 10;

const ids = JSON.parse(readFileSync(path.join(SH, 'ground-truth.json'), 'utf8'));
const pageIds = Object.keys(ids)
  .sort()
  .filter((_, i) => i % 7 === 3)
  .slice(0, N);
const { server, base } = await serveScrapinghub(pageIds);

const work = await mkdtemp(path.join(tmpdir(), 'dr-open-profile-'));
const ours = path.join(work, 'ours');
const oursProfiled = path.join(work, 'ours-named');
await cp(path.join(ROOT, 'dist/chrome-e2e'), ours, { recursive: true });
await cp(path.join(ROOT, 'dist/chrome-e2e'), oursProfiled, { recursive: true });
// The named copy: same code, not minified (module comments on), for the CPU profile's attribution only.
await esbuild.build({
  entryPoints: { content: path.join(ROOT, 'src/content/e2e.ts') },
  outdir: oursProfiled,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['chrome120'],
  minify: false,
  logLevel: 'warning',
  define: bundleDefines({ e2e: true }),
});
const peer = path.join(work, 'peer');
mkdirSync(peer);
for (const f of ['manifest.json', 'background.js']) await cp(path.join(here, 'peer', f), path.join(peer, f));
writeFileSync(path.join(peer, 'content.js'), await pageBundle(`import './bench/peer/content.mjs';`, ROOT));

/** line → module, from the unminified bundle's `// src/x.ts` comments. */
const namedSrc = readFileSync(path.join(oursProfiled, 'content.js'), 'utf8').split('\n');
const moduleAt = [];
let current = '(bundle)';
for (const line of namedSrc) {
  const m = /^\s*\/\/ (.+\.(?:ts|js|mjs))$/.exec(line);
  if (m) current = m[1].replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1');
  moduleAt.push(current);
}

async function launch(dir) {
  const ctx = await launchWithExtensions(path.join(work, `profile-${path.basename(dir)}`), [dir, peer], {
    viewport: { width: 1280, height: 900 },
    quic: true,
  });
  const idOf = {};
  const deadline = Date.now() + 20_000;
  while (Object.keys(idOf).length < 2 && Date.now() < deadline) {
    for (const w of ctx.serviceWorkers()) {
      const n = await w.evaluate(() => chrome.runtime.getManifest().name).catch(() => null);
      if (n) idOf[n.startsWith('Peer') ? 'peer' : 'ours'] = new URL(w.url()).host;
    }
    await ctx.waitForEvent('serviceworker', { timeout: 1000 }).catch(() => {});
  }
  return { ctx, idOf, cdp: await ctx.browser().newBrowserCDPSession() };
}

const SEL = { ours: ['dateline-reader', '.article-body'], peer: ['peer-reader', '.content'] };

async function click(b, page, who) {
  const { targetInfos } = await b.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const targetId = targetInfos.find((t) => t.url === page.url())?.targetId;
  await b.cdp.send('Extensions.triggerAction', { id: b.idOf[who], targetId });
  await page.waitForFunction(
    ([tag, sel]) => {
      const t = document.documentElement.querySelector(`:scope > ${tag}`)?.shadowRoot?.querySelector(sel);
      return (
        !!t?.textContent?.trim() ||
        !!document.documentElement.querySelector(`:scope > ${tag}`)?.shadowRoot?.querySelector('.notice')
      );
    },
    SEL[who],
    { polling: 'raf', timeout: 8000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const TRACE_CATS = [
  'devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'v8',
  'blink.user_timing',
  'toplevel',
];
const KEEP = [
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'V8.CompileCode',
  'v8.parseOnBackground',
  'FunctionCall',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'PrePaint',
  'Layerize',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'V8.GC_MARK_COMPACTOR',
  'ParseHTML',
  'RunTask',
  'ThreadControllerImpl::RunTask',
];

/** Main-thread time by event name (durations of nested events count in each), and the idle gaps. */
function summarizeTrace(events) {
  const threads = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      threads.set(`${e.pid}:${e.tid}`, true);
  }
  const byThread = new Map();
  for (const e of events) {
    const k = `${e.pid}:${e.tid}`;
    if (!threads.has(k) || e.ph !== 'X') continue;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  // The page's main thread: the one that ran the content script (an EvaluateScript of an extension URL).
  let main = null;
  for (const [k, evs] of byThread) {
    if (evs.some((e) => e.name === 'EvaluateScript' && /-extension:\/\//.test(e.args?.data?.url ?? ''))) main = evs;
    if (main) {
      void k;
      break;
    }
  }
  if (!main) return null;
  // The overlay's first paint: the first Paint after our open measure's end (test builds write it), or
  // for the peer, whose script opens its overlay in its own evaluation, after that evaluation.
  const measured = events.filter((e) => e.name === 'dateline-reader:open').map((e) => e.ts);
  const shown = measured.length
    ? Math.max(...measured)
    : Math.min(
        ...main
          .filter((e) => e.name === 'EvaluateScript' && /-extension:\/\//.test(e.args?.data?.url ?? ''))
          .map((e) => e.ts + (e.dur ?? 0)),
      );
  const firstPaint = main.find((e) => e.name === 'Paint' && e.ts > shown)?.ts ?? Infinity;
  const sums = {};
  const before = {};
  for (const e of main) {
    if (!KEEP.includes(e.name)) continue;
    sums[e.name] = (sums[e.name] ?? 0) + (e.dur ?? 0) / 1000;
    if (e.ts < firstPaint) before[e.name] = (before[e.name] ?? 0) + (e.dur ?? 0) / 1000;
  }
  const tasks = main
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')
    .sort((a, b) => a.ts - b.ts);
  const evals = main.filter((e) => e.name === 'EvaluateScript' && /-extension:\/\//.test(e.args?.data?.url ?? ''));
  const start = evals[0]?.ts ?? 0;
  const end = Math.max(...tasks.map((t) => t.ts + (t.dur ?? 0)));
  const busy = tasks.filter((t) => t.ts >= start).reduce((s, t) => s + (t.dur ?? 0), 0) / 1000;
  sums['(from content script evaluation to last task: span)'] = (end - start) / 1000;
  sums['(busy tasks in that span)'] = busy;
  sums['(content script EvaluateScript)'] = evals.reduce((s, e) => s + e.dur / 1000, 0);
  before['(from content script evaluation to the first paint: span)'] = (firstPaint - start) / 1000;
  return { sums, before };
}

function summarizeProfile(profile, named) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map(); // id → ms
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const next = dt[i + 1] ?? 0;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + next / 1000);
  }
  const byModule = {};
  const byFunction = {};
  for (const [id, ms] of self) {
    const cf = nodes.get(id).callFrame;
    let key;
    if (/content\.js$/.test(cf.url)) key = named ? (moduleAt[cf.lineNumber] ?? '(bundle)') : 'content.js';
    else if (cf.url) key = cf.url.replace(/^.*\//, '');
    else key = cf.functionName || '(native)';
    byModule[key] = (byModule[key] ?? 0) + ms;
    if (named && /content\.js$/.test(cf.url)) {
      const fn = `${key}: ${cf.functionName || '(anonymous)'}`;
      byFunction[fn] = (byFunction[fn] ?? 0) + ms;
    }
  }
  return { byModule, byFunction };
}

const results = { trace: { ours: [], peer: [] }, beforePaint: { ours: [], peer: [] }, profile: { ours: [], peer: [] } };
const oursB = await launch(ours);
for (const [i, id] of pageIds.entries()) {
  for (const who of i % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
    const page = await oursB.ctx.newPage();
    await page.goto(`${base}/sh/${id}/`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    await oursB.ctx.browser().startTracing(page, { categories: TRACE_CATS });
    await click(oursB, page, who);
    const buf = await oursB.ctx.browser().stopTracing();
    const s = summarizeTrace(JSON.parse(buf.toString()).traceEvents);
    if (s) {
      results.trace[who].push(s.sums);
      results.beforePaint[who].push(s.before);
    }
    await page.close();
  }
}
await oursB.ctx.close();
const namedB = await launch(oursProfiled);
for (const [i, id] of pageIds.entries()) {
  for (const who of i % 2 ? ['peer', 'ours'] : ['ours', 'peer']) {
    const page = await namedB.ctx.newPage();
    await page.goto(`${base}/sh/${id}/`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    const s = await namedB.ctx.newCDPSession(page);
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 100 });
    await s.send('Profiler.start');
    await click(namedB, page, who);
    const { profile } = await s.send('Profiler.stop');
    results.profile[who].push(summarizeProfile(profile, who === 'ours'));
    await page.close();
  }
}
await namedB.ctx.close();
server.close();
await rm(work, { recursive: true, force: true });

const med = (list) => {
  const keys = [...new Set(list.flatMap((o) => Object.keys(o)))];
  return Object.fromEntries(keys.map((k) => [k, r1(median(list.map((o) => o[k] ?? 0)))]).sort((a, b) => b[1] - a[1]));
};
const out = {
  pages: pageIds.length,
  traceMedianMs: { ours: med(results.trace.ours), peer: med(results.trace.peer) },
  beforeFirstPaintMedianMs: { ours: med(results.beforePaint.ours), peer: med(results.beforePaint.peer) },
  profileSelfMsMedian: {
    ours: med(results.profile.ours.map((p) => p.byModule)),
    peer: med(results.profile.peer.map((p) => p.byModule)),
  },
  oursFunctionsSelfMsMedian: med(results.profile.ours.map((p) => p.byFunction)),
};
console.log(
  `open-profile: ${pageIds.length} pages; main-thread trace, median ms per page (nested events count in each)`,
);
console.table(
  Object.fromEntries(
    Object.keys({ ...out.traceMedianMs.ours, ...out.traceMedianMs.peer }).map((k) => [
      k,
      { ours: out.traceMedianMs.ours[k] ?? 0, peer: out.traceMedianMs.peer[k] ?? 0 },
    ]),
  ),
);
console.log("of which before the overlay's first paint (the first Paint after the open; the rest is after it):");
console.table(
  Object.fromEntries(
    Object.keys({ ...out.beforeFirstPaintMedianMs.ours, ...out.beforeFirstPaintMedianMs.peer }).map((k) => [
      k,
      { ours: out.beforeFirstPaintMedianMs.ours[k] ?? 0, peer: out.beforeFirstPaintMedianMs.peer[k] ?? 0 },
    ]),
  ),
);
console.log('CPU profile, self ms per module (median per page), ours (unminified copy):');
console.table(
  Object.entries(out.profileSelfMsMedian.ours)
    .slice(0, 30)
    .map(([k, v]) => ({ module: k, ms: v })),
);
console.log('ours, self ms per function (median per page):');
console.table(
  Object.entries(out.oursFunctionsSelfMsMedian)
    .slice(0, 25)
    .map(([k, v]) => ({ fn: k, ms: v })),
);
console.log('peer:');
console.table(
  Object.entries(out.profileSelfMsMedian.peer)
    .slice(0, 12)
    .map(([k, v]) => ({ module: k, ms: v })),
);
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(
  path.join(here, 'results/open-profile.json'),
  JSON.stringify({ date: new Date().toISOString(), ...out, raw: results }, null, 1),
);
