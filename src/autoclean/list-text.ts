/**
 * The site list as plain text, for import and export: one site a line, optionally followed by its
 * mode (`always` when absent), `#` starts a comment. What people paste is accepted where it is
 * unambiguous (URLs, `www.` names, `*.` wildcards, unicode names, host:port).
 *
 *     # Dateline Reader auto-clean sites
 *     bbc.co.uk
 *     lemonde.fr ask
 *     example-tabloid.com never
 *
 * Import never loses a good line because of a bad one: every line that is not a site is reported
 * with its line number and the reason, and all the others are kept. The same site twice is merged
 * (the later line's mode wins) and counted, not reported as an error. Export → import is lossless.
 */
import { parseSite, displaySite } from './site.js';
import { isSiteMode, type SiteMode } from './settings.js';

export interface ListEntry {
  site: string;
  mode: SiteMode;
}
export interface ListProblem {
  line: number;
  text: string;
  reason: string;
}
export interface ParsedList {
  entries: ListEntry[];
  problems: ListProblem[];
  /** Lines that named a site already seen earlier in the text (merged into it). */
  duplicates: number;
}

export function parseSiteList(text: string): ParsedList {
  const bySite = new Map<string, SiteMode>();
  const problems: ListProblem[] = [];
  let duplicates = 0;
  // A leading BOM (Windows editors) must not make line 1 garbage.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((raw, i) => {
    const body = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!body) return;
    const words = body.split(/[\s,;]+/).filter(Boolean);
    const [first, second, ...rest] = words;
    let mode: SiteMode = 'always';
    if (second !== undefined) {
      const m = second.toLowerCase();
      if (!isSiteMode(m) || rest.length) {
        problems.push({ line: i + 1, text: raw.trim(), reason: 'expected "<site>" or "<site> always|ask|never"' });
        return;
      }
      mode = m;
    }
    const parsed = parseSite(first!);
    if (!parsed.ok) {
      problems.push({ line: i + 1, text: raw.trim(), reason: parsed.reason });
      return;
    }
    if (bySite.has(parsed.site)) duplicates++;
    bySite.delete(parsed.site); // keep the order of the last occurrence
    bySite.set(parsed.site, mode);
  });
  return { entries: Array.from(bySite, ([site, mode]) => ({ site, mode })), problems, duplicates };
}

/**
 * Writes a list that parseSiteList reads back to the same entries. Sites are written in their
 * unicode form when they have one (readable, and URL parsing turns them back into the same site).
 */
export function formatSiteList(
  entries: readonly ListEntry[],
  header = 'Dateline Reader auto-clean sites: one a line, then always (default), ask or never',
): string {
  const lines = [`# ${header}`];
  for (const { site, mode } of [...entries].sort((a, b) => a.site.localeCompare(b.site))) {
    const name = displaySite(site);
    lines.push(mode === 'always' ? name : `${name} ${mode}`);
  }
  return lines.join('\n') + '\n';
}
