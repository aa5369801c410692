/**
 * Issue #21: the publication date a person would read, on pages never seen. One minimal page per class
 * of markup that misled the finder — each the shape of a class, not of any one corpus page.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findDateline, liftWireDateline, localeHint } from '../../../../src/core/dateline/index.js';
import { findTextDates, stampToIso } from '../../../../src/core/dateline/parse.js';
import { readWireDateline } from '../../../../src/core/dateline/wire.js';
import type { Dateline } from '../../../../src/core/types.js';

const NOW = new Date('2024-03-20T12:00:00Z');

function page(
  head: string,
  body: string,
  url = 'https://example.com/news/story',
  lang: string | null = 'en',
): Dateline {
  const html = `<!DOCTYPE html><html${lang ? ` lang="${lang}"` : ''}><head><title>Story</title>${head}</head><body>${body}</body></html>`;
  const doc = new JSDOM(html, { url }).window.document;
  return findDateline(doc, { url, now: NOW, lang, locale: 'en-GB', timeZone: 'Europe/London' });
}

const ARTICLE_META = '<meta property="article:published_time" content="2019-10-20T09:15:00+02:00">';
const LD = (date: string, type = 'NewsArticle'): string =>
  `<script type="application/ld+json">{"@type":"${type}","datePublished":"${date}"}</script>`;

describe('a date inside the article does not beat the structured date', () => {
  it('a date in the headline (in a header with a date-ish class) loses to article:published_time', () => {
    const d = page(
      ARTICLE_META,
      `<article><header class="entry-meta"><h1>Minutes of the meeting of 10 October 2019</h1>
      </header><p>The council met and decided a number of things that are reported here.</p></article>`,
    );
    expect([d.published, d.source]).toEqual(['2019-10-20T09:15+02:00', 'meta']);
  });

  it('a date in a photo caption or the description loses to JSON-LD datePublished', () => {
    const d = page(
      LD('2020-05-07T08:00:00+02:00'),
      `<article><h1>Spring in the park</h1>
      <figure><img src="a.jpg"><figcaption class="photo-info">Taken on 3 May 2020</figcaption></figure>
      <div class="article-description date-summary">What happened on 2 May 2020</div><p>Text of the story.</p></article>`,
    );
    expect([d.published, d.source]).toEqual(['2020-05-07T08:00+02:00', 'json-ld']);
  });

  it('a labelled byline date ("Published …") still wins over a lone metadata date', () => {
    const d = page(
      ARTICLE_META,
      `<article><h1>Council news</h1><p class="byline">Published 12 October 2019</p>
      <p>Text of the story.</p></article>`,
    );
    expect([d.published, d.source]).toEqual(['2019-10-12', 'text']);
  });
});

describe('dates of other things', () => {
  it("an embedded social post's <time> is not the story's", () => {
    const d = page(
      '',
      `<article><h1>Reactions</h1><blockquote class="twitter-tweet"><p>What a day</p>
      <a href="https://twitter.com/x/status/1"><time datetime="2021-03-01">March 1, 2021</time></a></blockquote>
      <p class="meta"><time datetime="2021-03-05T10:00">5 March 2021</time></p></article>`,
    );
    expect(d.published).toBe('2021-03-05T10:00');
  });

  it('a site-header "today" clock is not the story\'s date; the URL is', () => {
    const d = page(
      '',
      `<div class="top-bar"><span class="date">Sunday, 17 March 2024</span></div>
      <div class="content"><h1>Notes from the road</h1><p>We drove north for three days and saw the lakes.</p></div>`,
      'https://example.com/2021/07/19/notes/',
    );
    expect([d.published, d.source]).toEqual(['2021-07-19', 'url']);
  });

  it("a forum poster's registration date is not the post's", () => {
    const d = page(
      '',
      `<h1>Stammtisch im Januar</h1><div class="author">Max<br>Registriert: 12.03.2009</div>
      <div class="postbody"><p class="post-date">29.01.2020</p><p>Wir treffen uns wie immer.</p></div>`,
      'https://forum.example.org/t/1',
      'de',
    );
    expect(d.published).toBe('2020-01-29');
  });
});

describe('conflicting metadata: specificity and agreement', () => {
  it('microdata datePublished equal to its dateModified loses to older JSON-LD and meta that agree', () => {
    const d = page(
      `<meta property="article:published_time" content="2021-05-02T08:00:00+02:00">
      ${LD('2021-05-02T08:00:00+02:00', 'WebPage')}`,
      `<div itemscope itemtype="https://schema.org/Article">
      <h1 itemprop="headline">Story</h1><meta itemprop="datePublished" content="2021-06-10T11:00:00+02:00">
      <meta itemprop="dateModified" content="2021-06-10T11:00:00+02:00"><p>Text.</p></div>`,
    );
    expect(d.published?.slice(0, 10)).toBe('2021-05-02');
  });

  it('a generic <meta name="date"> loses to a <time> and a URL that agree', () => {
    const d = page(
      '<meta name="date" content="2020-02-05">',
      `<h1>Stammtisch</h1>
      <div class="info"><time datetime="2020-01-29T19:00">29.01.2020</time></div><p>Text.</p>`,
      'https://example.com/2020/01/29/stammtisch',
    );
    expect(d.published).toBe('2020-01-29T19:00');
  });
});

describe('conflicting metadata: specificity', () => {
  it('a generic <meta name="DC.date"> says less than a <time> in the story', () => {
    const d = page(
      '<meta name="DC.date" content="2022-01-21T09:43+01:00">',
      `<div class="content"><h1>Taxonomy</h1>
      <p>Intro text of the press release.</p><time datetime="2022-01-25T08:00:00+01:00">25.01.2022</time></div>`,
      'https://example.de/themen/taxonomie',
      'de',
    );
    expect([d.published, d.source]).toEqual(['2022-01-25T08:00+01:00', 'time-element']);
  });

  it('a URL with one-digit month and day (/2017/7/12/) is read', () => {
    const d = page('', '<h1>Montauk</h1><p>Text.</p>', 'https://www.example.de/home/2017/7/12/montauk');
    expect([d.published, d.source]).toEqual(['2017-07-12', 'url']);
  });
});

describe('formats', () => {
  const first = (text: string, lang: string | null): string | null => {
    const f = findTextDates(text, { lang, now: null })[0];
    return f ? stampToIso(f.stamp) : null;
  };

  it('Hungarian year first with dots and spaces: the hour is not a year', () => {
    expect(first('2020. 06. 04. 11:27', 'hu')).toBe('2020-06-04T11:27');
  });

  it('day/month order from the locale, the TLD, or refused', () => {
    expect(first('02/11/2023', 'en-GB')).toBe('2023-11-02');
    expect(first('02/11/2023', 'en-US')).toBe('2023-02-11');
    expect(first('02/11/2023', 'en')).toBeNull();
    expect(first('02/11/2023', null)).toBeNull();
    expect(first('25/11/2023', 'en')).toBe('2023-11-25');
    expect(localeHint('en', 'https://www.example.co.uk/news/1')).toBe('en-GB');
    expect(localeHint('en', 'https://www.example.com/news/1')).toBe('en');
    expect(localeHint(null, 'https://www.example.de/news/1')).toBe('und-DE');
    const d = page(
      '',
      '<h1>Local news</h1><p class="date">Posted 02/11/2023</p><p>Text.</p>',
      'https://www.example.co.uk/news/1',
    );
    expect(d.published).toBe('2023-11-02');
  });
});

describe('day boundary', () => {
  it("a time with an offset near midnight keeps the publisher's local day, though two UTC copies agree", () => {
    const d = page(
      `${LD('2020-05-01T23:40:00-04:00')}<meta property="article:published_time" content="2020-05-02T03:40:00Z">`,
      '<h1>Late story</h1><p class="meta"><time datetime="2020-05-02T03:40:00Z">May 2</time></p><p>Text.</p>',
    );
    expect(d.published).toBe('2020-05-01T23:40-04:00');
  });

  it("a UTC-only value on a US page is stated on the publisher's clock, not the UTC day", () => {
    const d = page(
      '<meta property="article:published_time" content="2020-05-02T02:54:29.000Z">',
      '<h1>Late story</h1><p>Text.</p>',
      'https://example.com/news/story',
      'en-US',
    );
    expect(d.published).toBe('2020-05-01T22:54:29-04:00');
    // English without a region decides nothing: the value stays as stated.
    expect(
      page('<meta property="article:published_time" content="2020-05-02T02:54:29Z">', '<h1>Late</h1>').published,
    ).toBe('2020-05-02T02:54:29Z');
  });
});

describe('wire datelines after a teaser paragraph', () => {
  const body = (lead: string): string => `<article><h1>Regierung beschließt Paket</h1>
    <p class="teaser">Die Koalition hat sich nach langen Verhandlungen auf ein Paket geeinigt.</p>
    <p>${lead} Die Bundesregierung hat am Mittwoch das Paket beschlossen.</p></article>`;

  it.each([
    ['Berlin (dpa) -', 'Berlin', 'dpa'],
    ['Zürich (Keystone-SDA) -', 'Zürich', 'Keystone-SDA'],
    ['Wien (APA) –', 'Wien', 'APA'],
    ['Roma (ANSA) -', 'Roma', 'ANSA'],
    ['Madrid (EFE) -', 'Madrid', 'EFE'],
    ['Tokio (Kyodo) -', 'Tokio', 'Kyodo'],
    ['Frankfurt/Main (epd) -', 'Frankfurt/Main', 'epd'],
    ['Bonn (KNA) -', 'Bonn', 'KNA'],
    ['PARIS (AFP) -', 'Paris', 'AFP'],
  ])('%s in the second paragraph gives place and agency, and is lifted', (lead, place, agency) => {
    const d = page('', body(lead), 'https://example.de/a', 'de');
    expect([d.place, d.agency]).toEqual([place, agency]);
    const doc = new JSDOM(body(lead)).window.document;
    const article = doc.querySelector('article')!;
    expect(liftWireDateline(article)).toEqual({ place, agency });
    expect(article.querySelectorAll('p')[1]!.textContent).toBe(
      'Die Bundesregierung hat am Mittwoch das Paket beschlossen.',
    );
  });

  it('a later paragraph without a known agency is left alone', () => {
    const doc = new JSDOM(body('Die Union (CDU) -')).window.document;
    expect(readWireDateline(doc.querySelector('article')!)).toBeNull();
  });
});

describe('in the extraction pipeline (what the reader shows)', () => {
  it('a teaser, then "Berlin (dpa) -": extract() gives place and agency and the text opens with the sentence', async () => {
    const { extract } = await import('../../../../src/core/extract.js');
    const more = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Absatz ${i + 3} der Meldung berichtet weiter über die Verhandlungen ` +
        'und darüber, was die Beteiligten nach dem Treffen am späten Abend sagten.</p>',
    ).join('');
    const url = 'https://www.example.de/politik/paket';
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="de"><head><title>Regierung beschließt Paket</title>
      <meta name="author" content="dpa">
      <meta property="article:published_time" content="2023-03-15T10:30:00+01:00"></head><body><article>
      <h1>Regierung beschließt Paket</h1><p><strong>Nach langen Verhandlungen hat sich die Koalition auf ein
      Paket geeinigt. Was drin steht.</strong></p>
      <p>Berlin (dpa) - Die Bundesregierung hat am Mittwoch das lange umstrittene Paket beschlossen.</p>${more}
      </article></body></html>`,
      { url },
    ).window.document;
    const r = extract(doc, { url, now: '2023-03-16T00:00:00Z', locale: 'de-DE', timeZone: 'Europe/Berlin' });
    expect(r.dateline).toMatchObject({ published: '2023-03-15T10:30+01:00', place: 'Berlin', agency: 'dpa' });
    expect(r.textContent).toContain('Die Bundesregierung hat am Mittwoch');
    expect(r.textContent).not.toContain('Berlin (dpa)');
  });
});
