/**
 * What the list shows, as a pure function of the saved summaries and the user's choices: sort by
 * saved or published date (newest first), filter by site, language, date range and read state,
 * then — when there is a search — keep search hits only, title hits first. No DOM: unit-tested.
 */
import type { ArticleSummary } from '../store/record.js';
import type { SearchHit } from '../store/search-index.js';

export type SortKey = 'saved' | 'published';

export interface ListQuery {
  sort: SortKey;
  /** '' = every site. */
  site: string;
  /** '' = every language; languages compare by their primary subtag ("en-GB" is "en"). */
  lang: string;
  /** Inclusive date range on the sort's date, as YYYY-MM-DD in the reader's time zone ('' = open). */
  from: string;
  to: string;
  read: 'all' | 'unread' | 'read';
}

export const DEFAULT_QUERY: ListQuery = { sort: 'saved', site: '', lang: '', from: '', to: '', read: 'all' };

export function primaryLang(lang: string | null): string {
  return (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
}

export function dateOf(a: ArticleSummary, sort: SortKey): number | null {
  return sort === 'saved' ? a.savedAt : a.publishedAt;
}

/** Local midnight of a YYYY-MM-DD day (the date inputs speak the reader's calendar). */
function dayStart(day: string): number | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : null;
}

export function applyQuery(
  all: readonly ArticleSummary[],
  q: ListQuery,
  hits: readonly SearchHit[] | null,
): ArticleSummary[] {
  const from = q.from ? dayStart(q.from) : null;
  const toStart = q.to ? dayStart(q.to) : null;
  const to = toStart === null ? null : toStart + 24 * 3600 * 1000;
  const lang = q.lang.toLowerCase();
  const keep = (a: ArticleSummary): boolean => {
    if (q.site && a.site !== q.site) return false;
    if (lang && primaryLang(a.lang) !== lang) return false;
    if (q.read === 'unread' && a.read) return false;
    if (q.read === 'read' && !a.read) return false;
    if (from !== null || to !== null) {
      const d = dateOf(a, q.sort);
      if (d === null) return false;
      if (from !== null && d < from) return false;
      if (to !== null && d >= to) return false;
    }
    return true;
  };
  const newestFirst = (a: ArticleSummary, b: ArticleSummary): number => {
    // Articles without a published date go last when sorting by it.
    const da = dateOf(a, q.sort) ?? -Infinity;
    const db = dateOf(b, q.sort) ?? -Infinity;
    return db - da || b.savedAt - a.savedAt;
  };
  // The page keeps `all` newest-saved first, and TimSort is linear on presorted input.
  const rows = all.filter(keep).sort(newestFirst);
  if (!hits) return rows;
  // Title hits first without a second sort (this runs on every keystroke): bucket by the number of
  // query terms in the title, keeping the order above inside each bucket.
  const rank = new Map(hits.map((h) => [h.id, h.titleTerms]));
  const buckets: ArticleSummary[][] = [];
  for (const a of rows) {
    const r = rank.get(a.id);
    if (r !== undefined) (buckets[r] ??= []).push(a);
  }
  return buckets.reverse().flatMap((b) => b ?? []);
}

/** Distinct values with counts, most common first, for the filter menus. */
export function facets(all: readonly ArticleSummary[]): {
  sites: Array<[string, number]>;
  langs: Array<[string, number]>;
} {
  const count = (key: (a: ArticleSummary) => string): Array<[string, number]> => {
    const m = new Map<string, number>();
    for (const a of all) {
      const k = key(a);
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  };
  return { sites: count((a) => a.site), langs: count((a) => primaryLang(a.lang)) };
}

/** How many filters narrow the list (the Filter button's count; the sort order is not a filter). */
export function activeFilters(q: ListQuery): number {
  return [q.site, q.lang, q.from, q.to].filter(Boolean).length + (q.read === 'all' ? 0 : 1);
}
