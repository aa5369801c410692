/**
 * Exports a user keeps outside the extension: the whole library as JSON that imports back
 * identically, one article as standalone HTML (images inlined, no scripts) and as Markdown with
 * front matter. Import keeps every good entry and names each bad one.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { openFresh, makeArticle, pngBlob } from './store-fixtures.js';
import { saveArticle } from '../../src/store/save-article.js';
import { getFullArticle, listArticles } from '../../src/store/read-articles.js';
import { setRead } from '../../src/store/edit-articles.js';
import { exportLibrary, importLibrary } from '../../src/store/library-file.js';
import { articleToHtml, exportFileName } from '../../src/store/export-html.js';
import { articleToMarkdown } from '../../src/store/export-markdown.js';
import { LibraryError } from '../../src/store/library-error.js';
import { escapeHtml } from '../../src/store/inert-html.js';
import MarkdownIt from 'markdown-it';

const IMG = 'https://en.haberler.com/images/a.jpg';
const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;

async function seeded() {
  const db = await openFresh();
  const a = await saveArticle(db, {
    article: makeArticle(),
    images: new Map([[IMG, pngBlob(300)]]),
    now: Date.UTC(2024, 0, 2),
  });
  await saveArticle(db, {
    article: makeArticle({
      content: '<p>Second version. <img src="https://en.haberler.com/images/a.jpg" alt=""></p>',
      textContent: 'Second version.',
    }),
    now: Date.UTC(2024, 0, 3),
  });
  const b = await saveArticle(db, {
    article: makeArticle({
      url: 'https://example.org/ar',
      canonicalUrl: null,
      title: 'مقال',
      lang: 'ar',
      dir: 'rtl',
      content: '<p>نص المقال</p>',
      textContent: 'نص المقال',
    }),
    imageSummary: { mode: 'links', skipped: 1, note: '1 image kept as a link.' },
    now: Date.UTC(2024, 0, 4),
  });
  await setRead(db, [b.id], true);
  return { db, a, b };
}

describe('library JSON', () => {
  it('export → import into an empty library → export is identical (images as base64)', async () => {
    const { db } = await seeded();
    const file = await exportLibrary(db, new Date(0));
    expect(file.articles).toHaveLength(2);
    expect(file.articles[0]!.images[0]!.data).toMatch(/^iVBOR/);
    expect(file.articles[0]!.versions).toHaveLength(1);
    const text = JSON.stringify(file);

    const other = await openFresh();
    const report = await importLibrary(other, text);
    expect(report).toEqual({ imported: 2, replaced: 0, unchanged: 0, problems: [], renamed: [] });
    expect(await exportLibrary(other, new Date(0))).toEqual(file);
    // and the imported copy is searchable and readable with its image bytes
    const [first] = await listArticles(other);
    const full = await getFullArticle(other, file.articles[0]!.record.id);
    expect(full.images[0]!.blob.size).toBe(pngBlob(300).size);
    expect(first!.title).toBe('مقال');
    expect((await other.search.get(first!.id))!.text).toContain(' المقال ');
  });

  it('importing into the same library changes nothing; a newer copy replaces an older one', async () => {
    const { db, a } = await seeded();
    const file = await exportLibrary(db);
    expect(await importLibrary(db, JSON.stringify(file))).toMatchObject({ imported: 0, replaced: 0, unchanged: 2 });
    file.articles[0]!.record.title = 'Edited elsewhere';
    file.articles[0]!.record.updatedAt += 1;
    expect(await importLibrary(db, JSON.stringify(file))).toMatchObject({ imported: 0, replaced: 1, unchanged: 1 });
    expect((await getFullArticle(db, a.id)).record.title).toBe('Edited elsewhere');
  });

  it('reports each bad entry by position and title, and still imports the good ones', async () => {
    const { db } = await seeded();
    const file = await exportLibrary(db);
    const good = file.articles[0]!;
    const raw = JSON.parse(JSON.stringify(file)) as { articles: unknown[] };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON copy, broken field by field
    const broken = (f: (e: Record<string, any>) => void) => {
      const e = JSON.parse(JSON.stringify(good));
      e.record.id = `x${raw.articles.length}`;
      e.record.url = `https://example.net/${raw.articles.length}`;
      f(e);
      return e;
    };
    raw.articles.push(
      'not an object',
      broken((e) => {
        e.record.title = 42;
      }),
      broken((e) => {
        e.body.content = '';
      }),
      broken((e) => {
        e.images[0].data = 'not base64!';
      }),
      broken((e) => {
        e.images[0].type = 'text/html';
      }),
      broken((e) => {
        e.record.url = 'javascript:alert(1)';
        e.record.title = 'Evil';
      }),
      broken(() => undefined), // a good one after the bad ones
    );
    const fresh = await openFresh();
    const report = await importLibrary(fresh, JSON.stringify(raw));
    expect(report.imported).toBe(3);
    expect(report.problems.map((p) => [p.index, p.reason])).toEqual([
      [2, 'not an article object'],
      [3, 'record.title is missing or has the wrong type'],
      [4, 'body.content is empty'],
      [5, 'images[0].data is not base64'],
      [6, 'images[0] is not an image (text/html)'],
      [7, 'record.url is not a web address'],
    ]);
    expect(report.problems[5]!.title).toBe('Evil');
    expect(await fresh.articles.count()).toBe(3);
  });

  it('a file that is not a library export is refused as a whole, with a reason', async () => {
    const db = await openFresh();
    await expect(importLibrary(db, '{oops')).rejects.toBeInstanceOf(LibraryError);
    await expect(importLibrary(db, JSON.stringify({ articles: [] }))).rejects.toMatchObject({
      code: 'invalid',
      message: /not a Dateline Reader library export/,
    });
  });
});

describe('single-article exports', () => {
  it('standalone HTML: images inlined as data: URLs, sanitized, no scripts, no external requests (images not stored become links)', async () => {
    const db = await openFresh();
    const evil = makeArticle({
      content: `<p>Body text <img src="${IMG}" srcset="${IMG} 2x" alt="Tripoli"></p><p><img src="https://other.example/not-stored.jpg"></p><script>alert(1)</script><p onclick="alert(2)">x</p><iframe src="https://evil.example"></iframe>`,
    });
    const { id } = await saveArticle(db, { article: evil, images: new Map([[IMG, pngBlob()]]) });
    const html = await articleToHtml(await getFullArticle(db, id), doc);
    const out = new JSDOM(html).window.document;
    expect(out.title).toBe('US Urges Haftar-Led Forces To End Offensive In Libya');
    expect(out.querySelector('h1')!.textContent).toBe('US Urges Haftar-Led Forces To End Offensive In Libya');
    expect(out.querySelector('.meta')!.textContent).toContain('Washington · Published 15 Nov 2019');
    const imgs = Array.from(out.querySelectorAll('article img'));
    expect(imgs[0]!.getAttribute('src')).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(imgs[0]!.hasAttribute('srcset')).toBe(false);
    // An image that was not stored is a link to it, not an <img> that would contact the publisher.
    expect(imgs).toHaveLength(1);
    const missing = Array.from(out.querySelectorAll('article a')).find(
      (a) => a.getAttribute('href') === 'https://other.example/not-stored.jpg',
    );
    expect(missing?.textContent).toBe('Image not saved (other.example)');
    expect(out.querySelectorAll('script, iframe, [onclick]')).toHaveLength(0);
    expect(html).not.toMatch(/alert\(/);
    expect(out.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toMatch(
      /default-src 'none'/,
    );
    expect(out.querySelector('.related a')!.getAttribute('href')).toBe(
      'https://en.haberler.com/mass-protests-12618532/',
    );
    expect(exportFileName('US Urges Haftar-Led Forces: “End Offensive” In Libya', 'html')).toBe(
      'us-urges-haftar-led-forces-end-offensive-in-libya.html',
    );
  });

  it('Markdown: YAML front matter with title, url, published, place, byline, site; body converted', async () => {
    const db = await openFresh();
    const { id } = await saveArticle(db, {
      article: makeArticle({
        title: 'Title with "quotes": and colon',
        content:
          '<h2>Sub head</h2><p>One <strong>bold</strong> and <em>soft</em> <a href="https://x.example/a(b)">link</a>.</p><ul><li>first</li><li>second</li></ul><blockquote><p>Quoted</p></blockquote><p>2019. A year</p><figure><img src="https://en.haberler.com/images/a.jpg" alt="Tripoli"><figcaption>Caption</figcaption></figure>',
      }),
    });
    const md = articleToMarkdown(await getFullArticle(db, id), doc);
    const [, fm, body] = md.split(/^---$/m);
    expect(fm!.trim().split('\n')).toEqual([
      'title: "Title with \\"quotes\\": and colon"',
      'url: "https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/"',
      'published: "2019-11-15T13:42"',
      'place: "Washington"',
      'byline: "Anadolu Agency"',
      'site: "Haberler"',
      expect.stringMatching(/^saved: "\d{4}-/),
    ]);
    expect(body).toContain('# Title with "quotes": and colon');
    expect(body).toContain('## Sub head');
    expect(body).toContain('One **bold** and *soft* [link](https://x.example/a%28b%29).');
    expect(body).toContain('- first\n- second');
    expect(body).toContain('> Quoted');
    expect(body).toContain('2019\\. A year');
    expect(body).toContain('![Tripoli](https://en.haberler.com/images/a.jpg)');
    expect(body).toContain('*Caption*');
    expect(body).toContain(
      '## Related\n\n- [Mass Protests Continue In Lebanon](https://en.haberler.com/mass-protests-12618532/)',
    );
  });

  it('Markdown front matter says null for what the article lacks', async () => {
    const db = await openFresh();
    const { id } = await saveArticle(db, {
      article: makeArticle({
        byline: null,
        dateline: {
          published: null,
          modified: null,
          precision: null,
          place: null,
          agency: null,
          text: '',
          source: null,
        },
      }),
    });
    const md = articleToMarkdown(await getFullArticle(db, id), doc);
    expect(md).toMatch(/^published: null$/m);
    expect(md).toMatch(/^place: null$/m);
    expect(md).toMatch(/^byline: null$/m);
  });
});

/**
 * The Markdown export rendered the way notes apps and site generators render it: CommonMark with raw
 * HTML passed through (markdown-it, html: true). Every page-derived string must come out as text.
 */
