/**
 * Where a page states its dates, read without mutating the document: JSON-LD (any shape), microdata,
 * meta tags, `<time>` elements, visible text near the headline, the URL path. Each reader returns
 * candidates with their provenance; `dateline.ts` chooses among them.
 *
 * Cost: a bounded amount of work per page. The text scan walks at most ~4 KB of text around the
 * headline (or the first ~8 KB of the body when there is none), never every text node of a page.
 */
import type { DateSource } from '../types.js';
import type { JsonLdBlock } from '../page/page-meta.js';
import { collapseRuns, hasNonSpace, isSpace } from '../text/whitespace.js';
import { findTextDates, parseMachineDate, type Stamp, type TextDate } from './parse.js';
import { work } from '../work.js';

export type DateKind = 'published' | 'modified';

// Vocabulary of issue #21 (kept apart so a lexicon can take it over).
/** Class/id words of embedded social posts and page-wide "today" clocks: their dates are not the story's. */
const FOREIGN_CLASS = new RegExp(
  `(?:^|[\\s_-])(?:${[
    'twitter-tweet',
    'tweet',
    'instagram-media',
    'tiktok-embed',
    'fb-post',
    'social-?embed',
    'embed-?(?:twitter|instagram|social)',
    'today',
    'todays?-?date',
    'current-?date',
    'date-?today',
    'top-?bar',
    'mehr-?zum-?thema',
    'lesen-?sie-?auch',
    'see-?also',
    'also-?read',
    'more-?from',
  ].join('|')})(?:$|[\\s_-])`,
  'i',
);
/**
 * Where a date written in visible text is one the story talks about, not when it was filed: the
 * headline, the teaser/description, a caption, a quote. Such a date never overrides the metadata.
 */
const NOT_DATELINE_TEXT =
  'h1, h2, h3, figcaption, blockquote, q, [class*="caption"], [class*="description"], ' +
  '[class*="summary"], [class*="standfirst"], [class*="teaser"], [class*="subtitle"], [class*="intro"]';

export interface DateCandidate {
  stamp: Stamp;
  kind: DateKind;
  source: DateSource;
  /** Lower is better within a source (e.g. an article's JSON-LD before a WebPage's). */
  rank: number;
  /** The string it was read from, for debugging and benchmarks. */
  raw: string;
  relative?: boolean;
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

const NEWS_ARTICLE_TYPES = ['', 'Reportage', 'Analysis', 'Opinion', 'Background', 'Review'].map(
  (k) => `${k}NewsArticle`,
);
const OTHER_ARTICLE_TYPES = ['LiveBlogPosting', 'Article', 'BlogPosting', 'Report', 'ScholarlyArticle', 'TechArticle'];
const POST_TYPES = ['SocialMediaPosting', 'Blog', 'PressRelease', 'Posting'];
const ARTICLE_TYPES = new RegExp(
  `^(${[...NEWS_ARTICLE_TYPES, ...OTHER_ARTICLE_TYPES, ...POST_TYPES].join('|')})$`,
  'i',
);
const PAGE_TYPES = /^(WebPage|ItemPage|CollectionPage|AboutPage|ProfilePage|QAPage|FAQPage)$/i;
/** Nodes whose dates are not the story's: media files, people, comments, reviews of something else. */
const MEDIA_TYPES = ['ImageObject', 'VideoObject', 'AudioObject', 'MediaObject'];
const AGENT_TYPES = ['Person', 'Organization', 'NewsMediaOrganization'];
const THING_TYPES = ['Comment', 'Review', 'Event', 'Product', 'Offer'];
const SITE_TYPES = ['WebSite', 'SiteNavigationElement', 'BreadcrumbList', 'ListItem'];
const FOREIGN_TYPES = new RegExp(
  `^(${[...MEDIA_TYPES, ...AGENT_TYPES, ...THING_TYPES, ...SITE_TYPES].join('|')})$`,
  'i',
);

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function firstString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v))
    for (const x of v) {
      const s = firstString(x);
      if (s) return s;
    }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return firstString(o['@value'] ?? o.value);
  }
  return null;
}

function placeName(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const p = placeName(x);
      if (p) return p;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.name === 'string' && o.name.trim()) return o.name.trim();
    const addr = o.address as Record<string, unknown> | string | undefined;
    if (typeof addr === 'string') return addr.trim() || null;
    if (addr && typeof addr.addressLocality === 'string') return addr.addressLocality.trim() || null;
  }
  return null;
}

