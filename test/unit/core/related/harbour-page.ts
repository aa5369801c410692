/**
 * The minimal article page the related-headline shape tests put their blocks on: a harbour-strike
 * story (headline and one paragraph), then the block under test.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { findRelated } from '../../../../src/core/related/index.js';

export const URL0 = 'https://news.example.com/2024/03/20/the-article-about-the-harbour-strike';

/** The headlines findRelated returns for the harbour page with `body` after its article. */
export function related(body: string, url = URL0, bodyAttrs = ''): Array<{ title: string; url: string }> {
  const html = `<!doctype html><html lang="en"><head><title>The article</title></head><body ${bodyAttrs}>
    <article><h1>The article about the harbour strike</h1><p>Dockers walked out on Monday.</p></article>
    ${body}</body></html>`;
  const doc = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
  return findRelated(doc, {
    url,
    canonicalUrl: null,
    now: new Date('2024-03-20T12:00:00Z'),
    lang: 'en',
    title: 'The article about the harbour strike',
    text: 'Dockers walked out on Monday.',
  }).map((h) => ({ title: h.title, url: h.url }));
}
