/**
 * The CLI contract end to end (other tools depend on it): the real CLI bundle run with node in a
 * child process. Bundled here with build.mjs's settings for dist/cli.mjs, into a private folder,
 * so a concurrent `npm run build` rewriting dist/ cannot make this flaky.
 * - single file: one JSON object, camelCase fields, --url and --now honoured, no timings;
 * - --batch: one JSON line per entry in order; a failing entry prints {file, error} and the batch goes on;
 * - bad input (missing, binary, empty, too large, bad options): one clear line on stderr, non-zero exit,
 *   never a stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { PAGES } from './extract-fixture.js';

const ROOT = path.resolve(__dirname, '../..');
const run = promisify(execFile);
let dir = '';
let cli = '';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}
async function dateline(...args: string[]): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}
const noStackTrace = (s: string): void => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

beforeAll(async () => {
  // Inside the project so the bundle's external packages (jsdom, …) resolve from node_modules.
  mkdirSync(path.join(ROOT, 'node_modules/.cache'), { recursive: true });
  dir = mkdtempSync(path.join(ROOT, 'node_modules/.cache/cli-test-'));
  cli = path.join(dir, 'cli.mjs');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'src/cli.ts')],
    outfile: cli,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    packages: 'external',
  });
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const SEED = path.join(PAGES, 'seed-haberler.html');
const SEED_URL = 'https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/';
const FIELDS = [
  'url',
  'canonicalUrl',
  'isNews',
  'newsScore',
  'newsReasons',
  'title',
  'byline',
  'siteName',
  'lang',
  'dir',
  'excerpt',
  'leadImage',
  'favicon',
  'content',
  'textContent',
  'wordCount',
  'readingMinutes',
  'paywalled',
  'dateline',
  'related',
];

describe('dateline extract <file>', () => {
  it('prints one JSON object with the contract fields, honouring --url and --now', async () => {
    const r = await dateline('extract', SEED, '--url', SEED_URL, '--now', '2019-11-16T00:00:00Z');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    for (const f of FIELDS) expect(out, f).toHaveProperty(f);
    expect(out).not.toHaveProperty('timings');
    expect(Object.keys(out).every((k) => /^[a-z][a-zA-Z]*$/.test(k))).toBe(true); // camelCase
    expect(out.url).toBe(SEED_URL);
    expect(out.title).toBe('US Urges Haftar-Led Forces To End Offensive In Libya');
    expect(out.isNews).toBe(true);
    expect(out.leadImage).toBe('https://en.haberler.com/images/large/12618612.jpg'); // resolved against --url
    expect(Object.keys(out.dateline as object).sort()).toEqual(
      expect.arrayContaining(['agency', 'modified', 'place', 'precision', 'published', 'source', 'text']),
    );
    expect(Array.isArray(out.related)).toBe(true);
    for (const h of out.related as Array<Record<string, unknown>>)
      expect(Object.keys(h)).toEqual(expect.arrayContaining(['title', 'url', 'section', 'score']));
  });

  it('without --url the page URL is the file URL', async () => {
    const r = await dateline('extract', SEED);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { url: string }).url).toMatch(/^file:\/\/\/.*seed-haberler\.html$/);
  });
});

describe('dateline extract --batch', () => {
  it('prints one line per entry in order; a failing entry prints {file, error} and the batch goes on', async () => {
    const list = path.join(dir, 'list.json');
    writeFileSync(path.join(dir, 'empty.html'), '');
    writeFileSync(
      list,
      JSON.stringify([
        { file: SEED, url: SEED_URL },
        { file: 'does-not-exist.html', url: 'https://example.com/a' },
        { file: 'empty.html' },
        {
          file: path.join(PAGES, 'de-clutter.html'),
          url: 'https://www.nordkurier.example/wirtschaft/bahn-schnellstrecke-123456.html',
        },
      ]),
    );
    const r = await dateline('extract', '--batch', list, '--now', '2024-06-01T00:00:00Z');
    noStackTrace(r.stdout + r.stderr);
    expect(r.code).toBe(1); // some entries failed
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]!.file).toBe(SEED);
    expect(lines[0]!.title).toBe('US Urges Haftar-Led Forces To End Offensive In Libya');
    expect(lines[1]).toEqual({ file: 'does-not-exist.html', error: expect.stringMatching(/no such file/) });
    expect(lines[2]).toEqual({ file: 'empty.html', error: 'the file is empty' });
    expect(lines[3]!.lang).toBe('de');
    expect(lines[3]!.textContent).toMatch(/^Die Deutsche Bahn/);
  });

  it('a list that is not a JSON array: a clear message', async () => {
    const list = path.join(dir, 'bad-list.json');
    writeFileSync(list, '{"file": "x"}');
    const r = await dateline('extract', '--batch', list);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/must be a JSON array/);
    noStackTrace(r.stderr);
  });
});

describe('bad input: a clear message, a non-zero exit, no stack trace', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a missing file', () => ['extract', path.join(dir, 'nope.html')], /no such file/],
    [
      'a binary file',
      () => {
        const f = path.join(dir, 'x.png');
        writeFileSync(f, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48]));
        return ['extract', f];
      },
      /binary file/,
    ],
    [
      'an empty file',
      () => {
        const f = path.join(dir, 'e.html');
        writeFileSync(f, '');
        return ['extract', f];
      },
      /empty/,
    ],
    [
      'a text file that is not HTML',
      () => {
        const f = path.join(dir, 'notes.txt');
        writeFileSync(f, 'just some notes\nno markup here\n');
        return ['extract', f];
      },
      /does not look like an HTML page/,
    ],
    ['a directory', () => ['extract', dir], /is a directory/],
    [
      'a page over the size limit',
      () => {
        const f = path.join(dir, 'huge.html');
        writeFileSync(f, `<html><body>${'<p>word </p>'.repeat(1_000_000)}</body></html>`);
        return ['extract', f];
      },
      /too large \(1\d\.\d MB; the limit is 10 MB\)/,
    ],
    [
      'a frameset page',
      () => {
        const f = path.join(dir, 'frames.html');
        writeFileSync(f, '<html><frameset><frame src="a.html"></frameset></html>');
        return ['extract', f];
      },
      /frames/,
    ],
    ['an invalid --now', () => ['extract', SEED, '--now', 'yesterday-ish'], /--now is not a valid time/],
    ['an unknown option', () => ['extract', SEED, '--fast'], /unknown option --fast/],
    ['no command', () => [], /usage:/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await dateline(...args());
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')[0]).toMatch(/^(dateline: |usage:)/);
      noStackTrace(r.stderr);
    });
  }
});

/**
 * A local server whose page never ends (or declares a size over the limit): the CLI must stop
 * reading at its limit with one clear line, not read the body whole first (issue #17: a 200 MB
 * response peaked at 694 MB of memory). Counted in bytes the server managed to send, never in time.
 * The server stops by itself after SERVED_MAX bytes, so a CLI that reads everything still ends.
 */
