/**
 * The detector's verdict (src/autoclean/article-gate.ts) on real-shaped pages: articles open, home
 * pages, section fronts, video, search and listing pages never do. On the scrapinghub corpus (all
 * articles) it should say "article" for most pages — a regression guard on false negatives.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { isArticlePage, urlMayBeArticle } from '../../src/autoclean/article-gate.js';

const FIX = path.resolve(__dirname, '../fixtures');
const load = (file: string, url: string): Document =>
  new JSDOM(readFileSync(path.join(FIX, file), 'utf8'), { url }).window.document;
const ARTICLE_URL = 'http://127.0.0.1:8080/2019/11/15/us-urges-haftar-led-forces-to-end-offensive-in-12618612/';

describe('article gate on fixtures', () => {
  it('the seed article is an article', () => {
    const v = isArticlePage(load('pages/seed-haberler.html', ARTICLE_URL), ARTICLE_URL);
    expect(v.article, v.reason).toBe(true);
  });

  it('the home page, a section front and a video page are not', () => {
    for (const [file, url] of [
      ['autoclean/home.html', 'http://127.0.0.1:8080/'],
      ['autoclean/section.html', 'http://127.0.0.1:8080/world/'],
      ['autoclean/video.html', 'http://127.0.0.1:8080/video/2019/11/15/floods-in-the-delta/'],
      ['autoclean/video.html', 'http://127.0.0.1:8080/2019/11/15/floods-in-the-delta/'], // og:type video even on an article-like path
      ['autoclean/home.html', 'http://127.0.0.1:8080/2019/11/front-page-edition/'], // teaser cards, no article type
    ] as const) {
      const v = isArticlePage(load(file, url), url);
      expect(v.article, `${file} at ${url}: ${v.reason}`).toBe(false);
    }
  });

  it('a comment thread marked up as <article> cards does not turn an article into a front page', () => {
    const url = 'https://blog.example/2024/05/harbour-reopens-after-repairs/';
    const prose = '<p>The harbour reopened on Tuesday after a week of repairs to the sea wall, officials said.</p>';
    const comments = Array.from(
      { length: 6 },
      (_, i) =>
        `<li><article class="comment-body" id="div-comment-${i}">` +
        `<footer class="comment-meta">Reader ${i}</footer><p>Great news for the town.</p></article></li>`,
    ).join('');
    const html =
      `<html><head><meta property="og:type" content="blog"></head><body><main>${prose.repeat(12)}</main>` +
      `<section id="comments"><h2>6 comments</h2><ol class="comment-list">${comments}</ol></section></body></html>`;
    const v = isArticlePage(new JSDOM(html, { url }).window.document, url);
    expect(v.reason).not.toMatch(/teaser/);
    // Six real teaser cards still make a front page.
    const cards = Array.from(
      { length: 6 },
      (_, i) => `<article class="card"><a href="/s/${i}">Story ${i}</a></article>`,
    ).join('');
    const front = isArticlePage(new JSDOM(`<html><body>${cards}</body></html>`, { url }).window.document, url);
    expect(front.reason).toMatch(/teaser/);
  });

  it('the article body under a search, tag or live URL is still not auto-opened', () => {
    for (const url of [
      'http://x.com/search?q=libya',
      'http://x.com/tag/libya/',
      'http://x.com/live/',
      'http://x.com/de/suche/libyen',
      'http://x.com/?s=libya',
    ]) {
      expect(urlMayBeArticle(url).ok, url).toBe(false);
    }
    expect(urlMayBeArticle('https://www.bbc.co.uk/news/world-africa-50424234').ok).toBe(true);
  });
});

// On the scrapinghub corpus: test/corpus/autoclean-gate.test.ts (`npm run test:corpus`).
