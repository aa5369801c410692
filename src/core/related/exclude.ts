/**
 * Links that pass as headlines one by one but that their place on the page shows are not stories:
 * - a directory: a list of single links where many are tags, section fronts or service pages (a
 *   footer's "popular topics / people / parties" lists), and every list beside such lists;
 * - a link among links to other sites (a blogroll or a widget of ads);
 * - a name among names: a short title in a list of people's or topics' names (a "people carousel");
 * - a section front: a link whose URL is the folder of the article's own URL or of other stories
 *   the page links ("Guide di base" above /guide-di-base/<story>…);
 * - a menu item: a short link whose URL the page's navigation or menus also link, or any link to a
 *   short-slug page they link under a short name ("Tabela Fipe": "/carros/tabela-fipe" under a long
 *   teaser);
 * - a promo: a newsletter sign-up page, a notice to phone a number, or a page the page also links
 *   from a paid box (a branded shopping guide repeated in a "Top picks" list), or one in the same
 *   deep folder as such a page.
 * Reads the DOM, never changes it.
 */
import type { Candidate } from './collect.js';
import { NEWSLETTER } from '../text/lexicon/newsletter.js';

interface ExcludeContext {
  /** A page of the same publication that is not a story (section front, tag, service page). */
  sitePage(href: string): boolean;
  /** A page of another site. */
  offSite(href: string): boolean;
  /** Normalised URLs linked from navigation, menus and other excluded regions. */
  menuKeys: ReadonlySet<string>;
  /** Those of menuKeys that a menu links under a short name (three words at most). */
  menuLabels: ReadonlySet<string>;
  /** Normalised URLs linked from a paid box (sponsored, branded, an ad slot): a promo wherever else it is linked. */
  paidKeys: ReadonlySet<string>;
  /** Normalised URLs of the article itself. */
  self: ReadonlySet<string>;
  /** A link's normalised URL when it may be a story, else null. */
  keyOf(href: string): string | null;
  /** The URL has a story's shape (a long slug, an id, a date), not only a short slug. */
  articleShaped(href: string): boolean;
}

/** A list item's distinct link targets (a card's image and title link count once). */
function itemHrefs(li: Element): Set<string> {
  const out = new Set<string>();
  for (const a of li.querySelectorAll('a[href]')) {
    const h = a.getAttribute('href')!;
    if (h && !h.startsWith('#')) out.add(h);
  }
  return out;
}

/** Share of a list's single-link items that link a non-story page; null when it is no list of single links. */
function directoryShare(list: Element, ctx: ExcludeContext): number | null {
  const items = [...list.querySelectorAll(':scope > li')];
  if (items.length < 4) return null;
  let pages = 0;
  for (const li of items) {
    const hrefs = itemHrefs(li);
    if (hrefs.size > 1) return null;
    const [href] = hrefs;
    if (href && ctx.sitePage(href)) pages++;
  }
  return pages / items.length;
}

const directoryItems = (list: Element): number => list.querySelectorAll(':scope > li').length;

/**
 * A link among links to other sites (a blogroll, a widget of ads and friends' sites): the nearest
 * ancestor, up to 4 levels, holding 5 or more link targets has at least 3 in 4 of them off-site.
 */
function amongOffSite(a: Element, ctx: ExcludeContext, memo: Map<Element, boolean | null>): boolean {
  let el = a.parentElement;
  for (let d = 0; d < 4 && el; d++, el = el.parentElement) {
    let yes = memo.get(el);
    if (yes === undefined) {
      const hrefs = itemHrefs(el);
      if (hrefs.size < 5) yes = null;
      else {
        let off = 0;
        for (const h of hrefs) if (ctx.offSite(h)) off++;
        yes = off * 4 >= hrefs.size * 3;
      }
      memo.set(el, yes);
    }
    if (yes !== null) return yes;
  }
  return false;
}

// Module level: the build lowers a `\p{…}` literal to `new RegExp()`, which in a function runs per call.
const CJK_RUN = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]{6}/u;
/** A name, not a headline: a few words, short, and no run of CJK text (a CJK headline has no spaces). */
const nameLike = (t: string, words: number): boolean => t.length <= 30 && wordCount(t) <= words && !CJK_RUN.test(t);

/**
 * A list of names (people, places, topics: "Autour de Jacques Chirac"): four or more single-link
 * items, most of them a name of at most three words linked to a page that is not story-shaped.
 */
function nameList(list: Element, ctx: ExcludeContext): boolean {
  const items = [...list.querySelectorAll(':scope > li')];
  if (items.length < 4) return false;
  let names = 0;
  for (const li of items) {
    const hrefs = itemHrefs(li);
    if (hrefs.size !== 1) return false;
    const [href] = hrefs;
    const text = (li.textContent ?? '').trim();
    if (text && nameLike(text, 3) && !ctx.articleShaped(href!)) names++;
  }
  return names * 3 >= items.length * 2;
}

