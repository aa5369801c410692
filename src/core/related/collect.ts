/**
 * Collects headline links from the live document in one pass over its links: same publication
 * (registrable domain) or a sister domain, a story-shaped URL, a headline-like text, outside
 * navigation/footer/share/tag/paid regions, not the current article, not an inline link in the
 * article's prose (unless the paragraph is a "Read also:" lead-in). Then reads each link's card
 * (the largest ancestor holding no other story) for its time and image, and adds JSON-LD
 * relatedLink/significantLink entries. Reads the DOM, never changes it.
 */
import { blockContexts, boundedText, headingLabels, type BlockContext } from './blocks.js';
import { completed, isHeadlineText, linkText, type LinkText } from './clean.js';
import { READ_ALSO, READ_ALSO_BEFORE } from '../text/lexicon/read-also.js';
import { SPONSORED_LABEL } from '../text/lexicon/sponsored.js';
import { subtree, type Scan } from './scan.js';
import { parseCardTime } from './time.js';
import type { JsonLdBlock } from '../page/page-meta.js';
import { normalizeUrl, urlShape } from './url.js';
import { linkResolver, type Link, type LinkUrl } from './link-resolver.js';
import { work } from '../work.js';
import { withoutNonStories } from './exclude.js';
import { collapse } from '../text/whitespace.js';

export interface Candidate {
  title: string;
  url: string;
  key: string;
  section: string | null;
  /** Identifies the block, for rank-number detection. */
  block: Element | null;
  published?: string;
  image?: string;
  truncated: boolean;
  /** The title is the link's title attribute (the link shows no text). */
  fromAttribute?: boolean;
  /** The link element (none for a JSON-LD-only entry). */
  anchor?: Element;
  /** Document order. */
  order: number;
}

export interface CollectOptions {
  base: string;
  self: Set<string>;
  now: Date;
  lang: string | null;
  /** Extra registrable domains of the same publisher. */
  sisterDomains: string[];
  /** The page's JSON-LD blocks (parsed once, by page/page-meta.ts), for relatedLink/significantLink. */
  jsonLd: readonly JsonLdBlock[];
  /** The page's UTC offset in minutes, for relative card times. */
  offsetMinutes: number | null;
}

interface Pending {
  a: Element;
  url: LinkUrl;
  key: string;
  ctx: BlockContext;
  text: LinkText;
  cue: string | null;
  order: number;
  forced: boolean;
}

const CARD_TAGS = new Set([
  'li',
  'article',
  'div',
  'section',
  'aside',
  'figure',
  'td',
  'dd',
  'p',
  'span',
  'header',
  'h2',
  'h3',
  'h4',
  'a',
]);
const PROSE_TAGS = new Set(['p', 'blockquote']);
// Module level: the build lowers a `\p{…}` literal to `new RegExp()`, which in a function runs per call.
const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]{6}/u;

const BLOCK_TAGS = new Set([
  'p',
  'blockquote',
  'li',
  'dd',
  'dt',
  'td',
  'div',
  'section',
  'article',
  'aside',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'figure',
  'header',
  'footer',
  'main',
  'body',
]);

/** The nearest block-level ancestor (a paragraph, list item, div…). */
function blockOf(a: Element): Element | null {
  for (let el = a.parentElement; el; el = el.parentElement) if (BLOCK_TAGS.has(el.localName)) return el;
  return null;
}

/** Text just before the link in its block (preceding siblings at the first level that has any), ≤ 80 characters. */
function textBefore(a: Element, block: Element): string {
  let out = '';
  for (let n: Node | null = a; n && n !== block && out.length < 80; n = n.parentNode) {
    for (let p = n.previousSibling; p && out.length < 80; p = p.previousSibling) out = (p.textContent ?? '') + out;
    if (out.trim()) break;
  }
  return collapse(out.slice(-80));
}

/** Characters of link text in a block (its links' text, each counted once). */
function linkedLength(block: Element, memo: Map<Element, number>): number {
  const hit = memo.get(block);
  if (hit !== undefined) return hit;
  let n = 0;
  const anchors = block.querySelectorAll('a');
  for (let i = 0; i < anchors.length; i++) n += collapse(anchors[i]!.textContent ?? '').length;
  memo.set(block, n);
  return n;
}

/**
 * Is the link an inline reference inside a paragraph of prose? Returns the "Read also" cue when
 * the paragraph, or the text right before the link, is a lead-in to it instead (such links are
 * related headlines). A line made of links ("More: <a>…</a> | <a>…</a>") is no prose either.
 */
