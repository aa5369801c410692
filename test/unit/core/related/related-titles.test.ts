/**
 * Headline titles on minimal pages of the shapes real pages use (issue #22, titles): cut marks, a
 * title attribute that holds an older headline, a cut title completed from the same story's full
 * text elsewhere on the page, two headlines for one story, lead-ins and date prefixes.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findRelated } from '../../../../src/core/related/index.js';
import { cleanTitleText } from '../../../../src/core/related/clean.js';

const URL_ = 'https://news.example/2024/05/01/the-article-itself';
const now = new Date('2024-05-01T12:00:00Z');

function related(body: string): Array<{ title: string; url: string }> {
  const doc = new JSDOM(`<!doctype html><html lang="en"><body>${body}</body></html>`, { url: URL_ }).window.document;
  return findRelated(doc, { url: URL_, canonicalUrl: null, now, lang: 'en', title: 'The article', text: '' }).map(
    (h) => ({ title: h.title, url: h.url }),
  );
}
const titleOf = (hs: Array<{ title: string; url: string }>, path: string): string | undefined =>
  hs.find((h) => h.url.endsWith(path))?.title;

describe('headline titles', () => {
  it('drops the two-dot cut mark some portals end a cut title with, keeping its comma', () => {
    expect(cleanTitleText('역시 갓정현 그리고 패밀리밴드, ..', now).title).toBe('역시 갓정현 그리고 패밀리밴드,');
    expect(cleanTitleText('‘썰전’ 유시민·전원책, 얼마나..', now).title).toBe('‘썰전’ 유시민·전원책, 얼마나');
  });

  it('drops a date written before the headline with a colon', () => {
    expect(cleanTitleText('27 December 2007: Victim may have helped zoo tiger escape', now).title).toBe(
      'Victim may have helped zoo tiger escape',
    );
  });

  it('drops the whole "Leggi anche su:" lead-in', () => {
    expect(cleanTitleText('Leggi anche su: I Cavalieri dello Zodiaco: ecco gli attori', now).title).toBe(
      'I Cavalieri dello Zodiaco: ecco gli attori',
    );
  });

  it('prefers the visible headline to an image link whose title attribute holds an older one', () => {
    const hs = related(`<aside><h3>Primo piano</h3><ul>
      <li><a href="/2024/04/30/conte-mes-covid-intervista" title="Conte: Mes ha brutta fama"><img src="/a.jpg"></a>
        <a href="/2024/04/30/conte-mes-covid-intervista">Conte frena sul Mes e spinge sugli Eurobond</a></li>
      <li><a href="/2024/04/30/other-story-of-the-day">Another story of the day here</a></li></ul></aside>`);
    expect(titleOf(hs, 'conte-mes-covid-intervista')).toBe('Conte frena sul Mes e spinge sugli Eurobond');
  });

  it("completes a cut title from the link's title attribute when it continues the same words", () => {
    const hs = related(`<aside><h3>Most read</h3><ul>
      <li><a href="/2024/04/30/congresswoman-gold-star-widow" title="Congresswoman still thinks Trump did wrong by call to Gold Star widow">Congresswoman still thinks Trump did wrong by call to Gold Star...</a></li>
      <li><a href="/2024/04/30/older-headline-in-title" title="An older headline of this story">A newer headline of this story…</a></li></ul></aside>`);
    expect(titleOf(hs, 'congresswoman-gold-star-widow')).toBe(
      'Congresswoman still thinks Trump did wrong by call to Gold Star widow',
    );
    expect(titleOf(hs, 'older-headline-in-title')).toBe('A newer headline of this story');
  });

  it('completes a cut title from another link to the same story that is not itself a candidate', () => {
    const hs =
      related(`<article><p>Other news: the <a href="/2024/04/30/secretary-hit-by-car-in-cospicua">Parliamentary Secretary hit by car in Cospicua »</a> story, and more words in this sentence so the link is prose.</p></article>
      <aside><h3>Popular Stories</h3><ol><li><a href="/2024/04/30/secretary-hit-by-car-in-cospicua">Parliamentary Secretary hit by car in...</a></li>
      <li><a href="/2024/04/30/another-popular-story-today">Another popular story of today</a></li></ol></aside>`);
    expect(titleOf(hs, 'secretary-hit-by-car-in-cospicua')).toBe('Parliamentary Secretary hit by car in Cospicua');
  });

  it('keeps the fuller of two forms of one headline, not another headline given to the same link', () => {
    const hs = related(`<section><h3>Top Stories</h3><ul>
      <li><a href="/2024/04/30/beauty-and-the-beast-sean-bailey">Disney's Sean Bailey On Finding 'Beauty And The Beast' Mojo</a></li>
      <li><a href="/2024/04/30/zoo-tiger-escape-probe">Victim may have helped zoo tiger escape</a></li></ul></section>
      <aside><h3>Most popular</h3><ul>
      <li><a href="/2024/04/30/beauty-and-the-beast-sean-bailey">Sean Bailey On How Disney's Live-Action Division Found Its 'Beauty And The Beast' Mojo</a></li>
      <li><a href="/2024/04/30/zoo-tiger-escape-probe">Tiger killing: Family's anger as escape probed</a></li></ul></aside>`);
    expect(titleOf(hs, 'beauty-and-the-beast-sean-bailey')).toBe(
      "Sean Bailey On How Disney's Live-Action Division Found Its 'Beauty And The Beast' Mojo",
    );
    expect(titleOf(hs, 'zoo-tiger-escape-probe')).toBe('Victim may have helped zoo tiger escape');
  });

  it("takes a story's headline over its author's name linked to the same story", () => {
    const hs = related(`<section><h3>Colunistas</h3><ul>
      <li><a href="/2024/04/30/a-historia-do-ato-de-lavar-as-maos">Raphael Silva Fagundes</a>
        <a href="/2024/04/30/a-historia-do-ato-de-lavar-as-maos">A história do ato de lavar as mãos</a></li></ul></section>`);
    expect(titleOf(hs, 'a-historia-do-ato-de-lavar-as-maos')).toBe('A história do ato de lavar as mãos');
  });

  it('drops a link arrow after the headline but keeps a closing guillemet', () => {
    expect(cleanTitleText('Minister hit by car in Cospicua »', now).title).toBe('Minister hit by car in Cospicua');
    expect(cleanTitleText('Les syndicats dénoncent une réforme « injuste »', now).title).toBe(
      'Les syndicats dénoncent une réforme « injuste »',
    );
  });
});

describe('ranking', () => {
  it('puts a story from a box about the article before an equally relevant one from a most-read list', () => {
    const hs = related(`<aside><h3>Most read</h3><ul>
      <li><a href="/2024/04/30/harbour-bridge-reopens-after-repairs">Harbour bridge reopens after long repairs</a></li></ul></aside>
      <article><p>Text.</p><p>Read also: <a href="/2024/04/30/harbour-ferry-timetable-changes">Harbour ferry timetable changes next week</a></p></article>`);
    expect(hs.map((h) => h.title)).toEqual([
      'Harbour ferry timetable changes next week',
      'Harbour bridge reopens after long repairs',
    ]);
  });
});