export interface JsonLdFindings {
  dates: DateCandidate[];
  place: string | null;
}

/** JSON-LD blocks of any shape (parsed once by page/page-meta.ts): arrays, @graph, mainEntity, several blocks. */
export function readJsonLd(blocks: readonly JsonLdBlock[], lang: string | null): JsonLdFindings {
  const dates: DateCandidate[] = [];
  let place: string | null = null;
  const visit = (v: unknown, depth: number): void => {
    if (depth > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const types = typesOf(o);
    const isArticle = types.some((t) => ARTICLE_TYPES.test(t));
    const foreign = !isArticle && types.some((t) => FOREIGN_TYPES.test(t));
    if (!foreign) {
      const rank = isArticle ? 0 : types.some((t) => PAGE_TYPES.test(t)) || types.length === 0 ? 2 : 3;
      const add = (key: string, kind: DateKind, extra: number): void => {
        const raw = firstString(o[key]);
        const stamp = raw ? parseMachineDate(raw, lang) : null;
        if (stamp && raw) dates.push({ stamp, kind, source: 'json-ld', rank: rank + extra, raw });
      };
      add('datePublished', 'published', 0);
      add('dateCreated', 'published', 1);
      add('uploadDate', 'published', 1);
      add('dateModified', 'modified', 0);
      if (isArticle || !place) {
        const p =
          placeName(o.locationCreated) ??
          placeName(o.contentLocation) ??
          (typeof o.dateline === 'string' ? o.dateline.trim() || null : null);
        if (p && (isArticle || !place)) place = p;
      }
    }
    for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart']) {
      const child = o[key];
      if (child && typeof child === 'object') visit(child, depth + 1);
    }
  };
  for (const block of blocks) visit(block.root, 0);
  return { dates, place };
}

// ---------------------------------------------------------------------------------------------
// Meta tags

/** name/property (lower case) → kind and rank (lower first). */
const META_KEYS: Record<string, [DateKind, number]> = {
  'article:published_time': ['published', 0],
  'og:published_time': ['published', 0],
  'article:published': ['published', 1],
  'og:article:published_time': ['published', 1],
  published_time: ['published', 1],
  'article.published': ['published', 1],
  'parsely-pub-date': ['published', 1],
  'sailthru.date': ['published', 2],
  article_date_original: ['published', 1],
  'dc.date.issued': ['published', 2],
  'dcterms.issued': ['published', 2],
  'dc.date.created': ['published', 2],
  'dcterms.created': ['published', 2],
  'dc.date': ['published', 3],
  'dcterms.date': ['published', 3],
  'dc.date.publication': ['published', 2],
  citation_publication_date: ['published', 2],
  citation_date: ['published', 3],
  citation_online_date: ['published', 3],
  pubdate: ['published', 2],
  publishdate: ['published', 2],
  'publish-date': ['published', 2],
  publish_date: ['published', 2],
  publication_date: ['published', 2],
  'publication-date': ['published', 2],
  date_published: ['published', 2],
  datepublished: ['published', 2],
  originalpublicationdate: ['published', 2],
  'og:pubdate': ['published', 2],
  'bt:pubdate': ['published', 2],
  'cxenseparse:recs:publishtime': ['published', 2],
  displaydate: ['published', 3],
  date: ['published', 4],
  created: ['published', 4],
  release_date: ['published', 4],
  'dc.date.available': ['published', 4],
  sort_date: ['published', 5],
  'article:modified_time': ['modified', 0],
  'og:updated_time': ['modified', 0],
  'article:modified': ['modified', 1],
  'og:modified_time': ['modified', 1],
  modified_time: ['modified', 1],
  'dc.date.modified': ['modified', 2],
  'dcterms.modified': ['modified', 2],
  'last-modified': ['modified', 3],
  lastmod: ['modified', 3],
  datemodified: ['modified', 2],
  revised: ['modified', 3],
  'article:updated_time': ['modified', 1],
  updated_time: ['modified', 2],
  'bt:moddate': ['modified', 2],
};