function proseRole(
  a: Element,
  linkLen: number,
  memo: Map<Element, string | null>,
  linkedMemo: Map<Element, number>,
): { prose: boolean; cue: string | null } {
  const block = blockOf(a);
  if (!block || !PROSE_TAGS.has(block.localName)) return { prose: false, cue: null };
  let text = memo.get(block);
  if (text === undefined) {
    text = boundedText(block, 2000);
    memo.set(block, text);
  }
  const cue = text === null ? null : READ_ALSO.exec(text);
  if (cue) return { prose: false, cue: cue[1]!.trim() };
  const before = READ_ALSO_BEFORE.exec(textBefore(a, block));
  if (before) return { prose: false, cue: before[1]!.trim() };
  if (text === null) return { prose: true, cue: null };
  return { prose: linkLen < text.length * 0.7 && linkedLength(block, linkedMemo) < text.length * 0.7, cue: null };
}

/** Best image URL of a card: lazy-load attributes first (src is often a placeholder), then the largest srcset entry. */
function cardImage(card: Element, base: string): string | undefined {
  const img = (card.localName === 'img' ? [card] : subtree(card)).find(
    (e) =>
      e.localName === 'img' ||
      (e.localName === 'source' && e.hasAttribute('srcset')) ||
      e.hasAttribute('data-src') ||
      e.hasAttribute('data-bg') ||
      e.hasAttribute('data-background-image'),
  );
  if (!img) return undefined;
  const pick = (v: string | null): string | null => {
    if (!v || /^data:/i.test(v.trim())) return null;
    return v.trim();
  };
  const fromSrcset = (v: string | null): string | null => {
    if (!v) return null;
    let best: { url: string; w: number } | null = null;
    // "a.jpg 414w,b.jpg 828w": a comma ends an entry after its descriptor, even without a space.
    for (const m of v.matchAll(/\s*([^\s]+?)(?:\s+([\d.]+[wxh]))?\s*(?:,|$)/g)) {
      const u = m[1];
      const d = m[2];
      if (!u || /^data:/i.test(u)) continue;
      const w = d ? parseFloat(d) * (d.endsWith('x') ? 1000 : 1) : 0;
      if (!best || w > best.w) best = { url: u, w };
    }
    return best?.url ?? null;
  };
  const candidates = [
    pick(img.getAttribute('data-src')),
    pick(img.getAttribute('data-lazy-src')),
    pick(img.getAttribute('data-original')),
    fromSrcset(img.getAttribute('data-srcset')),
    fromSrcset(img.getAttribute('srcset')),
    pick(img.getAttribute('src')),
    pick(img.getAttribute('data-bg')),
    pick(img.getAttribute('data-background-image')),
  ];
  const found = candidates.find(
    (c) => c && !/(spacer|blank|placeholder|pixel|transparent|1x1)\.(gif|png|svg)/i.test(c),
  );
  if (!found) return undefined;
  try {
    return new URL(found, base).href;
  } catch {
    return undefined;
  }
}

/** Card time: a <time> or time-classed element in the card, else one in the link's own text. */
function cardTime(card: Element, text: LinkText, opts: CollectOptions): string | undefined {
  if (text.timeText || text.datetime) {
    const t = parseCardTime(text.timeText ?? '', text.datetime, opts.now, opts.offsetMinutes);
    if (t) return t;
  }
  const el = subtree(card).find((e) => e.localName === 'time' || /time|date|ago/i.test(e.getAttribute('class') ?? ''));
  if (!el) return undefined;
  return parseCardTime(el.textContent ?? '', el.getAttribute('datetime'), opts.now, opts.offsetMinutes) ?? undefined;
}

/** A card carries a "Sponsored"/"Anzeige" label of its own. */
function labelledSponsored(card: Element): boolean {
  for (const el of subtree(card)) {
    if (el.children.length > 1 || el.localName === 'a') continue;
    const t = (el.textContent ?? '').trim();
    if (t.length < 30 && SPONSORED_LABEL.test(t.replace(/[:·•|]+$/, '').trim())) return true;
  }
  return false;
}

/** Relatedlink/significantLink values from JSON-LD: url → name (or '' when only a URL is given). */
function jsonLdLinks(blocks: readonly JsonLdBlock[], base: string): Map<string, { url: string; name: string }> {
  const out = new Map<string, { url: string; name: string }>();
  const add = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (const x of v) add(x);
      return;
    }
    let url: string | null = null;
    let name = '';
    if (typeof v === 'string') url = v;
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      url = typeof o.url === 'string' ? o.url : typeof o['@id'] === 'string' ? (o['@id'] as string) : null;
      name = typeof o.headline === 'string' ? o.headline : typeof o.name === 'string' ? o.name : '';
    }
    if (!url) return;
    try {
      const u = new URL(url, base);
      out.set(normalizeUrl(u), { url: u.href, name });
    } catch {
      /* not a URL */
    }
  };
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'relatedLink' || k === 'significantLink') add(x);
      else if (typeof x === 'object') visit(x, depth + 1);
    }
  };
  // The text test first: few pages list related links, and walking every parsed block costs more.
  for (const b of blocks) if (/relatedLink|significantLink/.test(b.text)) visit(b.root, 0);
  return out;
}