/** Lists (ul/ol) holding candidates that are directories of topics, not lists of stories. */
function directoryLists(cands: Candidate[], ctx: ExcludeContext): Set<Element> {
  const lists = new Set<Element>();
  for (const c of cands) {
    const list = c.anchor?.closest('ul, ol');
    if (list) lists.add(list);
  }
  const memo = new Map<Element, boolean>();
  const isDirectory = (list: Element): boolean => {
    let yes = memo.get(list);
    if (yes === undefined) {
      const share = directoryShare(list, ctx);
      yes = share !== null && share >= 0.3 && share * directoryItems(list) >= 2;
      memo.set(list, yes);
    }
    return yes;
  };
  // Short titles (a topic's name, "PiS program wyborczy 2023"), not a list of headlines.
  const shortTitles = (list: Element): boolean => {
    const lens = cands.filter((c) => c.anchor && list.contains(c.anchor)).map((c) => c.title.length);
    lens.sort((a, b) => a - b);
    return lens.length > 0 && lens[Math.floor(lens.length / 2)]! <= 45;
  };
  const dirs = new Set<Element>();
  for (const list of lists) {
    if (isDirectory(list)) {
      dirs.add(list);
      continue;
    }
    if (!shortTitles(list)) continue;
    // A list among directories (the same footer grid, up to two levels up) is one of them.
    for (let up = list.parentElement, d = 0; up && d < 2; up = up.parentElement, d++) {
      const siblings = [...up.querySelectorAll('ul, ol')].filter((l) => !l.parentElement?.closest('li'));
      if (siblings.length < 3 || siblings.length > 40) continue;
      const known = siblings.filter(isDirectory).length;
      if (known >= 3 && known * 3 >= siblings.length * 2) {
        dirs.add(list);
        break;
      }
    }
  }
  return dirs;
}

/**
 * A notice asking the reader to phone ("Si desea recibir el diario en su casa, llame al 425-0101"):
 * a service's or a subscription's offer, not a story. Languages: en, es, fr, pt, it, de.
 */
const CALL_US =
  /\b(call|llame|llamá|llamar|appelez|ligue|chiami|chiamate|rufen sie)\b[^.]{0,20}?\d{2,4}[-. ]\d{3,4}\b/i;

const wordCount = (t: string): number => t.split(/\s+/).filter(Boolean).length;

/**
 * A row of short labels beside a story ("Regions · North Kazakhstan region" under a teaser): the
 * link's parent holds other links, each of at most three words, and one of them is a label that is
 * no candidate at all (a section's name). A story's image link (no text) is no label.
 */
function inLabelRow(c: Candidate, keys: ReadonlySet<string>, ctx: ExcludeContext): boolean {
  const row = c.anchor?.parentElement;
  if (!row) return false;
  const links = [...row.querySelectorAll('a[href]')];
  if (links.length < 2 || links.length > 6) return false;
  let label = false;
  for (const a of links) {
    const text = (a.textContent ?? '').trim();
    if (!text) continue;
    if (wordCount(text) > 3) return false;
    const href = a.getAttribute('href')!;
    if (!keys.has(ctx.keyOf(href) ?? '')) label = true;
  }
  return label;
}

/** The candidates that are stories: directories, section fronts, menu items and promos left out. */
export function withoutNonStories(cands: Candidate[], ctx: ExcludeContext): Candidate[] {
  const dirs = directoryLists(cands, ctx);
  // How many candidates each folder holds ("site/guides" → 3), and the article's own folders.
  const under = new Map<string, number>();
  const foldersOf = (key: string, add: (folder: string) => void): void => {
    for (let i = key.indexOf('/'); i > 0; i = key.indexOf('/', i + 1)) add(key.slice(0, i));
  };
  for (const key of new Set(cands.map((c) => c.key))) foldersOf(key, (f) => under.set(f, (under.get(f) ?? 0) + 1));
  const ownFolders = new Set<string>();
  for (const own of ctx.self) foldersOf(own, (f) => ownFolders.add(f));
  const folderOfStories = (key: string): boolean => ownFolders.has(key) || (under.get(key) ?? 0) >= 2;
  const keys = new Set(cands.map((c) => c.key));
  // Paid content lives in a folder of its own ("site/reviews/br/holiday-br"): a folder three or more
  // levels deep, without dates or ids, of a page linked from a paid box holds promos only.
  const paidFolders = new Set<string>();
  for (const key of ctx.paidKeys) {
    const folder = key.slice(0, key.lastIndexOf('/'));
    if (folder.split('/').length >= 4 && !/\d/.test(folder.slice(folder.indexOf('/')))) paidFolders.add(folder);
  }
  const paid = (key: string): boolean =>
    ctx.paidKeys.has(key) || (paidFolders.size > 0 && paidFolders.has(key.slice(0, key.lastIndexOf('/'))));
  const names = new Map<Element, boolean>();
  const inNameList = (list: Element): boolean => {
    let yes = names.get(list);
    if (yes === undefined) {
      yes = nameList(list, ctx);
      names.set(list, yes);
    }
    return yes;
  };
  const offSiteMemo = new Map<Element, boolean | null>();
  const nonStory = (c: Candidate): boolean => {
    const list = c.anchor?.closest('ul, ol');
    return (
      (!!c.anchor && amongOffSite(c.anchor, ctx, offSiteMemo)) ||
      (!!list && dirs.has(list)) ||
      (!!list && nameLike(c.title, 4) && inNameList(list)) ||
      folderOfStories(c.key) ||
      (ctx.menuKeys.has(c.key) && wordCount(c.title) <= 4) ||
      (ctx.menuLabels.has(c.key) && !ctx.articleShaped(c.url)) ||
      paid(c.key) ||
      (NEWSLETTER.test(c.title) && wordCount(c.title) <= 5) ||
      CALL_US.test(c.title) ||
      (wordCount(c.title) <= 3 && inLabelRow(c, keys, ctx))
    );
  };
  return cands.filter((c) => !nonStory(c));
}
