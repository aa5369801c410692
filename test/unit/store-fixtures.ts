/** Articles and databases for the store tests: hand-made ExtractResults (stable while the core evolves). */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openLibrary, type OpenOptions } from '../../src/store/database.js';
import type { ExtractResult } from '../../src/core/types.js';

let n = 0;
/** A fresh, isolated IndexedDB per call. */
export function freshOptions(extra: Partial<OpenOptions> = {}): OpenOptions {
  return { name: `test-library-${++n}`, indexedDB: new IDBFactory(), IDBKeyRange, ...extra };
}

export function openFresh(extra: Partial<OpenOptions> = {}) {
  return openLibrary(freshOptions(extra));
}

export function makeArticle(over: Partial<ExtractResult> = {}): ExtractResult {
  const paras = over.textContent
    ? [over.textContent]
    : [
        'The U.S. on Friday called on Libyan National Army forces led by military commander Khalifa Haftar to halt their offensive.',
        'Clashes between the two sides have left over 1,000 people dead, according to the World Health Organization.',
      ];
  const content =
    over.content ??
    `<div><p>${paras.join('</p><p>')}</p><p><img src="https://en.haberler.com/images/a.jpg" alt="Tripoli"></p></div>`;
  return {
    url: 'https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/?utm_source=x',
    canonicalUrl: 'https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/',
    isNews: true,
    newsScore: 0.9,
    newsReasons: ['og:type article'],
    title: 'US Urges Haftar-Led Forces To End Offensive In Libya',
    byline: 'Anadolu Agency',
    siteName: 'Haberler',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'US calls on military commander Haftar to end offensive',
    leadImage: 'https://en.haberler.com/images/large/12618612.jpg',
    favicon: 'https://en.haberler.com/favicon.ico',
    content,
    textContent: paras.join(' '),
    wordCount: 40,
    readingMinutes: 1,
    paywalled: false,
    dateline: {
      published: '2019-11-15T13:42',
      modified: null,
      precision: 'minute',
      place: 'Washington',
      agency: null,
      text: 'Washington · 15 November 2019, 13:42',
      source: 'text',
    },
    related: [
      {
        title: 'Mass Protests Continue In Lebanon',
        url: 'https://en.haberler.com/mass-protests-12618532/',
        section: 'Latest News',
        score: 0.4,
      },
    ],
    ...over,
  };
}

/** A tiny valid PNG (1×1) as a Blob. */
export function pngBlob(extraBytes = 0): Blob {
  const png = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  return new Blob([png, new Uint8Array(extraBytes)], { type: 'image/png' });
}
