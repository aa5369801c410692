/**
 * Auto-clean settings as plain data, and the pure functions that read and change them.
 *
 * - `enabled`: the master switch, off by default (nothing runs anywhere until the user turns it on).
 * - `sites`: the user's explicit choice per site (`always` | `ask` | `never`). A starter site the
 *   user never touched has no entry: it is only a suggestion, nothing is registered for it and no
 *   permission is asked. A site the user added themself is any entry not in the starter list.
 * - `hidden`: starter sites the user removed from their list (kept apart so the starter list can
 *   grow in an update without resurrecting what they removed).
 *
 * A site *runs* (its detector is registered) when the switch is on, its mode is always/ask and the
 * browser holds host permission for it; always/ask without permission is "needs permission", shown
 * to the user with a button to grant it — never a silent failure.
 */
import { STARTER_SITES, type StarterSite } from './starter-list.js';
import { displaySite } from './site.js';

export type SiteMode = 'always' | 'ask' | 'never';
export const SITE_MODES: readonly SiteMode[] = ['always', 'ask', 'never'];

export interface AutoCleanSettings {
  enabled: boolean;
  sites: Record<string, SiteMode>;
  hidden: string[];
}

export const DEFAULT_SETTINGS: AutoCleanSettings = { enabled: false, sites: {}, hidden: [] };

/** What the options page shows for a site. */
export type SiteStatus =
  | 'active' // registered: articles open cleaned (always) or offer to (ask)
  | 'needs-permission' // the user chose always/ask but the browser has no host permission (never granted, or revoked)
  | 'paused' // always/ask with permission, but the master switch is off
  | 'never' // the user said never
  | 'suggested'; // a starter site the user has not chosen anything for

export interface SiteRow {
  site: string;
  /** Unicode form for display (IDNs). */
  display: string;
  source: 'starter' | 'user';
  mode: SiteMode | null;
  status: SiteStatus;
  starter?: StarterSite;
}

export function isSiteMode(v: unknown): v is SiteMode {
  return typeof v === 'string' && (SITE_MODES as readonly string[]).includes(v);
}

/** Settings read from storage, repaired: unknown modes dropped, arrays and objects where expected. */
export function normalizeSettings(raw: unknown): AutoCleanSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof AutoCleanSettings, unknown>>;
  const sites: Record<string, SiteMode> = {};
  if (o.sites && typeof o.sites === 'object') {
    for (const [k, v] of Object.entries(o.sites as Record<string, unknown>)) if (isSiteMode(v)) sites[k] = v;
  }
  return {
    enabled: o.enabled === true,
    sites,
    hidden: Array.isArray(o.hidden) ? o.hidden.filter((x): x is string => typeof x === 'string') : [],
  };
}

export function wantsToRun(mode: SiteMode | null | undefined): boolean {
  return mode === 'always' || mode === 'ask';
}

export function siteStatus(settings: AutoCleanSettings, site: string, granted: (site: string) => boolean): SiteStatus {
  const mode = settings.sites[site];
  if (!mode) return 'suggested';
  if (mode === 'never') return 'never';
  if (!granted(site)) return 'needs-permission';
  return settings.enabled ? 'active' : 'paused';
}

/** Sites whose detector should be registered right now. */
export function activeSites(settings: AutoCleanSettings, granted: (site: string) => boolean): string[] {
  if (!settings.enabled) return [];
  return Object.entries(settings.sites)
    .filter(([site, mode]) => wantsToRun(mode) && granted(site))
    .map(([site]) => site)
    .sort();
}

/** Every row of the options page: the user's own sites first (alphabetical), then the starter list in its order. */
export function siteRows(
  settings: AutoCleanSettings,
  granted: (site: string) => boolean,
  starter: readonly StarterSite[] = STARTER_SITES,
): SiteRow[] {
  const starterSet = new Set(starter.map((s) => s.site));
  const hidden = new Set(settings.hidden);
  const row = (site: string, source: SiteRow['source'], st?: StarterSite): SiteRow => ({
    site,
    display: displaySite(site),
    source,
    mode: settings.sites[site] ?? null,
    status: siteStatus(settings, site, granted),
    ...(st ? { starter: st } : {}),
  });
  const own = Object.keys(settings.sites)
    .filter((s) => !starterSet.has(s))
    .sort()
    .map((s) => row(s, 'user'));
  const fromStarter = starter.filter((s) => !hidden.has(s.site)).map((s) => row(s.site, 'starter', s));
  return [...own, ...fromStarter];
}

/** Sets (or with `null` clears) the mode of one site; a starter site the user picks again is un-hidden. */
export function withMode(settings: AutoCleanSettings, site: string, mode: SiteMode | null): AutoCleanSettings {
  const sites = { ...settings.sites };
  if (mode) sites[site] = mode;
  else delete sites[site];
  return { ...settings, sites, hidden: mode ? settings.hidden.filter((s) => s !== site) : settings.hidden };
}

/** Removes a site from the user's list: its choice is forgotten, and a starter site is hidden too. */
export function withoutSite(
  settings: AutoCleanSettings,
  site: string,
  starter: readonly StarterSite[] = STARTER_SITES,
): AutoCleanSettings {
  const next = withMode(settings, site, null);
  const isStarter = starter.some((s) => s.site === site);
  return isStarter && !next.hidden.includes(site) ? { ...next, hidden: [...next.hidden, site] } : next;
}

/** Merges imported or added sites: each one's mode is set (later lines win), counts what changed. */
export function withSites(
  settings: AutoCleanSettings,
  entries: readonly { site: string; mode: SiteMode }[],
): { settings: AutoCleanSettings; added: number; changed: number } {
  let next = settings;
  let added = 0,
    changed = 0;
  for (const { site, mode } of entries) {
    const before = next.sites[site];
    if (before === mode) continue;
    if (before) changed++;
    else added++;
    next = withMode(next, site, mode);
  }
  return { settings: next, added, changed };
}
