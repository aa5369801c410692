/**
 * Related headlines on hand-labelled pages (test/fixtures/related/<slug>/{page.html, expected.json}):
 * every fixture's headlines must be exactly the labelled list (title AND url), with the labelled
 * section, card time and image where the label states one. Named cases below add what a reader
 * would notice on each kind of page: the seed page's 14 stories with the Haftar story first, paid
 * boxes gone, in-article "Read also" links kept, doubled alt text and rank numbers gone, relative
 * times resolved, RTL and CJK titles intact and ranked, a home page's 40 stories.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { findRelated, type RelatedContext } from '../../../../src/core/related/index.js';
import { extract } from '../../../../src/core/extract.js';
import type { RelatedHeadline } from '../../../../src/core/types.js';

const FIXTURES = path.resolve(__dirname, '../../../fixtures/related');

interface Expected {
  url: string;
  now: string;
  lang?: string;
  page?: string;
  headlines: Array<{ title: string; url: string; section?: string; published?: string; image?: string }>;
}

type Loaded = { doc: Document; exp: Expected; ctx: RelatedContext };
const loaded = new Map<string, Loaded>();
/** Parsed once per file: findRelated never mutates the document (tested below), so tests can share it. */
function load(slug: string): Loaded {
  const hit = loaded.get(slug);
  if (hit) return hit;
  const l = parse(slug);
  loaded.set(slug, l);
  return l;
}

function parse(slug: string): Loaded {
  const exp = JSON.parse(readFileSync(path.join(FIXTURES, slug, 'expected.json'), 'utf8')) as Expected;
  const html = readFileSync(path.resolve(FIXTURES, slug, exp.page ?? 'page.html'), 'utf8');
  const doc = new JSDOM(html, { url: exp.url, virtualConsole: new VirtualConsole() }).window.document;
  // The context extract() passes: the article's title and plain text (here: its paragraphs).
  const title = doc.querySelector('h1')?.textContent?.trim() ?? doc.title;
  const text = Array.from(doc.querySelectorAll('article p, main p, p'))
    .map((p) => p.textContent ?? '')
    .join(' ');
  const canonicalUrl = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  return {
    doc,
    exp,
    ctx: { url: exp.url, canonicalUrl, now: new Date(exp.now), lang: doc.documentElement.lang || null, title, text },
  };
}

const pairs = (hs: Array<{ title: string; url: string }>): string[] => hs.map((h) => `${h.title} <${h.url}>`).sort();
const byUrl = (hs: RelatedHeadline[], url: string): RelatedHeadline | undefined => hs.find((h) => h.url === url);

const slugs = readdirSync(FIXTURES)
  .filter((s) => existsSync(path.join(FIXTURES, s, 'expected.json')))
  .sort();

describe('related headlines on every labelled page', () => {
  it('has at least 20 labelled pages in at least 5 languages', () => {
    const langs = new Set(
      slugs.map((s) => (JSON.parse(readFileSync(path.join(FIXTURES, s, 'expected.json'), 'utf8')) as Expected).lang),
    );
    expect(slugs.length).toBeGreaterThanOrEqual(20);
    expect(langs.size).toBeGreaterThanOrEqual(5);
  });

  for (const slug of slugs) {
    it(`${slug}: exactly the labelled headlines, with their labelled section, time and image`, () => {
      const { doc, exp, ctx } = load(slug);
      const got = findRelated(doc, ctx);
      expect(pairs(got)).toEqual(pairs(exp.headlines));
      for (const want of exp.headlines) {
        const h = byUrl(got, want.url)!;
        if (want.section) expect(h.section, want.url).toBe(want.section);
        if (want.published) expect(h.published, want.url).toBe(want.published);
        if (want.image) expect(h.image, want.url).toBe(want.image);
      }
      // Sorted by relevance, scores in 0..1.
      for (let i = 0; i < got.length; i++) {
        expect(got[i]!.score).toBeGreaterThanOrEqual(0);
        expect(got[i]!.score).toBeLessThanOrEqual(1);
        if (i > 0) expect(got[i - 1]!.score).toBeGreaterThanOrEqual(got[i]!.score);
      }
    });
  }
});

