/**
 * isNews: article pages of news sites yes; home page, section front, search results, product and
 * documentation pages no, each with a reason a user can read. detectNews alone (what the
 * auto-clean detector bundles) and extract() (which adds Readability's verdict) must agree.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isProbablyReaderable } from '@mozilla/readability';
import { detectNews } from '../../../../src/core/page/detect.js';
import { extract } from '../../../../src/core/extract.js';
import { loadPage, parseAt } from '../../extract-fixture.js';

const NON_NEWS: Array<[string, string, RegExp]> = [
  ['nonnews-home.html', 'https://www.riversidecourier.example/', /site root \(a home page\)|front page/],
  ['nonnews-section.html', 'https://www.riversidecourier.example/politics/', /section front|list of pages/],
  ['nonnews-search.html', 'https://www.riversidecourier.example/search?q=bridge', /search page/],
  ['nonnews-product.html', 'https://shop.outdoorgear.example/products/trailmaster-40l-hiking-backpack', /product page/],
  ['nonnews-docs.html', 'https://lighthousedb.example/docs/cache', /documentation/],
];

const NEWS: Array<[string, string]> = [
  ['seed-haberler.html', 'https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/'],
  ['en-clutter-lazy.html', 'https://www.riversidecourier.example/news/2024/03/12/council-approves-river-bridge'],
  ['de-clutter.html', 'https://www.nordkurier.example/wirtschaft/bahn-schnellstrecke-hamburg-berlin-123456.html'],
  ['ja-short-cjk.html', 'https://www.minato-shimbun.example/national/20240512-654321.html'],
  ['ar-rtl.html', 'https://www.alshorouk.example/economy/2024/04/02/solar-plant-opening-987654'],
];

describe('not news', () => {
  for (const [file, url, reason] of NON_NEWS) {
    it(`${file}: isNews false, reason ${reason}`, () => {
      const standalone = detectNews(loadPage(file, url), url);
      expect(standalone.isNews).toBe(false);
      expect(standalone.reasons.join('; ')).toMatch(reason);
      const r = extract(loadPage(file, url), { url });
      expect(r.isNews).toBe(false);
      expect(r.newsScore).toBeLessThan(0.5);
      expect(r.newsReasons.join('; ')).toMatch(reason);
    });
  }

  it('the docs page passes Readability’s readerable check, yet is not news', () => {
    const url = 'https://lighthousedb.example/docs/cache';
    const doc = loadPage('nonnews-docs.html', url);
    expect(isProbablyReaderable(doc)).toBe(true); // Readability alone would offer it…
    const r = extract(doc, { url });
    expect(r.textContent).toContain('how to size the cache');
    expect(r.isNews).toBe(false); // …but it is documentation
  });
});

describe('news', () => {
  for (const [file, url] of NEWS) {
    it(`${file}: isNews true`, () => {
      const v = detectNews(loadPage(file, url), url);
      expect(v.isNews).toBe(true);
      expect(v.score).toBeGreaterThanOrEqual(0.5);
      expect(v.reasons.length).toBeGreaterThan(0);
    });
  }

  it('names the JSON-LD type and URL shape among the reasons', () => {
    const url = 'https://www.riversidecourier.example/news/2024/03/12/council-approves-river-bridge';
    const v = detectNews(loadPage('en-clutter-lazy.html', url), url);
    expect(v.reasons).toContain('JSON-LD type NewsArticle');
    expect(v.reasons).toContain('URL has a date in it');
  });

  it('the same article served at the site root is judged a home page', () => {
    const v = detectNews(loadPage('seed-haberler.html', 'https://en.haberler.com/'), 'https://en.haberler.com/');
    expect(v.reasons).toContain('URL is the site root (a home page)');
    expect(v.score).toBeLessThan(detectNews(loadPage('seed-haberler.html', NEWS[0]![1]), NEWS[0]![1]).score);
  });
});

describe('a story whose id is in the query (older CMSs)', () => {
  // An older story page: no JSON-LD, no og:type, a headline and running text under the site's links.
  const para =
    'The harbour board said on Friday that the ferry would stay in port until the storm had passed, and that the ' +
    'crossing would resume on Monday morning if the sea allowed it. ';
  const page = (url: string): Document => {
    const html =
      `<!doctype html><html lang="en"><head><title>Storm keeps ferry in port</title></head><body>` +
      `<div class="nav"><a href="/">Home</a> <a href="/news/">News</a> <a href="/sport/">Sport</a></div>` +
      `<div class="story"><h1>Storm keeps ferry in port</h1>${`<p>${para.repeat(2)}</p>`.repeat(6)}</div></body></html>`;
    return parseAt(html, url);
  };
  const cases: Array<[string, RegExp]> = [
    [
      'https://www.capecourier.example/?fSectionId=&fArticleId=nw20071228110755282C855390',
      /article id \(\?fArticleId=\)/,
    ],
    ['https://www.capecourier.example/index.jsp?storyID=331198', /article id \(\?storyID=\)/],
    ['https://www.capecourier.example/index.php?page=info&article=463501&lng=1', /article id \(\?article=\)/],
    ['https://www.capecourier.example/section/story.cfm?c_id=4&objectid=10486931', /article id \(\?objectid=\)/],
    ['https://www.capecourier.example/news/main.jhtml?xml=/news/2007/12/29/nlily129.xml', /date in it/],
  ];
  for (const [url, reason] of cases) {
    it(`${new URL(url).pathname}${new URL(url).search}: the story, not a home page or section front`, () => {
      const r = extract(page(url), { url });
      expect(r.isNews, r.newsReasons.join('; ')).toBe(true);
      expect(r.newsReasons.join('; ')).toMatch(reason);
      expect(r.newsReasons.join('; ')).not.toMatch(/site root|section front/);
    });
  }
  it('the same page at the root with no story id, or only a page number or a campaign tag, is a home page', () => {
    for (const url of [
      'https://www.capecourier.example/',
      'https://www.capecourier.example/?page=2',
      'https://www.capecourier.example/?utm_content=1234567',
      'https://www.capecourier.example/index.php?date=2007/12/29',
    ]) {
      const r = extract(page(url), { url });
      expect(r.isNews, url).toBe(false);
      expect(r.newsReasons, url).toContain('URL is the site root (a home page)');
    }
  });
});

describe('a story printed outside <p> elements (lines in <div>s, as wire feeds and older templates print it)', () => {
  const url = 'https://sport.wirefeed.example/breakingnews/feedstory/0,,-7235758,00.html';
  const lines = [
    'SALMON, Idaho, Jan 17 (Reuters) - A first-round draft pick was arrested in Boise on Thursday after a night out.',
    'The guard, 22, was charged with a misdemeanour and released on bail on Friday morning, police said.',
    'His agent said the player regretted the incident and would meet the club when the team returned home.',
    'The club said in a statement that it was aware of the arrest and was gathering information about it.',
    'He was picked in the second round of last summer’s draft and has played in eleven games this season.',
    'A court date has been set for February, when the charges will be heard before a judge in Boise.',
    'Team officials declined to say whether the player would be suspended for the next road trip.',
    'Local police said the arrest followed complaints from a bar near the arena late on Wednesday night.',
  ];
  const doc = (body: string): Document =>
    parseAt(
      `<!doctype html><html lang="en"><head><title>Draft pick arrested</title></head><body>` +
        `<div class="nav"><a href="/">Home</a> <a href="/sport/">Sport</a></div>${body}</body></html>`,
      url,
    );

  it('is a story: the little text in <p>s does not outweigh the article Readability finds', () => {
    const r = extract(
      doc(
        `<div class="title">Draft pick arrested</div><div class="body">${lines.map((l) => `<div>${l}</div>`).join('')}</div>`,
      ),
      { url },
    );
    expect(r.wordCount).toBeGreaterThanOrEqual(120);
    expect(r.newsReasons).toContain('little running text');
    expect(r.isNews, r.newsReasons.join('; ')).toBe(true);
  });

  it('a list of headlines at the same URL stays a front page', () => {
    const list = Array.from(
      { length: 14 },
      (_, i) =>
        `<h3><a href="/sport/story-${i}-0,,-72357${10 + i},00.html">${lines[i % lines.length]!.slice(0, 60)}</a></h3>`,
    ).join('');
    const r = extract(doc(`<div class="list">${list}</div>`), { url });
    expect(r.isNews, r.newsReasons.join('; ')).toBe(false);
  });
});

describe('detect.ts stays standalone for the detector bundle', () => {
  it('imports no Readability (directly or through page-meta)', () => {
    for (const f of ['page/detect.ts', 'page/page-meta.ts']) {
      const src = readFileSync(path.resolve(__dirname, '../../../../src/core', f), 'utf8');
      expect(src, f).not.toMatch(/@mozilla\/readability|from '(\.\.?\/)+(extract|article\/|sanitize)/);
    }
  });
});
