/**
 * The byline the page prints under its headline (issue #20), one minimal page per class: a labelled
 * line in English, French, German, Spanish/Portuguese ("By", "Par", "Von", "Por"), an agency credit
 * line, a wire story whose metadata names the site's owner, a labelled "Analysis by … , Role", and the
 * lines that are not bylines (a sentence opening with "Von", a claim's attribution). Asserts what the
 * reader's header would show: extract().byline.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';
import { readPrintedByline } from '../../../../src/core/article/printed-byline.js';

const URL = 'https://www.paper.example/world/2024/03/12/council-budget-123456';
const BODY = [1, 2, 3, 4]
  .map(
    (n) =>
      `<p>Paragraph ${n} of the story: the council met on Tuesday evening and voted on the harbour budget, ` +
      `which sets aside money for the new ferry pier, the sea wall and the school roof repairs.</p>`,
  )
  .join('');

function extractPage(afterTitle: string, head = '', lang = 'en'): ReturnType<typeof extract> {
  const html =
    `<!doctype html><html lang="${lang}"><head><title>Council approves the harbour budget | Paper</title>` +
    `<meta property="og:site_name" content="The Paper">${head}</head><body><header><a href="/">The Paper</a></header>` +
    `<main><article><h1>Council approves the harbour budget</h1>${afterTitle}${BODY}</article></main></body></html>`;
  return extract(new JSDOM(html, { url: URL }).window.document, { url: URL, now: '2024-03-13T00:00:00Z' });
}

function byline(afterTitle: string, head = '', lang = 'en'): string | null {
  return extractPage(afterTitle, head, lang).byline;
}

describe('the byline printed under the headline', () => {
  it.each([
    ['<h4>By Sean Breslin</h4>', 'Sean Breslin', 'en'],
    ['<div class="meta">By Jane Doe and John Roe | Published 12 March 2024</div>', 'Jane Doe, John Roe', 'en'],
    ['<p class="signature">Par Marie-Claire de Vries, envoyée spéciale à Kyiv</p>', 'Marie-Claire de Vries', 'fr'],
    ['<div>Von Anna Schmidt und Jörg Müller Aktualisiert am 12.03.2024</div>', 'Anna Schmidt, Jörg Müller', 'de'],
    ['<span>Por Redação</span>', 'Redação', 'pt'],
    ['<div class="byline">By Kashmira Gander On 3/12/24 at 4:00 PM EST</div>', 'Kashmira Gander', 'en'],
    ['<div class="credits">(AFP) Tuesday 12 March 2024</div>', 'AFP', 'en'],
    ['<div class="byline"><span>By</span> <a href="/by/sn">Sarah E. Needleman</a></div>', 'Sarah E. Needleman', 'en'],
  ])('%s → %s', (line, want, lang) => {
    expect(byline(line, '', lang)).toBe(want);
  });

  it('the printed byline wins over metadata naming the site or its owner; agreeing metadata is kept', () => {
    expect(byline('<p>By Tom Gillespie</p>', '<meta name="author" content="Paper Media Group">')).toBe('Tom Gillespie');
    expect(byline('<p>By Tom Gillespie</p>', '<meta name="author" content="Tom Gillespie, Harry Hall">')).toBe(
      'Tom Gillespie, Harry Hall',
    );
    expect(byline('<p>By Eric Song, Paper Staff</p>', '<meta name="author" content="Eric Song">')).toBe('Eric Song');
    // Metadata naming only the site, and nothing printed: still shown (the page's own claim).
    expect(byline('', '<meta name="author" content="Paper Media Group">')).toBe('Paper Media Group');
  });

  it("a wire dateline's place printed under the headline is not a name", () => {
    const doc = `<div class="byline">VATICAN CITY</div><p>VATICAN CITY (AP) — ${'The pope spoke to pilgrims on Sunday. '.repeat(6)}</p>`;
    // (Readability's fallback would take the classed line: metadata naming the site comes first.)
    expect(byline(doc, '<meta name="author" content="Paper">')).toBe('Paper');
  });

  it('a place the page marks or prints as its dateline is no byline, even when the dateline is not read', () => {
    const story = `<p>${'Exports rose for a third month as the yen weakened against the dollar. '.repeat(6)}</p>`;
    // Readability takes an element classed "dateline" for the byline; it is the dateline's place.
    const marked = `<span class="dateline" itemprop="dateline">TOKYO</span>${story}`;
    expect(byline(marked)).toBeNull();
    expect(extractPage(marked).dateline.place).toBe('Tokyo');
    // The printed name wins over the place in capitals before a dash in the date line beside it.
    expect(
      byline(
        '<div class="meta"><div class="author"><span>By</span> Daniela Petroff, Associated Press</div>' +
          '<span class="timestamp">VATICAN CITY &#151; Apr 9, 2017, 7:36 AM ET</span></div>' +
          story,
      ),
    ).toMatch(/^Daniela Petroff(?!.*VATICAN)/);
    // A name in capitals used as a byline stays.
    expect(byline(`<p class="byline">By JILL LAWLESS, Associated Press Writer</p>${story}`)).toMatch(/^JILL LAWLESS/);
  });

  it('labels and staff roles are not names', () => {
    expect(byline('<span class="byline">Analysis by Chris Cillizza, CNN Editor-at-large</span>')).toBe(
      'Chris Cillizza',
    );
    expect(byline('<span class="author">Текст: Лида Буслаева</span>', '', 'ru')).toBe('Лида Буслаева');
  });

  it('a sentence opening with a label word, or a claim attributed in an author-classed line, is no byline', () => {
    expect(byline('<p>Von Montag an gilt die neue Regel für alle Fähren.</p>', '', 'de')).toBeNull();
    // (Readability's own byline would take the author-classed line; the site's metadata comes first.)
    expect(
      byline(
        '<h4 class="author">The Russian and Syrian defense ministries</h4>',
        '<meta name="author" content="Paper">',
      ),
    ).toBe('Paper');
    expect(byline('<p>By the end of the year the pier will be finished.</p>')).toBeNull();
    // The printed-byline reader alone (Readability's own byline fallback may still take a classed line):
    // a photo credit, a one-word label in an author-classed box, a bare "By" before a heading.
    const printed = (line: string): string | null =>
      readPrintedByline(
        new JSDOM(`<h1>Council approves the harbour budget</h1>${line}${BODY}`).window.document,
        'Council approves the harbour budget',
      );
    expect(printed('<p class="credit">AP Photo/Lena Fischer</p>')).toBeNull();
    expect(printed('<span class="author-label">Guide</span>')).toBeNull();
    expect(printed('<div class="byline"><span>By</span></div><h2>Most Read</h2>')).toBeNull();
    expect(printed('<div class="byline"><span>By</span> <a href="/a">Jane Doe</a></div>')).toBe('Jane Doe');
    // A bare "AP" crediting a video teaser is not the story's byline; the byline after it is.
    expect(printed('<a href="/v">Video: G20 leaders meet</a> <span>AP</span><p>By Sue Pleming and Mark John</p>')).toBe(
      'Sue Pleming, Mark John',
    );
  });

  it('a byline carries the names only: no time, date, age, box heading, profile label or markup', () => {
    const meta = (v: string): string => `<meta name="author" content="${v}">`;
    expect(byline('', meta('Julian Sanchez, 2009 6:45 PM CT'))).toBe('Julian Sanchez');
    expect(byline('', meta('Arik Hesseldahl, 6:00 AM'))).toBe('Arik Hesseldahl');
    expect(byline('<div class="byline">By Jeff FoustMonday, March 11</div>')).toBe('Jeff Foust');
    expect(byline('', meta('Michael CockerillJanuary 17'))).toBe('Michael Cockerill');
    expect(byline('', meta('Steve Inskeep Twitter'))).toBe('Steve Inskeep');
    expect(byline('', meta('Oct 21, 2017 at 08:15 UTC by Alyssa Hertig'))).toBe('Alyssa Hertig');
    expect(byline('', meta('About the Author: Anghus Houvouras'))).toBe('Anghus Houvouras');
    expect(
      byline('', meta('&amp;lt;a data-track=&amp;quot;Byline&amp;quot;&amp;gt;Patrick J. Kiger&amp;lt;/a&amp;gt;')),
    ).toBe('Patrick J. Kiger');
    expect(byline('', meta('Harry Pettit For Mailonline'))).toBe('Harry Pettit');
    expect(
      byline('', meta('Jeremy Straub, Assistant Professor of Computer Science, North Dakota State University')),
    ).toBe('Jeremy Straub');
    expect(byline('<div class="author">Most Read</div>')).toBeNull();
    expect(byline('<div class="author">5 days ago</div>')).toBeNull();
  });
});
