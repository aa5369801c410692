/**
 * The order of related headlines (issue #22, top-3 relevance): a story about the article's subject
 * comes before an unrelated one whatever form its words take, a box the site filled for this article
 * before a list of the latest or most-read stories. Each case is a minimal page of one shape.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { findRelated } from '../../../../src/core/related/index.js';

interface Article {
  lang: string;
  title: string;
  text: string;
  head?: string;
  url?: string;
}

function ranked(a: Article, boxes: string): string[] {
  const url = a.url ?? 'https://news.example.com/2024/03/20/the-article';
  const html = `<!doctype html><html lang="${a.lang}"><head><title>${a.title}</title>${a.head ?? ''}</head><body>
    <article><h1>${a.title}</h1><p>${a.text}</p></article>${boxes}</body></html>`;
  const doc = new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
  return findRelated(doc, {
    url,
    canonicalUrl: null,
    now: new Date('2024-03-20T12:00:00Z'),
    lang: a.lang,
    title: a.title,
    text: a.text,
  }).map((h) => h.title);
}

let n = 0;
const box = (heading: string, titles: string[]): string =>
  `<section><h2>${heading}</h2><ul>${titles
    .map((t) => `<li><a href="https://news.example.com/2024/03/19/story-${++n}">${t}</a></li>`)
    .join('')}</ul></section>`;

const ENGLISH: Article = {
  lang: 'en',
  title: 'Dockers walk out over pay at the harbour',
  text: 'Dockers walked out on Monday after talks over pay broke down at the harbour.',
};

describe('related headlines: ranking', () => {
  it('matches a short word in another case or number (Polish "Sejm" / "Sejmu", German "Wahl" / "Wahlen")', () => {
    const polish = ranked(
      {
        lang: 'pl',
        title: 'Wyniki głosowania do Sejmu: rekordowa frekwencja',
        text: 'Państwowa Komisja Wyborcza podała wyniki głosowania do Sejmu. Frekwencja była rekordowa.',
      },
      box('Najnowsze', ['Pogoda: w weekend deszcz i silny wiatr', 'Nowy Sejm zbierze się 13 listopada']),
    );
    expect(polish[0]).toBe('Nowy Sejm zbierze się 13 listopada');
    const german = ranked(
      {
        lang: 'de',
        title: 'Hessen vor den Wahlen: Umfrage sieht knappes Rennen',
        text: 'Vor den Wahlen in Hessen sieht eine Umfrage ein knappes Rennen.',
      },
      box('Neueste', ['Bahnstreik legt Pendlerverkehr lahm', 'Briefwahl: So geht die Wahl per Post']),
    );
    expect(german[0]).toBe('Briefwahl: So geht die Wahl per Post');
  });

  it("puts a story on the subject above unrelated news when its words are other forms of the article's", () => {
    const got = ranked(
      {
        lang: 'pl',
        title: 'Wybory parlamentarne: opozycja wygrywa w dużych miastach',
        text: 'W wyborach parlamentarnych opozycja wygrała w dużych miastach, wynika z sondażu.',
      },
      box('Najnowsze', [
        'Pociągi PKP opóźnione przez awarię sieci',
        'Frekwencja w wyborach była najwyższa od 1989 roku',
      ]),
    );
    expect(got[0]).toBe('Frekwencja w wyborach była najwyższa od 1989 roku');
  });

  it('puts an in-article "Read also" box above a most-read list, at equal relevance', () => {
    const got = ranked(
      ENGLISH,
      box('Most read', ['Celebrity chef opens a new restaurant', 'Heatwave expected this weekend']) +
        box('Read also', ['City council approves the new budget', 'Museum reopens after repairs']),
    );
    expect(got.slice(0, 2)).toEqual(['City council approves the new budget', 'Museum reopens after repairs']);
  });

  it('puts the latest stories above the most read, at equal relevance', () => {
    const got = ranked(
      ENGLISH,
      box('Most popular', ['Celebrity chef opens a new restaurant', 'Heatwave expected this weekend']) +
        box('Latest news', ['City council approves the new budget', 'Museum reopens after repairs']),
    );
    expect(got.slice(0, 2)).toEqual(['City council approves the new budget', 'Museum reopens after repairs']);
  });

  it("puts a box named after the article's section (JSON-LD articleSection) above other lists", () => {
    const ld = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'x', articleSection: 'Cronaca' };
    const got = ranked(
      {
        lang: 'it',
        title: 'Sciopero al porto: i portuali incrociano le braccia',
        text: 'I portuali hanno scioperato lunedì dopo la rottura delle trattative.',
        head: `<script type="application/ld+json">${JSON.stringify(ld)}</script>`,
      },
      box('Politica', ['Il governo approva la manovra', 'Elezioni regionali, la data']) +
        box('Cronaca', ['Incendio in un capannone a Torino', 'Rapina in banca a Milano']),
    );
    expect(got[0]).toBe('Incendio in un capannone a Torino');
  });

  it('weighs the keywords the page states for the article (meta keywords), not only its text', () => {
    const got = ranked(
      { ...ENGLISH, head: '<meta name="keywords" content="industrial action, unions">' },
      box('Latest news', ['Celebrity chef opens a new restaurant', 'Unions plan a wave of industrial action']),
    );
    expect(got[0]).toBe('Unions plan a wave of industrial action');
  });
});
