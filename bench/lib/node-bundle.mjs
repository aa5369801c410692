/**
 * Bundles project TypeScript for Node (esm, node20) and imports it: the store benchmarks' way to run
 * src/store (and friends) outside a browser. `contents` is a module of re-exports resolved from the
 * project root, so `dexie`, `fake-indexeddb` and the rest come from its node_modules (kept external).
 */
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** @param {string} contents @param {string} name file name under node_modules/.cache */
export async function importBundled(contents, name) {
  const outfile = path.join(root, 'node_modules/.cache', name);
  await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    packages: 'external',
  });
  return import(pathToFileURL(outfile).href);
}
