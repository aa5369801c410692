/**
 * Documents that cannot be read come back with a clear error and no throw: empty, frameset,
 * non-HTML (XML), over the size budget (elements or characters), and pages with no article.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../src/core/extract.js';
import { countDomWork } from '../../support/work.js';

const url = 'https://news.example/2024/05/01/story-123456';
const page = (html: string, contentType?: string): Document =>
  new JSDOM(html, { url, virtualConsole: new VirtualConsole(), ...(contentType ? { contentType } : {}) }).window
    .document;
const PARA = `<p>${'The council met on Tuesday and approved the budget for schools and bridges. '.repeat(5)}</p>`;

describe('documents that cannot be read', () => {
  it('an empty document: "empty"', () => {
    const r = extract(page(''), { url });
    expect(r.error?.code).toBe('empty');
    expect(r.error?.message).toMatch(/empty/);
    expect(r.content).toBe('');
  });

  it('a frameset: a message saying to open the frame', () => {
    const r = extract(
      page(
        '<html><head><title>x</title></head><frameset cols="50%,50%"><frame src="a.html"><frame src="b.html"></frameset></html>',
      ),
      { url },
    );
    expect(r.error?.code).toBe('no-article');
    expect(r.error?.message).toMatch(/frames/);
  });

  it('an XML document: "not-html"', () => {
    const r = extract(
      page('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title></channel></rss>', 'application/xml'),
      { url },
    );
    expect(r.error?.code).toBe('not-html');
    expect(r.error?.message).toMatch(/not a web page/);
  });

  it('too many elements: "too-large", quickly, with the count in the message', () => {
    const doc = page(`<html><body><article>${PARA}${'<span>x</span>'.repeat(3000)}</article></body></html>`);
    // "quickly" as work, not time: refused after a count, not a read (a read costs ~250 DOM calls per element)
    const { result: r, work } = countDomWork(doc.defaultView as Window & typeof globalThis, () =>
      extract(doc, { url, maxElements: 2000 }),
    );
    expect(work.calls).toBeLessThan(100);
    expect(r.error?.code).toBe('too-large');
    expect(r.error?.message).toMatch(/too large.*3,00\d elements.*limit is 2,000/);
  });

  it('too much text: "too-large"', () => {
    const r = extract(page(`<html><body><article>${PARA.repeat(20)}</article></body></html>`), { url, maxChars: 5000 });
    expect(r.error?.code).toBe('too-large');
    expect(r.error?.message).toMatch(/characters of text/);
  });

  it('a page with no article: "no-article", still with metadata', () => {
    const r = extract(
      page('<html lang="en"><head><title>Login</title></head><body><form><input name="u"></form></body></html>'),
      { url },
    );
    expect(r.error?.code).toBe('no-article');
    expect(r.title).toBe('Login');
  });

  it('a normal page under the default budget has no error', () => {
    const r = extract(
      page(`<html><head><title>Budget</title></head><body><article>${PARA.repeat(4)}</article></body></html>`),
      { url },
    );
    expect(r.error).toBeUndefined();
    expect(r.wordCount).toBeGreaterThan(200);
  });
});
