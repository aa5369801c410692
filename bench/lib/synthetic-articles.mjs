/**
 * Synthetic articles for the library benches: ~700 words each (Zipf-distributed vocabulary of 20,000
 * words plus common English), 40 sites, 4 languages, two years of dates; deterministic (seeded, one
 * sequence per process: the same calls in the same order give the same articles).
 */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(7);
const SYL = [
  'ka',
  'ro',
  'mi',
  'tan',
  'sel',
  'vor',
  'li',
  'da',
  'nem',
  'po',
  'ur',
  'zi',
  'bel',
  'ga',
  'sto',
  'fen',
  'ha',
  'lu',
  'qui',
  'mar',
  'ten',
  'os',
  'ri',
  'ne',
];
const COMMON =
  'the of and to in a is that for on was with he it as at by said from his have has are an be they this were not government minister president officials people after two year police week city country forces security talks election court report people state'.split(
    ' ',
  );
const TOPICAL = [
  'tripoli',
  'haftar',
  'libya',
  'ankara',
  'washington',
  'brussels',
  'parliament',
  'ceasefire',
  'inflation',
  'elections',
  'earthquake',
  'football',
  'climate',
  'protest',
  'refugees',
  'oil',
  'sanctions',
  'summit',
  'vaccine',
  'drought',
];
const VOCAB = [...COMMON, ...TOPICAL];
while (VOCAB.length < 20_000) {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += SYL[Math.floor(rand() * SYL.length)];
  VOCAB.push(w);
}
// Zipf: P(rank r) ∝ 1/r
const H = VOCAB.reduce((s, _, i) => s + 1 / (i + 1), 0);
const CUM = [];
VOCAB.reduce((s, _, i) => (CUM[i] = s + 1 / (i + 1) / H), 0);
function word() {
  const x = rand();
  let lo = 0,
    hi = CUM.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUM[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo];
}
const SITES = Array.from({ length: 40 }, (_, i) => `news${i}.example`);
const LANGS = ['en', 'en', 'en', 'fr', 'de', 'ar'];
const T0 = Date.UTC(2024, 0, 1);

export function makeArticle(i) {
  const site = SITES[i % SITES.length];
  const title = Array.from({ length: 8 }, word)
    .join(' ')
    .replace(/^./, (c) => c.toUpperCase());
  const paras = Array.from({ length: 12 }, () => Array.from({ length: 58 }, word).join(' ') + '.');
  const text = paras.join(' ');
  const published = new Date(T0 + Math.floor(rand() * 700) * 86_400_000 + 3_600_000 * 9).toISOString().slice(0, 16);
  return {
    url: `https://${site}/story/${i}`,
    canonicalUrl: `https://${site}/story/${i}`,
    isNews: true,
    newsScore: 0.9,
    newsReasons: ['synthetic'],
    title,
    byline: 'Staff',
    siteName: site,
    lang: LANGS[i % LANGS.length],
    dir: 'ltr',
    excerpt: paras[0].slice(0, 160),
    leadImage: null,
    favicon: null,
    content: `<div>${paras.map((p) => `<p>${p}</p>`).join('')}</div>`,
    textContent: text,
    wordCount: 696,
    readingMinutes: 3,
    paywalled: false,
    dateline: {
      published,
      modified: null,
      precision: 'minute',
      place: 'Tripoli',
      agency: null,
      text: published,
      source: 'meta',
    },
    related: Array.from({ length: 8 }, (_, k) => ({
      title: `Related ${k} ${word()} ${word()}`,
      url: `https://${site}/story/r${k}`,
      section: 'Latest',
      score: 0.5,
    })),
  };
}
export const savedAt = (i) => T0 + i * 3_600_000;
