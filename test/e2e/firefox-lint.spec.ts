/**
 * `web-ext lint` on the Firefox store build (dist/firefox) reports no errors: what addons.mozilla.org
 * would reject on upload (bad manifest keys, missing gecko id or data_collection_permissions, remote
 * code). Runs offline with --self-hosted; warnings are printed for a human to read, not failed on
 * (the innerHTML ones are DOMPurify's and Readability's, behind core/sanitize.ts).
 * In the e2e project because it needs the build (`npm test` builds first) and takes seconds.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT, snapshotExtension } from './harness.js';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

describe('Firefox store build', () => {
  it('web-ext lint reports no errors on dist/firefox', async () => {
    expect(existsSync(path.join(ROOT, 'dist/firefox/manifest.json')), 'run `node build.mjs` first').toBe(true);
    const ext = await snapshotExtension(path.join(ROOT, 'dist/firefox'));
    try {
      const bin = path.join(ROOT, 'node_modules/.bin/web-ext');
      // web-ext exits non-zero when there are errors; the JSON report is on stdout either way.
      const { stdout } = await promisify(execFile)(
        bin,
        ['lint', '--source-dir', ext.dir, '--self-hosted', '--output', 'json', '--no-config-discovery'],
        {
          maxBuffer: 16 * 1024 * 1024,
        },
      ).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
      const report = JSON.parse(stdout) as LintReport;
      for (const w of report.warnings)
        console.log(`web-ext lint warning ${w.code}: ${w.message}${w.file ? ` (${w.file})` : ''}`);
      expect(report.errors.map((e) => `${e.code}: ${e.message} ${e.file ?? ''}`)).toEqual([]);
      expect(report.summary.errors).toBe(0);
    } finally {
      await ext.remove();
    }
  }, 120_000);
});
