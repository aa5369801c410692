/**
 * Bad input never crashes or hangs (issue #8). Each case returns either a result or a clear
 * `error: { code, message }` — extract() never throws — and does a bounded amount of work.
 *
 * "Bounded" is counted, not timed (a clock fails on a loaded machine and proves nothing on a fast
 * one): test/support/work.ts counts every DOM call extract() makes and every character those calls
 * return. A normal article is measured first; a bad page may cost at most WORK_FACTOR times as
 * much per element as that article (linear in the page: a quadratic walk over a 2,400-cell table
 * would be thousands of times over), and a page refused as too large or too deep may cost at most
 * REFUSAL_CALLS_PER_ELEMENT calls per element (a light scan, not a read). How fast a tab really
 * is (no freeze over 1 s) is measured in real Chromium by bench/browser.bench.mjs.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { extract } from '../../src/core/extract.js';
import type { ExtractResult } from '../../src/core/types.js';
import { hostileArticle } from '../fixtures/hostile/payloads.js';
import { countDomWork, type Work } from '../support/work.js';

const URL_ = 'https://news.example/2024/05/01/story';
const quiet = (): VirtualConsole => new VirtualConsole();
const page = (html: string, contentType?: string): Document =>
  new JSDOM(html, { url: URL_, virtualConsole: quiet(), ...(contentType ? { contentType } : {}) }).window.document;
const PARA = `<p>${'The council met on Tuesday and approved the budget for schools and bridges. '.repeat(6)}</p>`;

/** A bad page may cost this many times a normal article's work per element (measured: at most ~1.4×). */
const WORK_FACTOR = 4;
/** A refused page is scanned, not read: a full read costs ~250–340 calls per element, refusals ~0–4. */
const REFUSAL_CALLS_PER_ELEMENT = 10;
let normal = { calls: 0, chars: 0, elements: 0 }; // calls and chars per element

interface Measured {
  result: ExtractResult;
  work: Work;
  elements: number;
}
function measure(doc: Document): Measured {
  const elements = doc.getElementsByTagName('*').length;
  const { result, work } = countDomWork(doc.defaultView as Window & typeof globalThis, () =>
    extract(doc, { url: URL_, now: '2024-05-02T00:00:00Z' }),
  );
  return { result, work, elements };
}

/**
 * Linear in the page: no more per element than WORK_FACTOR × a normal article's (a page smaller than that
 * article is allowed its size).
 */
function expectBounded({ work, elements }: Measured): void {
  const n = Math.max(elements, normal.elements);
  expect(work.calls, `${work.calls} DOM calls on ${n} elements`).toBeLessThanOrEqual(WORK_FACTOR * normal.calls * n);
  expect(work.chars, `${work.chars} characters read on ${n} elements`).toBeLessThanOrEqual(
    WORK_FACTOR * normal.chars * n,
  );
}

/** Refused without doing the work: a light scan of the page. */
function expectRefusedCheaply({ work, elements }: Measured): void {
  expect(work.calls, `${work.calls} DOM calls on ${elements} elements`).toBeLessThanOrEqual(
    REFUSAL_CALLS_PER_ELEMENT * elements,
  );
}

