/**
 * The byline: every author's name, merged with ", ", "By"/"Von"/"Par" stripped. Sources, best
 * first: the article's JSON-LD `author` (strings, Person objects, arrays, @id references into the
 * @graph), author meta tags, then Readability's byline (rel=author, class="byline", …).
 */
import { textOf, type JsonLdNode, type PageMeta } from '../page/page-meta.js';

const BY_WORDS = ['by', 'von', 'par', 'por', 'di', 'door', 'av', 'af', 'przez', 'от'];
const BY_PHRASES = ['written by', 'words by', 'story by', 'reporting by'];
const BY_LABELS = ['text:', 'texte:', 'texto:', 'autor:', 'author:', String.raw`auteur\s*:`];
const BY_PREFIX = new RegExp(String.raw`^\s*(?:${[...BY_WORDS, ...BY_PHRASES, ...BY_LABELS].join('|')})\s+`, 'i');
const SPLIT = /\s*(?:,|;|\s\/\s|\s&\s|\band\b|\bund\b|\bet\b|、|，|،|\sو\s)\s*/i;
const MAX_NAME = 80;

function cleanName(raw: string): string | null {
  let s = raw.replace(/\s+/g, ' ').replace(BY_PREFIX, '').trim();
  s = s
    .replace(/\s*[|•·]\s*.*$/, '') // "Jane Doe | Updated 3 pm"
    .replace(/\S+@\S+\.\w+/g, '') // e-mail addresses
    .replace(/\b(?:updated|published|posted)\b.*$/i, '')
    .replace(/^[\s,:–—-]+|[\s,:–—-]+$/g, '')
    .trim();
  if (!s || s.length > MAX_NAME || /^https?:|^www\.|\.(?:com|org|net)\b/i.test(s) || !/\p{L}/u.test(s)) return null;
  return s;
}

function namesFromLd(author: unknown, byId: Map<string, JsonLdNode>, depth = 0): string[] {
  if (depth > 3 || author == null) return [];
  if (Array.isArray(author)) return author.flatMap((a) => namesFromLd(a, byId, depth + 1));
  if (typeof author === 'string') return [author];
  if (typeof author === 'object') {
    const o = author as JsonLdNode;
    const name = textOf(o);
    if (name) return [name];
    const ref = typeof o['@id'] === 'string' ? byId.get(o['@id']) : undefined;
    if (ref && ref !== o) return namesFromLd(ref, byId, depth + 1);
  }
  return [];
}

/** Splits "Jane Doe and John Roe" / "Jane Doe, John Roe" into names; keeps "Reuters" as one. */
function splitNames(raw: string): string[] {
  const stripped = raw.replace(BY_PREFIX, '');
  return stripped
    .split(SPLIT)
    .map((x) => x.trim())
    .filter(Boolean);
}

export function findByline(pm: PageMeta, node: JsonLdNode | null, readabilityByline: string | null): string | null {
  const byId = new Map<string, JsonLdNode>();
  for (const n of pm.jsonLd) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const candidates: string[][] = [];
  const ldAuthor = node?.author ?? node?.creator ?? pm.jsonLd.find((n) => n.author !== undefined)?.author;
  if (ldAuthor !== undefined) candidates.push(namesFromLd(ldAuthor, byId).flatMap(splitNames));
  for (const key of [
    'author',
    'article:author',
    'byl',
    'parsely-author',
    'sailthru.author',
    'dc.creator',
    'dcterms.creator',
    'twitter:creator',
  ]) {
    const v = pm.meta.get(key);
    if (v && !/^(?:https?:|@)/.test(v)) candidates.push(splitNames(v));
  }
  if (readabilityByline) candidates.push(splitNames(readabilityByline));
  for (const list of candidates) {
    const seen = new Set<string>();
    const names: string[] = [];
    for (const raw of list) {
      const name = cleanName(raw);
      if (name && !seen.has(name.toLowerCase())) {
        seen.add(name.toLowerCase());
        names.push(name);
      }
    }
    if (names.length) return names.slice(0, 8).join(', ');
  }
  return null;
}
