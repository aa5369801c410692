/**
 * Bundles src/core into a private temp file and imports it, so a benchmark measures the current
 * source and is not disturbed by a concurrent `npm run build` rewriting dist/.
 * Same esbuild settings as dist/core.mjs in build.mjs (ESM, neutral platform, es2022).
 */
import * as esbuild from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles the core once and returns the bundle's path (worker processes import the same file).
 * `root`: another checkout's core (a before/after in one run); `source`: a module of re-exports
 * (e.g. one stage alone) instead of src/core/index.ts.
 */
export async function bundleCore({ root: from = root, source } = {}) {
  const outfile = path.join(mkdtempSync(path.join(tmpdir(), 'dateline-core-')), 'core.mjs');
  await esbuild.build({
    ...(source
      ? { stdin: { contents: source, resolveDir: from, loader: 'ts' } }
      : { entryPoints: [path.join(from, 'src/core/index.ts')] }),
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    logLevel: 'warning',
    mainFields: ['module', 'main'],
  });
  return outfile;
}

export async function loadCore(bundle) {
  return import(pathToFileURL(bundle ?? (await bundleCore())).href);
}
