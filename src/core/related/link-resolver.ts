/**
 * Which of the page's links may lead to a related story, read once per distinct href: same
 * publication (registrable domain, or a sister domain), http(s), not the page itself, and a
 * story-shaped URL (or one the page's JSON-LD lists as related). Plain same-site paths skip the
 * URL parser; off-site absolute links are rejected by their host before any parse.
 */
import { linkedSisterDomains, registrableDomain } from '../page/site.js';
import { archivedUrl, isOwnPage, normalizeUrl, pathForm, urlShape, type UrlShape } from './url.js';

/** What the collector reads of a link's URL. */
export type LinkUrl = Pick<URL, 'href' | 'protocol' | 'hostname' | 'pathname' | 'search' | 'hash' | 'searchParams'>;
export interface Link {
  url: LinkUrl;
  key: string;
  forced: boolean;
  shape: UrlShape;
  /**
   * A learned sister site's page of another URL form than the article's (its job board, its shop,
   * or a sister magazine on its own system): a story only beside the site's own stories.
   */
  otherForm?: boolean;
  /** On a sister site learned from the page's links (not the page's own site). */
  sister?: boolean;
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
  /** Every link target of the page as written, to learn the sister sites it links (page/site.ts). */
  hrefs?: readonly string[];
}

/** A Wayback capture's link ("/web/2013…/http://pagesix.com/") as the URL it archived. */
const ARCHIVED_HREF = /\/web\/\d{4,14}(?:[a-z]{2}_)?\/(https?:\/\/?[^/].*)$/i;
const unwrapHref = (h: string): string =>
  h.includes('/web/') ? (ARCHIVED_HREF.exec(h)?.[1]?.replace(/^(https?:)\/(?!\/)/i, '$1//') ?? h) : h;

export interface LinkResolver {
  /** A link's URL, parsed once per distinct href (headings' story links, then every link). */
  parseHref(href: string): LinkUrl | null;
  /** The link, or null when it cannot be a related story. */
  linkOf(href: string): Link | null;
  /** A page of the same publication that is not a story (a section front, tag, service page). */
  sitePage(href: string): boolean;
  /** A web page of another site (not the publication's, nor a sister's). */
  offSite(href: string): boolean;
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
  // A Wayback Machine capture links other captures: its site is the archived page's.
  let archiveDomain: string | null = null;
  try {
    const archived = archivedUrl(new URL(opts.base));
    if (archived) {
      archiveDomain = registrableDomain(pageHost);
      pageHost = archived.hostname;
    }
  } catch {
    /* about:blank */
  }
  const pageDomain = registrableDomain(pageHost);
  const domains = new Set([pageDomain, ...opts.sisterDomains.map(registrableDomain)]);
  // Sister sites learned from the page's links count only for story URLs of the article's own form
  // (one publisher's system): the same links also reach its job board, shop and classifieds.
  const learned = new Set(
    opts.hrefs ? linkedSisterDomains(opts.hrefs, pageDomain, unwrapHref).filter((d) => !domains.has(d)) : [],
  );
  let ownForm = '';
  try {
    const base = new URL(opts.base);
    ownForm = pathForm(archivedUrl(base) ?? base);
  } catch {
    /* about:blank */
  }
  // A site whose home page the page links once (a box's heading, "Page Six") is a sister when the page
  // also links two or more of its stories in the article's own URL form (one publisher's system):
  // only such stories of it count.
  const once = new Set(
    opts.hrefs && ownForm
      ? linkedSisterDomains(opts.hrefs, pageDomain, unwrapHref, 1).filter((d) => !domains.has(d) && !learned.has(d))
      : [],
  );
  if (once.size) {
    const stories = new Map<string, Set<string>>();
    for (const raw of opts.hrefs!) {
      const href = unwrapHref(raw);
      const host = /^(?:https?:)?\/\/([^/?#:@]+)/i.exec(href)?.[1];
      const d = host ? registrableDomain(host) : '';
      if (!once.has(d)) continue;
      try {
        const u = new URL(href, opts.base);
        if (pathForm(u) !== ownForm || urlShape(u) !== 'article') continue;
        const set = stories.get(d) ?? new Set<string>();
        set.add(normalizeUrl(u));
        stories.set(d, set);
      } catch {
        /* not a URL */
      }
    }
    for (const d of once) if ((stories.get(d)?.size ?? 0) < 2) once.delete(d);
  }
  for (const d of learned) domains.add(d);
  for (const d of once) domains.add(d);

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
  // Off-site absolute links (social, ads, partners) are most of a page's links: siteLink rejects
  // them by their host before paying for a URL parse.
  function readLink(href: string): Link | null {
    const site = siteLink(href);
    if (!site) return null;
    const { url, key } = site;
    if (opts.self.has(key) || isOwnPage(key, opts.self)) return null;
    let sister = false;
    let otherForm = false;
    if (learned.size || once.size) {
      const target = archiveDomain ? (archivedUrl(url) ?? url) : url;
      const d = domainOf(target.hostname);
      sister = learned.has(d) || once.has(d);
      otherForm = sister && pathForm(target) !== ownForm;
      if (otherForm && once.has(d)) return null;
    }
    const forced = opts.forced.has(key);
    const shape = urlShape(url);
    if (shape === 'no' && !forced) return null;
    if (otherForm && shape !== 'article') return null;
    const link: Link = { url, key, forced, shape };
    if (sister) link.sister = true;
    if (otherForm) link.otherForm = true;
    return link;
  }
  /** A link to the same publication (http(s), not a comments anchor), with its normalised URL. */
  function siteLink(href: string): { url: LinkUrl; key: string } | null {
    if (href.startsWith('#') || /^(javascript|mailto|tel|whatsapp|sms):/i.test(href)) return null;
    const host = /^(?:https?:)?\/\/([^/?#:@]+)/i.exec(href)?.[1];
    if (host && !domains.has(domainOf(host)) && domainOf(host) !== archiveDomain) return null;
    const url = parseHref(href);
    if (!url) return null;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const hostname = archiveDomain ? (archivedUrl(url)?.hostname ?? url.hostname) : url.hostname;
    if (!domains.has(domainOf(hostname))) return null;
    if (/comment|respond|disqus/i.test(url.hash)) return null;
    return { url, key: normalizeUrl(url) };
  }
  const sitePage = (href: string): boolean => {
    const site = siteLink(href);
    return !!site && !opts.self.has(site.key) && urlShape(site.url) === 'no';
  };
  const offSite = (href: string): boolean => /^(https?:)?\/\//i.test(href) && !siteLink(href);
  return { parseHref, linkOf, sitePage, offSite };
}