/** A result the user can act on: an article, or an error with a message meant for people. */
function expectClear(result: ExtractResult): void {
  if (result.error) {
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(result.error.message).not.toMatch(/undefined|null|\[object/);
  } else {
    expect(result.content.length).toBeGreaterThan(0);
  }
}

beforeAll(() => {
  const m = measure(page(hostileArticle('<p>nothing hostile</p>')));
  expect(m.result.error).toBeUndefined();
  normal = { calls: m.work.calls / m.elements, chars: m.work.chars / m.elements, elements: m.elements };
  console.log(
    `bad-input: a normal article costs ${normal.calls.toFixed(0)} DOM calls and ${normal.chars.toFixed(0)} characters per element`,
  );
});

describe('documents that are not articles', () => {
  it('an empty document', () => {
    const m = measure(page(''));
    expect(m.result.error?.code).toBe('empty');
    expect(m.work.calls).toBeLessThanOrEqual(REFUSAL_CALLS_PER_ELEMENT * 3);
  });

  it('a document without a root element', () => {
    const doc = page('<p>x</p>');
    doc.removeChild(doc.documentElement);
    expect(measure(doc).result.error?.code).toBe('empty');
  });

  it('a frameset page says it is made of frames', () => {
    const { result } = measure(
      page(
        '<!doctype html><html><head><title>Frames</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>',
      ),
    );
    expect(result.error?.code).toBe('no-article');
    expect(result.error?.message).toMatch(/frame/i);
  });

  it('an SVG document and an XML feed are "not a web page"', () => {
    const svg = measure(
      page('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><text>hi</text></svg>', 'image/svg+xml'),
    ).result;
    const rss = measure(
      page(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><item><title>x</title></item></channel></rss>',
        'application/xml',
      ),
    ).result;
    expect(svg.error?.code).toBe('not-html');
    expect(rss.error?.code).toBe('not-html');
    expectClear(svg);
  });

  it('an XHTML article served as application/xhtml+xml is read', () => {
    const { result } = measure(
      page(
        `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Budget</title></head><body><article><h1>Budget</h1>${PARA.repeat(5)}</article></body></html>`,
        'application/xhtml+xml',
      ),
    );
    expect(result.error).toBeUndefined();
    expect(result.textContent).toContain('approved the budget');
  });

  it('a malformed doctype (`<!doctype 1>`, which jsdom cannot clone) still gives the article', () => {
    const { result } = measure(
      page(
        `<!doctype 1><html><head><title>Budget</title></head><body><article><h1>Budget</h1>${PARA.repeat(5)}<p><a href="/next">next</a> <img src="/i.jpg" alt="i"></p></article></body></html>`,
      ),
    );
    expect(result.error).toBeUndefined();
    expect(result.textContent).toContain('approved the budget');
    // relative URLs are still resolved against the page
    expect(result.content).toContain('https://news.example/next');
    expect(result.content).toContain('https://news.example/i.jpg');
  });
});

describe('huge and pathological pages end quickly', () => {
  // Built with DOM calls rather than parsed: jsdom takes tens of seconds to parse 20 MB on a busy
  // machine, and what is under test is extract() on the document, not jsdom's parser.
  it('a 20 MB page is refused as too large, without doing the work', () => {
    const doc = page(
      `<html><head><title>Huge</title></head><body><article><h1>Huge</h1>${PARA.repeat(5)}</article></body></html>`,
    );
    const article = doc.querySelector('article')!;
    const chunk = 'The council met on Tuesday and approved the budget for schools and bridges. '.repeat(130);
    for (let i = 0; i < 2100; i++) article.appendChild(doc.createElement('p')).textContent = chunk;
    expect(doc.documentElement.textContent!.length).toBeGreaterThan(20e6);
    const m = measure(doc);
    expect(m.result.error?.code).toBe('too-large');
    expect(m.result.error?.message).toMatch(/too large to clean/);
    expectRefusedCheaply(m);
  }, 120_000);

  it('a page of 100,000 elements ends with a notice or a result', () => {
    const doc = page(
      `<html><head><title>Many</title></head><body><article><h1>Many</h1>${PARA.repeat(5)}<div id="cells"></div></article></body></html>`,
    );
    // 100 blocks of 334 rows, built detached and attached once each (long child lists are slow in jsdom).
    const cells = doc.getElementById('cells')!;
    const row = doc.createElement('div');
    row.append(doc.createElement('span'), ' ', doc.createElement('b'));
    const block = doc.createElement('section');
    for (let i = 0; i < 334; i++) block.appendChild(row.cloneNode(true));
    for (let i = 0; i < 100; i++) cells.appendChild(block.cloneNode(true));
    expect(doc.getElementsByTagName('*').length).toBeGreaterThan(100_000);
    const m = measure(doc);
    expectClear(m.result);
    expectBounded(m);
  }, 180_000);

  it('10,000-deep nesting (built by script: the HTML parser of a browser stops at 512) is refused quickly', () => {
    const doc = page(
      `<html><head><title>Deep</title></head><body><article><h1>Deep</h1>${PARA.repeat(5)}<div id="d"></div></article></body></html>`,
    );
    // Built in chunks of 1,000 levels: appending at depth d costs O(d) in jsdom, and attaching a
    // whole 10,000-deep subtree at once overflows jsdom's recursive connect step.
    let at: Element = doc.getElementById('d')!;
    for (let chunk = 0; chunk < 10; chunk++) {
      const top = doc.createElement('div');
      let inner = top;
      for (let i = 1; i < 1000; i++) inner = inner.appendChild(doc.createElement('div'));
      at.append(top);
      at = inner;
    }
    at.textContent = 'the bottom';
    const m = measure(doc);
    expect(m.result.error?.code).toBe('too-large');
    expect(m.result.error?.message).toMatch(/nested more than \d+ levels/);
    expectRefusedCheaply(m);
  }, 180_000);

  it('pathological tables: huge and negative spans, tables nested 60 deep, a 40×60 grid', () => {
    const spans = `<table>${'<tr><td colspan="99999999" rowspan="99999999">x</td><td colspan="-1" rowspan="0">y</td></tr>'.repeat(500)}</table>`;
    const nested = `${'<table><tr><td>'.repeat(60)}deep${'</td></tr></table>'.repeat(60)}`; // 240 levels
    const big = `<table>${`<tr>${'<td>cell</td>'.repeat(40)}</tr>`.repeat(60)}</table>`;
    for (const table of [spans, nested, big]) {
      const m = measure(
        page(
          `<html><head><title>Tables</title></head><body><article><h1>Tables</h1>${PARA.repeat(4)}${table}${PARA}</article></body></html>`,
        ),
      );
      const { result } = m;
      expectClear(result);
      expectBounded(m);
      if (result.content) expect(result.content).not.toMatch(/colspan="(?:\d{5,}|-)/);
    }
  }, 180_000);
});

describe('a page that rewrites itself', () => {
  it('while it is read again and again: every read ends with a result or a clear error, and none of them changes the page', async () => {
    const dom = new JSDOM(
      `<!doctype html><html><head><title>Live</title></head><body><article id="a"><h1>Live blog</h1>${PARA.repeat(5)}</article>
      <script>
        // rewrites its article on every tick, and reacts to any change with more changes
        let n = 0;
        setInterval(() => {
          const a = document.getElementById('a');
          if (a) a.innerHTML = '<h1>Update ' + (++n) + '</h1>' + '<p>${'Breaking news keeps changing the page as it is read. '.repeat(8)}</p>'.repeat(n % 7);
          if (n % 5 === 0) document.body.replaceChildren();
          if (n % 5 === 1) document.body.innerHTML = '<article id="a"></article>';
        }, 0);
        // (observes the body only: a title change seen by its own observer would loop forever)
        new MutationObserver(() => { document.title = 'changed ' + n; }).observe(document.body, { subtree: true, childList: true });
        customElements.define('x-live', class extends HTMLElement {
          constructor() { super(); document.title = 'constructed'; }
          connectedCallback() { document.body?.append(document.createElement('p')); }
        });
      </script><x-live></x-live></body></html>`,
      { url: URL_, runScripts: 'dangerously', virtualConsole: quiet() },
    );
    const { window } = dom;
    try {
      const codes = new Set<string>();
      for (let i = 0; i < 25; i++) {
        await new Promise((r) => window.setTimeout(r, 1));
        const watcher = new window.MutationObserver(() => {});
        watcher.observe(window.document, { subtree: true, childList: true, attributes: true, characterData: true });
        const m = measure(window.document);
        const { result } = m;
        // Nothing can run inside the synchronous extract(): any record here would be extract() itself.
        expect(watcher.takeRecords()).toEqual([]);
        watcher.disconnect();
        expectClear(result);
        expectBounded(m);
        codes.add(result.error?.code ?? 'article');
      }
      expect(codes.has('article')).toBe(true); // some reads caught the article between rewrites
    } finally {
      window.close();
    }
  }, 120_000);

  it('a page that broke the DOM methods the core uses gets an error, not an exception', () => {
    const dom = new JSDOM(
      `<!doctype html><html><body><article>${PARA.repeat(5)}</article><script>
      Node.prototype.cloneNode = function () { throw new Error('no clones here'); };
      Element.prototype.getElementsByTagName = function () { throw new Error('nope'); };
    </script></body></html>`,
      { url: URL_, runScripts: 'dangerously', virtualConsole: quiet() },
    );
    const { result } = measure(dom.window.document);
    dom.window.close();
    expectClear(result);
  });
});

describe('invalid bytes through the CLI (decodeHtml)', () => {
  let dir: string;
  let cli: string;
  const run = promisify(execFile);
  const cliRun = async (file: string): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [cli, 'extract', file, '--url', URL_], {
        timeout: 60_000,
        maxBuffer: 64 << 20,
      });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dr-bad-input-'));
    cli = path.join(dir, 'cli.mjs');
    // The real CLI source, bundled the way build.mjs does it (packages stay external, resolved from here).
    await esbuild.build({
      entryPoints: [path.resolve(__dirname, '../../src/cli.ts')],
      outfile: cli,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'error',
      packages: 'external',
    });
    // ESM resolves bare imports from the file's folder: point it at the project's node_modules.
    await writeFile(path.join(dir, 'package.json'), '{"type":"module"}');
    await import('node:fs/promises').then((fs) =>
      fs.symlink(path.resolve(__dirname, '../../node_modules'), path.join(dir, 'node_modules')),
    );
    return async () => {
      await rm(dir, { recursive: true, force: true });
    };
  }, 60_000);

  const article = (body: string): Buffer =>
    Buffer.concat([
      Buffer.from('<!doctype html><html><head><title>Bytes</title></head><body><article><h1>Bytes</h1>'),
      Buffer.from(PARA.repeat(4)),
      Buffer.from(body, 'latin1'),
      Buffer.from('</article></body></html>'),
    ]);

  it('invalid UTF-8 (stray continuation bytes, overlongs, a cut sequence) is decoded, not fatal', async () => {
    const file = path.join(dir, 'invalid.html');
    await writeFile(
      file,
      Buffer.concat([article('<p>Caf\xe9 \x80\xbf \xc0\xaf \xed\xa0\x80 na\xefve</p>'), Buffer.from([0xe2, 0x82])]),
    );
    const { code, stdout } = await cliRun(file);
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as ExtractResult;
    expect(result.error).toBeUndefined();
    expect(result.textContent).toContain('Café'); // windows-1252 fallback, as a browser would
    expect(result.textContent).toContain('naïve');
  }, 90_000);

  it('a binary file and an empty file get a one-line message and a non-zero exit, no stack trace', async () => {
    const bin = path.join(dir, 'binary.html');
    const empty = path.join(dir, 'empty.html');
    await writeFile(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0x00]));
    await writeFile(empty, Buffer.alloc(0));
    for (const [file, message] of [
      [bin, /binary/],
      [empty, /empty/],
    ] as const) {
      const { code, stderr } = await cliRun(file);
      expect(code).not.toBe(0);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 90_000);
});