export function readMeta(doc: Document, lang: string | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    if (!m.hasAttribute('content')) continue;
    const itemprop = m.getAttribute('itemprop');
    if (itemprop && m.parentElement?.tagName === 'HEAD') {
      const kind: DateKind | null = /datePublished|dateCreated/.test(itemprop)
        ? 'published'
        : /dateModified/.test(itemprop)
          ? 'modified'
          : null;
      const raw = m.getAttribute('content') ?? '';
      const stamp = kind ? parseMachineDate(raw, lang) : null;
      if (kind && stamp)
        out.push({ stamp, kind, source: 'microdata', rank: /dateCreated/.test(itemprop) ? 1 : 0, raw });
      continue;
    }
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('http-equiv') ?? '')
      .trim()
      .toLowerCase();
    const spec = META_KEYS[key];
    if (!spec) continue;
    const raw = m.getAttribute('content') ?? '';
    const stamp = parseMachineDate(raw, lang);
    if (stamp) out.push({ stamp, kind: spec[0], source: 'meta', rank: spec[1], raw });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Zones of a page whose dates are not the story's

const SKIP_TAGS = new Set(['NAV', 'ASIDE', 'FORM', 'SELECT', 'BUTTON', 'MENU', 'DIALOG']);
/** A footer inside the story (Drupal's `footer.node__meta`, WordPress's `entry-footer`) holds its byline date. */
const STORY = 'article, [class*="article"], [class*="post"], [class*="entry"], [itemprop="articleBody"]';
/** Class/id words of related-story cards, comments, menus and page clocks. */
const SKIP_CLASS_WORDS = [
  ...['comments?', String.raw`comment-\w+`, 'kommentare?', 'reply', 'replies', 'disqus'],
  ...['related', 'relacionad[ao]s?', String.raw`recommend\w*`, String.raw`empfehlung\w*`, 'teasers?', 'clock'],
  ...['site-?footer', 'page-?footer', 'global-?footer', 'main-?footer', 'navbar', 'nav', 'navigation', 'menu'],
  ...['sidebar', 'newsletter', 'promo', 'trending', 'popular', 'most-?read', 'meistgelesen', 'outbrain', 'taboola'],
  ...['more-?(?:news|stories|articles)', 'read-?more', 'breaking-?news', 'ticker', String.raw`cookie\w*`, 'consent'],
];
const SKIP_CLASS = new RegExp(String.raw`(?:^|[\s_-])(?:${SKIP_CLASS_WORDS.join('|')})(?:$|[\s_-])`, 'i');

export interface Zones {
  headline: Element | null;
  isExcluded(el: Element): boolean;
}

/** The story's headline: an h1 inside the article, or the h1 that matches the title. */
export function findHeadline(doc: Document): Element | null {
  // A static list (querySelectorAll of a tag name): jsdom reads a live collection's items in time
  // proportional to its length, each, so copying one is quadratic (3,000 <meta> tags took seconds).
  const h1s = Array.from(doc.querySelectorAll('h1')).slice(0, 8);
  if (h1s.length === 0) {
    // No h1: the first heading of the first <article> (a whole-page [itemprop] query is too slow).
    const article = doc.getElementsByTagName('article')[0];
    return article?.querySelector('h2, h3, [itemprop="headline"]') ?? null;
  }
  if (h1s.length === 1) return h1s[0]!;
  const title = (doc.title || '').toLowerCase();
  let best: Element | null = null;
  let bestScore = -1;
  for (const h of h1s) {
    const t = (h.textContent ?? '').trim().toLowerCase();
    if (!t) continue;
    let score = 0;
    if (title.includes(t) && t.length > 10) score += 2;
    if (h.closest('article, main, [role="main"]')) score += 1;
    if (score > bestScore) {
      best = h;
      bestScore = score;
    }
  }
  return best ?? h1s[0]!;
}

