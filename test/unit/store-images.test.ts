/**
 * Downloading an article's images for offline reading: which URLs, in what order, within which
 * caps, and the note a reader sees for every image kept as a link instead.
 */
import { describe, expect, it } from 'vitest';
import { fetchImages, imageUrls } from '../../src/store/fetch-images.js';

const png = (bytes: number): Response =>
  new Response(new Uint8Array(bytes), { headers: { 'content-type': 'image/png' } });

function fakeFetch(routes: Record<string, () => Response | Promise<Response>>): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    const r = routes[url];
    if (!r) throw new TypeError('Failed to fetch'); // what CORS refusals and missing permissions look like
    return r();
  }) as typeof fetch;
}

describe('image URLs of an article', () => {
  it('absolute http(s) images in order, once each, entities decoded, then the lead image', () => {
    const html =
      '<p><img src="https://a.example/1.jpg?w=1&amp;h=2" alt=""><img alt="x" src="https://a.example/2.png"><img src="data:image/png;base64,AA"><img src="https://a.example/1.jpg?w=1&amp;h=2"></p>';
    expect(imageUrls(html, 'https://a.example/lead.jpg')).toEqual([
      'https://a.example/1.jpg?w=1&h=2',
      'https://a.example/2.png',
      'https://a.example/lead.jpg',
    ]);
  });
});

describe('downloading images', () => {
  it('stores what it may download and keeps the rest as links, saying why', async () => {
    const r = await fetchImages(['https://a/1.png', 'https://cdn/2.png', 'https://a/3.html', 'https://a/404.png'], {
      mode: 'store',
      fetchImpl: fakeFetch({
        'https://a/1.png': () => png(100),
        'https://a/3.html': () => new Response('<html>', { headers: { 'content-type': 'text/html' } }),
        'https://a/404.png': () => new Response('', { status: 404 }),
      }),
    });
    expect([...r.images.keys()]).toEqual(['https://a/1.png']);
    expect(r.images.get('https://a/1.png')!.type).toBe('image/png');
    expect(r.skipped).toEqual([
      { url: 'https://cdn/2.png', reason: 'not-allowed' },
      { url: 'https://a/3.html', reason: 'not-an-image' },
      { url: 'https://a/404.png', reason: 'failed' },
    ]);
    expect(r.note).toMatch(/^3 images kept as links/);
    expect(r.note).toMatch(/1 the extension may not download/);
  });

  it('caps bytes per article in document order and caps the count', async () => {
    const routes = Object.fromEntries(['1', '2', '3', '4'].map((n) => [`https://a/${n}.png`, () => png(400)]));
    const r = await fetchImages(['https://a/1.png', 'https://a/2.png', 'https://a/3.png', 'https://a/4.png'], {
      mode: 'store',
      limits: { maxBytes: 1000, maxCount: 3 },
      fetchImpl: fakeFetch(routes),
    });
    expect([...r.images.keys()]).toEqual(['https://a/1.png', 'https://a/2.png']);
    expect(r.skipped).toEqual([
      { url: 'https://a/4.png', reason: 'over-count-limit' },
      { url: 'https://a/3.png', reason: 'over-size-limit' },
    ]);
    expect(r.note).toBe(
      '2 images kept as links (they need a connection to show): 1 over the 1 KB limit per article; 1 over the 3-image limit.',
    );
  });

  it('"links only" downloads nothing', async () => {
    let calls = 0;
    const r = await fetchImages(['https://a/1.png'], {
      mode: 'links',
      fetchImpl: (async () => {
        calls++;
        return png(1);
      }) as typeof fetch,
    });
    expect(calls).toBe(0);
    expect(r.images.size).toBe(0);
    expect(r.note).toMatch(/kept as links/);
  });
});
