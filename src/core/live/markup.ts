/**
 * Live-blog entries read from the markup: the class of page where every update is a container of one
 * kind (Guardian `div.block`, BBC `li.lx-stream__post`, WordPress live plugins, German "Liveticker"
 * items) holding its own timestamp, often a heading, and running text.
 *
 * A run of entries is: the children of one parent that share a kind (tag and first class), three or
 * more of which each hold a timestamp (`<time>`, `data-timestamp`, or a "time"-classed element
 * printing a clock time) and running text of their own (not a teaser list of dated links). It counts
 * as a live blog only when the page says so: a LiveBlogPosting in the JSON-LD, or a class or id
 * naming it live ("live", "liveblog", "liveticker", "live-update") on the entries, their parent or an
 * ancestor below <body>. Comment threads, sidebars, navigation and teaser rails never count.
 */
import type { LiveEntry } from '../types.js';
import { sanitizeHtml } from '../sanitize.js';
import { machineTime } from './time.js';

const STAMP_SELECTOR = 'time, [data-timestamp], [class*="time"], [class*="Time"]';
/** A clock time as pages print it: "14:05", "9.30am", "14h05", "2:05 PM". */
const CLOCK = /^\D{0,20}\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?\b/i;
/** A class/id word that names a live blog. */
const LIVE_WORD = /^(?:live|liveblog|liveticker|livestream|liveupdates?|ticker|minute)$/i;
/** Containers whose dated items are not a live blog. */
const NOT_LIVE =
  /comment|reply|disqus|review|related|teaser|recirc|popular|most-?read|sidebar|promo|newsletter|footer/i;
const MIN_TEXT = 40;
const MAX_DEPTH = 10;