export function makeZones(doc: Document): Zones {
  const headline = findHeadline(doc);
  const cache = new Map<Element, boolean>();
  const isExcluded = (el: Element): boolean => {
    const chain: Element[] = [];
    let verdict = false;
    for (let e: Element | null = el; e && e !== doc.body && e !== doc.documentElement; e = e.parentElement) {
      const known = cache.get(e);
      if (known !== undefined) {
        verdict = known;
        break;
      }
      chain.push(e);
      if (headline && e.contains(headline)) break; // the headline's own ancestors are the story
      if (SKIP_TAGS.has(e.tagName)) {
        verdict = true;
        break;
      }
      // A site header (logo, menu, today's date) but not an article's own <header>.
      if (e.tagName === 'HEADER' && !e.closest('article, main, [role="main"]')) {
        verdict = true;
        break;
      }
      // "footer" alone is the site's footer unless it sits inside the story.
      const cls = `${e.getAttribute('class') ?? ''} ${e.id}`;
      if (cls.length > 1 && (SKIP_CLASS.test(cls) || FOREIGN_CLASS.test(cls))) {
        verdict = true;
        break;
      }
      // A quoted or embedded post (<blockquote class="twitter-tweet">, a pull quote) dates itself.
      if (e.tagName === 'BLOCKQUOTE') {
        verdict = true;
        break;
      }
      if ((e.tagName === 'FOOTER' || /(?:^|\s)footer(?:$|\s)/i.test(cls)) && !e.parentElement?.closest(STORY)) {
        verdict = true;
        break;
      }
      const role = e.getAttribute('role');
      if (role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'banner') {
        verdict = true;
        break;
      }
      const scope = e.getAttribute('itemtype');
      if (scope && /schema\.org\/(Comment|Review|UserComments)/i.test(scope)) {
        verdict = true;
        break;
      }
    }
    for (const e of chain) cache.set(e, verdict);
    return verdict;
  };
  return { headline, isExcluded };
}

// ---------------------------------------------------------------------------------------------
// Microdata and <time>

function kindFromAttrs(el: Element): DateKind | null {
  const attrs = [el.getAttribute('class') ?? '', el.id, el.getAttribute('itemprop') ?? ''];
  const s = [...attrs, el.parentElement?.getAttribute('class') ?? ''].join(' ').toLowerCase();
  if (/updat|modif|aktualisier|edited|revised/.test(s)) return 'modified';
  if (/publi|posted|pubdate|created|entry-date|datepublished/.test(s)) return 'published';
  return null;
}

export function readMicrodata(doc: Document, zones: Zones, lang: string | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  // Scoped to the headline's item (or article) when there is one, and a plain [itemprop] query with
  // a filter: nwsapi's [attr~=word] lists and whole-page attribute queries cost 15-40 ms on big pages.
  // <meta itemprop> in <head> is read by readMeta.
  const h = zones.headline;
  const scope = h
    ? (h.closest('[itemscope]') ??
      h.closest('article, main, [role="main"]') ??
      h.parentElement?.parentElement ??
      doc.body)
    : doc.body;
  if (!scope) return out;
  // RDFa (`property="schema:dateCreated"`, Drupal) says the same as microdata.
  const propOf = (el: Element): string => el.getAttribute('itemprop') ?? el.getAttribute('property') ?? '';
  const els = Array.from(scope.querySelectorAll('[itemprop], [property]'))
    .filter((el) => /\b(datePublished|dateCreated|dateModified)\b/.test(propOf(el)))
    .slice(0, 40);
  for (const el of els) {
    if (el.tagName !== 'META' && zones.isExcluded(el)) continue;
    const prop = propOf(el);
    // <abbr title="2011-03-30T21:05:00-07:00"> (Blogger) keeps the machine value in its title.
    const raw =
      el.getAttribute('content') ??
      el.getAttribute('datetime') ??
      (el.tagName === 'ABBR' ? el.getAttribute('title') : null) ??
      (el.textContent ?? '').trim();
    const stamp = raw ? parseMachineDate(raw, lang) : null;
    if (!stamp) continue;
    const kind: DateKind = /dateModified/.test(prop) ? 'modified' : 'published';
    out.push({ stamp, kind, source: 'microdata', rank: /dateCreated/.test(prop) ? 1 : 0, raw });
  }
  return out;
}

function precedes(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & 4) /* DOCUMENT_POSITION_FOLLOWING */ !== 0;
}