describe('the seed page (haberler.com, US urges Haftar-led forces…)', () => {
  const { doc, ctx } = load('en-haberler-seed');
  const got = findRelated(doc, ctx);

  it('lists its 14 distinct stories, the Haftar one first', () => {
    expect(got).toHaveLength(14);
    expect(got[0]!.title).toBe('Tripoli Forces Capture 3 Of Pro-Haftar Fighters');
    expect(got[0]!.score).toBeGreaterThan(got[1]!.score);
  });

  it('shows the Iraq/Sistani story once, in both of its blocks', () => {
    const iraq = got.filter((h) => h.title.includes('Sistani'));
    expect(iraq).toHaveLength(1);
    expect(iraq[0]!.section).toBe('Latest News');
    expect(iraq[0]!.sections).toEqual(['Latest News', 'Top News']);
  });

  it('has clean titles: no "minutes ago", no ellipsis, no doubled alt text', () => {
    for (const h of got) {
      expect(h.title).not.toMatch(/ago|\.\.\.|…/);
      const half = h.title.slice(0, Math.floor(h.title.length / 2)).trim();
      expect(h.title.slice(half.length).trim()).not.toBe(half);
    }
    expect(got.map((h) => h.title)).toContain('Over 1,000 Birds Die In India');
  });

  it('keeps no language link, HOME PAGE, tag, share or footer link', () => {
    const urls = got.map((h) => h.url);
    expect(urls.every((u) => u.startsWith('https://en.haberler.com/') && /-\d{8}\/$/.test(u))).toBe(true);
    expect(got.map((h) => h.title)).not.toContain('HOME PAGE');
  });

  it('resolves "2 minutes ago" against now and takes the large lazy image', () => {
    const mass = got.find((h) => h.title.startsWith('Mass Protests'))!;
    expect(mass.published).toBe('2019-11-15T13:24Z');
    const oman = got.find((h) => h.title.startsWith('Oman'))!;
    expect(oman.image).toBe('https://en.haberler.com/images/large/12618401.jpg');
  });
});

describe('named cases', () => {
  it('sponsored boxes: Outbrain, Taboola, "Sponsored"/"Anzeige"/"Patrocinado" cards and "תוכן ממומן" leave nothing behind', () => {
    for (const slug of [
      'en-bbc-sponsored',
      'de-spiegel-kicker',
      'fr-lemonde-lire-aussi',
      'es-elmundo-hace-horas',
      'he-ynet-katavot-nosafot',
    ]) {
      const { doc, ctx } = load(slug);
      const titles = findRelated(doc, ctx)
        .map((h) => h.title)
        .join('\n');
      const sponsoredTitles = ['belly fat', 'future of banking', 'hidden cost of cheap flights', 'BahnCard', 'Ostsee'];
      const sponsoredAbroad = ['nouvelles tables', 'placas solares', 'רווקים', 'ביטוח'];
      expect(titles, slug).not.toMatch(new RegExp([...sponsoredTitles, ...sponsoredAbroad].join('|')));
    }
  });

  it('in-article related links ("Read also", "Lesen Sie auch", "Lire aussi") get their lead-in as section; inline prose links do not count', () => {
    const spiegel = load('de-spiegel-kicker');
    const s = findRelated(spiegel.doc, spiegel.ctx);
    expect(s.find((h) => h.title.startsWith('Vier-Tage-Woche'))?.section).toBe('Lesen Sie auch');
    const guardian = load('en-guardian-world');
    const g = findRelated(guardian.doc, guardian.ctx).map((h) => h.url);
    expect(g).toContain(
      'https://www.theguardian.com/world/2024/jan/05/spain-drought-andalucia-farmers-olive-oil-prices',
    );
    expect(g).not.toContain('https://www.theguardian.com/world/2023/apr/21/spain-drought-catalonia-water-restrictions');
  });

  it('image-alt and responsive duplicates are shown once', () => {
    const { doc, ctx } = load('en-ndtv-doubled-titles');
    const titles = findRelated(doc, ctx).map((h) => h.title);
    expect(titles).toContain('Delhi Air Quality Severe Again, Schools Shut Till Monday');
    expect(titles).toContain('Rafale Deal: Supreme Court Dismisses Review Petitions');
    expect(titles).toContain('Flamingos Return To Sambhar Lake After Rains');
  });

  it('rank numbers and kickers are not part of titles', () => {
    const { doc, ctx } = load('fr-franceinfo-direct');
    const titles = findRelated(doc, ctx).map((h) => h.title);
    expect(titles).toContain('Remaniement : qui pour remplacer Elisabeth Borne à Matignon ?');
    expect(titles).toContain('Inondations : le Pas-de-Calais toujours en vigilance rouge');
    expect(titles.some((t) => /^\d\.|^DIRECT/.test(t))).toBe(false);
  });

  it('relative times ("13m ago", "Just now", "3 days ago", "hace 45 minutos", "منذ ساعتين", "לפני שעה") resolve against now in the page offset', () => {
    const ap = load('en-apnews-relative-times');
    const got = findRelated(ap.doc, ap.ctx);
    expect(got.find((h) => h.title.startsWith('Wall Street'))?.published).toBe('2024-03-20T15:30-04:00');
    expect(got.find((h) => h.title.startsWith('Reddit'))?.published).toBe('2024-03-17');
    expect(got.find((h) => h.title.startsWith('Appeals court'))?.title).toBe(
      'Appeals court keeps hold on Texas immigration law',
    );
  });

  it('RTL: Arabic and Hebrew titles come through whole, the story on the same subject ranked above unrelated news', () => {
    const ar = load('ar-aljazeera-iqra-aydan');
    const got = findRelated(ar.doc, ar.ctx);
    const rank = (t: string): number => got.findIndex((h) => h.title === t);
    expect(rank('الجيش السوداني يعلن استعادة مواقع في سنار')).toBeLessThan(
      rank('أسعار النفط ترتفع مع تراجع المخزونات الأميركية'),
    );
    const he = load('he-ynet-katavot-nosafot');
    const heb = findRelated(he.doc, he.ctx);
    expect(heb[0]!.title).toMatch(/ריבית|האינפלציה|משכנתאות/);
  });

  it('CJK: Japanese titles ranked by character bigrams shared with the article', () => {
    const { doc, ctx } = load('ja-asahi-kanren');
    const got = findRelated(doc, ctx);
    const rank = (prefix: string): number => got.findIndex((h) => h.title.startsWith(prefix));
    expect(rank('マイナス金利とは')).toBeLessThan(rank('大谷翔平'));
    expect(rank('円相場')).toBeLessThan(rank('小林製薬'));
    expect(got.find((h) => h.title.startsWith('マイナス金利'))?.title).not.toContain('有料記事');
  });

  it('a home page gives all 40 of its stories (and extract() says it is not a news article)', () => {
    const { doc, exp, ctx } = load('en-homepage-40');
    expect(findRelated(doc, ctx)).toHaveLength(40);
    expect(extract(doc, { url: exp.url, now: exp.now }).isNews).toBe(false);
  });

  it('JSON-LD relatedLink with a name counts even when the page does not link it', () => {
    const { doc, ctx } = load('en-jsonld-exclusions');
    const got = findRelated(doc, ctx);
    expect(got.map((h) => h.title)).toContain('Transit tax referendum, explained');
    expect(got.map((h) => h.url)).not.toContain(
      'https://www.lakesidetribune.com/news/local/city-council-approves-transit-expansion-2024-06-11/amp/',
    );
  });
});

