/**
 * Headline text of a link, cleaned: the visible title only, without screen-reader-only text, SVG
 * titles, image alts, teaser paragraphs, card times ("2 minutes ago...", "13m ago"), rank numbers,
 * kicker labels ("Plus-Artikel:", "LIVE", "Video"), "Read also:" lead-ins, trailing ellipses, and
 * text doubled by a caption or alt repeating the link text ("Over 1,000 Birds Die In India Over
 * 1,000 Birds Die In India"). Reads the DOM, never changes it.
 */
import { GENERIC_LINK_TEXT, KICKER_LABEL, KICKER_WORD, SERVICE_LINK_TEXT } from '../text/lexicon/headings.js';
import { READ_ALSO } from '../text/lexicon/read-also.js';
import { isTimeText } from './time.js';

export interface LinkText {
  /** The cleaned headline ('' when the link has none). */
  title: string;
  /** A time shown inside the link, for `published`. */
  timeText: string | null;
  datetime: string | null;
  /** The "Read also"-style cue the text began with, if any (becomes the section). */
  cue: string | null;
  /** The text looked cut off (it ended in an ellipsis): a longer duplicate is a better title. */
  truncated: boolean;
  /**
   * The link shows no text: the title is its `title`/`aria-label` attribute, which may hold an older
   * headline than the page shows; a visible headline of the same story is preferred.
   */
  fromAttribute: boolean;
}

const SKIP_TAGS = new Set([
  'svg',
  'script',
  'style',
  'noscript',
  'template',
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'button',
  'select',
  'input',
  'textarea',
  'figcaption',
]);
const BLOCK_TAGS = new Set([
  'div',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'header',
  'footer',
  'section',
  'article',
  'figure',
  'br',
  'dt',
  'dd',
  'span',
]);

/** Class/id tokens of text hidden from sight (kept for screen readers) or from everyone. */
const HIDDEN_WORDS = [
  ...['sr-only', 'sr_only', 'screen-?reader(-text|-only)?', 'visually-?hidden', 'visuallyhidden', 'u-visually-hidden'],
  ...['a11y(-hidden|-only)?', 'offscreen', 'off-screen', 'hidden', 'hide', 'is-hidden', 'element-invisible'],
  ...['assistive-text', 'show-for-sr', 'clip', 'clipped'],
];
const HIDDEN_TOKEN = new RegExp(`^(${HIDDEN_WORDS.join('|')})$|(-sr-only|visually-?hidden|visuallyhidden)$`);
const TIME_TOKEN = /(^|[_-])(time|date|timestamp|ago|datetime|published|pubdate|zeit|datum|fecha|heure|hora)$/;
const KICKER_WORDS = [
  ...['kicker', 'label', 'badge', 'flag', 'eyebrow', 'overline', 'topline', 'dachzeile', 'roofline', 'rubric'],
  ...[
    'rubrique',
    'category',
    'section',
    'pretitle',
    'supertitle',
    'overtitle',
    'pill',
    'chip',
    'tag',
    'genre',
    'marker',
  ],
];
const KICKER_TOKEN = new RegExp(`(^|[_-])(${KICKER_WORDS.join('|')})$`);
const RANK_TOKEN = /(^|[_-])(rank|ranking|number|num|count|counter|position|index|order|no|nr)$/;
const TEASER_WORDS = [
  ...['summary', 'teaser-text', 'desc', 'description', 'dek', 'excerpt', 'standfirst', 'lede', 'spot', 'intro'],
  ...['abstract', 'snippet', 'trail-?text', 'subtitle', 'sub-title', 'byline', 'author'],
];
const TEASER_TOKEN = new RegExp(`(^|[_-])(${TEASER_WORDS.join('|')})$`);
const TITLE_TOKEN = /(^|[_-])(title|headline|heading|hed|titel|titre|titular|titolo)$/;

function tokens(el: Element): string[] {
  const c = `${el.getAttribute('class') ?? ''} ${el.id}`.toLowerCase().trim();
  return c ? c.split(/\s+/) : [];
}