export function readTimeElements(doc: Document, zones: Zones, lang: string | null): DateCandidate[] {
  const out: DateCandidate[] = [];
  const times = Array.from(doc.querySelectorAll('time')).slice(0, 60);
  const h = zones.headline;
  const article = h?.closest('article, main, [role="main"]') ?? null;
  for (const t of times) {
    if (zones.isExcluded(t)) continue;
    const raw = t.getAttribute('datetime') || (t.textContent ?? '').trim();
    if (!raw) continue;
    const stamp = parseMachineDate(raw, lang);
    if (!stamp) continue;
    let kind = kindFromAttrs(t) ?? (t.hasAttribute('pubdate') ? 'published' : null);
    if (!kind) {
      const before =
        (t.previousSibling?.textContent ?? '') +
        (t.parentElement?.textContent ?? '').split(t.textContent ?? '\u0000')[0];
      kind = /updat|aktualisiert|mis à jour|actualizado|stand:?\s*$/i.test(before.slice(-40))
        ? 'modified'
        : 'published';
    }
    // Near the story first: inside the headline's article, then after the headline, then the rest.
    let rank = 3;
    if (article && article.contains(t)) rank = 0;
    else if (h && precedes(h, t)) rank = 1;
    else if (h) rank = 2;
    if (t.hasAttribute('pubdate')) rank = Math.min(rank, 0);
    out.push({ stamp, kind, source: 'time-element', rank, raw });
  }
  return out.sort((a, b) => a.rank - b.rank);
}

// ---------------------------------------------------------------------------------------------
// Visible text near the headline

const TEXT_SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SELECT',
  'OPTION',
  'TEXTAREA',
  'SVG',
  'IFRAME',
  'CODE',
  'PRE',
]);
const BACK_CHARS = 1500;
const FORWARD_CHARS = 3000;
const NO_HEADLINE_CHARS = 8000;
/** Second pass, only when the first found nothing: a byline date at the end of a long post. */
const FAR_CHARS = 30000;
/** Class words of the elements that hold a byline date. */
const DATE_CLASS = /date|time|publi|posted|byline|meta|datum|fecha|zeit|dateline|info|author|stamp/i;

/** How far past its budget a walk reads the node it stopped in (see textWalk). */
const NODE_OVERRUN = 2000;

interface Segment {
  node: Text;
  start: number;
}

/**
 * Whether the walk skips an element's subtree, by tag name as written (lower case for SVG and XHTML).
 * Cached per name: the walk asks for every element it passes, and upper-casing each one allocates.
 */
const SKIP_BY_NAME = new Map<string, boolean>();
function skipsText(tagName: string | undefined): boolean {
  if (tagName === undefined) return false;
  let skip = SKIP_BY_NAME.get(tagName);
  if (skip === undefined) {
    skip = TEXT_SKIP_TAGS.has(tagName.toUpperCase());
    if (SKIP_BY_NAME.size < 512) SKIP_BY_NAME.set(tagName, skip);
  }
  return skip;
}

/** Next node in document order, not entering skipped subtrees (script, style, …). */
function nextInOrder(n: Node, root: Node): Node | null {
  if (n.nodeType === 1) {
    const first = n.firstChild;
    if (first && !skipsText((n as Element).tagName)) return first;
  }
  for (let c: Node | null = n; c && c !== root; c = c.parentNode) {
    const next = c.nextSibling;
    if (next) return next;
  }
  return null;
}

/** Previous node in document order (deepest last descendant of the previous sibling first). */
function prevInOrder(n: Node, root: Node): Node | null {
  if (n === root) return null;
  let p = n.previousSibling;
  if (!p) {
    const parent = n.parentNode;
    return parent === root ? null : parent;
  }
  for (let last = p.lastChild; p.nodeType === 1 && last && !skipsText((p as Element).tagName); last = p.lastChild)
    p = last;
  return p;
}

/**
 * The next node after `w.currentNode` (which is `n`) in the order of nextInOrder. In Chromium one
 * TreeWalker call per node (no filter, every node shown) costs about a third less than the
 * firstChild/nextSibling/parentNode calls of the hand-rolled step; a skipped subtree is stepped over.
 */
function walkerNext(w: TreeWalker, n: Node): Node | null {
  if (n.nodeType === 1 && skipsText((n as Element).tagName) && n.firstChild) {
    for (;;) {
      const next = w.nextSibling();
      if (next) return next;
      if (!w.parentNode()) return null;
    }
  }
  return w.nextNode();
}

/**
 * Visible text from `start`, forward or backward in document order, in pieces: `take(budget)` walks
 * on until `budget` characters are collected (a later, larger budget continues the same walk, so the
 * far pass does not walk the forward pass's nodes again) and returns everything collected so far.
 * Backward, a hand-rolled walk (previousSibling/lastChild) skips script/style subtrees whole; forward,
 * a TreeWalker steps over them (see walkerNext).
 */