/** Strips rank numbers ("1 ", "2. ") when a block's titles are numbered 1, 2, 3… in order. */
function stripRankNumbers(cands: Candidate[]): void {
  const byBlock = new Map<Element, Candidate[]>();
  for (const c of cands) {
    if (!c.block) continue;
    work();
    const list = byBlock.get(c.block);
    // Appended in place: copying the list for each new member made a block of N links N² steps.
    if (list) list.push(c);
    else byBlock.set(c.block, [c]);
  }
  for (const list of byBlock.values()) {
    const nums = list.map((c) => /^(\d{1,2})[.)]?\s+(?=\S)/.exec(c.title));
    if (list.length < 3 || nums.some((m) => !m)) continue;
    if (!nums.every((m, i) => Number(m![1]) === i + 1)) continue;
    list.forEach((c, i) => {
      c.title = c.title.slice(nums[i]![0].length);
    });
  }
}

export function collectCandidates(scan: Scan, opts: CollectOptions): Candidate[] {
  const related = jsonLdLinks(opts.jsonLd, opts.base);
  const links = linkResolver({
    base: opts.base,
    sisterDomains: opts.sisterDomains,
    self: opts.self,
    forced: related,
    hrefs: scan.anchors.map((a) => a.getAttribute('href') ?? ''),
  });
  const labels = headingLabels(scan.headings, (href) => {
    const url = links.parseHref(href);
    return url ? urlShape(url) : null;
  });
  const contextOf = blockContexts(labels, (el) => {
    const anchors = el.querySelectorAll('a');
    const keys = new Set<string>();
    for (let i = 0; i < anchors.length && keys.size < 3; i++) {
      const a = anchors[i]!;
      const href = a.getAttribute('href');
      const link = href ? links.linkOf(href) : null;
      if (link?.shape === 'article' && storyText(collapse(a.textContent ?? ''))) keys.add(link.key);
    }
    return keys.size;
  });
  const menuKeys = new Set<string>();
  const menuLabels = new Set<string>();
  const paidKeys = new Set<string>();
  const pending = pendingLinks(scan.anchors, links.linkOf, contextOf, opts, menuKeys, menuLabels, paidKeys);
  const out = withoutNonStories(candidatesOf(pending, opts), {
    sitePage: links.sitePage,
    offSite: links.offSite,
    menuKeys,
    menuLabels,
    paidKeys,
    self: opts.self,
    keyOf: (href) => links.linkOf(href)?.key ?? null,
    articleShaped: (href) => links.linkOf(href)?.shape === 'article',
  });
  completeCutTitles(out, scan.anchors, links.linkOf, opts.now);
  addJsonLdOnly(out, related, opts.self);
  stripRankNumbers(out);
  return out;
}

/**
 * Every anchor that may be a related headline, with its link, block context and "Read also" cue:
 * same site, story-shaped, not sponsored, not another language's version, not an inline link of prose.
 */
