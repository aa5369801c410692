/**
 * The one read of the page (core/page/read-page.ts): JSON-LD is parsed once, with one lenient
 * retry rule, and every stage reads that parse. Before, the news detector, the dateline and the
 * related headlines each parsed the <script> blocks with their own retry (or none), so a block
 * one of them rescued was lost to another: a NewsArticle whose headline held a raw U+000B was
 * "JSON-LD type NewsArticle, declares a publication date" to detectNews and published: null to
 * findDateline.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { detectNews } from '../../../../src/core/page/detect.js';
import { findDateline } from '../../../../src/core/dateline/index.js';
import { findRelated } from '../../../../src/core/related/index.js';
import { readPage } from '../../../../src/core/page/read-page.js';
import { extract } from '../../../../src/core/extract.js';

const URL_ = 'https://news.example.com/world/2024/03/05/storm-hits-the-coast';
const NOW = new Date('2024-03-20T12:00:00Z');
const ld = {
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: 'Storm\u000bhits the coast',
  datePublished: '2024-03-05T10:00:00+01:00',
  relatedLink: [
    {
      url: 'https://news.example.com/world/2024/03/04/earlier-storm-warning-issued',
      headline: 'Earlier storm warning issued for the coast',
    },
  ],
};
const PARAGRAPH = '<p>The storm reached the coast on Tuesday morning and the wind kept rising.</p>';
const html = `<!doctype html><html lang="en"><head><title>Storm hits the coast</title>
<script type="application/ld+json">${JSON.stringify(ld).replace('\\u000b', '\u000b')}</script></head>
<body><article><h1>Storm hits the coast</h1>${PARAGRAPH.repeat(8)}</article></body></html>`;

const doc = (): Document => new JSDOM(html, { url: URL_ }).window.document;

describe('readPage: one JSON-LD parse for every stage', () => {
  it('the page really has a raw U+000B in its JSON-LD (JSON.parse refuses it)', () => {
    const text = doc().querySelector('script')!.textContent!;
    expect(text).toContain('\u000b');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('detectNews and findDateline both read the rescued block', () => {
    const d = doc();
    const reasons = detectNews(d, URL_).reasons;
    expect(reasons).toContain('JSON-LD type NewsArticle');
    expect(reasons).toContain('declares a publication date');
    const dl = findDateline(d, { url: URL_, now: NOW, lang: 'en' });
    expect(dl.published).toBe('2024-03-05T10:00+01:00');
    expect(dl.source).toBe('json-ld');
  });

  it('the related headlines read its relatedLink too, and extract() agrees with the stages', () => {
    const page = readPage(doc(), URL_);
    expect(page.jsonLdBlocks).toHaveLength(1);
    const ctx = { url: URL_, canonicalUrl: null, now: NOW, lang: 'en', title: 'Storm hits the coast', text: '' };
    const related = findRelated(page, ctx);
    expect(related.map((r) => r.title)).toContain('Earlier storm warning issued for the coast');
    const r = extract(doc(), { url: URL_, now: NOW });
    expect(r.dateline.published).toBe('2024-03-05T10:00+01:00');
    expect(r.newsReasons).toContain('JSON-LD type NewsArticle');
    expect(r.title).toBe('Storm hits the coast');
  });
});
