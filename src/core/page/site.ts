/**
 * Which site a host belongs to: the registrable domain ("eTLD+1"). A page-level fact, read by the
 * related headlines (same publication, sister domains) and by auto-clean's site label; it lives
 * here so auto-clean does not reach into the related-headlines code.
 */

/** Second-level labels under a country TLD that are public suffixes (bbc.co.uk, nhk.or.jp, uol.com.br, gob.es). */
const SECOND_LEVEL = new Set([
  'co',
  'com',
  'net',
  'org',
  'gov',
  'gob',
  'gouv',
  'gv',
  'ac',
  'edu',
  'ne',
  'or',
  'go',
  'nic',
  'ltd',
  'plc',
  'sch',
  'mil',
  'info',
  'biz',
  'nom',
  'web',
  'nhs',
  'police',
]);

/**
 * The registrable domain ("eTLD+1") by a small approximation of the public suffix list:
 * en.haberler.com and www.haberler.com share haberler.com, www3.nhk.or.jp is nhk.or.jp.
 * Not tldts (the auto-clean site matcher's PSL): it would add ~140 KB to the content script for
 * the rare ccTLD this misses, and a miss only drops a sister host's headlines.
 */
export function registrableDomain(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1]!)) return labels.join('.');
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const take = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/**
 * The site's own label in a page URL and its registrable domain: "https://www.dailynews.co.uk/x" →
 * { name: "dailynews", domain: "dailynews.co.uk" }. Null for a bad URL, a host of one label or an IP
 * address. What the article stages compare a title piece or a self-description with.
 */
export function siteLabel(url: string): { name: string; domain: string } | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  if (!host.includes('.') || /^[\d.]+$|^\[/.test(host)) return null;
  const domain = registrableDomain(host.replace(/^www\d?\./, ''));
  return { name: domain.split('.')[0]!, domain };
}

/** Platforms every page links (social, stores, search, encyclopedias): never a publisher's sister site. */
const PLATFORMS = new Set([
  'facebook.com',
  'fb.com',
  'twitter.com',
  'x.com',
  'instagram.com',
  'youtube.com',
  'youtu.be',
  'linkedin.com',
  'pinterest.com',
  'tiktok.com',
  'snapchat.com',
  'reddit.com',
  'tumblr.com',
  'whatsapp.com',
  't.me',
  'telegram.org',
  'vk.com',
  'ok.ru',
  'line.me',
  'threads.net',
  'bsky.app',
  'flipboard.com',
  'google.com',
  'apple.com',
  'microsoft.com',
  'amazon.com',
  'spotify.com',
  'soundcloud.com',
  'wikipedia.org',
  'archive.org',
  'wordpress.com',
  'wordpress.org',
  'feedburner.com',
]);

const ABSOLUTE_ROOT = /^(?:https?:)?\/\/([^/?#:@]+)(?::\d+)?\/?(?:[?#].*)?$/i;

/**
 * Sister sites a page presents as its own, learned from the page: another registrable domain whose
 * home page the page links at least twice (its menu, its footer's "our network", a box's "see all"),
 * or `min` times. `hrefs` are the page's link targets as written (a Wayback capture's, unwrapped by
 * `unwrap`). Platforms (social networks, stores, search) are never sisters.
 */
export function linkedSisterDomains(
  hrefs: Iterable<string>,
  pageDomain: string,
  unwrap: (href: string) => string = (h) => h,
  min = 2,
): string[] {
  const roots = new Map<string, number>();
  for (const raw of hrefs) {
    const href = unwrap(raw);
    const host = ABSOLUTE_ROOT.exec(href)?.[1];
    if (!host) continue;
    const d = registrableDomain(host);
    if (d === pageDomain || PLATFORMS.has(d) || !d.includes('.')) continue;
    roots.set(d, (roots.get(d) ?? 0) + 1);
  }
  return [...roots].filter(([, n]) => n >= min).map(([d]) => d);
}