function hiddenByStyle(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

interface Parts {
  title: string[];
  main: string[];
  ariaHidden: string[];
  kicker: string[];
  time: string[];
  datetime: string | null;
  titleEl: Element | null;
}

function walk(node: Node, parts: Parts, into: 'main' | 'title' | 'ariaHidden'): void {
  for (let child = node.firstChild; child; child = child.nextSibling) walkChild(child, parts, into);
}

function walkChild(child: Node, parts: Parts, into: 'main' | 'title' | 'ariaHidden'): void {
  if (child.nodeType === 3) {
    parts[into].push((child as Text).data);
    return;
  }
  if (child.nodeType !== 1) return;
  const el = child as Element;
  const tag = el.localName;
  if (SKIP_TAGS.has(tag) || hiddenByStyle(el)) return;
  const tk = tokens(el);
  if (tk.some((t) => HIDDEN_TOKEN.test(t))) return;
  const block = BLOCK_TAGS.has(tag);
  if (block) parts[into].push(' ');
  if (tag === 'time' || tk.some((t) => TIME_TOKEN.test(t))) {
    parts.time.push(el.textContent ?? '');
    parts.datetime ??= el.getAttribute('datetime');
    return;
  }
  const own = (el.textContent ?? '').trim();
  // Rank numbers ("1", "#2", "03.") in their own element.
  if (/^#?\d{1,3}\.?$/.test(own) && (tk.some((t) => RANK_TOKEN.test(t)) || own.length <= 3)) return;
  if (tk.some((t) => TEASER_TOKEN.test(t)) && !tk.some((t) => TITLE_TOKEN.test(t))) return;
  if (into !== 'title' && (/^h[1-6]$/.test(tag) || tk.some((t) => TITLE_TOKEN.test(t)))) {
    parts.titleEl ??= el;
    walk(el, parts, 'title');
    if (block) parts.title.push(' ');
    return;
  }
  // A kicker in its own element: by class, or by being nothing but a label word ("En direct", "有料記事").
  if (
    (tk.some((t) => KICKER_TOKEN.test(t)) && own.length < 60) ||
    (own.length < 30 && KICKER_WORD.test(own.replace(/[:|]$/, '').trim()))
  ) {
    parts.kicker.push(own);
    return;
  }
  if (el.getAttribute('aria-hidden') === 'true') {
    walk(el, parts, 'ariaHidden');
    return;
  }
  walk(el, parts, into);
  if (block) parts[into].push(' ');
}

const newParts = (): Parts => ({
  title: [],
  main: [],
  ariaHidden: [],
  kicker: [],
  time: [],
  datetime: null,
  titleEl: null,
});

/**
 * A kicker without a telling class (Spiegel's Dachzeile: <span>Bahnstreik</span> <span>Headline</span>):
 * when the headline is made only of element children, the first is short (≤ 4 words) and the rest
 * reads as a headline, the first is a kicker. Bare text beside an element (<em>Macbeth</em> returns…)
 * is one sentence and stays whole.
 */
function withoutUnmarkedKicker(container: Element): string | null {
  if (container.children.length < 2) return null;
  const chunks: string[] = [];
  for (let c = container.firstChild; c; c = c.nextSibling) {
    const p = newParts();
    walkChild(c, p, 'main');
    const text = squash([...p.title, ...p.main].join(''));
    if (!text) continue;
    if (c.nodeType !== 1) return null;
    chunks.push(text);
  }
  if (chunks.length < 2) return null;
  const first = chunks[0]!;
  const rest = chunks.slice(1).join(' ');
  if (first.length > 40 || first.split(' ').length > 4 || /[.!?]$/.test(first)) return null;
  return rest.split(' ').length >= 3 || rest.length >= 15 ? rest : null;
}

// Ideographic spaces (U+3000) separate Japanese headline parts on purpose: kept.
const squash = (s: string): string =>
  s.replace(/[\t\n\r\f \u00a0\u1680\u2000-\u200b\u200e\u200f\u2028\u2029\u202f\u205f\ufeff]+/g, ' ').trim();

/** X + X (an image alt or caption repeating the link text) → X. */
export function undouble(text: string): string {
  const n = text.length;
  if (n < 8) return text;
  if (n % 2 === 0 && text.slice(0, n / 2) === text.slice(n / 2)) return text.slice(0, n / 2).trim();
  const h = (n - 1) / 2;
  if (Number.isInteger(h) && /\s/.test(text[h]!) && text.slice(0, h) === text.slice(h + 1)) return text.slice(0, h);
  return text;
}

const RELATIVE_WORDS = /\bago\b|\bvor\b|il y a|\bhace\b|\bfa\b|前|منذ|לפני|назад|önce|just now|gerade eben/i;
const CJK_TRAILING_TIME = /\s*(\d+\s*(秒|分|時間|日|分钟|小时|天)前|\d{1,2}:\d{2})\s*$/;

/** Removes a card time at the end (always when relative, after a separator when absolute) or start. */
function stripTimes(text: string, now: Date): { text: string; time: string | null } {
  const words = text.split(' ');
  for (let k = Math.max(1, words.length - 8); k < words.length; k++) {
    const tail = words.slice(k).join(' ');
    if (!/\d|just|gerade|yesterday|gestern|hier|ayer/i.test(tail) || !isTimeText(tail, now)) continue;
    const head = words.slice(0, k).join(' ');
    const separated = /[|·•–—]\s*$/.test(head);
    if (RELATIVE_WORDS.test(tail) || separated) return { text: head.replace(/\s*[|·•–—]\s*$/, ''), time: tail };
  }
  const cjk = CJK_TRAILING_TIME.exec(text);
  if (cjk && cjk.index > 0 && RELATIVE_WORDS.test(cjk[0]))
    return { text: text.slice(0, cjk.index), time: cjk[0].trim() };
  for (let k = Math.min(6, words.length - 1); k >= 1; k--) {
    const lead = words.slice(0, k).join(' ');
    if (
      /\d/.test(lead) &&
      isTimeText(lead.replace(/\s*[|·•–—:]\s*$/, ''), now) &&
      (RELATIVE_WORDS.test(lead) || /[|·•–—:]$/.test(lead) || /[|·•–—]/.test(words[k] ?? ''))
    ) {
      return {
        text: words
          .slice(k)
          .join(' ')
          .replace(/^[|·•–—:]\s*/, ''),
        time: lead,
      };
    }
  }
  return { text, time: null };
}

/** Cleans a headline text; `now` tells times ("2 minutes ago") from headline words. */
export function cleanTitleText(raw: string, now: Date): Omit<LinkText, 'datetime' | 'fromAttribute'> {
  let text = squash(raw);
  let timeText: string | null = null;
  let cue: string | null = null;
  let truncated = false;
  for (let round = 0; round < 3; round++) {
    const before = text;
    const t = stripTimes(text, now);
    if (t.time) {
      text = t.text;
      timeText ??= t.time;
    }
    // "...", "…" and the two-dot ".." some sites (Korean portals) cut titles with.
    if (/(\.{2,}|…)$/.test(text)) {
      text = text.replace(/\s*(\.{2,}|…)+$/, '');
      truncated = true;
    }
    text = undouble(text);
    const r = READ_ALSO.exec(text);
    if (r && text.length - r[0].length > 10) {
      cue ??= r[1]!.trim();
      text = text.slice(r[0].length);
    }
    const k = KICKER_LABEL.exec(text);
    if (k && text.length - k[0].length > 10) text = text.slice(k[0].length);
    text = undouble(text.replace(/^[\s|·•:–—-]+|[\s|·•:–—-]+$/g, ''));
    // A trailing "»"/"›" with no opening guillemet is a link arrow, not a closing quote.
    if (/\s[»›]$/.test(text) && !/[«‹]/.test(text)) text = text.slice(0, -1).trimEnd();
    if (text === before) break;
  }
  return { title: text, timeText, cue, truncated: truncated && !timeText };
}

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const cutKey = (s: string): string => s.toLowerCase().replace(NOT_LETTER_OR_DIGIT, '');

/**
 * A title the site cut ("Minister hit by car in…") completed from a longer text of the same story
 * that begins with it (the link's title attribute, another link to the story). Only such a text:
 * a title attribute that says something else may be an older headline, and the visible one wins.
 */
export function completed<T extends { title: string; truncated: boolean }>(
  cut: T,
  others: readonly string[],
  now: Date,
): T {
  const head = cutKey(cut.title);
  if (!head) return cut;
  let best: string | null = null;
  for (const raw of others) {
    const full = cleanTitleText(raw, now);
    if (full.truncated || full.title.length <= cut.title.length) continue;
    if (!cutKey(full.title).startsWith(head)) continue;
    if (!best || full.title.length > best.length) best = full.title;
  }
  return best ? { ...cut, title: best, truncated: false } : cut;
}

/** The headline of a link element: its visible title text, cleaned. */
export function linkText(a: Element, now: Date): LinkText {
  const parts = newParts();
  walk(a, parts, 'main');
  let raw = squash(parts.title.join(''));
  if (!raw) raw = squash(parts.main.join(''));
  if (raw) raw = withoutUnmarkedKicker(parts.titleEl ?? a) ?? raw;
  if (!raw) raw = squash(parts.ariaHidden.join(''));
  // A link that is all kicker is a headline with a misleading class; use it.
  if (!raw && parts.kicker.length) raw = squash(parts.kicker.join(' '));
  const attr = squash(a.getAttribute('title') ?? a.getAttribute('aria-label') ?? '');
  const fromAttribute = !raw && !!attr;
  if (!raw) raw = attr;
  let cleaned = cleanTitleText(raw, now);
  if (cleaned.truncated && attr && !fromAttribute) cleaned = completed(cleaned, [attr], now);
  const kickerTime = parts.kicker.find((k) => isTimeText(k, now)) ?? null;
  return {
    ...cleaned,
    fromAttribute,
    timeText: parts.time.map(squash).find(Boolean) ?? kickerTime ?? cleaned.timeText,
    datetime: parts.datetime,
  };
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
// Module level: the build lowers a `\p{…}` literal to `new RegExp()`, which in a function runs per call.
const LETTER_OR_DIGIT = /\p{L}|\d/u;

/** Does a cleaned text read like a headline (not "Read more", "HOME PAGE", a #tag, a sentence-long teaser)? */
export function isHeadlineText(title: string): boolean {
  if (title.length < 8 || title.length > 300 || GENERIC_LINK_TEXT.test(title) || KICKER_WORD.test(title)) return false;
  if (SERVICE_LINK_TEXT.test(title)) return false;
  // "#Agriculture": a hashtag is a tag page's name.
  if (title.startsWith('#')) return false;
  const cjk = title.match(CJK)?.length ?? 0;
  if (cjk >= 6) return true;
  const words = title.split(/\s+/).filter((w) => LETTER_OR_DIGIT.test(w));
  if (words.length > 40) return false;
  return words.length >= 3 || (words.length === 2 && title.length >= 18);
}