describe('invariants', () => {
  // The live page is the user's: reading related headlines must not change it (extract.ts relies on this).
  it('never mutates the document', () => {
    const { doc, ctx } = parse('en-guardian-world');
    const before = doc.documentElement.outerHTML;
    findRelated(doc, ctx);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('returns nothing for an empty page and for a page whose links are all navigation', () => {
    const empty = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://a.example/x' }).window
      .document;
    expect(
      findRelated(empty, {
        url: 'https://a.example/x',
        canonicalUrl: null,
        now: new Date(),
        lang: null,
        title: '',
        text: '',
      }),
    ).toEqual([]);
    const nav = new JSDOM(
      '<!doctype html><body><nav><a href="/world/2024/01/01/a-long-story-slug-here">A long story title in the menu</a></nav><footer><a href="/about">About us</a></footer></body>',
      { url: 'https://a.example/x' },
    ).window.document;
    expect(
      findRelated(nav, {
        url: 'https://a.example/x',
        canonicalUrl: null,
        now: new Date(),
        lang: null,
        title: '',
        text: '',
      }),
    ).toEqual([]);
  });

  it('counts sister domains only when asked', () => {
    const html =
      '<!doctype html><body><section><h2>More from our network</h2><ul><li><a href="https://www.sisterpaper.example/news/2024/05/01/council-votes-on-new-budget-plan">Council votes on new budget plan for schools</a></li></ul></section></body>';
    const doc = new JSDOM(html, { url: 'https://www.paper.example/news/x-123456' }).window.document;
    const ctx: RelatedContext = {
      url: 'https://www.paper.example/news/x-123456',
      canonicalUrl: null,
      now: new Date(),
      lang: 'en',
      title: '',
      text: '',
    };
    expect(findRelated(doc, ctx)).toEqual([]);
    expect(findRelated(doc, { ...ctx, sisterDomains: ['sisterpaper.example'] }).map((h) => h.title)).toEqual([
      'Council votes on new budget plan for schools',
    ]);
  });
});