function textWalk(
  doc: Document,
  start: Node,
  forward: boolean,
): (budget: number) => { text: string; segments: Segment[] } {
  const root: Node = doc.body ?? doc.documentElement;
  const parts: Array<{ node: Text; value: string }> = [];
  let used = 0;
  let visited = 0;
  // Forward from an element starts inside it; backward starts just before it.
  let n: Node | null = forward
    ? start.nodeType === 1 && !skipsText((start as Element).tagName) && start.firstChild
      ? start.firstChild
      : nextInOrder(start, root)
    : prevInOrder(start, root);
  if (forward && start === root) n = root.firstChild;
  // A walker is bounded by the root, as nextInOrder is; a start outside it keeps the hand-rolled step.
  const walker = forward && n && root.contains(start) ? doc.createTreeWalker(root, 0xffffffff) : null;
  if (walker && n) walker.currentNode = n;
  const step: (x: Node) => Node | null = walker
    ? (x) => walkerNext(walker, x)
    : forward
      ? (x) => nextInOrder(x, root)
      : (x) => prevInOrder(x, root);
  // The last part holds only the first (backward: last) characters of its node that fit the budget.
  let cut = false;
  return (budget) => {
    // A larger budget reads the cut node again, as far as the new budget goes.
    if (cut) {
      used -= parts.pop()!.value.length;
      visited--;
      cut = false;
    }
    for (; n && used < budget && visited < 20_000; n = step(n)) {
      visited++;
      work();
      if (n.nodeType !== 3) continue;
      const raw = n.nodeValue ?? '';
      // Whitespace only (most text nodes between elements): nothing to read.
      if (!hasNonSpace(raw)) continue;
      const parent = n.parentNode as Element | null;
      if (!parent || skipsText(parent.tagName)) continue;
      work(raw.length);
      let value = collapseRuns(raw);
      // A node that starts under the budget is read whole up to NODE_OVERRUN characters past it (a
      // byline at the budget's edge keeps its date), but no further: the budget counts characters,
      // not nodes, so one huge text node (400 KB of dates) is read only as far, nearest the headline first.
      const room = budget - used + NODE_OVERRUN;
      if (value.length > room) {
        value = forward ? value.slice(0, room) : value.slice(value.length - room);
        parts.push({ node: n as Text, value });
        used += value.length;
        cut = true;
        break; // n stays on this node for a later, larger budget
      }
      parts.push({ node: n as Text, value });
      used += value.length;
    }
    const ordered = forward ? parts : parts.slice().reverse();
    const segments: Segment[] = [];
    let text = '';
    for (const p of ordered) {
      segments.push({ node: p.node, start: text.length });
      text += `${p.value} `;
    }
    return { text, segments };
  };
}

function nodeAt(segments: Segment[], index: number): Text | null {
  let lo = 0;
  let hi = segments.length - 1;
  let found: Segment | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= index) {
      found = segments[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found?.node ?? null;
}

export interface TextCandidate extends DateCandidate {
  /** Characters between the date and the headline (negative: before it). */
  distance: number;
  /** Inside an element whose class says date/byline/meta. */
  dateClass: boolean;
  /** Inside a long paragraph of prose (a date the story talks about). */
  prose: boolean;
  /** A label before it said what it is ("Published", "Updated:"). */
  labelled: boolean;
  /** In the headline, a caption, a teaser or description (NOT_DATELINE_TEXT): a date of the story's subject. */
  inContent?: boolean;
}

/** `text.trim().length` without copying a long text: the white space at its two ends is skipped. */
function trimmedLength(text: string): number {
  let a = 0;
  let b = text.length;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return b - a;
}

function blockOf(el: Element): Element {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (/^(P|DIV|LI|TD|SECTION|ARTICLE|HEADER|BLOCKQUOTE|DD|FIGCAPTION)$/.test(e.tagName)) return e;
  }
  return el;
}

/**
 * Dates one scan turns into candidates, nearest the headline first. Each costs a look at its
 * element's ancestors; a byline area holds a handful, and a page of thousands of dates gains
 * nothing from the rest.
 */
const MAX_SCAN_DATES = 100;

