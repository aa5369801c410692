// Builds everything from one source manifest:
//   dist/chrome, dist/firefox          loadable extensions (store builds)
//   dist/chrome-e2e, dist/firefox-e2e  the same plus a test hook and host permission for 127.0.0.1
//                                      (a test build, not test branches in production code)
//   dist/core.mjs                      ESM library exporting extract (any DOM)
//   dist/cli.mjs                       Node CLI (jsdom; runs no page scripts, fetches no sub-resources)
// Prints bundle sizes (minified, gzipped) and fails when a bundle is over its budget.
// Flags: --quiet (no size table), --package (zip dist/chrome and dist/firefox for the stores).
import * as esbuild from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { bundleDefines } from './scripts/build-defines.mjs';
import { fileURLToPath } from 'node:url';

const quiet = process.argv.includes('--quiet');
const doPackage = process.argv.includes('--package');
const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const GECKO_ID = 'dateline-reader@datelinereader.example';

/** Extension bundles: output name → source entry. A missing entry fails the build. */
const ENTRIES = {
  'background.js': 'src/background/index.ts',
  'content.js': 'src/content/index.ts',
  'content-later.js': 'src/content/later.ts',
  'detector.js': 'src/detector/index.ts',
  'library.js': 'src/library/index.ts',
  'options.js': 'src/options/index.ts',
};
// Tree shaking: package.json's `sideEffects` says that importing a module of src/ does nothing but define
// things, except src/background/index.ts (background/e2e.ts imports it for its listeners); bench/, scripts/
// and test/ keep their side effects (the benchmarks bundle the peer by a bare import). So a bundle drops a
// module none of whose exports it uses, even when the module builds tables at load (e.g. the related
// stage's word patterns are not in content.js, whose first phase never relates; issue #24).
/** Static files copied into every extension build. */
const PAGES = ['src/library/library.html', 'src/options/options.html', 'src/pages/palette.css'];
/**
 * Bundles that start with V8's compile hint `//# allFunctionsCalledOnLoad` (Chrome 136+; other engines
 * ignore the comment). content.js is injected on the click and then runs most of its code at once
 * (extract, then mount): compiling it eagerly, in one pass, is cheaper than parsing it lazily and
 * compiling ~450 functions one by one as they are first called (issue #9, measured by bench:browser:
 * about 10 ms less from click to overlay). This is why traces show a large `v8.compile` for content.js
 * beside the peer's (issue #24): with the hint it holds the eager compile of all its functions (22 ms at
 * low load; 8 ms without the hint, the peer's 68 KB 2 ms: the same rate per byte). Without it, the ~600 of
 * ~1,000 functions the open calls are compiled lazily: more compile in all (46.5 vs 41.9 ms, 6 pages) and
 * a slower open (40 pages, same run: 1.06x, content script's measure 1.20x).
 */
const EAGER_COMPILE = ['content.js'];
/** Minified-size budgets in bytes (issue #9: the detector runs on every page of an enabled site). */
const BUDGETS = { 'detector.js': 15_000 };

async function bundleExtension(outdir, { e2e }) {
  const entryPoints = {};
  for (const [out, src] of Object.entries(ENTRIES)) {
    // Test builds swap in an entry's e2e.ts beside it when there is one (background: a test hook;
    // content: Listen's speech recordable from the page, see src/content/e2e.ts).
    const e2eFile = src.replace(/index\.ts$/, 'e2e.ts');
    const file = e2e && e2eFile !== src && existsSync(path.join(root, e2eFile)) ? e2eFile : src;
    if (!existsSync(path.join(root, file))) throw new Error(`build: entry point ${file} (for ${out}) does not exist`);
    entryPoints[out.replace(/\.js$/, '')] = path.join(root, file);
  }
  await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    logLevel: 'warning',
    define: bundleDefines({ e2e }),
  });
  for (const f of EAGER_COMPILE) {
    const file = path.join(outdir, f);
    if (existsSync(file)) await writeFile(file, `//# allFunctionsCalledOnLoad\n${await readFile(file, 'utf8')}`);
  }
  for (const p of PAGES) await cp(path.join(root, p), path.join(outdir, path.basename(p)));
  await cp(path.join(root, 'icons'), path.join(outdir, 'icons'), { recursive: true });
  // Test builds: an empty extension page from which Firefox specs call the background's test hook
  // (no triggerAction there).
  if (e2e) await writeFile(path.join(outdir, 'e2e.html'), '<!doctype html><meta charset="utf-8"><title>e2e</title>');
}

function manifestFor(base, target, { e2e }) {
  const m = structuredClone(base);
  if (target === 'firefox') {
    // Firefox MV3 runs background scripts as an event page; it has no service workers for extensions.
    m.background = { scripts: ['background.js'] };
    m.browser_specific_settings = {
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    };
  } else {
    m.background = { service_worker: 'background.js' };
    delete m.browser_specific_settings;
  }
  if (e2e) {
    m.name += ' (test build)';
    m.host_permissions = [...(m.host_permissions ?? []), 'http://127.0.0.1/*'];
  }
  return m;
}

async function sizeTable(outdir) {
  const rows = [];
  let over = [];
  for (const f of (await readdir(outdir)).filter((f) => f.endsWith('.js')).sort()) {
    const buf = await readFile(path.join(outdir, f));
    const gz = gzipSync(buf, { level: 9 }).length;
    rows.push({ bundle: f, minified: buf.length, gzipped: gz, budget: BUDGETS[f] ?? '' });
    if (BUDGETS[f] && buf.length > BUDGETS[f]) over.push(`${f} is ${buf.length} B, over its ${BUDGETS[f]} B budget`);
  }
  return { rows, over };
}

async function main() {
  const base = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  const targets = [
    ['chrome', 'chrome', false],
    ['firefox', 'firefox', false],
    ['chrome-e2e', 'chrome', true],
    ['firefox-e2e', 'firefox', true],
  ];
  for (const [dir, target, e2e] of targets) {
    const outdir = path.join(dist, dir);
    await bundleExtension(outdir, { e2e });
    await writeFile(path.join(outdir, 'manifest.json'), JSON.stringify(manifestFor(base, target, { e2e }), null, 2));
  }
  // The core as a library usable in any DOM, and the Node CLI.
  await esbuild.build({
    entryPoints: [path.join(root, 'src/core/index.ts')],
    outfile: path.join(dist, 'core.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  await esbuild.build({
    entryPoints: [path.join(root, 'src/cli.ts')],
    outfile: path.join(dist, 'cli.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
  });

  const { rows, over } = await sizeTable(path.join(dist, 'chrome'));
  const core = await readFile(path.join(dist, 'core.mjs'));
  rows.push({
    bundle: 'core.mjs (unminified)',
    minified: core.length,
    gzipped: gzipSync(core, { level: 9 }).length,
    budget: '',
  });
  if (!quiet) {
    console.log('bundle sizes (dist/chrome, bytes):');
    console.table(rows);
  }
  if (over.length) {
    console.error(over.join('\n'));
    process.exit(1);
  }
  if (doPackage) {
    for (const dir of ['chrome', 'firefox']) {
      execFileSync(
        path.join(root, 'node_modules/.bin/web-ext'),
        [
          'build',
          '--source-dir',
          path.join(dist, dir),
          '--artifacts-dir',
          dist,
          '--filename',
          `dateline-reader-${dir}-${base.version}.zip`,
          '--overwrite-dest',
        ],
        { stdio: 'inherit' },
      );
    }
  }
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exit(1);
});
