/**
 * Which of the page's links may lead to a related story, read once per distinct href: same
 * publication (registrable domain, or a sister domain), http(s), not the page itself, and a
 * story-shaped URL (or one the page's JSON-LD lists as related). Plain same-site paths skip the
 * URL parser; off-site absolute links are rejected by their host before any parse.
 */
import { registrableDomain } from '../page/site.js';
import { archived, normalizeUrl, urlShape, type UrlShape } from './url.js';

/** What the collector reads of a link's URL. */
export type LinkUrl = Pick<URL, 'href' | 'protocol' | 'hostname' | 'pathname' | 'search' | 'hash' | 'searchParams'>;
export interface Link {
  url: LinkUrl;
  key: string;
  forced: boolean;
  shape: UrlShape;
}

/**
 * A path-only href ("/world/2024/story-slug") of characters the URL parser keeps as they are
 * (no percent sign, backslash, space, query or fragment), and a dot segment ("/./", "/..") it
 * would resolve.
 */
const PLAIN_PATH = /^\/(?!\/)[\w\-.~!$&'()*+,;=:@/]*$/;
const DOT_SEGMENT = /(^|\/)\.\.?(\/|$)/;

export interface LinkResolverOptions {
  base: string;
  sisterDomains: string[];
  /** Normalised URLs of the page itself. */
  self: Set<string>;
  /** Normalised URLs the page's JSON-LD lists as related: kept whatever their shape. */
  forced: ReadonlyMap<string, unknown>;
}

export interface LinkResolver {
  /** A link's URL, parsed once per distinct href (headings' story links, then every link). */
  parseHref(href: string): LinkUrl | null;
  /** The link, or null when it cannot be a related story. */
  linkOf(href: string): Link | null;
}

export function linkResolver(opts: LinkResolverOptions): LinkResolver {
  let pageHost = '';
  // Plain same-site paths resolve to the page's origin (with any user info) plus the path.
  let origin: { prefix: string; protocol: string; hostname: string } | null = null;
  try {
    pageHost = new URL(opts.base).hostname;
    const root = new URL('/', opts.base);
    if (root.protocol === 'http:' || root.protocol === 'https:')
      origin = { prefix: root.href.slice(0, -1), protocol: root.protocol, hostname: root.hostname };
  } catch {
    /* about:blank */
  }
  // A link's URL, parsed once per distinct href (headings' story links, then every link).
  const urlMemo = new Map<string, LinkUrl | null>();
  const parseHref = (href: string): LinkUrl | null => {
    let url = urlMemo.get(href);
    if (url !== undefined) return url;
    if (origin && PLAIN_PATH.test(href) && !DOT_SEGMENT.test(href)) {
      // Most same-site links: the URL a parse would give, without the parse (no query, no fragment).
      url = {
        href: origin.prefix + href,
        protocol: origin.protocol,
        hostname: origin.hostname,
        pathname: href,
        search: '',
        hash: '',
        get searchParams() {
          return new URLSearchParams();
        },
      };
    } else {
      try {
        url = new URL(href, opts.base);
      } catch {
        url = null;
      }
    }
    urlMemo.set(href, url);
    return url;
  };
  // A Wayback copy's links are copies of the archived site's pages: that site is the publication,
  // and archive.org's own pages (its toolbar, blog) are not.
  let copyOf: string | null = null;
  try {
    copyOf = archived(new URL(opts.base))?.hostname ?? null;
  } catch {
    /* about:blank */
  }
  const domains = new Set([registrableDomain(pageHost), ...opts.sisterDomains.map(registrableDomain)]);
  const copyDomains = new Set([
    ...(copyOf ? [registrableDomain(copyOf)] : []),
    ...opts.sisterDomains.map(registrableDomain),
  ]);

  // Pages repeat hosts and links (a card's image and title, a story in two blocks): the URL work
  // below depends on the href alone, so it is done once per distinct host and href.
  const domainMemo = new Map<string, string>();
  const domainOf = (host: string): string => {
    let d = domainMemo.get(host);
    if (d === undefined) {
      d = registrableDomain(host);
      domainMemo.set(host, d);
    }
    return d;
  };
  const linkMemo = new Map<string, Link | null>();
  const linkOf = (href: string): Link | null => {
    let link = linkMemo.get(href);
    if (link === undefined) {
      link = readLink(href);
      linkMemo.set(href, link);
    }
    return link;
  };
  function readLink(href: string): Link | null {
    if (href.startsWith('#') || /^(javascript|mailto|tel|whatsapp|sms):/i.test(href)) return null;
    // Off-site absolute links (social, ads, partners) are most of a page's links: reject them by
    // their host before paying for a URL parse.
    const host = /^(?:https?:)?\/\/([^/?#:@]+)/i.exec(href)?.[1];
    if (host && !domains.has(domainOf(host))) return null;
    const url = parseHref(href);
    if (!url) return null;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!domains.has(domainOf(url.hostname))) return null;
    if (copyOf) {
      const copy = archived(url);
      if (!copy || !copyDomains.has(domainOf(copy.hostname))) return null;
    }
    if (/comment|respond|disqus/i.test(url.hash)) return null;
    const key = normalizeUrl(url);
    if (opts.self.has(key)) return null;
    const forced = opts.forced.has(key);
    const shape = urlShape(url);
    if (shape === 'no' && !forced) return null;
    return { url, key, forced, shape };
  }
  return { parseHref, linkOf };
}
