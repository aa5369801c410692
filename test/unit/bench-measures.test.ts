/**
 * The content script writes no performance entries a page can read in a store build (issue #17):
 * `performance.measure('dateline-reader:open', …)` sat on the page's own timeline, so any page could
 * tell the extension was installed and time the user's reading. The benchmark's entries exist only
 * in test builds (dist/*-e2e, which bench:browser loads). Checked on content.js bundled with
 * build.mjs's own settings (scripts/build-defines.mjs), into memory.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { bundleDefines } from '../../scripts/build-defines.mjs';

const ROOT = path.resolve(__dirname, '../..');

async function contentBundle(e2e: boolean): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/content/index.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox128'],
    minify: true,
    write: false,
    logLevel: 'silent',
    define: bundleDefines({ e2e }),
  });
  return out.outputFiles[0]!.text;
}

describe('performance entries of the content script', () => {
  it('a store build writes none (no measure, no mark, no name of the extension on the timeline)', async () => {
    const js = await contentBundle(false);
    // Booleans, not toMatch: a failure would print the whole bundle.
    expect(/dateline-reader:(open|extract|mount)/.test(js), 'extension name on the timeline').toBe(false);
    expect(/\.measure\b|\.mark\b/.test(js), 'performance.measure/mark').toBe(false);
  }, 60_000);

  it('a test build keeps the measures bench:browser reads', async () => {
    const js = await contentBundle(true);
    for (const name of ['open', 'extract', 'mount']) expect(js).toContain(`dateline-reader:${name}`);
  }, 60_000);
});
