/**
 * The byline: every author's name, merged with ", ", "By"/"Von"/"Par" stripped. Sources, best
 * first: the byline the page prints under its headline ("By NAME", "Par NAME", "Von NAME", "Por NAME",
 * "Text: NAME", an agency credit line "(AFP)"; issue #20) unless the metadata names the same people;
 * the article's JSON-LD `author` (strings, Person objects, arrays, @id references into the @graph) and
 * author meta tags, before the printed byline only when the page prints none and they name people,
 * not the site or its publisher ("Sky" on news.sky.com); then Readability's byline (rel=author,
 * class="byline", …). Labels and staff roles are left out of names ("Analysis by Chris Cillizza, CNN
 * Editor-at-large" → "Chris Cillizza").
 */
import { textOf, typesOf, type JsonLdNode, type PageMeta } from '../page/page-meta.js';
import { RELATED_HEADING } from '../text/lexicon/headings.js';
import {
  AFTER_NAMES,
  AGENCY_CREDIT,
  BYLINE_PREFIX,
  BYLINE_ROLE,
  GLUED_STAMP,
  PROFILE_LINK,
} from '../text/lexicon/bylines.js';
import { squash } from '../text/text-key.js';
import { markedDatelines } from '../page/walk.js';
import { readPrintedByline } from './printed-byline.js';

const BY_PREFIX = BYLINE_PREFIX;
const SPLIT = /\s*(?:,|;|\s\/\s|\s&\s|\band\b|\bund\b|\bet\b|、|，|،|\sو\s)\s*/i;
const MAX_NAME = 80;
/** A box's heading, whole: "Most Read", "Related". */
const BOX_HEADING = new RegExp(`^(?:${RELATED_HEADING.source})$`, 'i');

function cleanName(raw: string): string | null {
  let s = raw.replace(/\s+/g, ' ').replace(BY_PREFIX, '').trim();
  s = s
    .replace(/\s*[|•·]\s*.*$/, '') // "Jane Doe | Updated 3 pm"
    .replace(/\S+@\S+\.\w+/g, '') // e-mail addresses
    .replace(/\b(?:updated|published|posted)\b.*$/i, '')
    .replace(GLUED_STAMP, '') // "Jeff FoustMonday"
    .replace(PROFILE_LINK, '') // "Steve Inskeep Twitter"
    .replace(/\s+[Ff]or\s+\p{Lu}.*$/u, '') // "Harry Pettit For Mailonline"
    .replace(/^[\s,:–—-]+|[\s,:–—-]+$/g, '')
    .trim();
  if (!s || s.length > MAX_NAME || /^https?:|^www\.|\.(?:com|org|net)\b/i.test(s) || !/\p{L}/u.test(s)) return null;
  // A date, a time or an age ("2009 6:45 PM CT", "5 days ago", "Thursday"), a box's heading ("Most
  // Read"), markup: never a name.
  if (/\d|[<>=]/.test(s) || AFTER_NAMES.test(s) || BOX_HEADING.test(s)) return null;
  // "CNN Editor-at-large", "Staff Writer": the name's role, not another name.
  if (BYLINE_ROLE.test(s) && !AGENCY_CREDIT.test(s)) return null;
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
  const stripped = raw
    .replace(/&lt;[\s\S]*?&gt;|<[^>]*>/g, ' ') // markup escaped into a meta tag
    .replace(/^.*\d.*?\sby\s+(?=\p{Lu})/u, '') // "Oct 21, 2017 at 08:15 UTC by Alyssa Hertig"
    .replace(BY_PREFIX, '');
  return stripped
    .split(SPLIT)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Names of the site itself: its name, its publisher's, its domain's labels ("news.sky.com" → sky, news). */
function siteNames(pm: PageMeta, node: JsonLdNode | null, url: string | undefined): string[] {
  const names = [pm.meta.get('og:site_name'), textOf(node?.publisher), pm.meta.get('application-name')];
  for (const n of pm.jsonLd)
    if (typesOf(n).some((t) => t === 'Organization' || t === 'WebSite')) names.push(textOf(n.name));
  try {
    if (url) names.push(...new URL(url).hostname.split('.').slice(0, -1));
  } catch {
    /* no host */
  }
  return names.map((n) => squash(n ?? '')).filter((n) => n.length >= 2 && n !== 'www');
}

/** Does a metadata byline only name the site or its publisher ("Sky" on news.sky.com, "TEGNA")? */
function namesTheSite(names: string[], site: string[]): boolean {
  return names.every((n) => {
    const k = squash(n);
    return site.some((s) => s === k || (k.length >= 3 && (s.startsWith(k) || k.startsWith(s))));
  });
}

function dedupe(list: string[]): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const raw of list) {
    const name = cleanName(raw);
    if (name && !seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      names.push(name);
    }
  }
  return names;
}

