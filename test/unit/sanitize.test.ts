/**
 * The sanitizer keeps an article readable: what a reader needs (headings, lists, tables, figures,
 * quotes, code, images with absolute http(s) sources, picture) survives with the attributes that
 * make it render right; everything else is covered by test/unit/core/hostile.test.ts.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { JSDOM } from 'jsdom';
import {
  cleanSrcset,
  sanitizeHtml,
  sanitizeToFragment,
  sanitizeToInertFragment,
  urlAllowed,
} from '../../src/core/sanitize.js';

let dom: JSDOM;
let doc: Document;
beforeAll(() => {
  dom = new JSDOM('<!doctype html><body></body>', { url: 'https://news.example/' });
  doc = dom.window.document;
});
afterAll(() => dom.window.close());

const frag = (html: string): DocumentFragment => JSDOM.fragment(sanitizeHtml(html, doc));

describe('article formatting survives', () => {
  it('headings, paragraphs, inline emphasis, lists with their numbering', () => {
    const html =
      '<h2>Section</h2><h3>Sub</h3><p>A <strong>bold</strong>, <em>italic</em>, <b>b</b>, <i>i</i>, <u>u</u>, <s>s</s>, <mark>m</mark>, <small>sm</small>, H<sub>2</sub>O, x<sup>2</sup>, <abbr title="North Atlantic Treaty Organization">NATO</abbr>.</p>' +
      '<ol start="3" reversed="" type="a"><li value="5">five</li><li>six</li></ol><ul><li>a<ul><li>nested</li></ul></li></ul><dl><dt>term</dt><dd>def</dd></dl><hr><p>line<br>break</p>';
    expect(sanitizeHtml(html, doc)).toBe(html);
  });

  it('tables with caption, sections and spans', () => {
    const html =
      '<table><caption>Results</caption><colgroup><col span="2"></colgroup><thead><tr><th scope="col">Party</th><th scope="col" abbr="%">Share</th></tr></thead>' +
      '<tbody><tr><td colspan="2">All</td></tr><tr><td rowspan="2">A</td><td>41</td></tr></tbody><tfoot><tr><td>x</td><td>y</td></tr></tfoot></table>';
    expect(sanitizeHtml(html, doc)).toBe(html);
  });

  it('figures with images, picture sources and captions; blockquote, q, cite, pre/code, time', () => {
    const f = frag(
      '<figure><picture><source srcset="https://cdn.example/a.avif 1x, https://cdn.example/a2.avif 2x" type="image/avif" media="(min-width: 600px)">' +
        '<img src="https://cdn.example/a.jpg" srcset="https://cdn.example/a.jpg 800w, https://cdn.example/a-big.jpg 1600w" sizes="(max-width: 600px) 100vw, 800px" alt="The bridge" width="800" height="450"></picture>' +
        '<figcaption>The bridge <cite>Photo: AP</cite></figcaption></figure>' +
        '<blockquote cite="https://source.example/speech"><p>We will rebuild.</p></blockquote><p><q>Soon</q>, she said at <time datetime="2024-05-01T10:00">10am</time>.</p>' +
        '<pre><code>const x = 1 &lt; 2;</code></pre>',
    );
    const img = f.querySelector('figure > picture > img')!;
    expect(img.getAttribute('src')).toBe('https://cdn.example/a.jpg');
    expect(img.getAttribute('srcset')).toBe('https://cdn.example/a.jpg 800w, https://cdn.example/a-big.jpg 1600w');
    expect(img.getAttribute('sizes')).toBe('(max-width: 600px) 100vw, 800px');
    expect([img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height')]).toEqual([
      'The bridge',
      '800',
      '450',
    ]);
    expect(img.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(img.getAttribute('loading')).toBe('lazy');
    const source = f.querySelector('picture > source')!;
    expect([source.getAttribute('type'), source.getAttribute('media')]).toEqual(['image/avif', '(min-width: 600px)']);
    expect(f.querySelector('figcaption')!.textContent).toBe('The bridge Photo: AP');
    expect(f.querySelector('blockquote')!.getAttribute('cite')).toBe('https://source.example/speech');
    expect(f.querySelector('time')!.getAttribute('datetime')).toBe('2024-05-01T10:00');
    expect(f.querySelector('pre > code')!.textContent).toBe('const x = 1 < 2;');
  });

  it('language and direction stay (right-to-left quotes inside an English article)', () => {
    expect(sanitizeHtml('<p lang="ar" dir="rtl">نص</p>', doc)).toBe('<p lang="ar" dir="rtl">نص</p>');
  });

  it('links to the web and mail keep their href', () => {
    const a = frag(
      '<a href="https://x.example/a?b=1#c">w</a><a href="mailto:desk@news.example">m</a><a href="/relative/path">r</a>',
    ).querySelectorAll('a');
    expect(Array.from(a, (x) => x.getAttribute('href'))).toEqual([
      'https://x.example/a?b=1#c',
      'mailto:desk@news.example',
      '/relative/path',
    ]);
  });

  it('an inlined raster image (a saved article) stays; SVG-as-data does not', () => {
    const imgs = frag(
      '<img src="data:image/png;base64,iVBORw0KGgo="><img src="data:image/svg+xml;base64,PHN2Zz4=">',
    ).querySelectorAll('img');
    expect(imgs[0]!.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(imgs[1]!.hasAttribute('src')).toBe(false);
  });
});

describe('what goes, and why the reader still reads', () => {
  it('unknown and dangerous containers are unwrapped or dropped, their text kept where it is article text', () => {
    expect(sanitizeHtml('<center><font color="red">Breaking</font></center>', doc)).toBe('Breaking');
    expect(sanitizeHtml('<script>x()</script><style>p{}</style><p>ok</p>', doc)).toBe('<p>ok</p>');
  });

  it('attribute values of the wrong shape are dropped (width must be a number, dir a direction)', () => {
    const out = sanitizeHtml(
      '<img src="https://a.example/x.png" width="100px;position:fixed" height="5"><p dir="evil">t</p><td colspan="x">',
      doc,
    );
    expect(out).toBe(
      '<img src="https://a.example/x.png" height="5" loading="lazy" decoding="async" referrerpolicy="no-referrer"><p>t</p>',
    );
  });

  it('boolean attributes lose their value (found by the fuzz test: open="url(…)")', () => {
    expect(sanitizeHtml('<details open="url(https://evil.example/b)"><summary>s</summary>t</details>', doc)).toBe(
      '<details open=""><summary>s</summary>t</details>',
    );
  });

  it('attributes are allowed per tag: no href on a paragraph, no src on a link', () => {
    expect(sanitizeHtml('<p href="https://x.example/" src="https://x.example/a.png">t</p>', doc)).toBe('<p>t</p>');
    expect(sanitizeHtml('<a src="https://x.example/a.png">t</a>', doc)).toBe('<a rel="noopener noreferrer">t</a>');
  });

  it('a customized built-in (`is`) loses the attribute, not its text, in both string and fragment form', () => {
    expect(sanitizeHtml('<p is="x-evil">kept</p>', doc)).toBe('<p>kept</p>');
    expect(sanitizeHtml('<ul><li is="x-a">one <b is="x-b">bold</b></li><li>two</li></ul>', doc)).toBe(
      '<ul><li>one <b>bold</b></li><li>two</li></ul>',
    );
    expect(sanitizeToFragment('<p is="x-evil">kept</p>', doc).textContent).toBe('kept');
    // found by the fuzz test: a tag name no DOM API can create, with an `is`
    expect(sanitizeHtml('<Q#hu]<video is="K406K" src=x>text</video>', doc)).toBe('text');
  });

  it('a <source> outside <picture> goes (it would be a video or audio source)', () => {
    expect(
      sanitizeHtml(
        '<video><source src="https://a.example/v.mp4" srcset="https://a.example/v.jpg"></video><p>t</p>',
        doc,
      ),
    ).toBe('<p>t</p>');
  });
});

describe('urlAllowed', () => {
  it.each([
    ['https://a.example/x', 'link', true],
    ['http://a.example/x', 'image', true],
    ['/rel', 'link', true],
    ['rel.png', 'image', true],
    ['mailto:a@b.example', 'link', true],
    ['mailto:a@b.example', 'image', false],
    ['javascript:alert(1)', 'link', false],
    [' JAVASCRIPT:alert(1)', 'link', false],
    ['java\tscript:alert(1)', 'link', false],
    ['\u0001javascript:alert(1)', 'link', false],
    ['vbscript:x', 'link', false],
    ['data:text/html,<script>', 'link', false],
    ['data:image/png;base64,AAAA', 'image', true],
    ['data:image/svg+xml,<svg>', 'image', false],
    ['data:image/png;base64,AAAA', 'link', false],
    ['file:///etc/passwd', 'image', false],
    ['chrome-extension://abc/library.html', 'link', false],
    ['blob:https://a.example/1', 'image', false],
  ] as const)('%s as %s → %s', (url, kind, ok) => {
    expect(urlAllowed(url, kind)).toBe(ok);
  });
});

describe('cleanSrcset', () => {
  it('parses URLs with commas and keeps descriptors', () => {
    expect(cleanSrcset('https://a.example/i,w_100.jpg 100w,https://a.example/i,w_200.jpg 200w')).toBe(
      'https://a.example/i,w_100.jpg 100w, https://a.example/i,w_200.jpg 200w',
    );
  });
  it('drops bad candidates and returns null when none is left', () => {
    expect(cleanSrcset('javascript:alert(1) 1x, data:image/png;base64,AA 2x')).toBeNull();
    expect(cleanSrcset('a.jpg 1x, b.jpg 2x')).toBe('a.jpg 1x, b.jpg 2x');
    expect(cleanSrcset('https://a.example/a.jpg url(x)')).toBeNull();
  });
});

describe('fragments', () => {
  it('sanitizeToInertFragment belongs to a document without a browsing context (nothing loads)', () => {
    const f = sanitizeToInertFragment('<img src="https://a.example/x.png">', doc);
    expect(f.ownerDocument).not.toBe(doc);
    expect(f.ownerDocument.defaultView).toBeNull();
  });
  it('sanitizeToFragment belongs to the target document', () => {
    const f = sanitizeToFragment('<p>x</p>', doc);
    expect(f.ownerDocument).toBe(doc);
    expect(f.firstChild!.textContent).toBe('x');
  });
  it('a document without a window is refused with a clear message', () => {
    const inert = doc.implementation.createHTMLDocument('');
    expect(() => sanitizeHtml('<p>x</p>', inert)).toThrow(/no browsing context/);
  });
});
