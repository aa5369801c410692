/**
 * Compile-time constants of the extension bundles (esbuild `define`), shared by build.mjs and the
 * test that checks what a store build contains.
 *
 * `__DATELINE_BENCH__`: the content script's performance.measure entries (`dateline-reader:open`,
 * `…:extract`, `…:mount`) that bench:browser reads. Only test builds (dist/*-e2e) have them: the
 * page's performance timeline is shared with the page's own scripts, so in a store build they would
 * tell every page that the extension is installed and time the user's reading (issue #17).
 */
export function bundleDefines({ e2e }) {
  return { 'process.env.NODE_ENV': '"production"', __DATELINE_BENCH__: e2e ? 'true' : 'false' };
}