function words(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.id}`.split(/[\s_-]+/).filter(Boolean);
}

function namesLive(el: Element): boolean {
  return words(el).some((w) => LIVE_WORD.test(w));
}

function notLive(el: Element): boolean {
  return NOT_LIVE.test(`${el.getAttribute('class') ?? ''} ${el.id}`) || /^(?:nav|aside|footer)$/.test(el.localName);
}

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Is this element a timestamp? `<time>`, a data-timestamp, or a "time"-classed element printing a clock. */
function isStamp(el: Element): boolean {
  if (el.localName === 'time' || el.hasAttribute('data-timestamp')) return true;
  const text = norm(el.textContent);
  return text.length <= 40 && CLOCK.test(text) && !el.querySelector('p, div, li');
}

function kindOf(el: Element): string {
  return `${el.localName}.${(el.getAttribute('class') ?? '').trim().split(/\s+/)[0] ?? ''}`;
}

interface Run {
  parent: Element;
  kind: string;
}

/** How many children of each kind a parent holds: counted once per parent, however many stamps it holds. */
type KindCounts = Map<Element, Map<string, number>>;

function kindsIn(parent: Element, counts: KindCounts): Map<string, number> {
  let kinds = counts.get(parent);
  if (!kinds) {
    kinds = new Map();
    // Sibling pointers, not parent.children: a live collection is walked in quadratic time by jsdom.
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      const k = kindOf(c);
      kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    counts.set(parent, kinds);
  }
  return kinds;
}

/** The run a stamp belongs to: the nearest ancestor whose parent holds three or more siblings of its kind. */
function runOf(stamp: Element, body: Element, counts: KindCounts): Run | null {
  let el: Element = stamp;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const parent = el.parentElement;
    if (!parent || parent === body) return null;
    const kind = kindOf(el);
    if (el !== stamp && (kindsIn(parent, counts).get(kind) ?? 0) >= 3) return { parent, kind };
    el = parent;
  }
  return null;
}

/** The element's index among its parent's element children. */
function childIndex(el: Element): number {
  let i = 0;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) i++;
  return i;
}

function linkText(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += norm(a.textContent).length;
  return n;
}

/** The entry's heading: its first h2–h6, or a short "title"/"headline"-classed element. */
function headingOf(entry: Element): Element | null {
  const h = entry.querySelector('h1, h2, h3, h4, h5, h6');
  if (h && norm(h.textContent)) return h;
  for (const el of Array.from(entry.querySelectorAll('[class*="title"], [class*="headline"]'))) {
    const t = norm(el.textContent);
    if (t && t.length <= 200 && !el.querySelector('p')) return el;
  }
  return null;
}

function readEntry(entry: Element, stamp: Element, doc: Document): LiveEntry {
  const heading = headingOf(entry);
  const raw = stamp.getAttribute('datetime') ?? stamp.getAttribute('data-timestamp');
  const printed = norm(stamp.textContent);
  // A detached copy: the live page is never changed.
  const copy = entry.cloneNode(true) as Element;
  const pathTo = (target: Element): number[] => {
    const path: number[] = [];
    for (let el: Element = target; el !== entry; el = el.parentElement!) path.unshift(childIndex(el));
    return path;
  };
  const find = (path: number[]): Element | null =>
    path.reduce<Element | null>((el, i) => el?.children[i] ?? null, copy);
  const copyStamp = find(pathTo(stamp));
  const copyHeading = heading && heading !== entry ? find(pathTo(heading)) : null;
  for (const el of Array.from(copy.querySelectorAll('script, style, button, form, [class*="share"]'))) el.remove();
  for (const el of [copyStamp, copyHeading]) {
    // The stamp and heading are shown in their own places; wrappers they leave empty go with them.
    let gone: Element | null = el;
    while (gone && gone !== copy) {
      const parent: Element | null = gone.parentElement;
      gone.remove();
      gone = parent && parent !== copy && !norm(parent.textContent) && !parent.querySelector('img') ? parent : null;
    }
  }
  return {
    time: raw ? machineTime(raw) : null,
    printed: printed && printed.length <= 60 ? printed : null,
    title: heading ? norm(heading.textContent) || null : null,
    content: sanitizeHtml(copy.innerHTML, doc),
  };
}

function declaredLive(run: Run, entries: Element[], body: Element): boolean {
  if (entries.some(namesLive)) return true;
  for (let el: Element | null = run.parent; el && el !== body; el = el.parentElement) if (namesLive(el)) return true;
  return false;
}

function excluded(run: Run, body: Element): boolean {
  for (let el: Element | null = run.parent; el && el !== body; el = el.parentElement) if (notLive(el)) return true;
  return false;
}

export function findMarkupEntries(doc: Document, opts: { declared: boolean }): LiveEntry[] {
  const body = doc.body;
  if (!body) return [];
  const runs = new Map<Element, Map<string, Map<Element, Element>>>();
  const counts: KindCounts = new Map();
  for (const stamp of Array.from(body.querySelectorAll(STAMP_SELECTOR))) {
    if (!isStamp(stamp)) continue;
    const run = runOf(stamp, body, counts);
    if (!run) continue;
    let entry: Element = stamp;
    while (entry.parentElement !== run.parent) entry = entry.parentElement!;
    const kinds = runs.get(run.parent) ?? new Map<string, Map<Element, Element>>();
    runs.set(run.parent, kinds);
    const stamps = kinds.get(run.kind) ?? new Map<Element, Element>();
    kinds.set(run.kind, stamps);
    if (!stamps.has(entry)) stamps.set(entry, stamp);
  }
  let best: Array<[Element, Element]> = [];
  for (const [parent, kinds] of runs) {
    for (const [kind, stamps] of kinds) {
      const run = { parent, kind };
      const entries = [...stamps.keys()];
      if (entries.length < 3 || entries.length <= best.length || excluded(run, body)) continue;
      if (entries.some(notLive)) continue;
      // Running text of their own, not a list of dated links (a teaser rail, a news ticker).
      const texts = entries.map((e) => {
        const all = norm(e.textContent).length;
        const links = linkText(e);
        return { rest: all - links - norm(stamps.get(e)!.textContent).length, all, links };
      });
      const withText = texts.filter((t) => t.rest >= MIN_TEXT).length;
      const links = texts.reduce((n, t) => n + t.links, 0);
      const total = texts.reduce((n, t) => n + t.all, 0);
      if (withText < Math.max(3, entries.length * 0.6) || links > total * 0.5) continue;
      if (!opts.declared && !declaredLive(run, entries, body)) continue;
      best = entries.map((e) => [e, stamps.get(e)!]);
    }
  }
  return best.map(([entry, stamp]) => readEntry(entry, stamp, doc));
}
