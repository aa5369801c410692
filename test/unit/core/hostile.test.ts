/**
 * Hostile pages under jsdom (issue #8): every payload of test/fixtures/hostile/payloads.ts is
 *  1. shown to be live: rendered RAW into a jsdom window that runs scripts, it sets its flag
 *     (for the payloads jsdom can execute) — so "the flag stays unset" below can fail;
 *  2. inert after the sanitizer alone (sanitizeHtml), both by structure and by behaviour;
 *  3. inert after the whole pipeline: extract() on an article page carrying the payload, then
 *     the result rendered the way the overlay and library do (sanitizeToFragment) and probed.
 * The article around the payload must survive: a sanitizer that drops everything would pass 2 and 3.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../../src/core/extract.js';
import { sanitizeHtml, sanitizeToFragment } from '../../../src/core/sanitize.js';
import { PAYLOADS, hostileArticle } from '../../fixtures/hostile/payloads.js';
import { renderAndProbe, violations } from '../../fixtures/hostile/invariants.js';

let parser: JSDOM;
beforeAll(() => {
  parser = new JSDOM('<!doctype html><body></body>', { url: 'https://news.example/' });
});
afterAll(() => parser.window.close());

const ids = PAYLOADS.map((p) => p.id);

describe('hostile payloads are live when rendered raw (controls)', () => {
  for (const p of PAYLOADS.filter((q) => q.liveInJsdom)) {
    it(`${p.id}: ${p.threat}`, async () => {
      expect(await renderAndProbe(p.html, [p.id], { waitFor: [p.id] })).toEqual([p.id]);
    });
  }
});

describe('sanitizeHtml makes each payload inert', () => {
  for (const p of PAYLOADS) {
    it(`${p.id}: ${p.threat}`, async () => {
      const clean = sanitizeHtml(`<p>before</p>${p.html}<p>after</p>`, parser.window.document);
      expect(violations(clean, parser)).toEqual([]);
      expect(await renderAndProbe(clean, ids)).toEqual([]);
      expect(clean).toContain('<p>before</p>');
      if (!p.swallowsFollowing) expect(clean).toContain('<p>after</p>');
    });
  }

  it('all payloads together stay inert (no payload re-arms another after sanitizing)', async () => {
    const clean = sanitizeHtml(PAYLOADS.map((p) => p.html).join('\n'), parser.window.document);
    expect(violations(clean, parser)).toEqual([]);
    expect(await renderAndProbe(clean, ids)).toEqual([]);
  });

  it('sanitizing twice changes nothing (no mutation-XSS through re-parsing)', () => {
    const doc = parser.window.document;
    for (const p of PAYLOADS) {
      const once = sanitizeHtml(p.html, doc);
      expect(sanitizeHtml(once, doc), p.id).toBe(once);
    }
  });
});

describe('extract() on an article carrying the payload', () => {
  for (const p of PAYLOADS) {
    it(`${p.id}: ${p.threat}`, async () => {
      const page = new JSDOM(hostileArticle(p.html), { url: 'https://news.example/2024/05/01/council-budget' });
      try {
        const result = extract(page.window.document, {
          url: 'https://news.example/2024/05/01/council-budget',
          now: '2024-05-02T10:00:00Z',
        });
        // The article is still there: the payload did not make the reader give up.
        expect(result.error).toBeUndefined();
        expect(result.textContent).toContain('Paragraph 1');
        if (!p.swallowsFollowing) expect(result.textContent).toContain('Paragraph 5');
        expect(violations(result.content, parser)).toEqual([]);
        // Rendered the way the overlay and the library render it.
        const view = new JSDOM('<!doctype html><body></body>', { url: 'https://reader.test/' });
        const host = view.window.document.body;
        host.append(sanitizeToFragment(result.content, view.window.document));
        const rendered = host.innerHTML;
        view.window.close();
        expect(await renderAndProbe(rendered, ids)).toEqual([]);
        // The related headlines and dateline are plain data, but they are shown too: no markup in them.
        for (const r of result.related) expect(r.url).toMatch(/^https?:/);
      } finally {
        page.window.close();
      }
    });
  }
});

describe('specific guarantees', () => {
  const doc = (): Document => parser.window.document;

  it('entity-encoded and whitespace-obfuscated javascript: links lose their href but keep their text', () => {
    const out = sanitizeHtml(
      PAYLOADS.filter((p) => p.id.startsWith('a_js'))
        .map((p) => p.html)
        .join(''),
      doc(),
    );
    expect(out).not.toMatch(/href/i);
    expect(out).toContain('read more');
  });

  it('srcset keeps its http(s) candidates and drops javascript: and data: ones', () => {
    const out = sanitizeHtml(
      '<img src="https://cdn.example/a.jpg" srcset="javascript:alert(1) 2x, https://cdn.example/a.jpg 1x, data:image/png;base64,AAAA 3x, https://cdn.example/a,b.jpg 640w">',
      doc(),
    );
    const img = JSDOM.fragment(out).querySelector('img')!;
    expect(img.getAttribute('srcset')).toBe('https://cdn.example/a.jpg 1x, https://cdn.example/a,b.jpg 640w');
  });

  it('DOM clobbering: no id or name reaches the output, so nothing can shadow a global of the page showing it', () => {
    const out = sanitizeHtml(PAYLOADS.find((p) => p.id === 'clobber')!.html, doc());
    expect(out).not.toMatch(/\s(id|name)=/i);
    expect(JSDOM.fragment(out).querySelectorAll('img')).toHaveLength(2); // the images stay, their names go
  });

  it('no CSS at all: no style attribute, no style element, no url() beacon, no class to hook page CSS', () => {
    const out = sanitizeHtml(
      PAYLOADS.filter((p) => p.id.startsWith('css_') || p.id === 'style_tag')
        .map((p) => p.html)
        .join(''),
      doc(),
    );
    expect(out).not.toMatch(/<style|\sstyle=|url\(|\sclass=/i);
    expect(out).toContain('Your session expired'); // the text stays, the overlay styling goes
  });

  it('links open safely: rel="noopener noreferrer", any target becomes _blank', () => {
    const a = JSDOM.fragment(
      sanitizeHtml('<a href="https://evil.example/" target="_top">x</a><a href="https://ok.example/">y</a>', doc()),
    ).querySelectorAll('a');
    expect(a[0]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a[0]!.getAttribute('target')).toBe('_blank');
    expect(a[1]!.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a[1]!.hasAttribute('target')).toBe(false);
  });

  it('iframe srcdoc kept by Readability for a video URL never reaches the output', () => {
    const page = new JSDOM(hostileArticle(PAYLOADS.find((p) => p.id === 'iframe_srcdoc')!.html), {
      url: 'https://news.example/a',
    });
    const result = extract(page.window.document, { url: 'https://news.example/a' });
    page.window.close();
    expect(result.content).not.toMatch(/iframe|srcdoc/i);
  });
});
