/**
 * findDateline on whole pages (fixtures in test/fixtures/dateline, plus the seed page): each source
 * the issue names, with the exact value a reader would see, its provenance, and the rules that keep it
 * honest — no UTC conversion, no invented midnight, no impossible dates, no page clocks or related
 * cards, the live document left untouched.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { findDateline, formatDateline, type DatelineContext } from '../../../../src/core/dateline/index.js';
import type { Dateline } from '../../../../src/core/types.js';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/dateline');
const SEED = path.resolve(__dirname, '../../../fixtures/pages/seed-haberler.html');
const SEED_URL = 'https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/';
const NOW = new Date('2024-03-20T12:00:00Z');

function load(file: string, url = 'https://example.com/news/story'): Document {
  return new JSDOM(readFileSync(file, 'utf8'), { url }).window.document;
}

function run(name: string, opts: Partial<DatelineContext> = {}): Dateline {
  const url = opts.url ?? 'https://example.com/news/story';
  const doc = load(path.join(FIXTURES, name), url);
  return findDateline(doc, {
    url,
    now: NOW,
    lang: doc.documentElement.getAttribute('lang'),
    locale: 'en-GB',
    timeZone: 'Europe/London',
    ...opts,
  });
}

const core = (d: Dateline): Partial<Dateline> => ({
  published: d.published,
  modified: d.modified,
  precision: d.precision,
  source: d.source,
  modifiedSource: d.modifiedSource,
  place: d.place,
  agency: d.agency,
});

describe('findDateline: sources', () => {
  it('JSON-LD @graph: the article node, not the WebPage or its image; place from locationCreated', () => {
    expect(core(run('jsonld-graph.html'))).toEqual({
      published: '2024-03-12T14:05-04:00',
      modified: '2024-03-12T16:30-04:00',
      precision: 'minute',
      source: 'json-ld',
      modifiedSource: 'json-ld',
      place: 'Washington',
      agency: null,
    });
  });

  it('JSON-LD in several blocks, arrays and mainEntity; a bare midnight is a day, not 00:00', () => {
    expect(core(run('jsonld-blocks-midnight.html'))).toEqual({
      published: '2023-10-04',
      modified: null,
      precision: 'day',
      source: 'json-ld',
      modifiedSource: null,
      place: null,
      agency: null,
    });
  });

  it("microdata itemprop, skipping a comment's date and a date in the navigation", () => {
    expect(core(run('microdata.html'))).toMatchObject({
      published: '2022-06-12T07:45+02:00',
      modified: '2022-06-13T09:10+02:00',
      source: 'microdata',
      modifiedSource: 'microdata',
    });
  });

  it('meta tags (article:published_time, article:modified_time)', () => {
    expect(core(run('meta-tags.html'))).toMatchObject({
      published: '2024-02-14T18:07+01:00',
      modified: '2024-02-15T08:00+01:00',
      source: 'meta',
      modifiedSource: 'meta',
    });
  });

  it('<time datetime> in the article header, not a ticker above or related cards beside it', () => {
    expect(core(run('time-element.html'))).toMatchObject({
      published: '2021-07-19T09:30',
      precision: 'minute',
      source: 'time-element',
    });
  });

  it('German visible text: date, time and "Aktualisiert:"; not the header clock, prose dates, comments or footer', () => {
    expect(core(run('text-de.html'))).toMatchObject({
      published: '2024-02-14T18:07',
      modified: '2024-02-15T08:00',
      source: 'text',
      modifiedSource: 'text',
    });
  });

  it('French visible text: day first ("Publié le 12/06/2022 à 07h45" is June 12) and "Mis à jour le"', () => {
    expect(core(run('text-fr.html'))).toMatchObject({
      published: '2022-06-12T07:45',
      modified: '2022-06-13T09:10',
      source: 'text',
    });
  });

  it('US English: "October 4, 2023 at 2:05 p.m. EDT" keeps its stated offset; opening "SPRINGFIELD —" gives the place', () => {
    expect(core(run('text-en-us.html'))).toEqual({
      published: '2023-10-04T14:05-04:00',
      modified: '2023-10-05',
      precision: 'minute',
      source: 'text',
      modifiedSource: 'text',
      place: 'Springfield',
      agency: null,
    });
  });

  it('Japanese visible text (2024年1月5日 10時30分)', () => {
    expect(core(run('text-ja.html'))).toMatchObject({ published: '2024-01-05T10:30', source: 'text' });
  });

  it('Arabic month names with Arabic-Indic digits, and an RTL wire place', () => {
    expect(core(run('text-ar.html'))).toMatchObject({
      published: '2023-03-15T10:30',
      source: 'text',
      place: 'القاهرة',
      agency: null,
    });
  });

  it('a relative time ("vor 3 Stunden") against now; "Berlin (dpa) -" gives place and agency', () => {
    expect(core(run('relative.html', { timeZone: 'Europe/Berlin' }))).toMatchObject({
      published: '2024-03-20T10:00+01:00',
      source: 'text',
      place: 'Berlin',
      agency: 'dpa',
    });
  });

  it('the URL path as the last resort, date-only', () => {
    const d = run('url-only.html', { url: 'https://example.com/2021/07/19/notes-from-the-road/' });
    expect(core(d)).toMatchObject({ published: '2021-07-19', precision: 'day', source: 'url' });
    expect(run('url-only.html').published).toBeNull();
  });
});

describe('findDateline: honest values', () => {
  it('rejects epoch placeholders and future dates, falling back to the visible date', () => {
    expect(core(run('impossible.html'))).toMatchObject({
      published: '2023-10-04',
      modified: null,
      precision: 'day',
      source: 'text',
    });
  });

  it("a UTC value stated in local time on the page becomes the publisher's wall clock with its offset", () => {
    expect(core(run('utc-local.html'))).toMatchObject({
      published: '2020-06-07T23:30-04:00',
      place: 'Washington',
      agency: 'Reuters',
    });
  });

  it('drops a modified date before the published one', () => {
    const doc = new JSDOM(
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-03-12T14:05:00+01:00","dateModified":"2024-03-11T10:00:00+01:00"}</script></head><body><h1>Story</h1></body></html>`,
    ).window.document;
    const d = findDateline(doc, { url: 'https://example.com/a', now: NOW, lang: 'en' });
    expect([d.published, d.modified]).toEqual(['2024-03-12T14:05+01:00', null]);
  });

  it('never mutates the live document', () => {
    const doc = load(path.join(FIXTURES, 'text-en-us.html'));
    const before = doc.documentElement.outerHTML;
    findDateline(doc, { url: 'https://example.com/news/story', now: NOW, lang: 'en-US' });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('returns an empty dateline when the page states no date', () => {
    const doc = new JSDOM('<html><body><h1>Hello</h1><p>No dates here at all, just words.</p></body></html>').window
      .document;
    expect(findDateline(doc, { url: 'https://example.com/about', now: NOW, lang: 'en' })).toMatchObject({
      published: null,
      text: '',
      source: null,
    });
  });
});

describe('the seed page', () => {
  it('gives the dateline beside the headline (15.11.2019 13:42), not the page clock (15/11/2019 16:26)', () => {
    const doc = load(SEED, SEED_URL);
    const d = findDateline(doc, {
      url: SEED_URL,
      now: new Date('2019-11-15T14:30:00Z'),
      lang: 'en',
      locale: 'en-GB',
      timeZone: 'Europe/Istanbul',
    });
    expect(core(d)).toMatchObject({ published: '2019-11-15T13:42', precision: 'minute', source: 'text' });
    expect(d.text).toBe('15 Nov 2019, 13:42');
  });
});

describe('formatDateline', () => {
  const dl = { published: '2024-03-12T14:05-04:00', modified: '2024-03-12T16:30-04:00', place: 'Washington' };

  it("shows the stated time and offset, the reader's own time when it differs, and the update", () => {
    expect(formatDateline(dl, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe(
      'Washington · 12 Mar 2024, 14:05 UTC−4 (19:05 your time) · updated 16:30',
    );
  });

  it("adds no reader time when the reader is in the publisher's zone", () => {
    expect(formatDateline(dl, { locale: 'en-US', timeZone: 'America/New_York' })).toBe(
      'Washington · Mar 12, 2024, 2:05 PM UTC−4 · updated 4:30 PM',
    );
  });

  it("speaks the reader's language", () => {
    expect(formatDateline(dl, { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe(
      'Washington · 12. März 2024, 14:05 UTC−4 (19:05 Ihre Zeit) · aktualisiert 16:30',
    );
  });

  it("a date without time or offset stays as stated, whatever the reader's zone", () => {
    expect(
      formatDateline(
        { published: '2023-10-04', modified: null, place: null },
        { locale: 'en-GB', timeZone: 'Pacific/Auckland' },
      ),
    ).toBe('4 Oct 2023');
    expect(
      formatDateline(
        { published: '2019-11-15T13:42', modified: null, place: null },
        { locale: 'en-GB', timeZone: 'Asia/Tokyo' },
      ),
    ).toBe('15 Nov 2019, 13:42');
  });

  it('the overlay can reformat a stored dateline for another reader', () => {
    const d = run('jsonld-graph.html');
    expect(formatDateline(d, { locale: 'fr-FR', timeZone: 'Europe/Paris' })).toContain('mis à jour');
    expect(d.text).toBe('Washington · 12 Mar 2024, 14:05 UTC−4 (18:05 your time) · updated 16:30');
  });
});

describe('schema.org place', () => {
  it('reads contentLocation (address) and an ALL-CAPS JSON-LD dateline', () => {
    const page = (ld: string): Dateline =>
      findDateline(
        new JSDOM(
          `<html><head><script type="application/ld+json">${ld}</script></head><body><h1>Story</h1></body></html>`,
        ).window.document,
        { url: 'https://example.com/a', now: NOW, lang: 'en' },
      );
    expect(
      page(
        '{"@type":"NewsArticle","datePublished":"2024-03-01","contentLocation":{"@type":"Place","address":{"addressLocality":"Kyiv"}}}',
      ).place,
    ).toBe('Kyiv');
    expect(page('{"@type":"ReportageNewsArticle","datePublished":"2024-03-01","dateline":"NEW YORK"}').place).toBe(
      'New York',
    );
    expect(page('{"@type":"LiveBlogPosting","datePublished":"2024-03-01T09:00:00+02:00"}')).toMatchObject({
      published: '2024-03-01T09:00+02:00',
      place: null,
    });
  });
});
