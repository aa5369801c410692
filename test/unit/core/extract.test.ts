/**
 * extract() on pages a user reads: the seed reconstruction and one page per kind of clutter
 * (German, French, Japanese, Arabic RTL, lazy images). Each test asserts what the reader shows:
 * the title and metadata, the first and last paragraphs present, the clutter gone.
 */
import { describe, expect, it } from 'vitest';
import { isProbablyReaderable } from '@mozilla/readability';
import { extract } from '../../../src/core/extract.js';
import { loadPage, contentDom } from '../extract-fixture.js';

const NOW = '2024-06-01T12:00:00Z';
const SEED_URL = 'https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/';

describe('the seed page (en.haberler.com)', () => {
  const r = extract(loadPage('seed-haberler.html', SEED_URL), { url: SEED_URL, now: '2019-11-16T00:00:00Z' });

  it('finds the article with its title and metadata', () => {
    expect(r.error).toBeUndefined();
    expect(r.title).toBe('US Urges Haftar-Led Forces To End Offensive In Libya');
    expect(r.siteName).toBe('Haberler');
    expect(r.lang).toBe('en');
    expect(r.dir).toBe('ltr');
    expect(r.canonicalUrl).toBe(SEED_URL);
    expect(r.leadImage).toBe('https://en.haberler.com/images/large/12618612.jpg');
    expect(r.favicon).toBe('https://en.haberler.com/favicon.ico');
    expect(r.excerpt).toMatch(/^US calls on military commander Haftar/);
  });

  it('keeps the first and last paragraphs', () => {
    expect(r.textContent).toContain(
      'The U.S. on Friday called on Libyan National Army forces led by military commander Khalifa Haftar',
    );
    expect(r.textContent).toContain('Libya has since seen the emergence of two rival seats of power');
    expect(r.content).toContain('<p>The U.S. on Friday called on Libyan National Army forces');
  });

  it('leaves out the page chrome, the duplicated dateline line, headlines, tags and footer', () => {
    for (const clutter of [
      'HOME PAGE',
      '15/11/2019 16:26',
      '15.11.2019 13:42',
      'News >>',
      'العربية',
      'Kurdî',
      'Türkçe',
      'SEARCH IN NEWS',
      'Latest News',
      'Top News',
      'STRATCOM',
      'Oman Keen To Promote',
      'Tags:',
      'Politics',
      'About Us',
      'All rights reserved',
      'Advertisement',
      'Facebook',
      'WhatsApp',
    ]) {
      expect(r.textContent, clutter).not.toContain(clutter);
      expect(r.content, clutter).not.toContain(clutter);
    }
  });

  it('is news, with reasons', () => {
    expect(r.isNews).toBe(true);
    expect(r.newsScore).toBeGreaterThanOrEqual(0.5);
    expect(r.newsReasons).toContain('og:type article');
    expect(r.newsReasons.join(' ')).toMatch(/paragraphs of running text/);
  });

  it('counts words and reading time', () => {
    expect(r.wordCount).toBeGreaterThan(350);
    expect(r.wordCount).toBeLessThan(450);
    expect(r.readingMinutes).toBe(2);
    expect(r.paywalled).toBe(false);
  });
});

