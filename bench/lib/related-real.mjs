/**
 * Scoring of related headlines against the real labelled set (test/fixtures/related/real/labels.json;
 * the rules are in test/fixtures/related/real/PROTOCOL.md). Pure: the caller runs findRelated and
 * passes what it returned; this file only compares.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REAL_LABELS = path.resolve(here, '../../test/fixtures/related/real/labels.json');
export const loadRealLabels = () => JSON.parse(readFileSync(REAL_LABELS, 'utf8'));

/** Query parameters that track a click, not name a story (PROTOCOL.md, URL matching). */
const TRACKING_PREFIXES = ['utm_', 'itm_', 'int_', 'at_', 'ns_', 'mc_'];
const TRACKING_NAMES = [
  'source',
  'rel',
  'prm',
  'pid',
  'mod',
  'rsf',
  'from',
  'gmpage',
  'ref',
  'ref_src',
  'ocid',
  'cmpid',
  'xtor',
  'ito',
  'icid',
  'fbclid',
  'gclid',
  'partner',
];
const TRACKING = new RegExp(`^(${TRACKING_PREFIXES.join('|')})|^(${TRACKING_NAMES.join('|')})$`, 'i');

/** The story a URL names: fragment, tracking parameters and a trailing slash dropped. */
export function storyKey(u) {
  let x;
  try {
    x = new URL(u);
  } catch {
    return String(u);
  }
  x.hash = '';
  for (const k of [...x.searchParams.keys()]) if (TRACKING.test(k)) x.searchParams.delete(k);
  let s = x.href;
  if (x.pathname.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/**
 * The fixed tune / held-out split of the real set (issue #22): FNV-1a 32-bit hash of the page key
 * ("<corpus>/<file>"), even → 'tune' (rules may be tuned looking at these pages' misses), odd → 'held'
 * (only their totals are looked at). Fixed forever so numbers stay comparable across branches.
 */
export function realHalf(key) {
  let h = 0x811c9dc5;
  for (const ch of String(key)) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'tune' : 'held';
}

const squash = (s) =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');

/**
 * One page: label (a labels.json entry) and the headlines findRelated returned, in order.
 * Returns counts and the itemised differences (for the miss breakdown).
 */
export function scoreRealPage(label, returned) {
  const rel = new Map(); // key -> Set(titles)
  for (const r of label.related) {
    const k = storyKey(r.url);
    if (!rel.has(k)) rel.set(k, new Set());
    rel.get(k).add(squash(r.title));
  }
  const amb = new Set(label.ambiguous.map(storyKey));
  const exc = new Set(label.excluded.map(storyKey).filter((k) => !rel.has(k)));
  const top = label.top3.map(storyKey);
  const seen = new Set();
  let counted = 0;
  let correct = 0;
  let exact = 0;
  let ambReturned = 0;
  const falsePos = [];
  const excludedReturned = [];
  const titleMiss = [];
  const dupes = [];
  for (const h of returned) {
    const k = storyKey(h.url);
    if (rel.has(k) && !seen.has(k)) {
      seen.add(k);
      counted++;
      correct++;
      if (rel.get(k).has(squash(h.title))) exact++;
      else titleMiss.push({ url: h.url, got: h.title, want: [...rel.get(k)][0] });
      continue;
    }
    if (amb.has(k) && !seen.has(k)) {
      seen.add(k);
      ambReturned++;
      continue;
    }
    counted++;
    if (seen.has(k)) {
      dupes.push({ url: h.url, title: h.title });
      continue;
    }
    seen.add(k);
    falsePos.push({ url: h.url, title: h.title, section: h.section, excluded: exc.has(k) });
    if (exc.has(k)) excludedReturned.push({ url: h.url, title: h.title, section: h.section });
  }
  const missed = [...rel.keys()].filter((k) => !seen.has(k)).map((k) => ({ url: k, title: [...rel.get(k)][0] }));
  const first3 = returned.slice(0, 3).map((h) => storyKey(h.url));
  const top3Hit = top.length ? top.filter((k) => first3.includes(k)).length / top.length : null;
  return {
    relatedKeys: rel.size,
    returned: returned.length,
    counted,
    correct,
    exact,
    ambReturned,
    excludedReturned,
    falsePos,
    missed,
    titleMiss,
    dupes,
    top3Hit,
    noBlockClean: label.hasBlock ? null : counted === 0,
  };
}

/** Micro-averaged totals over pages (each item: {label, score, ms}). */
export function summarizeReal(items) {
  const sum = (f) => items.reduce((a, it) => a + f(it), 0);
  const correct = sum((it) => it.score.correct);
  const counted = sum((it) => it.score.counted);
  const relatedKeys = sum((it) => it.score.relatedKeys);
  const exact = sum((it) => it.score.exact);
  const withTop = items.filter((it) => it.score.top3Hit !== null);
  const noBlock = items.filter((it) => it.score.noBlockClean !== null);
  const excl = items.flatMap((it) => it.score.excludedReturned.map((e) => ({ key: it.key, ...e })));
  return {
    pages: items.length,
    precision: counted ? correct / counted : 1,
    recall: relatedKeys ? correct / relatedKeys : 1,
    correct,
    counted,
    relatedKeys,
    excludedReturned: excl.length,
    pagesWithExcludedReturned: new Set(excl.map((e) => e.key)).size,
    exactTitleRate: correct ? exact / correct : 1,
    top3: withTop.length ? withTop.reduce((a, it) => a + it.score.top3Hit, 0) / withTop.length : null,
    top3Pages: withTop.length,
    noBlockPages: noBlock.length,
    noBlockClean: noBlock.filter((it) => it.score.noBlockClean).length,
  };
}

/**
 * The real set split into a tune half and a held-out half (issue #22: look only at the tune half's
 * misses, report both): page keys sorted, shuffled by mulberry32 seeded 2722 (Fisher-Yates), the
 * first `tune` taken for tuning. Returns key → 'tune' | 'held'.
 */
export function realSplit(keys, tune = 60) {
  let s = 2722;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = [...keys].sort();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return new Map(order.map((k, i) => [k, i < tune ? 'tune' : 'held']));
}
