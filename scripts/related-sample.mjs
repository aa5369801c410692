/**
 * The seeded page sample for the real related-headlines set (issue #22): per corpus and language,
 * the corpus entries sorted by file name, shuffled (Fisher-Yates, mulberry32 seeded 22 + stratum
 * index), quota taken from the front; the strata are interleaved round-robin into one labelling order
 * so a partial pass still spans every language. Language = <html lang> (first two letters); pages
 * without one and news-extraction pages without a url are not candidates (all news-extraction pages are
 * English; its strata are its three subsets). The labeller skips a page that is not an article
 * (home page, section front, index, error page) and takes the next of the same stratum: skips are
 * recorded in labels.json. Writes test/fixtures/related/real/sample.json.
 *   node scripts/related-sample.mjs
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCorpus, loadCorpusPage, corpusMissing } from '../bench/lib/corpus.mjs';

const QUOTAS = [
  ['dates', 'de', 12],
  ['dates', 'en', 6],
  ['dates', 'fr', 6],
  ['dates', 'es', 6],
  ['dates', 'it', 4],
  ['dates', 'pt', 3],
  ['dates', 'ru', 3],
  ['dates', 'id', 1],
  ['dates', 'ja', 1],
  ['dates', 'nl', 1],
  ['dates', 'tr', 1],
  ['dates', 'ar', 1],
  ['dates', 'pl', 1],
  ['dates', 'sv', 1],
  ['dates', 'fi', 1],
  ['dates', 'fa', 1],
  ['scrapinghub', 'en', 12],
  ['scrapinghub', 'ru', 2],
  ['scrapinghub', 'pt', 2],
  ['scrapinghub', 'ko', 2],
  ['scrapinghub', 'ja', 2],
  ['scrapinghub', 'it', 2],
  ['scrapinghub', 'de', 2],
  ['scrapinghub', 'id', 2],
  ['news-extraction', 'l3s-gn1', 10],
  ['news-extraction', 'chaos', 10],
  ['news-extraction', 'big9', 6],
];

function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle(xs, seed) {
  const r = mulberry32(seed);
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

const missing = corpusMissing();
if (missing) {
  console.log(missing);
  process.exit(0);
}
const langOf = (html) => (html.match(/<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2})/i)?.[1] ?? '').toLowerCase();
const strata = new Map();
for (const name of ['dates', 'scrapinghub', 'news-extraction']) {
  for (const e of listCorpus(name).sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (!e.url) continue;
    const key =
      name === 'news-extraction' ? e.file.replace(/-[0-9a-f]{12}$/, '') : langOf(loadCorpusPage(name, e.file).html);
    if (!key) continue;
    const k = `${name}/${key}`;
    if (!strata.has(k)) strata.set(k, []);
    strata.get(k).push({ corpus: name, file: e.file, url: e.url, stratum: k });
  }
}
const lists = QUOTAS.map(([c, k, n], i) => ({
  key: `${c}/${k}`,
  quota: n,
  pages: shuffle(strata.get(`${c}/${k}`) ?? [], 22 + i),
}));
const order = [];
for (let round = 0; lists.some((l) => l.pages.length > round); round++) {
  for (const l of lists) if (l.pages[round]) order.push({ ...l.pages[round], reserve: round >= l.quota });
}
const here = path.dirname(fileURLToPath(import.meta.url));
writeFileSync(
  path.resolve(here, '../test/fixtures/related/real/sample.json'),
  JSON.stringify(
    {
      method:
        'per-stratum seeded shuffle (mulberry32, seed 22 + stratum index), strata interleaved round-robin; reserve = past the quota, used only to replace skipped pages',
      quotas: QUOTAS.map(([c, k, n]) => ({
        stratum: `${c}/${k}`,
        quota: n,
        candidates: strata.get(`${c}/${k}`)?.length ?? 0,
      })),
      order,
    },
    null,
    1,
  ) + '\n',
);
console.log(lists.map((l) => `${l.key}:${l.quota}/${l.pages.length}`).join(' '));
console.log('in quota:', order.filter((o) => !o.reserve).length, 'total listed:', order.length);
