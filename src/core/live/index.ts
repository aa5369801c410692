/**
 * The live-blog stage (issue #20): a page that is a running timeline of dated entries ("live updates",
 * "Liveticker", "en direct") comes back as a typed list of entries, each with its time, so the reader
 * can show a timeline instead of a body whose timestamps Readability dropped.
 *
 * Two sources, read from the live page (never changed):
 * - JSON-LD: a `LiveBlogPosting` with `liveBlogUpdate` entries (headline, datePublished, articleBody);
 * - markup (markup.ts): three or more sibling containers of one kind, each with its own timestamp and
 *   running text, under a container the page marks as live (class/id "live", "ticker", "liveblog"),
 *   or any such run when the JSON-LD says LiveBlogPosting.
 * The markup wins when it has entries (it carries the pictures and links the JSON-LD text lacks); its
 * entries borrow a JSON-LD time or headline when they have none of their own.
 *
 * Contract: null unless at least two entries (three from markup alone) were found; entries in the
 * page's own order; `time` is the publisher's wall clock (Dateline rules: never converted, offset only
 * when stated), `printed` the time as the page prints it; `content` has been through the sanitizer.
 */
import type { LiveBlog, LiveEntry } from '../types.js';
import type { PageRead } from '../page/read-page.js';
import { textOf, typesOf, type JsonLdNode } from '../page/page-meta.js';
import { sanitizeHtml } from '../sanitize.js';
import { findMarkupEntries } from './markup.js';
import { machineTime } from './time.js';

const MAX_ENTRIES = 200;

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain articleBody text as paragraphs (blank lines, or single newlines when there are no blank lines). */
function textToHtml(text: string): string {
  const paras = text.split(/\n\s*\n/).length > 1 ? text.split(/\n\s*\n/) : text.split(/\n/);
  return paras
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeText(p)}</p>`)
    .join('');
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v == null ? [] : [v];
}

/** The page's LiveBlogPosting node, if it declares one. */
function liveNode(page: PageRead): JsonLdNode | null {
  return page.jsonLd.find((n) => typesOf(n).includes('LiveBlogPosting')) ?? null;
}

function jsonLdEntries(node: JsonLdNode, page: PageRead): LiveEntry[] {
  const out: LiveEntry[] = [];
  for (const raw of asList(node.liveBlogUpdate)) {
    if (!raw || typeof raw !== 'object') continue;
    const u = raw as JsonLdNode;
    const body = typeof u.articleBody === 'string' ? u.articleBody : (textOf(u.text) ?? textOf(u.description) ?? '');
    const title = textOf(u.headline) ?? textOf(u.name);
    const stamp = typeof u.datePublished === 'string' ? u.datePublished : textOf(u.dateCreated);
    const time = stamp ? machineTime(stamp) : null;
    if (!body.trim() && !title) continue;
    out.push({
      time,
      printed: null,
      title: title && title !== body.trim() ? title : null,
      content: sanitizeHtml(textToHtml(body), page.doc),
    });
  }
  return out;
}

const squash = (s: string | null): string => (s ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Markup entries without a time or title borrow them from the JSON-LD entry with the same headline or time. */
function borrow(entries: LiveEntry[], ld: LiveEntry[]): LiveEntry[] {
  if (!ld.length) return entries;
  const byTitle = new Map(ld.filter((e) => e.title).map((e) => [squash(e.title), e]));
  return entries.map((e, i) => {
    const twin = (e.title ? byTitle.get(squash(e.title)) : undefined) ?? (ld.length === entries.length ? ld[i] : null);
    if (!twin) return e;
    return { ...e, time: e.time ?? twin.time, title: e.title ?? twin.title };
  });
}

export function findLiveBlog(page: PageRead): LiveBlog | null {
  const node = liveNode(page);
  const ld = node ? jsonLdEntries(node, page) : [];
  const markup = findMarkupEntries(page.doc, { declared: node !== null });
  if (markup.length >= (node ? 2 : 3)) {
    return { source: node ? 'json-ld+markup' : 'markup', entries: borrow(markup, ld).slice(0, MAX_ENTRIES) };
  }
  if (ld.length >= 2) return { source: 'json-ld', entries: ld.slice(0, MAX_ENTRIES) };
  return null;
}