describe('extract <url>: an oversized response', () => {
  const SERVED_MAX = 96 * 1024 * 1024;
  const CHUNK = Buffer.alloc(64 * 1024, '<p>word word word</p>\n');
  let server: Server;
  let base = '';
  const sent = new Map<string, number>();
  beforeAll(async () => {
    server = createServer((req, res) => {
      const key = req.url ?? '/';
      sent.set(key, 0);
      const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
      if (key === '/declared') headers['content-length'] = String(SERVED_MAX);
      res.writeHead(200, headers);
      res.write('<!doctype html><html><body>');
      const pump = (): void => {
        while (!res.destroyed && sent.get(key)! < SERVED_MAX) {
          sent.set(key, sent.get(key)! + CHUNK.length);
          if (!res.write(CHUNK)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!res.destroyed) res.end();
      };
      res.on('close', () => res.destroy());
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );

  it('an endless body: stops at the limit with one line, having read a bounded number of bytes', async () => {
    const r = await dateline('extract', `${base}/endless`);
    // The limit plus what socket buffers and the HTTP client hold in flight, far below what was on offer.
    expect(sent.get('/endless')!).toBeLessThan(32 * 1024 * 1024);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^dateline: the page is too large \(over 10 MB, the limit\)\n$/);
  }, 120_000);

  it('a declared Content-Length over the limit: refused before the body is read', async () => {
    const r = await dateline('extract', `${base}/declared`);
    expect(sent.get('/declared')!).toBeLessThan(32 * 1024 * 1024);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dateline: the page is too large \(over 10 MB, the limit\)\n$/);
  }, 120_000);

  it("the README states the CLI's limit", async () => {
    const r = await dateline('extract', `${base}/endless`);
    const limit = /over (\d+) MB, the limit/.exec(r.stderr)?.[1];
    expect(limit).toBeDefined();
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(new RegExp(`over ${limit} MB\\b`));
  }, 120_000);
});
