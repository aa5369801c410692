/**
 * A saved article opened from the library reads offline and contacts no publisher: stored images are
 * inlined as data: URLs; images that were not stored (size cap, failed download, "links only") become
 * a labelled link instead of an <img>, and <picture> sources go, since either would make the library
 * page fetch from the publisher (its CSP, img-src 'self' data: blob:, would refuse and show a broken
 * picture).
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { openFresh, makeArticle, pngBlob } from './store-fixtures.js';
import { saveArticle } from '../../src/store/save-article.js';
import { getFullArticle } from '../../src/store/read-articles.js';
import { offlineContent } from '../../src/store/offline-content.js';

const doc = new JSDOM('<!doctype html><html><body></body></html>').window.document;
const STORED = 'https://news.example/img/stored.jpg';

describe('offlineContent', () => {
  it('inlines stored images, turns the others into links, and leaves no remote image URL', async () => {
    const db = await openFresh();
    const content =
      `<p>Lead <img src="${STORED}" srcset="${STORED} 2x" alt="Harbour"></p>` +
      '<figure><picture><source srcset="https://cdn.news.example/big.webp 1x"><img src="https://cdn.news.example/big.jpg" alt="Storm at night"></picture><figcaption>Photo: Agency</figcaption></figure>' +
      '<p><img src="https://tracker.example/pixel.gif" alt=""></p>';
    const { id } = await saveArticle(db, { article: makeArticle({ content }), images: new Map([[STORED, pngBlob()]]) });
    const html = await offlineContent(await getFullArticle(db, id), doc);
    const out = new JSDOM(`<body>${html}</body>`).window.document;
    const imgs = Array.from(out.querySelectorAll('img'));
    expect(imgs).toHaveLength(1);
    expect(imgs[0]!.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(imgs[0]!.getAttribute('alt')).toBe('Harbour');
    expect(out.querySelectorAll('source, [srcset]')).toHaveLength(0);
    const links = Array.from(out.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Image not saved: Storm at night (cdn.news.example)', 'https://cdn.news.example/big.jpg'],
      ['Image not saved (tracker.example)', 'https://tracker.example/pixel.gif'],
    ]);
    expect(out.querySelector('figcaption')!.textContent).toBe('Photo: Agency'); // the caption stays with its figure
    // Nothing left that a browser would load on its own.
    expect(html).not.toMatch(/<img[^>]+src="https?:/);
  });
});
