/**
 * Related headlines: every other story the page offers, clean, deduplicated, grouped and ranked.
 *
 * findRelated(doc, ctx) reads the LIVE document (extract.ts calls it before Readability, which
 * throws these blocks away) and never mutates it. Steps, one module each:
 *   related-collect  one pass over the links → candidates with section, card time and image
 *   related-clean    headline text of a link (no times, ranks, kickers, sr-only text, doubles)
 *   related-rank     terms of a text (stems, CJK bigrams) and their weight in the article
 *   related-relevance  each headline's score: subject match and the kind of box it came from
 * and here: dedupe by normalised URL and by title (first block's section wins, every block is
 * listed in `sections`), score, sort highest first (the box's kind, then page order break ties).
 */
import type { RelatedHeadline } from '../types.js';
import type { JsonLdBlock } from '../page/page-meta.js';
import { asPageRead, type PageRead } from '../page/read-page.js';
import { collectCandidates, type Candidate } from './collect.js';
import { articleTopics, scoreHeadlines } from './relevance.js';
import { scanDocument, type Scan } from './scan.js';
import { offsetOf } from './time.js';
import { selfKeys } from './url.js';

export interface RelatedContext {
  url: string;
  canonicalUrl: string | null;
  now: Date;
  lang: string | null;
  /** The article, for ranking by relevance. */
  title: string;
  text: string;
  /** Other registrable domains of the same publisher whose stories count as related (optional). */
  sisterDomains?: string[];
}

/**
 * Headlines returned at most, the most relevant kept: a reader lists a few dozen, and a page can link
 * thousands (8,000 links gave 8,000 headlines). The corpora's largest list is 63.
 */
export const MAX_RELATED = 100;

/** The section a headline gets when its block had no heading. */
export const DEFAULT_SECTION = 'Related';

// Unicode-property regexes live at module level: the build lowers each `\p{…}` literal to a
// `new RegExp()` call, which inside a function would run on every call.
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const titleKey = (t: string): string => t.normalize('NFKC').toLowerCase().replace(NOT_WORD, '');

/** The page's own UTC offset, from its stated publication time, for resolving "2 minutes ago". */
function pageOffset(scan: Scan, jsonLd: readonly JsonLdBlock[]): number | null {
  const ld = jsonLd.map((b) => /"datePublished"\s*:\s*"([^"]+)"/.exec(b.text)?.[1]).find(Boolean);
  const stated = scan.meta.get('article:published_time') ?? scan.meta.get('datepublished') ?? ld ?? scan.firstDatetime;
  return offsetOf(stated);
}

const wordsOf = (t: string): string[] => t.normalize('NFKC').toLowerCase().split(NOT_WORD).filter(Boolean);

/**
 * Is `long` a fuller form of the headline `short` (a rail's short title beside the full one), not
 * another headline the page gives the same link? Most of the short one's words are in it.
 */
function fuller(long: string, short: string): boolean {
  const have = new Set(wordsOf(long));
  const want = wordsOf(short);
  return want.length > 0 && want.filter((w) => have.has(w)).length >= 0.7 * want.length;
}

/** A name or label of at most three words linked to a story (its author's, its section's) beside its headline. */
const nameBesideHeadline = (short: string, long: string): boolean =>
  wordsOf(short).length <= 3 && wordsOf(long).length >= 5;

interface Merged {
  c: Candidate;
  sections: string[];
}

function dedupe(cands: Candidate[], keyOf: (t: string) => string): Merged[] {
  const byUrl = new Map<string, Merged>();
  const byTitle = new Map<string, Merged>();
  const out: Merged[] = [];
  for (const c of [...cands].sort((a, b) => a.order - b.order)) {
    const section = c.section ?? DEFAULT_SECTION;
    const tk = keyOf(c.title);
    const prev = byUrl.get(c.key) ?? byTitle.get(tk);
    if (prev) {
      if (!prev.sections.includes(section)) prev.sections.push(section);
      // A title cut short with an ellipsis, or read from a title attribute (which may hold an older
      // headline), gives way to a visible full one; of two full headlines the fuller is kept.
      const better =
        !c.truncated &&
        !c.fromAttribute &&
        (!!prev.c.fromAttribute ||
          (c.title.length > prev.c.title.length &&
            (fuller(c.title, prev.c.title) || nameBesideHeadline(prev.c.title, c.title))));
      if (better) {
        prev.c.title = c.title;
        prev.c.truncated = false;
        prev.c.fromAttribute = false;
      }
      prev.c.image ??= c.image;
      prev.c.published ??= c.published;
      byTitle.set(tk, prev);
      continue;
    }
    const m: Merged = { c: { ...c }, sections: [section] };
    byUrl.set(c.key, m);
    byTitle.set(tk, m);
    out.push(m);
  }
  return out;
}

/**
 * Collects, cleans, dedupes and ranks related headlines from the live page without mutating it.
 * Takes the page read (its JSON-LD); a bare Document is read first (the CLI, tests and benchmarks).
 */
export function findRelated(source: PageRead | Document, ctx: RelatedContext): RelatedHeadline[] {
  const page = asPageRead(source, ctx.url);
  const doc = page.doc;
  if (!doc.body) return [];
  const scan = scanDocument(doc);
  const self = selfKeys([ctx.url, ctx.canonicalUrl, scan.meta.get('og:url')]);
  const cands = collectCandidates(scan, {
    base: ctx.url,
    self,
    now: ctx.now,
    lang: ctx.lang,
    sisterDomains: ctx.sisterDomains ?? [],
    jsonLd: page.jsonLdBlocks,
    offsetMinutes: pageOffset(scan, page.jsonLdBlocks),
  });
  // Titles are keyed twice (dedupe, then against the article's own title): normalised once each.
  const keys = new Map<string, string>();
  const keyOf = (t: string): string => {
    let k = keys.get(t);
    if (k === undefined) {
      k = titleKey(t);
      keys.set(t, k);
    }
    return k;
  };
  const ownTitle = titleKey(ctx.title);
  const merged = dedupe(cands, keyOf).filter((m) => !ownTitle || keyOf(m.c.title) !== ownTitle);

  // split's limit stops after the 60 words needed instead of splitting the whole body.
  const lead = [scan.meta.get('description') ?? '', ctx.text.split(/\s+/, 60).join(' ')].join(' ');
  const scores = scoreHeadlines(
    merged.map((m) => m.c),
    { title: ctx.title, lead, body: ctx.text, lang: ctx.lang, ...articleTopics(scan.meta, page.jsonLd, ctx.url) },
  );
  const scored = merged.map((m, i) => ({ m, ...scores[i]! }));
  scored.sort((a, b) => b.score - a.score || a.tier - b.tier || a.m.c.order - b.m.c.order);
  return scored.slice(0, MAX_RELATED).map(({ m, score }) => {
    const h: RelatedHeadline = { title: m.c.title, url: m.c.url, section: m.sections[0]!, score };
    if (m.sections.length > 1) h.sections = m.sections;
    if (m.c.published) h.published = m.c.published;
    if (m.c.image) h.image = m.c.image;
    return h;
  });
}