function pendingLinks(
  anchors: Element[],
  linkOf: (href: string) => Link | null,
  contextOf: (a: Element) => BlockContext,
  opts: CollectOptions,
  menuKeys: Set<string>,
  menuLabels: Set<string>,
  paidKeys: Set<string>,
): Pending[] {
  const pageLang = (opts.lang ?? '').toLowerCase().slice(0, 2);
  const inStoryList = storyLists(linkOf);
  const besideOwn = besideOwnStories(linkOf);
  const proseMemo = new Map<Element, string | null>();
  const linkedMemo = new Map<Element, number>();
  const pending: Pending[] = [];
  for (let i = 0; i < anchors.length; i++) {
    const a = anchors[i]!;
    const href = a.getAttribute('href');
    if (!href) continue;
    const link = linkOf(href);
    if (!link) continue;
    const { url, key, forced, shape } = link;
    if (link.otherForm && !besideOwn(a)) continue;
    if (a.getAttribute('rel')?.toLowerCase().includes('sponsored')) continue;
    // Language switchers link the same story in another language.
    const hreflang = a.getAttribute('hreflang') ?? a.getAttribute('lang');
    if (hreflang && pageLang && hreflang.toLowerCase().slice(0, 2) !== pageLang) continue;
    const ctx = contextOf(a);
    if (ctx.excluded) {
      menuKeys.add(key);
      if (menuLabel(a)) menuLabels.add(key);
    }
    if (ctx.sponsored) paidKeys.add(key);
    if (ctx.excluded || ctx.sponsored) continue;
    const list = (shape === 'maybe' || ctx.footer) && !forced && !ctx.related ? inStoryList(a) : null;
    // A short slug counts under a related heading, or in a story list beside stories of its URL form
    // (same host, same depth: "/sci-tech" beside "/sci-tech/a-story-1.4690347" is the section front).
    if (shape === 'maybe' && !forced && !ctx.related && !list?.forms.has(urlForm(url))) continue;
    // An article's footer holds its tags, sharing and credits, and may hold a related box or a story list.
    if (ctx.footer && !forced && !ctx.related && !list) continue;
    const text = linkText(a, opts.now);
    let cue = text.cue;
    if (text.title) {
      const role = proseRole(a, text.title.length, proseMemo, linkedMemo);
      // An inline link's text is a phrase of the sentence, not a headline, even when JSON-LD lists its URL
      // (the JSON-LD name, if any, is used instead below).
      if (role.prose) continue;
      cue ??= role.cue;
    }
    pending.push({ a, url, key, ctx, text, cue, order: i, forced });
  }
  return pending;
}

/**
 * Is the link an item of a list (ul/ol) that also holds one of the site's own stories? A sister
 * site on a system of its own (Vulture beside New York Magazine) shows as such in a shared list.
 */
function besideOwnStories(linkOf: (href: string) => Link | null): (a: Element) => boolean {
  const memo = new Map<Element, boolean>();
  return (a) => {
    const list = a.closest('ul, ol');
    if (!list) return false;
    let yes = memo.get(list);
    if (yes === undefined) {
      yes = false;
      const anchors = list.querySelectorAll('a[href]');
      for (let i = 0; i < anchors.length && !yes; i++) {
        const link = linkOf(anchors[i]!.getAttribute('href')!);
        yes = !!link && !link.sister && link.shape === 'article';
      }
      memo.set(list, yes);
    }
    return yes;
  };
}

/** A menu item's text is a page's short name ("Tabela Fipe", "Politics"): three words at most. */
const menuLabel = (a: Element): boolean => {
  const t = collapse(a.textContent ?? '');
  return t !== '' && t.split(' ').length <= 3;
};

/** A story's headline, not a menu's words or a "next article" label: 4 words or more (or CJK). */
const storyText = (text: string): boolean =>
  isHeadlineText(text) && (text.split(' ').length >= 4 || CJK_RUN.test(text));

/** A story list's URL forms (host and path depth) of its article-shaped stories. */
interface StoryList {
  forms: Set<string>;
}
const urlForm = (u: LinkUrl): string => `${u.hostname}|${u.pathname.split('/').filter(Boolean).length}`;

/** Links of a story list at least, and the share of its links they must be. */
const STORY_LIST_MIN = 3;
const STORY_LIST_SHARE = 2 / 3;
const LIST_LEVELS = 4;

/**
 * Is the link an item of a story list: the nearest ancestor (up to LIST_LEVELS up, not counting the
 * wrappers of the link's own card, which hold no other link target) with 3 or more
 * children, whose links are mostly the site's stories (article- or slug-shaped URLs) under
 * headline-length text (4 words or more, or CJK)? A menu's links are section words on short paths;
 * a list of headlines is one whatever its markup says (unlabelled, or in an article's footer).
 */