describe('English page with lazy images, figures and every kind of clutter', () => {
  const url = 'https://www.riversidecourier.example/news/2024/03/12/council-approves-river-bridge';
  const r = extract(loadPage('en-clutter-lazy.html', url), { url, now: NOW });
  const dom = contentDom(r.content);
  const srcs = Array.from(dom.querySelectorAll('img')).map((i) => i.getAttribute('src'));

  it('merges the JSON-LD authors (Person objects and an @id reference) and strips "By"', () => {
    expect(r.byline).toBe('Maria Okafor, Daniel Reyes');
    expect(r.title).toBe('City council approves new river bridge after decade of debate');
    expect(r.siteName).toBe('The Riverside Courier');
    expect(r.lang).toBe('en-US');
    expect(r.favicon).toBe('https://www.riversidecourier.example/static/icons/courier-32.png');
  });

  it('keeps first and last paragraphs, figures and captions', () => {
    expect(r.textContent.startsWith('The Riverside City Council on Tuesday approved funding')).toBe(true);
    expect(r.textContent).toContain('Mayor Ellen Brooks is expected to sign the measure on Friday.');
    expect(dom.querySelectorAll('figure').length).toBe(2);
    expect(dom.querySelector('figcaption')?.textContent).toContain('A rendering of the planned bridge');
    expect(r.content).toContain('Council members cast their votes on Tuesday evening.');
  });

  it('resolves lazy images: data-src, data-lazy-src, <picture> sources, srcset best candidate; all absolute', () => {
    expect(srcs).toContain('https://www.riversidecourier.example/media/2024/03/bridge-render.jpg');
    expect(srcs).toContain('https://www.riversidecourier.example/media/2024/03/council-vote-1600.webp');
    expect(srcs).toContain('https://www.riversidecourier.example/media/2024/03/cycle-lane.jpg');
    expect(srcs).toContain('https://www.riversidecourier.example/media/2024/03/ferry-1200.jpg');
    expect(srcs.filter((s) => s?.endsWith('cycle-lane.jpg'))).toHaveLength(1); // the <noscript> copy is not doubled
    expect(srcs.every((s) => s && /^https:\/\//.test(s) && !/placeholder|blank|data:/.test(s))).toBe(true);
  });

  it('makes relative links absolute', () => {
    const hrefs = Array.from(dom.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://www.riversidecourier.example/news/2024/03/documents/bridge-resolution.pdf');
    expect(hrefs.every((h) => h === null || /^https:\/\//.test(h))).toBe(true);
  });

  it('removes breadcrumbs, byline/date line, share bar, ad label, read-also line, related box, newsletter, tags, comments', () => {
    for (const clutter of [
      'Home',
      'Local',
      'By Maria Okafor',
      'March 12, 2024 9:15',
      'Facebook',
      'Twitter',
      'Print',
      'Advertisement',
      'Read also',
      'Ferry service to be cut',
      'Related stories',
      'Bridge cost estimate rises',
      'in your inbox',
      'Sign up',
      'morning newsletter',
      'Tags:',
      'City council',
      '42 Comments',
      'My commute',
      'Most read',
      'School closures',
    ]) {
      expect(r.textContent, clutter).not.toContain(clutter);
    }
    expect(r.content).not.toMatch(/<(form|input|button|nav)\b/);
  });
});

describe('German page', () => {
  const url = 'https://www.nordkurier.example/wirtschaft/bahn-schnellstrecke-hamburg-berlin-123456.html';
  const r = extract(loadPage('de-clutter.html', url), { url, now: NOW });
  it('keeps the story and drops Anzeige, Teilen, "Mehr zum Thema", "Lesen Sie auch", newsletter, Kommentare', () => {
    expect(r.byline).toBe('Jana Hoffmann');
    expect(r.lang).toBe('de');
    expect(r.textContent.startsWith('Die Deutsche Bahn will die Fahrzeit')).toBe(true);
    expect(r.textContent).toContain('in dem auch Einwände der Bevölkerung geprüft werden.');
    for (const clutter of [
      'Anzeige',
      'Teilen',
      'Mehr zum Thema',
      'Bahn so unpünktlich',
      'Lesen Sie auch',
      'Verkehrsminister im Interview',
      'Newsletter',
      'Jetzt anmelden',
      'Kommentare',
      'Das glaube ich erst',
      'Veröffentlicht am',
      'Impressum',
    ]) {
      expect(r.textContent, clutter).not.toContain(clutter);
    }
    expect(r.isNews).toBe(true);
  });
});

describe('French page behind a paywall', () => {
  const url = 'https://www.quotidiendusud.example/politique/2024/02/20/reforme-retraites-majorite-divisee';
  const r = extract(loadPage('fr-paywall.html', url), { url, now: NOW });
  it('says it is a preview, and drops Publicité, "À lire aussi", newsletter and the subscription notice', () => {
    expect(r.paywalled).toBe(true);
    expect(r.byline).toBe('Claire Dubois');
    expect(r.textContent.startsWith('Les députés de la majorité présidentielle')).toBe(true);
    expect(r.textContent).toContain('les concertations ont déjà eu lieu à l’automne dernier.');
    for (const clutter of [
      'Publicité',
      'À lire aussi',
      'ce que contient le projet',
      'newsletter',
      'réservé aux abonnés',
      'Partager',
    ]) {
      expect(r.textContent, clutter).not.toContain(clutter);
    }
  });
});

describe('Japanese short article', () => {
  const url = 'https://www.minato-shimbun.example/national/20240512-654321.html';
  const doc = loadPage('ja-short-cjk.html', url);
  const r = extract(doc, { url, now: NOW });
  it('is news although Readability’s readerable check misses it', () => {
    expect(isProbablyReaderable(doc)).toBe(false);
    expect(r.isNews).toBe(true);
  });
  it('drops 広告 and 関連記事, strips the full-width site-name separator, counts characters', () => {
    expect(r.title).toBe('大阪で新しい路面電車の試験運行が始まる');
    expect(r.textContent.startsWith('大阪市で１２日')).toBe(true);
    expect(r.textContent).toContain('一般の乗客は乗れない。');
    for (const clutter of ['広告', '関連記事', '路面電車の新車両を公開', 'アクセスランキング', 'ホーム'])
      expect(r.textContent, clutter).not.toContain(clutter);
    expect(r.wordCount).toBeGreaterThan(100); // CJK characters count one each
    expect(r.readingMinutes).toBe(1);
  });
});

describe('Arabic RTL page', () => {
  const url = 'https://www.alshorouk.example/economy/2024/04/02/solar-plant-opening-987654';
  const r = extract(loadPage('ar-rtl.html', url), { url, now: NOW });
  it('is right-to-left, with both authors, without إعلان / اقرأ أيضا / share bar', () => {
    expect(r.dir).toBe('rtl');
    expect(r.lang).toBe('ar');
    expect(r.byline).toBe('أحمد المصري, سارة خليل');
    expect(r.textContent.startsWith('افتتحت الحكومة يوم الثلاثاء')).toBe(true);
    expect(r.textContent).toContain('لضمان الاستفادة الكاملة من الطاقة المنتجة.');
    for (const clutter of ['إعلان', 'اقرأ أيضا', 'تراجع أسعار', 'فيسبوك', 'مشاركة'])
      expect(r.textContent, clutter).not.toContain(clutter);
    expect(r.isNews).toBe(true);
  });
});
