/**
 * Code evaluated in a benchmark's Chromium page (extract(), plain Readability): an IIFE bundled as
 * build.mjs bundles the extension (browser platform, minified, production build of dependencies),
 * for Chromium only. `contents` is a module source, resolved from `resolveDir`.
 */
import * as esbuild from 'esbuild';

export async function pageBundle(contents, resolveDir) {
  const out = await esbuild.build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120'],
    minify: true,
    write: false,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0].text;
}
