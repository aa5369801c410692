/**
 * The rules that keep auto-clean from getting in the user's way, as pure decisions:
 *
 * - "Show original" sticks: once the user closes the reader on a page (or dismisses the offer),
 *   that URL is not cleaned again by itself for the rest of the browser session — including when
 *   they come back to it with back/forward or a reload. The set lives in storage.session (cleared
 *   when the browser closes, never written to disk).
 * - A URL is the page: the fragment is ignored (`#comments` is the same article) and so are
 *   click-tracking parameters (utm_*, fbclid, gclid…) that share links add.
 * - Never twice on the same page: the detector keeps the URLs it already handled in this document.
 */
import type { SiteMode } from './settings.js';

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|ocid|cmpid|at_medium|at_campaign)$/i;

/** The identity of a page for the session rules, or null for a URL that is not http(s). */
export function pageKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  for (const name of Array.from(u.searchParams.keys())) if (TRACKING.test(name)) u.searchParams.delete(name);
  u.search = u.searchParams.toString() ? `?${u.searchParams.toString()}` : '';
  return u.href;
}

/** How many dismissed pages a session remembers (storage.session is small: 10 MB in Chrome, and we share it). */
export const DISMISSED_LIMIT = 1000;

/** Adds a page to the dismissed list, most recent last, bounded. */
export function withDismissed(list: readonly string[], url: string): string[] {
  const key = pageKey(url);
  if (!key) return [...list];
  const next = list.filter((k) => k !== key);
  next.push(key);
  return next.slice(-DISMISSED_LIMIT);
}

export type AutoOpenDecision =
  { action: 'open' } | { action: 'offer' } | { action: 'skip'; reason: 'off' | 'never' | 'dismissed' | 'not-http' };

/** What to do when the detector reports an article on `url` of a site in `mode`. */
export function decideAutoOpen(input: {
  enabled: boolean;
  mode: SiteMode | null;
  url: string;
  dismissed: readonly string[];
}): AutoOpenDecision {
  const key = pageKey(input.url);
  if (!key) return { action: 'skip', reason: 'not-http' };
  if (!input.enabled || !input.mode) return { action: 'skip', reason: 'off' };
  if (input.mode === 'never') return { action: 'skip', reason: 'never' };
  if (input.dismissed.includes(key)) return { action: 'skip', reason: 'dismissed' };
  return input.mode === 'always' ? { action: 'open' } : { action: 'offer' };
}
