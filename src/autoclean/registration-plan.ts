/**
 * Which detector registrations should exist, and what to change to get there — pure, so the
 * background's sync is a diff that can run at every startup, install, update, permission change
 * and settings change without churning registrations that are already right.
 *
 * Also answers "does the browser's host permission cover this site?" from `permissions.getAll()`
 * origins, with Chrome/Firefox match-pattern semantics (`*://` = http and https, `*.x` = x and its
 * subdomains, `<all_urls>`), so a status never needs one permissions.contains call per site.
 */
import { isIpHost, sitePatterns } from './site.js';

/** Every registration of ours has this id prefix (ids may not start with "_"). */
export const SCRIPT_ID_PREFIX = 'autoclean:';
export const DETECTOR_FILE = 'detector.js';

export interface DetectorScript {
  id: string;
  matches: string[];
}

export function scriptIdFor(site: string): string {
  return SCRIPT_ID_PREFIX + site;
}

export function desiredScripts(activeSites: readonly string[]): DetectorScript[] {
  return activeSites.map((site) => ({ id: scriptIdFor(site), matches: sitePatterns(site) }));
}

/** The changes that turn `existing` registrations (any extension's ids; only ours are touched) into `desired`. */
export function planRegistration(
  existing: readonly { id: string; matches?: string[] }[],
  desired: readonly DetectorScript[],
): { unregister: string[]; register: DetectorScript[] } {
  const want = new Map(desired.map((d) => [d.id, d]));
  const unregister: string[] = [];
  const have = new Set<string>();
  for (const e of existing) {
    if (!e.id.startsWith(SCRIPT_ID_PREFIX)) continue;
    const d = want.get(e.id);
    if (d && sameList(d.matches, e.matches ?? [])) have.add(e.id);
    else unregister.push(e.id);
  }
  return { unregister, register: desired.filter((d) => !have.has(d.id)) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** Does one match pattern cover `scheme://host/` (any path)? */
export function patternCoversOrigin(pattern: string, scheme: 'http' | 'https', host: string): boolean {
  if (pattern === '<all_urls>') return true;
  const m = /^(\*|https?|[a-z][a-z0-9+.-]*):\/\/([^/]*)\/(.*)$/.exec(pattern);
  if (!m) return false;
  const [, pScheme, pHostRaw] = m;
  if (pScheme !== '*' && pScheme !== scheme) return false;
  const pHost = pHostRaw!
    .replace(/:\d+$|:\*$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (pHost === '*') return true;
  if (pHost.startsWith('*.')) {
    const base = pHost.slice(2);
    return !isIpHost(host) && (host === base || host.endsWith('.' + base));
  }
  return host === pHost;
}

/** True when the granted origins let the detector run on the site (on http or https). */
export function siteGranted(site: string, origins: readonly string[]): boolean {
  return origins.some((o) => patternCoversOrigin(o, 'https', site) || patternCoversOrigin(o, 'http', site));
}
