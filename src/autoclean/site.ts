/**
 * A "site" of auto-clean: a host name in canonical form (lowercase ASCII, IDNs as punycode, no
 * trailing dot, no port, no leading "www.") that covers itself and every subdomain. `bbc.co.uk`
 * covers `www.bbc.co.uk` and `news.bbc.co.uk`, never `notbbc.co.uk`, `bbc.co.uk.evil.com` or a URL
 * that merely carries the name in its path or query (we only ever compare the URL's parsed host).
 * IP addresses cover themselves only. Public suffixes (`co.uk`, `com`, `github.io`) are refused:
 * they would cover thousands of unrelated sites.
 *
 * Canonicalisation goes through WHATWG `URL` (so `Süddeutsche.de` and `xn--sddeutsche-9db.de` are
 * the same site, exactly as the browser sees them) and the Public Suffix List through `tldts`.
 * Pure: no browser API, runs in Node, the background and the options page.
 */
import { getDomain, getPublicSuffix } from 'tldts';
import { toUnicode } from './punycode.js';

export type SiteParse = { ok: true; site: string } | { ok: false; reason: string };

const PSL = { allowPrivateDomains: true } as const;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const HOST_CHARS = /^[a-z0-9.-]+$/;

/** True for a canonical IPv4 or bracketed IPv6 host. */
export function isIpHost(host: string): boolean {
  return IPV4.test(host) || (host.startsWith('[') && host.endsWith(']'));
}

/** The host of an http(s) URL in canonical form (port and trailing dot dropped), or null. */
export function hostOfUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return u.hostname.replace(/\.$/, '') || null;
}

/**
 * Reads what a user typed or pasted — a domain, `www.` name, `*.` wildcard, URL, host:port or
 * unicode name — into a site, or says why it is not one (shown next to the line in the import report).
 */
export function parseSite(input: string): SiteParse {
  let s = input.trim();
  if (!s) return { ok: false, reason: 'empty' };
  if (/\s/.test(s)) return { ok: false, reason: 'contains spaces' };
  if (s.startsWith('*.')) s = s.slice(2);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s);
  if (scheme && !/^https?$/i.test(scheme[1]!)) return { ok: false, reason: `not a web address (${scheme[1]}:)` };
  if (!scheme && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(s)) return { ok: false, reason: 'not a web address' };
  const host = hostOfUrl(scheme ? s : `http://${s}`);
  if (!host) return { ok: false, reason: 'not a domain name' };
  if (isIpHost(host)) return { ok: true, site: host };
  if (
    !HOST_CHARS.test(host) ||
    host.split('.').some((label) => !label || label.length > 63 || label.startsWith('-') || label.endsWith('-'))
  ) {
    return { ok: false, reason: 'not a domain name' };
  }
  if (!host.includes('.')) return { ok: false, reason: 'not a public domain name (no dot)' };
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  if (getPublicSuffix(bare, PSL) === bare || !getDomain(bare, PSL)) {
    return { ok: false, reason: `"${toUnicode(bare)}" is a public suffix, not a site` };
  }
  return { ok: true, site: bare };
}

/** Does `site` cover this host (canonical form, see hostOfUrl)? Itself and its subdomains; IPs exactly. */
export function siteCoversHost(site: string, host: string): boolean {
  if (host === site) return true;
  return !isIpHost(site) && host.endsWith('.' + site);
}

/** Does `site` cover this page URL? Only the parsed host counts, never the path or the query. */
export function siteCoversUrl(site: string, url: string): boolean {
  const host = hostOfUrl(url);
  return host !== null && siteCoversHost(site, host);
}

/** The most specific of `sites` covering `url` (so `edition.cnn.com` wins over `cnn.com`), or null. */
export function findSite(sites: Iterable<string>, url: string): string | null {
  const host = hostOfUrl(url);
  if (!host) return null;
  let best: string | null = null;
  for (const s of sites) if (siteCoversHost(s, host) && (!best || s.length > best.length)) best = s;
  return best;
}

/** The site a page belongs to, for "Always clean <site>": its registrable domain (or its IP). */
export function siteOfUrl(url: string): string | null {
  const host = hostOfUrl(url);
  if (!host) return null;
  if (isIpHost(host)) return host;
  return getDomain(host, PSL);
}

/**
 * Match patterns for a site, used both as content-script `matches` and as permission `origins`.
 * `*://` means http and https; ports are not part of match patterns, so a site covers every port.
 */
export function sitePatterns(site: string): string[] {
  return isIpHost(site) ? [`*://${site}/*`] : [`*://${site}/*`, `*://*.${site}/*`];
}

/** How a site is shown to people: IDNs in their own script (`süddeutsche.de`, not `xn--…`). */
export function displaySite(site: string): string {
  try {
    return toUnicode(site);
  } catch {
    return site;
  }
}