/** A dateline's place as the page prints it: in capitals, then a dash ("VATICAN CITY — Apr 9"). */
const PLACE_THEN_DASH = /^\s*(?:\u2014|\u2013|--)/;

/**
 * Keeps the names that are no dateline place. A place is the one the dateline found, or a name in
 * capitals (no lower-case letter) that the page prints as a dateline: the text of an element marked
 * `itemprop="dateline"` or class `dateline` (Readability takes those for bylines), or followed by a
 * dash. Mixed-case names and names in capitals used as bylines ("By JILL LAWLESS, AP") stay.
 */
function placeFilter(doc: Document | undefined, place: string): (name: string) => boolean {
  let body: string | null = null;
  let marked: Set<string> | null = null;
  return (name) => {
    const key = squash(name);
    if (place && key === place) return false;
    if (!doc || /\p{Ll}/u.test(name) || !/\p{Lu}/u.test(name)) return true;
    marked ??= new Set(Array.from(markedDatelines(doc), (e) => squash(e.textContent ?? '')));
    if (marked.has(key)) return false;
    body ??= doc.body?.textContent ?? '';
    for (let at = body.indexOf(name); at >= 0; at = body.indexOf(name, at + 1)) {
      if (PLACE_THEN_DASH.test(body.slice(at + name.length, at + name.length + 4))) return false;
    }
    return true;
  };
}

interface BylineContext {
  /** The live document, for the byline printed under the headline. */
  doc?: Document;
  /** The article's title (finds the headline the byline sits under). */
  title?: string;
  url?: string;
  /** The dateline's place, when known. */
  place?: string | null;
}

export function findByline(
  pm: PageMeta,
  node: JsonLdNode | null,
  readabilityByline: string | null,
  ctx: BylineContext = {},
): string | null {
  const byId = new Map<string, JsonLdNode>();
  for (const n of pm.jsonLd) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const meta: string[][] = [];
  const ldAuthor = node?.author ?? node?.creator ?? pm.jsonLd.find((n) => n.author !== undefined)?.author;
  if (ldAuthor !== undefined) meta.push(namesFromLd(ldAuthor, byId).flatMap(splitNames));
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
    if (v && !/^(?:https?:|@)/.test(v)) meta.push(splitNames(v));
  }
  const site = siteNames(pm, node, ctx.url);
  const metaNames = meta.map(dedupe).find((names) => names.length) ?? [];
  // A wire dateline's place ("VATICAN CITY") printed under the headline is no name.
  const place = squash(ctx.place ?? '');
  const notPlace = placeFilter(ctx.doc, place);
  const printed = ctx.doc ? dedupe(splitNames(readPrintedByline(ctx.doc, ctx.title ?? '') ?? '')).filter(notPlace) : [];
  const ordered: string[][] = [];
  // What the page prints is what its readers see: it wins over metadata that names someone else (the
  // site, its owner), and the metadata wins when it names the same people (often more fully).
  const same = (a: string, b: string): boolean => squash(a).includes(squash(b)) || squash(b).includes(squash(a));
  const metaAgrees = printed.some((p) => metaNames.some((m) => same(m, p)));
  if (metaNames.length && (printed.length ? metaAgrees : !namesTheSite(metaNames, site))) ordered.push(metaNames);
  ordered.push(printed, metaNames);
  if (readabilityByline) ordered.push(dedupe(splitNames(readabilityByline)).filter(notPlace));
  const names = ordered.find((list) => list.length);
  return names ? names.slice(0, 8).join(', ') : null;
}