describe('Markdown export of hostile page text (rendered by markdown-it with raw HTML on)', () => {
  const HOSTILE = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '</code><img src=x onerror=alert(1)>',
    '`` <img src=x onerror=alert(1)> ``',
    '` <img src=x onerror=alert(1)> `',
    '```\n<img src=x onerror=alert(1)>\n~~~\n<img src=x onerror=alert(1)>\n````',
    '~~~\n<img src=x onerror=alert(1)>',
    '\n\n<img src=x onerror=alert(1)>\n\n',
    '"\n---\n<img src=x onerror=alert(1)>',
    '\u2028\u0085<img src=x onerror=alert(1)>\u007f\ufeff',
    '&lt;img src=x onerror=alert(1)&gt;',
    '\\<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '[x](javascript:alert(1)) <javascript:alert(1)> <https://evil.example/>',
    ']( javascript:alert(1)) \\',
    '<!-- --><svg onload=alert(1)>',
    '    <img src=x onerror=alert(1)>',
    '# title #',
  ];
  const ALLOWED = new Set([
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'em',
    'strong',
    'a',
    'img',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'blockquote',
    'br',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    's',
  ]);
  const ATTRS = new Set(['href', 'src', 'alt', 'title', 'start', 'style']);
  const md = new MarkdownIt({ html: true });

  /** Elements and attributes in the rendered export that are not Markdown's own formatting. */
  function liveMarkup(markdown: string): string[] {
    const body = new JSDOM(`<body>${md.render(markdown)}</body>`).window.document.body;
    const bad: string[] = [];
    for (const el of Array.from(body.querySelectorAll('*'))) {
      if (!ALLOWED.has(el.localName)) bad.push(`<${el.localName}>`);
      for (const a of Array.from(el.attributes)) {
        if (!ATTRS.has(a.name) || /^on/i.test(a.name)) bad.push(`${el.localName}[${a.name}]`);
        const bad1 =
          (a.name === 'style' && !/^text-align:(left|right|center)$/.test(a.value)) ||
          ((a.name === 'href' || a.name === 'src') && !/^(https?:|mailto:)/i.test(a.value));
        if (bad1) bad.push(`${el.localName}[${a.name}=${a.value}]`);
      }
    }
    return bad;
  }

  it('the check itself sees raw HTML that markdown-it passes through', () => {
    expect(liveMarkup('# t\n\n<img src=x onerror=alert(1)>')).toEqual(['img[src=x]', 'img[onerror]']);
    expect(liveMarkup('<script>alert(1)</script>')).toEqual(['<script>']);
    const formatting = '*a* **b** `c` [d](https://e.example/) ![f](https://g.example/h.png)\n\n- i\n\n```\n<j>\n```';
    expect(liveMarkup(formatting)).toEqual([]);
  });

  for (const s of HOSTILE) {
    it(`as title, byline, site, place, caption, code, pre, link text, alt, related: ${JSON.stringify(s)}`, async () => {
      const db = await openFresh();
      const t = escapeHtml(s);
      const content = [
        `<p>Lead ${t} <a href="https://x.example/a">${t}</a> <code>${t}</code> <em><code>${t}</code></em></p>`,
        `<figure><img src="https://x.example/i.png" alt="${t}"><figcaption>${t}</figcaption></figure>`,
        `<figure><img src="https://x.example/j.png" alt="x">`,
        `<figcaption><p>${t}</p><pre>${t}</pre></figcaption></figure>`,
        `<pre>${t}</pre><pre><code>${t}</code></pre><blockquote><pre>${t}</pre></blockquote>`,
        `<ul><li><pre>${t}</pre></li></ul><ol start="-5"><li><pre>${t}</pre></li></ol>`,
        `<ol start="999999999"><li>a</li><li><pre>${t}</pre></li></ol>`,
        `<p><em><pre>${t}</pre></em> <a href="https://x.example/b"><pre>${t}</pre></a></p>`,
        `<h2>${t}<pre>${t}</pre></h2>`,
        `<table><tr><th>${t}</th></tr><tr><td><pre>${t}</pre><code>${t}</code></td></tr></table>`,
        `<p><a href="https://x.example/(${encodeURIComponent(s)}\\">${t}</a></p>`,
      ].join('');
      const { id } = await saveArticle(db, {
        article: makeArticle({
          title: s,
          byline: s,
          siteName: s,
          content,
          textContent: s,
          dateline: { published: s, modified: null, precision: 'day', place: s, agency: null, text: s, source: 'text' },
          related: [{ title: s, url: 'https://x.example/rel', section: s, score: 1 }],
        }),
      });
      const out = articleToMarkdown(await getFullArticle(db, id), doc);
      expect(liveMarkup(out), out).toEqual([]);
      // The string is still there, as text: the title is the first heading.
      const rendered = new JSDOM(`<body>${md.render(out)}</body>`).window.document;
      expect(rendered.querySelector('h1')?.textContent).toBe(s.replace(/\s+/g, ' ').trim());
    });
  }

  it('front matter stays YAML: each value one double-quoted line that parses back to the string', async () => {
    const db = await openFresh();
    for (const s of HOSTILE) {
      const article = makeArticle({ title: s, byline: s, url: `https://x.example/${HOSTILE.indexOf(s)}` });
      const { id } = await saveArticle(db, { article });
      const md = articleToMarkdown(await getFullArticle(db, id), doc);
      const fm = md.split(/^---$/m)[1]!.trim().split('\n');
      expect(fm).toHaveLength(7);
      const title = fm.find((l) => l.startsWith('title: '))!.slice(7);
      // Printable ASCII only (no line break of any YAML version, no control or BOM character), and a JSON
      // string is a YAML double-quoted scalar.
      expect(title).toMatch(/^"[\x20-\x7e]*"$/);
      expect(title).not.toMatch(/[<>&]/);
      expect(JSON.parse(title)).toBe(s);
    }
  });
});

