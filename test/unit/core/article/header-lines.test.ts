/**
 * The lines a German (and many other) page prints around its headline (issue #20): the kicker
 * ("Dachzeile") becomes the reader's kicker above the title and leaves the body; the page's own date
 * line leaves the body only when the reader's dateline shows that date; "4 Min. Lesezeit" goes.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';
import { cleanArticle } from '../../../../src/core/article/clean.js';

const URL = 'https://www.kuestenkurier.example/region/faehren-123';
const STORY = [
  'Die Stadt hat am Dienstag beschlossen, drei kleine Elektrofähren zu kaufen, die ab dem Sommer zwischen Altstadt und Werft pendeln sollen.',
  'Der Bürgermeister sprach von einem wichtigen Schritt für die Verkehrswende. Kritik kam von der Opposition, die die Kosten für zu hoch hält.',
  'Die ersten Fähren sollen im Juni fahren, wenn die Anleger an beiden Ufern fertig sind. Bis dahin bleibt es bei der alten Fähre.',
]
  .map((p) => `<p>${p}</p>`)
  .join('');

function page(header: string): Document {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Hafenstadt setzt auf kleine Fähren',
    datePublished: '2024-03-12T14:05:00+01:00',
  });
  return new JSDOM(
    `<!doctype html><html lang="de"><head><title>Hafenstadt setzt auf kleine Fähren - Küstenkurier</title>` +
      `<script type="application/ld+json">${ld}</script></head><body><main><article>` +
      `<header>${header}</header>${STORY}</article></main></body></html>`,
    { url: URL },
  ).window.document;
}

describe('kicker, date line and reading time above the first paragraph', () => {
  it.each([
    [
      'a Dachzeile before the headline',
      '<p class="dachzeile">Verkehrswende an der Küste</p><h1>Hafenstadt setzt auf kleine Fähren</h1>',
    ],
    [
      'a kicker span inside the headline',
      '<h1><span class="headline__kicker">Verkehrswende an der Küste:</span> <span>Hafenstadt setzt auf kleine Fähren</span></h1>',
    ],
    [
      'a topline outside the headline wrapper',
      '<div class="topline">Verkehrswende an der Küste</div><div><h1>Hafenstadt setzt auf kleine Fähren</h1></div>',
    ],
  ])('%s: shown as the kicker, not in the body', (_, header) => {
    const r = extract(page(`${header}<p class="reading-time">4 Min. Lesezeit</p>`), {
      url: URL,
      now: '2024-03-13T00:00:00Z',
    });
    expect(r.kicker).toBe('Verkehrswende an der Küste');
    expect(r.title).toBe('Hafenstadt setzt auf kleine Fähren');
    expect(r.textContent).not.toContain('Verkehrswende an der Küste');
    expect(r.textContent).not.toContain('Lesezeit');
    expect(r.textContent.startsWith('Die Stadt hat am Dienstag')).toBe(true);
  });

  it('no kicker: a long line, a date, or a row of links above the headline is not one', () => {
    for (const before of [
      '<p class="kicker">12.03.2024</p>',
      '<div class="kicker"><a href="/a">Region</a> <a href="/b">Verkehr</a></div>',
      `<p class="kicker">${'Ein sehr langer Vorspann '.repeat(5)}</p>`,
    ]) {
      expect(
        extract(page(`${before}<h1>Hafenstadt setzt auf kleine Fähren</h1>`), { url: URL }).kicker,
      ).toBeUndefined();
    }
  });

  it("the page's date line leaves the body only when the dateline shows that date", () => {
    const body = (): Element => {
      const doc = new JSDOM(`<div><p class="date">09.03.2024, 08:00 Uhr</p>${STORY}</div>`).window.document;
      return doc.body.firstElementChild!;
    };
    const shown = { byline: null, dated: true, agency: null, place: null, siteName: null };
    const other = body();
    cleanArticle(other, { base: URL, title: 'x', shown: { ...shown, times: ['2024-03-12T14:05+01:00', null] } });
    expect(other.textContent).toContain('09.03.2024');
    const same = body();
    cleanArticle(same, { base: URL, title: 'x', shown: { ...shown, times: ['2024-03-09T08:00', null] } });
    expect(same.textContent).not.toContain('09.03.2024');
  });
});