export function readVisibleText(
  doc: Document,
  zones: Zones,
  opts: { lang: string | null; now: Date; timeZone?: string; utcOffset?: (epoch: number) => number },
): TextCandidate[] {
  const out: TextCandidate[] = [];
  // Text length of each paragraph-like block met, read once however many dates it holds.
  const blockLength = new Map<Element, number>();
  const scan = (text: string, segments: Segment[], origin: number, onlyMarked = false): void => {
    const found = findTextDates(text, opts);
    // Backward scans end at the headline (origin is the text's end): their nearest dates are last.
    const near =
      found.length <= MAX_SCAN_DATES
        ? found
        : origin > 0
          ? found.slice(-MAX_SCAN_DATES)
          : found.slice(0, MAX_SCAN_DATES);
    for (const td of near) {
      work();
      const node = nodeAt(segments, td.index);
      const el = node?.parentElement;
      if (!el || zones.isExcluded(el)) continue;
      const c = toCandidate(td, el, node.nodeValue ?? '', td.index - origin, text);
      if (onlyMarked && (c.prose || c.relative || (!c.labelled && !c.dateClass))) continue;
      out.push(c);
    }
  };
  const textLengthOf = (block: Element): number => {
    let n = blockLength.get(block);
    if (n === undefined) {
      n = (block.textContent ?? '').length;
      work(n);
      blockLength.set(block, n);
    }
    return n;
  };
  const toCandidate = (td: TextDate, el: Element, nodeText: string, distance: number, text: string): TextCandidate => {
    let dateClass = false;
    let e: Element | null = el;
    for (let i = 0; i < 4 && e; i++, e = e.parentElement) {
      if (DATE_CLASS.test(`${e.getAttribute('class') ?? ''} ${e.id} ${e.getAttribute('itemprop') ?? ''}`)) {
        dateClass = true;
        break;
      }
    }
    // Prose: a date inside a sentence of the story ("On 3 January the council…"), not a byline. A
    // long text run, or a paragraph-like block of running text; a big <div> wrapping a whole
    // article is not prose by itself.
    const block = blockOf(el);
    const paragraph = /^(P|BLOCKQUOTE|LI|DD|TD|FIGCAPTION)$/.test(block.tagName);
    const prose = !dateClass && (trimmedLength(nodeText) > 160 || (paragraph && textLengthOf(block) > 220));
    return {
      stamp: td.stamp,
      kind: td.kind ?? 'published',
      source: 'text',
      rank: 0,
      raw: text.slice(td.index, td.index + td.length),
      relative: td.relative,
      distance,
      dateClass,
      prose,
      labelled: td.kind !== null,
      inContent: el.closest(NOT_DATELINE_TEXT) !== null,
    };
  };
  const h = zones.headline;
  // The far pass below starts where the forward pass does: one walk serves both.
  let forward: ((budget: number) => { text: string; segments: Segment[] }) | null = null;
  if (h) {
    const back = textWalk(doc, h, false)(BACK_CHARS);
    scan(back.text, back.segments, back.text.length);
    // Forward from the headline's start: its own text first, then what follows.
    forward = textWalk(doc, h, true);
    const fwd = forward(FORWARD_CHARS);
    scan(fwd.text, fwd.segments, 0);
  } else if (doc.body) {
    forward = textWalk(doc, doc.body, true);
    const fwd = forward(NO_HEADLINE_CHARS);
    scan(fwd.text, fwd.segments, 0);
  }
  if (doc.body && !out.some((c) => !c.prose && !c.relative)) {
    // Only dates a label or a date-ish class vouches for: this far out, prose dates are noise.
    const far = (forward ?? textWalk(doc, h ?? doc.body, true))(FAR_CHARS);
    scan(far.text, far.segments, 0, true);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// URL

export function readUrl(url: string): DateCandidate[] {
  let path = '';
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  // "/2017/07/12/", "2017-07-12", "20170712", and (Squarespace) "/2017/7/12/" with one-digit month or day.
  const m =
    /(?:^|[/_-])((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/.exec(path) ??
    /\/((?:19|20)\d{2})\/([1-9]|1[0-2])\/([1-9]|[12]\d|3[01])\//.exec(path);
  if (!m) return [];
  return [{ stamp: { y: +m[1]!, m: +m[2]!, d: +m[3]! }, kind: 'published', source: 'url', rank: 0, raw: m[0] }];
}
