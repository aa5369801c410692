/**
 * Time-zone correctness: the dateline must not depend on the machine's zone. The same fixtures run
 * in two child Node processes at once, under TZ=America/New_York and TZ=Pacific/Kiritimati (UTC+14,
 * so every day boundary differs), must give identical results, and the right ones. Each child runs an
 * esbuild bundle of the real source fed on stdin (no vitest in the child).
 */
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(__dirname, '../../../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/dateline');

/** Runs every fixture (and the seed page) and prints one JSON array; `main` is its entry. */
const RUNNER = `
import { readFileSync, readdirSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { findDateline, formatDateline } from ${JSON.stringify(path.join(ROOT, 'src/core/dateline/index.ts'))};
const dir = ${JSON.stringify(FIXTURES)};
const pages = readdirSync(dir).sort().map((f) => [dir + '/' + f, 'https://example.com/2021/07/19/story']);
pages.push([${JSON.stringify(path.join(ROOT, 'test/fixtures/pages/seed-haberler.html'))}, 'https://en.haberler.com/x-12618612/']);
const out = [];
for (const [file, url] of pages) {
  const doc = new JSDOM(readFileSync(file, 'utf8'), { url }).window.document;
  const d = findDateline(doc, { url, now: new Date('2024-03-20T23:30:00Z'), lang: doc.documentElement.getAttribute('lang'), locale: 'en-GB', timeZone: 'Europe/Paris' });
  out.push({ file: file.split('/').pop(), ...d, reformatted: formatDateline(d, { locale: 'ja-JP', timeZone: 'Australia/Adelaide' }) });
}
process.stdout.write(JSON.stringify(out));
`;

function bundle(): string {
  const res = buildSync({
    stdin: { contents: RUNNER, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    external: ['jsdom'],
    logLevel: 'silent',
  });
  return res.outputFiles[0]!.text;
}

function runUnder(code: string, tz: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-'], { cwd: ROOT, env: { ...process.env, TZ: tz } });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString('utf8');
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (status) => {
      if (status !== 0) reject(new Error(`child under TZ=${tz} failed: ${err}`));
      else resolve(JSON.parse(out) as unknown[]);
    });
    child.stdin.end(code);
  });
}

describe('dateline under several TZ settings', () => {
  it('gives identical results in New York and at UTC+14', async () => {
    const code = bundle();
    const [ny, kiritimati] = await Promise.all([
      runUnder(code, 'America/New_York'),
      runUnder(code, 'Pacific/Kiritimati'),
    ]);
    expect(ny.length).toBeGreaterThan(10);
    expect(kiritimati).toEqual(ny);
    // And the values are the right ones, not merely the same wrong ones.
    const seed = ny.find((d) => (d as { file: string }).file === 'seed-haberler.html') as Record<string, unknown>;
    expect(seed).toMatchObject({ published: '2019-11-15T13:42', source: 'text' });
    const graph = ny.find((d) => (d as { file: string }).file === 'jsonld-graph.html') as Record<string, unknown>;
    expect(graph).toMatchObject({
      published: '2024-03-12T14:05-04:00',
      text: 'Washington · 12 Mar 2024, 14:05 UTC−4 (19:05 your time) · updated 16:30',
    });
  }, 120_000);

  it('the dateline modules read no host-local Date fields (only UTC getters and Intl with a zone)', () => {
    const dir = path.join(ROOT, 'src/core/dateline');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const localGetters = ['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getSeconds'];
    const localFormats = ['getTimezoneOffset', 'toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'];
    const local = new RegExp(`\\.(${[...localGetters, ...localFormats].join('|')})\\(`);
    for (const f of files) {
      const src = readFileSync(path.join(dir, f), 'utf8');
      expect(local.exec(src)?.[0] ?? null, f).toBeNull();
    }
  });
});
