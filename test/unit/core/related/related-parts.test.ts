/**
 * The pieces of the related-headlines step, each on the inputs real pages give it: card times in
 * several languages (publisher wall-clock, never UTC-converted), headline text cleaning, the URL
 * shapes that tell a story from a section front, and URL normalisation for dedupe and "is this
 * the current article".
 */
import { describe, expect, it } from 'vitest';
import { parseCardTime, isTimeText, offsetOf } from '../../../../src/core/related/time.js';
import { cleanTitleText, undouble, isHeadlineText } from '../../../../src/core/related/clean.js';
import { normalizeUrl, urlShape } from '../../../../src/core/related/url.js';
import { registrableDomain } from '../../../../src/core/page/site.js';
import { terms } from '../../../../src/core/related/rank.js';

const now = new Date('2024-03-20T19:30:00Z');

describe('card times', () => {
  it.each([
    ['2 minutes ago...', null, '2024-03-20T19:28Z'],
    ['13m ago', -240, '2024-03-20T15:17-04:00'],
    ['an hour ago', 60, '2024-03-20T19:30+01:00'],
    ['vor 3 Stunden', 60, '2024-03-20T17:30+01:00'],
    ['il y a 2 heures', 60, '2024-03-20T18:30+01:00'],
    ['hace 45 minutos', 120, '2024-03-20T20:45+02:00'],
    ['5分前', 540, '2024-03-21T04:25+09:00'],
    ['منذ ساعتين', 180, '2024-03-20T20:30+03:00'],
    ['לפני שעה', 120, '2024-03-20T20:30+02:00'],
    ['3 days ago', null, '2024-03-17'],
    ['gestern', 60, '2024-03-19'],
  ])('"%s" (page offset %s) → %s', (text, offset, iso) => {
    expect(parseCardTime(text, null, now, offset)).toBe(iso);
  });

  it.each([
    ['15.11.2019 13:42', '2019-11-15T13:42'],
    ['12. März 2024', '2024-03-12'],
    ['12 mars 2024 à 14h05', '2024-03-12T14:05'],
    ['12 de marzo de 2024', '2024-03-12'],
    ['March 12, 2024', '2024-03-12'],
    ['2024年3月12日 14時05分', '2024-03-12T14:05'],
    ['1月26日 18時40分', '2024-01-26T18:40'],
    ['٢٧/٠٦/٢٠٢٤', '2024-06-27'],
  ])('"%s" → %s (wall-clock as written)', (text, iso) => {
    expect(parseCardTime(text, null, now, null)).toBe(iso);
  });

  it('prefers the datetime attribute, keeping its offset and dropping zero seconds', () => {
    expect(parseCardTime('1 hour ago', '2024-03-20T18:05:00-04:00', now, null)).toBe('2024-03-20T18:05-04:00');
    expect(parseCardTime('', '2024-04-25', now, null)).toBe('2024-04-25');
  });

  it('tells time texts from headlines that contain numbers', () => {
    expect(isTimeText('17 minutes ago...', now)).toBe(true);
    expect(isTimeText('vor 2 Std.', now)).toBe(true);
    expect(isTimeText('Israeli Raids Killed 23 In Gaza Since Tuesday', now)).toBe(false);
    expect(isTimeText('Tripoli Forces Capture 3 Of Pro-Haftar Fighters', now)).toBe(false);
  });

  it('reads a stated UTC offset', () => {
    expect(offsetOf('2024-03-20T14:00:12-04:00')).toBe(-240);
    expect(offsetOf('2024-02-01T14:12:05.000Z')).toBe(0);
    expect(offsetOf('2024-02-01')).toBeNull();
  });
});

