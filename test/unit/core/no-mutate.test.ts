/**
 * Invariants of extract(), on every page fixture including a hostile one:
 * - the caller's document is byte-for-byte unchanged (the content script runs on the user's live
 *   page: the reader must never rewrite the page it reads, defuddle's no-mutate-live-doc test);
 * - no event handler attribute, javascript:/data:text URL, script, frame, form or style survives
 *   in `content`, which the overlay and the library insert into a DOM.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { extract } from '../../../src/core/extract.js';
import { PAGES, contentDom, loadPage } from '../extract-fixture.js';

const fixtures = readdirSync(PAGES).filter((f) => f.endsWith('.html'));

describe('extract() invariants on every page fixture', () => {
  it('has fixtures to check', () => expect(fixtures.length).toBeGreaterThanOrEqual(10));

  for (const file of fixtures) {
    it(`${file}: document unchanged, content inert`, () => {
      const url = `https://news.example/2024/05/01/${file.replace(/\.html$/, '')}-123456`;
      const doc = loadPage(file, url);
      const before = doc.documentElement.outerHTML;
      const title = doc.title;
      const r = extract(doc, { url, now: '2024-06-01T00:00:00Z' });
      expect(doc.documentElement.outerHTML === before, 'the input document changed').toBe(true);
      expect(doc.title).toBe(title);

      const dom = contentDom(r.content);
      for (const el of Array.from(dom.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes)) {
          expect(attr.name, `${el.localName}[${attr.name}]`).not.toMatch(/^on/i);
          expect(attr.name).not.toMatch(/^(style|srcdoc|formaction|action)$/i);
          expect(attr.value.replace(/[\s\u0000-\u001f]/g, ''), `${el.localName}[${attr.name}]`).not.toMatch(
            /^(javascript|vbscript|data:text)/i,
          );
        }
      }
      expect(
        dom.querySelector(
          'script, iframe, frame, object, embed, form, input, button, style, svg, math, base, meta, link',
        ),
      ).toBeNull();
    });
  }

  it('the hostile page still yields its article text', () => {
    const url = 'https://www.harbourtimes.example/news/harbour-dredging-approved-445566';
    const r = extract(loadPage('hostile-article.html', url), { url });
    expect(r.textContent).toContain('The harbour authority on Wednesday approved a plan to dredge');
    expect(r.textContent).toContain('The first dredgers are expected to arrive');
    expect(r.content).not.toContain('alert(');
  });
});
