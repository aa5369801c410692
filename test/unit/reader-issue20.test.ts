// @vitest-environment jsdom
/**
 * Issue #20's reader parts under jsdom: the kicker ("Dachzeile") above the title, the standfirst under
 * it; a live blog as a "Live" marker and its entries as a timeline in the page's order, each under its
 * time on the publisher's clock
 * (the time only on the story's day, the date too on another day, the page's own words when it gave no
 * machine time), entry HTML sanitized. Real layout: e2e reader-live.spec.ts.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/shell/browser.js', () => ({ browser: { runtime: { id: 'test' } } }));

const { mountReader, DEFAULT_READER_SETTINGS } = await import('../../src/overlay/index.js');
import type { ExtractResult, LiveBlog } from '../../src/core/types.js';

const settings = { ...DEFAULT_READER_SETTINGS };

const LIVE: LiveBlog = {
  source: 'markup',
  entries: [
    { time: '2024-03-12T14:05-04:00', printed: '14:05', title: 'Bridge closed', content: '<p>The bridge is shut.</p>' },
    { time: '2024-03-11T21:30-04:00', printed: null, title: null, content: '<p>Eve of the storm.</p>' },
    {
      time: null,
      printed: '9.10am',
      title: 'Warnings',
      content: '<p>Warnings issued.</p><img src="x" onerror="alert(1)"><script>alert(2)</script>',
    },
  ],
};

function article(over: Partial<ExtractResult> = {}): ExtractResult {
  return {
    url: 'https://news.example/2024/03/12/storm-live',
    canonicalUrl: null,
    isNews: true,
    newsScore: 0.9,
    newsReasons: [],
    title: 'Storm hits the coast',
    byline: null,
    siteName: 'Coastal Ledger',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    favicon: null,
    content: '<p>The bridge is shut.</p><p>Eve of the storm.</p>',
    textContent: '',
    wordCount: 300,
    readingMinutes: 2,
    paywalled: false,
    dateline: {
      published: '2024-03-12T08:00-04:00',
      modified: null,
      precision: 'minute',
      place: null,
      agency: null,
      text: '',
      source: 'json-ld',
    },
    related: [],
    ...over,
  };
}

const textOf = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('a live blog in the reader', () => {
  it('shows a Live marker and a timeline of entries with their times, in the page order', () => {
    const r = mountReader(document, article({ live: LIVE }), { settings, locale: 'en-US', timeZone: 'UTC' });
    const root = r.shadowRoot;
    expect(textOf(root.querySelector('.live-badge'))).toBe('Live');
    const entries = Array.from(root.querySelectorAll('.article-body .timeline > li'));
    expect(entries.map((e) => textOf(e.querySelector('.entry-time')))).toEqual([
      '2:05 PM', // the story's day: the time only, on the publisher's clock (its offset is on the dateline)
      'March 11, 2024 at 9:30 PM', // another day: the date too
      '9.10am', // no machine time: as the page printed it
    ]);
    expect(entries[0]!.querySelector('time')!.getAttribute('datetime')).toBe('2024-03-12T14:05-04:00');
    // An entry on another clock than the dateline's says which.
    const other = { ...LIVE.entries[0]!, time: '2024-03-12T19:05+01:00' };
    const r2 = mountReader(document, article({ live: { ...LIVE, entries: [other] } }), { settings, locale: 'en-US' });
    expect(textOf(r2.shadowRoot.querySelector('.entry-time'))).toBe('7:05 PM UTC+1');
    r2.close();
    expect(entries.map((e) => textOf(e.querySelector('.entry-title')))).toEqual(['Bridge closed', '', 'Warnings']);
    expect(textOf(entries[1]!.querySelector('.entry-body'))).toBe('Eve of the storm.');
    // The body is the timeline, not the same text twice.
    expect(textOf(root.querySelector('.article-body')).match(/The bridge is shut/g)).toHaveLength(1);
    // Entry HTML went through the sanitizer.
    expect(root.querySelector('.timeline script, .timeline [onerror]')).toBeNull();
    r.close();
  });

  it('an ordinary article has no timeline', () => {
    const r = mountReader(document, article(), { settings });
    expect(r.shadowRoot.querySelector('.live, .timeline')).toBeNull();
    r.close();
  });
});

describe('the kicker', () => {
  it("is shown above the title, in the article's language direction", () => {
    const r = mountReader(document, article({ kicker: 'Verkehrswende an der Küste' }), { settings });
    const head = r.shadowRoot.querySelector('header.head')!;
    expect(head.firstElementChild?.className).toBe('kicker');
    expect(textOf(head.querySelector('.kicker'))).toBe('Verkehrswende an der Küste');
    expect(head.querySelector('.kicker + h1')).not.toBeNull();
    r.close();
    const none = mountReader(document, article(), { settings });
    expect(none.shadowRoot.querySelector('.kicker')).toBeNull();
    none.close();
  });
});

describe('the standfirst', () => {
  it('is shown under the title, before the dateline and byline', () => {
    const dek = 'The chip maker dropped support for the processor, so the software maker is in a bind.';
    const r = mountReader(document, article({ standfirst: dek }), { settings });
    const head = r.shadowRoot.querySelector('header.head')!;
    expect(textOf(head.querySelector('h1 + .standfirst'))).toBe(dek);
    r.close();
    const none = mountReader(document, article(), { settings });
    expect(none.shadowRoot.querySelector('.standfirst')).toBeNull();
    none.close();
  });
});

/** extract() on a minimal page of a corpus shape, then the reader on its result (what a user sees). */
async function readerOf(html: string, url: string): Promise<ReturnType<typeof mountReader>> {
  const { JSDOM } = await import('jsdom');
  const { extract } = await import('../../src/core/extract.js');
  const r = extract(new JSDOM(html, { url }).window.document, { url, now: '2024-03-13T00:00:00Z' });
  return mountReader(document, r, { settings });
}