describe('headline text', () => {
  it.each([
    [
      'ANALYSIS – STRATCOM In Context Of New Social Movements 2 minutes ago...',
      'ANALYSIS – STRATCOM In Context Of New Social Movements',
    ],
    ['Boeing CEO to step down in shake-up 13m ago', 'Boeing CEO to step down in shake-up'],
    ['LIVE: Wall Street hits record after Fed decision', 'Wall Street hits record after Fed decision'],
    ['Plus-Artikel: Der Mann, der das Land lahmlegt', 'Der Mann, der das Land lahmlegt'],
    ['Video - Flamingos return to the lake', 'Flamingos return to the lake'],
    ['Over 1,000 Birds Die In India Over 1,000 Birds Die In India', 'Over 1,000 Birds Die In India'],
    ['Read also: Thousands of birds arrive early', 'Thousands of birds arrive early'],
    ['Mass protests continue in Lebanon…', 'Mass protests continue in Lebanon'],
    ['Video-Interview mit dem Kanzler über die Ampel', 'Video-Interview mit dem Kanzler über die Ampel'],
  ])('"%s" → "%s"', (raw, clean) => {
    expect(cleanTitleText(raw, now).title).toBe(clean);
  });

  it('keeps the time it removed and the cue it stripped', () => {
    const c = cleanTitleText('Lesen Sie auch: Vier-Tage-Woche: Was die Studien zeigen', now);
    expect(c.cue).toBe('Lesen Sie auch');
    expect(cleanTitleText('Pakistan Condemns Killing 17 minutes ago...', now).timeText).toBe('17 minutes ago...');
  });

  it('undoubles only exact repeats', () => {
    expect(undouble('Sabarimala Case Referred To Larger Bench Sabarimala Case Referred To Larger Bench')).toBe(
      'Sabarimala Case Referred To Larger Bench',
    );
    expect(undouble('New York, New York')).toBe('New York, New York');
  });

  it('accepts headlines in any script and rejects calls to action and labels', () => {
    expect(isHeadlineText('能登半島地震 仮設住宅の入居始まる')).toBe(true);
    expect(isHeadlineText('هل تنجح مفاوضات جدة في وقف الحرب؟')).toBe(true);
    expect(isHeadlineText('Read more')).toBe(false);
    expect(isHeadlineText('HOME PAGE')).toBe(false);
    expect(isHeadlineText('Previous Auto News')).toBe(false);
    expect(isHeadlineText('Libya')).toBe(false);
  });
});

describe('URLs', () => {
  const shape = (u: string): string => urlShape(new URL(u));
  it.each([
    ['https://en.haberler.com/tripoli-forces-capture-3-of-pro-haftar-fighters-12618270/', 'article'],
    ['https://www.theguardian.com/world/2024/feb/01/drought-spain-water-rationing', 'article'],
    ['https://www.asahi.com/articles/ASS3M3TXYS3MULFA00M.html', 'article'],
    ['https://www3.nhk.or.jp/news/html/20240127/k10014336511000.html', 'article'],
    ['https://www.ynet.co.il/economy/article/hjk8a2b3c', 'article'],
    ['https://www.bbc.com/news/world-africa-68913345', 'article'],
    ['https://en.haberler.com/', 'no'],
    ['https://www.theguardian.com/world', 'no'],
    ['https://www.theguardian.com/world/europe-news', 'maybe'],
    ['https://www.lakesidetribune.com/2024/06/', 'no'],
    ['https://www.spiegel.de/thema/deutsche_bahn/', 'no'],
    ['https://www.lakesidetribune.com/author/maria-delgado/', 'no'],
    ['https://www.lakesidetribune.com/page/2/', 'no'],
    ['https://www.example.com/tag/climate-crisis-and-energy-policy/', 'no'],
  ])('%s is %s (a short slug is only "maybe": counted inside a related-headlines block)', (u, s) => {
    expect(shape(u)).toBe(s);
  });

  it('normalises the same story under other URL forms to one key', () => {
    const key = normalizeUrl(new URL('https://www.lakesidetribune.com/news/local/transit-2024-06-11/'));
    for (const u of [
      'http://lakesidetribune.com/news/local/transit-2024-06-11',
      'https://www.lakesidetribune.com/news/local/transit-2024-06-11/amp/',
      'https://amp.lakesidetribune.com/news/local/transit-2024-06-11/?utm_source=twitter#comments',
      'https://m.lakesidetribune.com/news/local/transit-2024-06-11/index.html',
    ])
      expect(normalizeUrl(new URL(u)), u).toBe(key);
    expect(normalizeUrl(new URL('https://x.example/article.php?id=123&utm_medium=a'))).toBe(
      'x.example/article.php?id=123',
    );
  });

  it('groups sister hosts by registrable domain', () => {
    expect(registrableDomain('en.haberler.com')).toBe(registrableDomain('www.haberler.com'));
    expect(registrableDomain('www3.nhk.or.jp')).toBe('nhk.or.jp');
    expect(registrableDomain('www.bbc.co.uk')).not.toBe(registrableDomain('www.bbc.com'));
  });
});

describe('ranking terms', () => {
  it('stems across word forms and drops stopwords', () => {
    expect(terms('The Libyan forces in Libya', 'en')).toEqual(['libya', 'force', 'libya']);
    expect(terms('Die Ukraine und die ukrainischen Truppen', 'de')).toEqual(['ukrai', 'ukrai', 'trupp']);
  });

  it('splits CJK into bigrams and skips hiragana particles', () => {
    expect(terms('日銀の利上げ', 'ja')).toEqual(['日銀', '利上']);
  });
});