describe('issue #23: export details', () => {
  it('HTML: every date in one format (published, updated, saved), each with its stated value in <time>', async () => {
    const db = await openFresh();
    const { id } = await saveArticle(db, {
      article: makeArticle({
        dateline: {
          published: '2024-03-12T23:30-04:00',
          modified: '2024-03-14T08:00-04:00',
          precision: 'minute',
          place: 'WASHINGTON',
          agency: 'AP',
          text: 'WASHINGTON (AP) — March 12, 2024 11:30 PM',
          source: 'text',
        },
      }),
      now: Date.UTC(2026, 11, 6, 12),
    });
    const out = new JSDOM(await articleToHtml(await getFullArticle(db, id), doc)).window.document;
    const meta = Array.from(out.querySelectorAll('.meta p'))
      .map((p) => p.textContent)
      .join(' | ');
    // The stated calendar day (not shifted into UTC, which would be 13 Mar).
    expect(meta).toContain('WASHINGTON (AP) · Published 12 Mar 2024 · Updated 14 Mar 2024');
    expect(meta).toContain('Saved 6 Dec 2026');
    const dates = meta.match(/\b\d{1,2} [A-Z][a-z]{2} \d{4}\b/g);
    expect(dates).toEqual(['12 Mar 2024', '14 Mar 2024', '6 Dec 2026']);
    // No other date shape (ISO days, "March 12", US order) anywhere in the details.
    expect(meta).not.toMatch(/\d{4}-\d{2}-\d{2}|March|\d{1,2}\/\d{1,2}/);
    expect(Array.from(out.querySelectorAll('.meta time')).map((t) => t.getAttribute('datetime'))).toEqual([
      '2024-03-12T23:30-04:00',
      '2024-03-14T08:00-04:00',
    ]);
  });

  it('Markdown: a two-paragraph caption is two paragraphs, never wrapped in one pair of asterisks', async () => {
    const db = await openFresh();
    const { id } = await saveArticle(db, {
      article: makeArticle({
        content:
          '<p>Body.</p><figure><img src="https://x.example/i.png" alt="Harbour">' +
          '<figcaption><p>Ferries wait in the harbour.</p><p>Photo: A. Person</p></figcaption></figure>' +
          '<figure><img src="https://x.example/j.png" alt="Quay"><figcaption>One line caption</figcaption></figure>',
      }),
    });
    const out = articleToMarkdown(await getFullArticle(db, id), doc);
    const html = new JSDOM(`<body>${new MarkdownIt({ html: true }).render(out)}</body>`).window.document.body;
    const paragraphs = Array.from(html.querySelectorAll('p')).map((p) => p.textContent);
    expect(paragraphs).toContain('Ferries wait in the harbour.');
    expect(paragraphs).toContain('Photo: A. Person');
    expect(html.textContent).not.toContain('*');
    // A one-line caption is still set in italics.
    expect(html.querySelector('em')?.textContent).toBe('One line caption');
  });
});

describe('standalone HTML export of hostile page text', () => {
  it('every page-derived string is escaped (title, byline, site, dateline, lang, related)', async () => {
    const db = await openFresh();
    const s = '"><img src=x onerror=alert(1)><script>alert(2)</script>\'';
    const { id } = await saveArticle(db, {
      article: makeArticle({
        title: s,
        byline: s,
        siteName: s,
        lang: s,
        content:
          `<p>${escapeHtml(s)}</p><figure><img src="https://x.example/i.png" alt="${escapeHtml(s)}">` +
          `<figcaption>${escapeHtml(s)}</figcaption></figure>`,
        dateline: { published: s, modified: null, precision: 'day', place: s, agency: null, text: s, source: 'text' },
        related: [{ title: s, url: 'https://x.example/rel', section: s, score: 1 }],
      }),
    });
    const full = await getFullArticle(db, id);
    (full.record as { dir: string }).dir = s; // an imported or corrupted record
    const out = new JSDOM(await articleToHtml(full, doc)).window.document;
    expect(out.querySelectorAll('script, [onerror], img:not([alt])')).toHaveLength(0);
    expect(out.title).toBe(s);
    expect(out.documentElement.getAttribute('dir')).toBe('ltr');
  });
});
