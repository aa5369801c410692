/**
 * FastReadability (src/core/article/readability-fast.ts) overrides twelve of Readability's private
 * methods for speed: six reordered copies of per-node checks, six wrappers that put a shortcut in
 * front of the upstream method, and a start-over that copies the page instead of serializing it.
 * It must decide exactly as @mozilla/readability does: the same parse() result, field by field,
 * on the project's own pages, on 21 of Readability's own test pages vendored in
 * test/fixtures/readability (always), on all 130 of them in test/corpus (`npm run test:corpus`),
 * and on crafted pages that make the overridden checks differ in cost (long byline text, inline
 * styles, blank wrappers holding <br>s). readability-pin.test.ts fails when an upgrade changes
 * the source of any method it overrides.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { FastReadability } from '../../../../src/core/article/readability-fast.js';
import { both, parseTestPage as parse } from '../../../support/readability-both.js';

const FIXTURES = path.resolve(__dirname, '../../../fixtures');
const VENDORED = path.join(FIXTURES, 'readability');

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...htmlFiles(p));
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out.sort();
}

describe("FastReadability gives Readability's result", () => {
  it("on every page of the project's fixtures", () => {
    const files = htmlFiles(FIXTURES).filter((f) => !f.startsWith(VENDORED + path.sep));
    expect(files.length).toBeGreaterThan(40);
    const differ = files.filter((f) => {
      const [a, b] = both(readFileSync(f, 'utf8'));
      return JSON.stringify(a) !== JSON.stringify(b);
    });
    expect(differ).toEqual([]);
  });

  it('finds the same byline, drops the same hidden and blank nodes', () => {
    const long = 'word '.repeat(40);
    const html = `<html><head><title>A test article about bylines</title></head><body>
      <div class="byline-wrap"><p class="byline">${long}</p></div>
      <div class="author">By Jane Roe</div>
      <div style="display: none"><p>${'Hidden paragraph text, never shown. '.repeat(20)}</p></div>
      <div style="color: red; visibility: hidden">${'Invisible text. '.repeat(20)}</div>
      <div aria-hidden="true" class="fallback-image">${'Fallback image text. '.repeat(5)}</div>
      <section><br><br></section><div><span><br></span></div><h2> \u00a0 </h2><div>\u2003<b></b></div>
      <article><h1>A test article about bylines</h1>
      ${Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i} of the story, long enough to be scored as content by Readability, with commas, clauses, and more words.</p>`).join('')}
      </article></body></html>`;
    const [plain, fast] = both(html);
    expect(fast).toEqual(plain);
    const r = fast as { byline: string; textContent: string };
    expect(r.byline).toBe('By Jane Roe');
    expect(r.textContent).not.toContain('Hidden paragraph');
    expect(r.textContent).not.toContain('Invisible text');
  });

  it('on pages whose style elements sit where Readability looks (next to images, in the article, in SVG)', () => {
    const css = 'p { color: red } /* long */ '.repeat(50);
    const html = `<html><head><title>Styles everywhere</title><style>${css}</style></head><body>
      <style>${css}</style>
      <div class="story"><style>.x{}</style><img src="a.jpg"><style>${css}</style><noscript><img src="a-big.jpg"></noscript>
      <span><style>${css}</style></span><noscript><img src="b-big.jpg"></noscript>
      <svg><style>${css}</style><circle r="1"/></svg>
      ${Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i} of the story, long enough to be scored as content by Readability, with commas, clauses, and more words.</p>`).join('<style>b{}</style>')}
      </div></body></html>`;
    const [plain, fast] = both(html);
    expect(fast).toEqual(plain);
    expect((fast as { textContent: string }).textContent).toContain('Paragraph 7 of the story');
  });
});

describe('FastReadability given the page it copied', () => {
  // Readability serializes the whole prepared <body> before it starts, to start over from it when
  // it finds too little text (three times at most). Given the page, FastReadability serializes
  // nothing and starts over from a fresh copy of the page: the result must not change.
  it('starts over from the page itself with the same result, without serializing the body', () => {
    const html = `<html><head><title>Short notice</title></head><body>
      <div class="sidebar comment">${'Sidebar words that a stricter pass removes, '.repeat(12)}</div>
      <div><p>Only a short paragraph of news, far under five hundred characters.</p><p>And another line.</p></div>
      <div class="footer"><br><br>${'Footer text, kept once the flags are relaxed. '.repeat(4)}<br>More<br>Lines</div>
      </body></html>`;
    const doc = parse(html);
    const before = doc.documentElement.outerHTML;
    const plainResult = new Readability(doc.cloneNode(true) as Document).parse();
    const proto = doc.defaultView!.Element.prototype;
    const native = Object.getOwnPropertyDescriptor(proto, 'innerHTML')!;
    let bodyReads = 0;
    Object.defineProperty(proto, 'innerHTML', {
      ...native,
      get(this: Element) {
        if (this.localName === 'body') bodyReads++;
        return native.get!.call(this);
      },
    });
    let fast: unknown;
    const r = new FastReadability(doc.cloneNode(true) as Document, { source: doc });
    try {
      fast = r.parse();
    } finally {
      Object.defineProperty(proto, 'innerHTML', native);
    }
    expect(fast).toEqual(plainResult);
    expect((fast as { textContent: string }).textContent).toContain('Only a short paragraph');
    expect(bodyReads).toBe(0);
    expect(doc.documentElement.outerHTML).toBe(before); // the page it starts over from is never touched
    // It did start over: every pass but the last found too little text.
    expect((r as unknown as { _attempts: unknown[] })._attempts.length).toBeGreaterThan(0);
  });
});

describe("FastReadability on Readability's own test pages vendored in test/fixtures/readability", () => {
  const names = readdirSync(VENDORED, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  it('has them', () => expect(names.length).toBeGreaterThanOrEqual(20));
  it.each(names)('%s: the same parse() result', (name) => {
    const [plain, fast] = both(readFileSync(path.join(VENDORED, name, 'source.html'), 'utf8'));
    expect(fast).toEqual(plain);
  });
});
