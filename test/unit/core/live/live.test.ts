/**
 * The live-blog stage (issue #20) on minimal pages of each shape: a JSON-LD LiveBlogPosting only, live
 * markup only (entries with <time>, or a "time"-classed clock), both (markup entries borrow JSON-LD
 * times), and the dated runs that are not live blogs (comments, a teaser rail, a news-ticker of links,
 * an ordinary article). What a user would notice: the entries, in the page's order, with their times.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const URL = 'https://news.example/world/2024/03/12/storm-live';
const NOW = '2024-03-13T00:00:00Z';

function page(body: string, head = ''): Document {
  return new JSDOM(
    `<!doctype html><html lang="en"><head><title>Storm live</title>${head}</head><body>${body}</body></html>`,
    {
      url: URL,
    },
  ).window.document;
}

const story = (n: number): string =>
  `Crews reported fallen trees and flooded roads across the district, update number ${n} from the desk.`;

const ld = (updates: object[]): string =>
  `<script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    headline: 'Storm hits the coast: live updates',
    datePublished: '2024-03-12T08:00:00-04:00',
    liveBlogUpdate: updates,
  })}</script>`;

const LD_UPDATES = [
  {
    '@type': 'BlogPosting',
    headline: 'Bridge closed',
    datePublished: '2024-03-12T14:05:00-04:00',
    articleBody: story(3),
  },
  { '@type': 'BlogPosting', headline: 'Power cuts', datePublished: '2024-03-12T11:30:00-04:00', articleBody: story(2) },
  {
    '@type': 'BlogPosting',
    datePublished: '2024-03-12T09:10:00-04:00',
    articleBody: `${story(1)}\n\nSecond <b>para</b>.`,
  },
];

function liveMarkup(stamp: (i: number) => string): string {
  const entries = [3, 2, 1]
    .map(
      (n, i) =>
        `<div class="block"><header class="block-meta">${stamp(i)}</header>` +
        `<h3>Update ${n}</h3><p>${story(n)}</p><button>Share</button></div>`,
    )
    .join('');
  return `<main><h1>Storm hits the coast</h1><div id="liveblog-body" class="live-blog">${entries}</div></main>`;
}

const TIMES = ['2024-03-12T14:05:00-04:00', '2024-03-12T11:30:00-04:00', '2024-03-12T09:10:00-04:00'];

describe('live blogs: entries with their times', () => {
  it('JSON-LD only: the liveBlogUpdate entries, in order, with headline, time and escaped text', () => {
    const r = extract(page(`<article><h1>Storm</h1><p>${story(0)}</p></article>`, ld(LD_UPDATES)), {
      url: URL,
      now: NOW,
    });
    expect(r.live?.source).toBe('json-ld');
    expect(r.live?.entries.map((e) => [e.time, e.title])).toEqual([
      ['2024-03-12T14:05-04:00', 'Bridge closed'],
      ['2024-03-12T11:30-04:00', 'Power cuts'],
      ['2024-03-12T09:10-04:00', null],
    ]);
    expect(r.live?.entries[2]!.content).toBe(`<p>${story(1)}</p><p>Second &lt;b&gt;para&lt;/b&gt;.</p>`);
  });

  it('markup only: repeated entries with <time> under a live container', () => {
    const r = extract(
      page(liveMarkup((i) => `<time datetime="${TIMES[i]}">${['14:05', '11:30', '09:10'][i]}</time>`)),
      {
        url: URL,
        now: NOW,
      },
    );
    expect(r.live?.source).toBe('markup');
    const entries = r.live!.entries;
    expect(entries.map((e) => [e.time, e.printed, e.title])).toEqual([
      ['2024-03-12T14:05-04:00', '14:05', 'Update 3'],
      ['2024-03-12T11:30-04:00', '11:30', 'Update 2'],
      ['2024-03-12T09:10-04:00', '09:10', 'Update 1'],
    ]);
    // The time and the heading are shown in their own places, the share button nowhere.
    expect(entries[0]!.content).toContain(story(3));
    expect(entries[0]!.content).not.toMatch(/14:05|Update 3|Share|<header/);
  });

  it('markup with a printed clock only ("time"-classed span): printed kept, no made-up date', () => {
    const r = extract(
      page(liveMarkup((i) => `<span class="entry-time">${['2:05 PM', '11:30 AM', '9:10 AM'][i]}</span>`)),
      {
        url: URL,
        now: NOW,
      },
    );
    expect(r.live?.entries.map((e) => [e.time, e.printed])).toEqual([
      [null, '2:05 PM'],
      [null, '11:30 AM'],
      [null, '9:10 AM'],
    ]);
  });

  it('both: the markup entries, with the JSON-LD times where the markup has none', () => {
    const r = extract(
      page(
        liveMarkup((i) => `<span class="entry-time">${['14:05', '11:30', '09:10'][i]}</span>`),
        ld(LD_UPDATES),
      ),
      {
        url: URL,
        now: NOW,
      },
    );
    expect(r.live?.source).toBe('json-ld+markup');
    expect(r.live?.entries.map((e) => [e.time, e.printed, e.title])).toEqual([
      ['2024-03-12T14:05-04:00', '14:05', 'Update 3'],
      ['2024-03-12T11:30-04:00', '11:30', 'Update 2'],
      ['2024-03-12T09:10-04:00', '09:10', 'Update 1'],
    ]);
  });

  it('other CMS shapes: nested post containers with data-timestamp; a German Liveticker with "13:05 Uhr"', () => {
    const stamps = [1710266700, 1710257400, 1710249000];
    const posts = stamps
      .map(
        (t, i) =>
          `<li class="lx-stream__post-container"><article class="lx-stream-post"><header>` +
          `<span class="qa-post-time" data-timestamp="${t}">${['18:05', '15:30', '13:10'][i]}</span>` +
          `<h3 class="lx-stream-post__header-title">Post ${i}</h3></header>` +
          `<div class="lx-stream-post-body"><p>${story(i)}</p></div></article></li>`,
      )
      .join('');
    const bbc = extract(page(`<div id="lx-stream" class="lx-stream"><ol>${posts}</ol></div>`), { url: URL, now: NOW });
    // A run the page never calls live ("lx-" is a prefix only insiders read) is not taken on its markup alone.
    expect(bbc.live).toBeUndefined();
    const declared = extract(page(`<div class="live-stream"><ol>${posts}</ol></div>`), { url: URL, now: NOW });
    expect(declared.live?.entries.map((e) => [e.time, e.printed, e.title])).toEqual([
      ['2024-03-12T18:05Z', '18:05', 'Post 0'],
      ['2024-03-12T15:30Z', '15:30', 'Post 1'],
      ['2024-03-12T13:10Z', '13:10', 'Post 2'],
    ]);
    const ticker = [3, 2, 1, 0]
      .map(
        (n) =>
          `<div class="ticker-entry"><div class="ticker-time">1${n}:05 Uhr</div><div class="ticker-text"><p>${story(n)}</p></div></div>`,
      )
      .join('');
    const de = extract(page(`<article><h1>Sturm an der Küste</h1><div class="liveticker">${ticker}</div></article>`), {
      url: URL,
      now: NOW,
    });
    expect(de.live?.entries.map((e) => e.printed)).toEqual(['13:05 Uhr', '12:05 Uhr', '11:05 Uhr', '10:05 Uhr']);
    expect(de.live?.entries[0]!.content).toContain(story(3));
  });

  it('the live page is not changed', () => {
    const doc = page(liveMarkup((i) => `<time datetime="${TIMES[i]}">x</time>`));
    const before = doc.documentElement.outerHTML;
    extract(doc, { url: URL, now: NOW });
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('dated runs that are not live blogs', () => {
  const article = `<article><h1>Council approves the budget</h1><p>By Jane Doe, <time datetime="2024-03-12">12 March</time></p>
    <p>${story(0)}</p><p>${story(1)}</p><p>${story(2)}</p></article>`;

  it('a comment thread (each comment with a time and text) under a "live" page', () => {
    const comments = [1, 2, 3, 4]
      .map((n) => `<li class="comment"><time datetime="2024-03-12T1${n}:00">1${n}:00</time><p>${story(n)}</p></li>`)
      .join('');
    const r = extract(page(`<div class="live">${article}<ol class="comment-list">${comments}</ol></div>`), {
      url: URL,
      now: NOW,
    });
    expect(r.live).toBeUndefined();
  });

  it('a "live" rail of dated headline links (a ticker of teasers)', () => {
    const items = [1, 2, 3, 4]
      .map((n) => `<li class="item"><time>1${n}:00</time> <a href="/n${n}">${story(n)}</a></li>`)
      .join('');
    const r = extract(page(`${article}<div class="live-ticker"><ul>${items}</ul></div>`), { url: URL, now: NOW });
    expect(r.live).toBeUndefined();
  });

  it('repeated dated entries on a page that never says it is live (an archive list)', () => {
    const items = [1, 2, 3, 4]
      .map(
        (n) =>
          `<div class="post"><time datetime="2024-03-0${n}">${n} March</time><h2>Post ${n}</h2><p>${story(n)}</p></div>`,
      )
      .join('');
    const r = extract(page(`<main>${items}</main>`), { url: URL, now: NOW });
    expect(r.live).toBeUndefined();
  });

  it('an ordinary article with one date', () => {
    expect(extract(page(article), { url: URL, now: NOW }).live).toBeUndefined();
  });

  it('a LiveBlogPosting with a single update is not a timeline', () => {
    const r = extract(page(article, ld(LD_UPDATES.slice(0, 1))), { url: URL, now: NOW });
    expect(r.live).toBeUndefined();
  });
});
