/**
 * Shared by design.spec.ts (Chromium) and design-firefox.spec.ts: five saved articles as a reader's
 * library looks (two with a stored lead picture, one Arabic with its images kept as links, one read,
 * one with a long title), written straight into the library's IndexedDB by the extension page; and
 * the checks every page must pass (axe-core, no horizontal scroll).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { searchRecord, toRecords } from '../../src/store/article-record';
import type { ExtractResult } from '../../src/core/types';
import { makePng } from './library-site';
import { plainArticle } from './plain-article';
import { ROOT } from './harness';

interface Seed {
  title: string;
  site: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  excerpt: string;
  place: string | null;
  minutes: number;
  read?: boolean;
  picture?: [number, number, number];
  skipped?: number;
}

const SEEDS: Seed[] = [
  {
    title: 'Storm closes the harbour as ferries wait out the night',
    site: 'coastnews.example',
    lang: 'en',
    dir: 'ltr',
    excerpt:
      'Harbour officials kept every ferry at its berth on Tuesday as gusts reached 110 km/h along the coast,' +
      ' leaving hundreds of passengers to spend the night in the terminal.',
    place: 'BERGEN',
    minutes: 4,
    picture: [40, 110, 200],
  },
  {
    title: 'مجلس المدينة يقر ميزانية جديدة للنقل العام',
    site: 'aljareeda.example',
    lang: 'ar',
    dir: 'rtl',
    excerpt: 'أقر مجلس المدينة مساء الاثنين ميزانية جديدة للنقل العام تشمل خطوط حافلات إضافية وتوسيع شبكة الترام.',
    place: null,
    minutes: 3,
    skipped: 1,
  },
  {
    title: 'Central bank holds rates, signals a cut before the summer',
    site: 'markets.example',
    lang: 'en',
    dir: 'ltr',
    excerpt:
      'The bank left its main rate unchanged for a fifth meeting but said inflation was cooling faster than' +
      ' expected.',
    place: 'FRANKFURT',
    minutes: 6,
    picture: [200, 120, 40],
  },
  {
    title:
      'A very long headline about the regional election results that keeps going to test how rows wrap' +
      ' on narrow screens',
    site: 'daily.example',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'Turnout rose in every district.',
    place: null,
    minutes: 2,
    read: true,
  },
  {
    title: 'Le musée rouvre après deux ans de travaux',
    site: 'lejournal.example',
    lang: 'fr',
    dir: 'ltr',
    excerpt: 'Après deux ans de fermeture, le musée accueille de nouveau le public avec une aile entièrement rénovée.',
    place: 'LYON',
    minutes: 5,
  },
];

export const SEED_TITLES = SEEDS.map((s) => s.title);

function article(s: Seed, i: number): ExtractResult {
  const text = `${s.excerpt} ${'More of the story. '.repeat(40)}`;
  const url = `https://${s.site}/2026/12/0${i + 1}/story-${i}`;
  return plainArticle(url, s.title, text, s.minutes * 230, {
    lang: s.lang,
    dir: s.dir,
    excerpt: s.excerpt,
    leadImage: s.picture ? `https://${s.site}/images/lead-${i}.png` : null,
    readingMinutes: s.minutes,
    dateline: {
      published: `2026-12-0${i + 1}T0${i + 1}:30`,
      modified: null,
      precision: 'minute',
      place: s.place,
      agency: null,
      text: '',
      source: 'meta',
    },
  });
}

/** A page script (evaluated in the library page) that stores the five articles and their lead pictures. */
export function seedLibraryScript(): string {
  const rows = SEEDS.map((s, i) => {
    const t = 1_796_600_000_000 + i * 3_600_000;
    const png = s.picture ? makePng(320, 200, s.picture) : null;
    const images = { mode: 'store' as const, stored: png ? 1 : 0, skipped: s.skipped ?? 0, bytes: png?.length ?? 0 };
    const a = article(s, i);
    const parts = toRecords(a, { id: `d-${i}`, savedAt: t, updatedAt: t, read: s.read ? 1 : 0, versions: 0, images });
    return {
      record: parts.record,
      body: parts.body,
      search: searchRecord(parts.record, parts.body),
      image: png
        ? { articleId: `d-${i}`, url: a.leadImage, type: 'image/png', bytes: png.length, b64: png.toString('base64') }
        : null,
    };
  });
  return `new Promise((resolve, reject) => {
    const rows = ${JSON.stringify(rows)};
    const open = indexedDB.open('dateline-library');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['articles', 'bodies', 'search', 'images'], 'readwrite');
      for (const r of rows) {
        tx.objectStore('articles').put(r.record);
        tx.objectStore('bodies').put(r.body);
        tx.objectStore('search').put(r.search);
        if (r.image) {
          const bytes = Uint8Array.from(atob(r.image.b64), (c) => c.charCodeAt(0));
          const { b64, ...rest } = r.image;
          tx.objectStore('images').put({ ...rest, blob: new Blob([bytes], { type: 'image/png' }) });
        }
      }
      tx.oncomplete = () => { db.close(); resolve(true); };
      tx.onerror = () => reject(tx.error);
    };
  })`;
}

/** axe-core's source, evaluated in the page (the pages' CSP refuses a script tag). */
export const AXE_SOURCE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe in the page (after AXE_SOURCE was evaluated): the serious and critical violations, in
 * short, or a line saying axe checked nothing (so a run that did not happen never passes).
 */
export const AXE_RUN = `(async () => {
  const r = await axe.run(document, { resultTypes: ['violations'] });
  const found = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | '));
  return r.passes.length > 10 ? found : [...found, 'axe checked only ' + r.passes.length + ' rules'];
})()`;

/** How far the page scrolls sideways (0: it fits). */
export const OVERFLOW_X = `document.documentElement.scrollWidth - document.documentElement.clientWidth`;