function storyLists(linkOf: (href: string) => Link | null): (a: Element) => StoryList | null {
  const memo = new Map<Element, StoryList | null>();
  const judge = (list: Element): StoryList | null => {
    const anchors = list.querySelectorAll('a');
    const stories = new Set<string>();
    const others = new Set<string>();
    const forms = new Set<string>();
    for (let i = 0; i < anchors.length; i++) {
      work();
      const a = anchors[i]!;
      const href = a.getAttribute('href');
      const text = collapse(a.textContent ?? '');
      if (!href || !text) continue;
      const link = linkOf(href);
      if (link && link.shape !== 'no' && storyText(text)) {
        stories.add(link.key);
        if (link.shape === 'article') forms.add(urlForm(link.url));
      } else others.add(href);
    }
    const ok = stories.size >= STORY_LIST_MIN && stories.size >= (stories.size + others.size) * STORY_LIST_SHARE;
    return ok ? { forms } : null;
  };
  // The one link target under an element, '' for none, null for several: a card's wrappers (image
  // box, text box, title heading) hold the one story and are no level of the list.
  const targets = new Map<Element, string | null>();
  const oneTarget = (el: Element): string | null => {
    let t = targets.get(el);
    if (t === undefined) {
      t = '';
      const anchors = el.querySelectorAll('a[href]');
      for (let i = 0; i < anchors.length && t !== null; i++) {
        const h = anchors[i]!.getAttribute('href')!;
        if (t === '') t = h;
        else if (h !== t) t = null;
      }
      targets.set(el, t);
    }
    return t;
  };
  return (a) => {
    const href = a.getAttribute('href');
    let el: Element | null = a.parentElement;
    for (let d = 0; d < LIST_LEVELS && el; el = el.parentElement) {
      if (el.childElementCount < STORY_LIST_MIN) {
        if (oneTarget(el) !== href) d++;
        continue;
      }
      let v = memo.get(el);
      if (v === undefined) {
        v = judge(el);
        memo.set(el, v);
      }
      return v;
    }
    return null;
  };
}

/** Each pending link with a headline text as a candidate, with its card's time and image. */
function candidatesOf(pending: Pending[], opts: CollectOptions): Candidate[] {
  // Cards: the largest ancestor (up to 5 levels) whose links all go to one story.
  const storiesUnder = new Map<Element, string | null>();
  for (const p of pending) {
    let el: Element | null = p.a;
    for (let d = 0; d < 6 && el; d++, el = el.parentElement) {
      const seen = storiesUnder.get(el);
      if (seen === undefined) storiesUnder.set(el, p.key);
      else if (seen !== p.key) storiesUnder.set(el, null);
    }
  }
  const cardOf = (a: Element): Element => {
    let card: Element = a;
    let el: Element | null = a.parentElement;
    for (
      let d = 1;
      d < 6 && el && storiesUnder.get(el) !== null && CARD_TAGS.has(el.localName);
      d++, el = el.parentElement
    )
      card = el;
    return card;
  };

  const out: Candidate[] = [];
  const imageOnly = new Map<string, string>();
  for (const p of pending) {
    const card = cardOf(p.a);
    if (labelledSponsored(card)) continue;
    if (!isHeadlineText(p.text.title)) {
      // An image-only link lends its picture to the same story's text link.
      const img = cardImage(p.a, opts.base);
      if (img && !p.text.title) imageOnly.set(p.key, img);
      continue;
    }
    const c: Candidate = {
      title: p.text.title,
      url: p.url.href,
      key: p.key,
      section: p.cue ?? p.ctx.label,
      block: p.cue ? blockOf(p.a) : p.ctx.labelEl,
      truncated: p.text.truncated,
      order: p.order,
      anchor: p.a,
    };
    if (p.text.fromAttribute) c.fromAttribute = true;
    const published = cardTime(card, p.text, opts);
    if (published) c.published = published;
    const image = cardImage(card, opts.base);
    if (image) c.image = image;
    out.push(c);
  }
  for (const c of out) if (!c.image && imageOnly.has(c.key)) c.image = imageOnly.get(c.key)!;
  return out;
}

/**
 * A title the site cut ("…") completed from another link to the same story that is no candidate
 * itself (a link in the article's text, in a block left out): its text or title attribute.
 */
function completeCutTitles(
  out: Candidate[],
  anchors: Element[],
  linkOf: (href: string) => Link | null,
  now: Date,
): void {
  const cut = new Set(out.filter((c) => c.truncated).map((c) => c.key));
  if (!cut.size) return;
  const texts = new Map<string, string[]>();
  for (const a of anchors) {
    const href = a.getAttribute('href');
    const key = href ? linkOf(href)?.key : undefined;
    if (!key || !cut.has(key)) continue;
    const list = texts.get(key) ?? [];
    list.push(a.textContent ?? '', a.getAttribute('title') ?? '');
    texts.set(key, list);
  }
  for (const c of out) if (c.truncated) Object.assign(c, completed(c, texts.get(c.key) ?? [], now));
}

/** JSON-LD entries the page lists by name only. */
function addJsonLdOnly(out: Candidate[], related: Map<string, { url: string; name: string }>, self: Set<string>): void {
  const present = new Set(out.map((c) => c.key));
  for (const [key, { url, name }] of related) {
    if (present.has(key) || self.has(key)) continue;
    const title = name.replace(/\s+/g, ' ').trim();
    if (!isHeadlineText(title)) continue;
    out.push({ title, url, key, section: null, block: null, truncated: false, order: Number.MAX_SAFE_INTEGER });
  }
}