const PARAS = [1, 2, 3, 4]
  .map((n) => `<p>Paragraph ${n}: the harbour towns voted for small electric ferries, which will run from June on.</p>`)
  .join('');

describe('lead picture and title, from extract() on corpus-shaped pages', () => {
  it('a hero outside the article (og:image) with its credit stranded at the top: one lead figure, credit as caption', async () => {
    const html =
      `<html><head><title>Harbour towns bet on small ferries – Coastal Ledger</title>` +
      `<meta property="og:site_name" content="Coastal Ledger">` +
      `<meta property="og:image" content="https://news.example/media/harbour-1200x675.jpg"></head><body>` +
      `<div class="hero"><img src="https://news.example/media/harbour-1200x675.jpg" alt=""></div>` +
      `<article><h1>Harbour towns bet on small ferries</h1><p>(AP Photo/Lena Fischer)</p>${PARAS}</article></body></html>`;
    const r = await readerOf(html, 'https://news.example/2024/03/12/ferries');
    const root = r.shadowRoot;
    expect(textOf(root.querySelector('h1'))).toBe('Harbour towns bet on small ferries');
    expect(root.querySelectorAll('img[src*="harbour"]')).toHaveLength(1);
    expect(textOf(root.querySelector('figure.lead figcaption'))).toBe('(AP Photo/Lena Fischer)');
    expect(textOf(root.querySelector('.article-body'))).not.toContain('AP Photo');
    r.close();
  });

  it('the same picture in the body at another size: shown once, in the body; "Site | Headline" loses the site', async () => {
    const html =
      `<html><head><title>COASTALLEDGER.com | Harbour towns bet on small ferries</title>` +
      `<meta property="og:image" content="https://www.news.example/media/harbour.jpg?w=1600"></head><body>` +
      `<article><h1>Harbour towns bet on small ferries</h1>` +
      `<figure><img src="https://news.example/media/harbour.jpg?w=800" alt="The harbour">` +
      `<figcaption>The harbour at dawn. Photo: Lena Fischer</figcaption></figure>${PARAS}</article></body></html>`;
    const r = await readerOf(html, 'https://www.coastalledger.com/2024/03/12/ferries');
    const root = r.shadowRoot;
    expect(textOf(root.querySelector('h1'))).toBe('Harbour towns bet on small ferries');
    expect(root.querySelector('figure.lead')).toBeNull();
    expect(root.querySelectorAll('img[src*="harbour"]')).toHaveLength(1);
    expect(textOf(root.querySelector('.article-body figcaption'))).toContain('Photo: Lena Fischer');
    r.close();
  });
});
