/**
 * The one read of the live page that every stage takes: meta tags and JSON-LD (parsed once, in
 * page-meta.ts), language, canonical URL and favicon, the site (registrable domain) and the news
 * verdict from the page's own signals. Read before Readability gets its clone; never mutated
 * afterwards, and the document is never changed.
 */
import { detectNews, type NewsVerdict } from './detect.js';
import { readPageMeta, type PageMeta } from './page-meta.js';
import { registrableDomain } from './site.js';

export interface PageRead extends PageMeta {
  /** The live document (read, never changed). */
  doc: Document;
  /** Absolute page URL. */
  url: string;
  /** Declared language (BCP 47), or null. */
  lang: string | null;
  canonical: string | null;
  favicon: string | null;
  /** The page's registrable domain ('' when the URL has no host). */
  site: string;
  /** Is this a news article, by the page's own signals (Readability's evidence is added later). */
  verdict: NewsVerdict;
}

/** An absolute http(s) URL, or null: the only schemes a reader link, image or icon may use. */
export function httpUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function pageLang(doc: Document, pm: PageMeta): string | null {
  const raw =
    doc.documentElement.getAttribute('lang') ??
    doc.documentElement.getAttribute('xml:lang') ??
    doc.body?.getAttribute('lang') ??
    pm.meta.get('http-equiv:content-language') ??
    pm.meta.get('og:locale') ??
    null;
  const lang = raw?.split(',')[0]?.trim().replace(/_/g, '-');
  return lang && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(lang) ? lang : null;
}

/**
 * Canonical URL and favicon from the <link> elements. A tag name, not
 * querySelector('link[rel~=canonical i]'): attribute selectors are slow in jsdom (the CLI); a static
 * list, not getElementsByTagName: iterating a live collection is quadratic in jsdom.
 */
function links(doc: Document, base: string): { canonical: string | null; favicon: string | null } {
  let canonical: string | null = null;
  let icon: string | null = null;
  let apple: string | null = null;
  for (const link of Array.from(doc.querySelectorAll('link'))) {
    const href = link.getAttribute('href');
    if (!href) continue;
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!canonical && rel.includes('canonical')) canonical = httpUrl(href, base);
    if (!icon && rel.includes('icon')) icon = httpUrl(href, base);
    if (!apple && rel.includes('apple-touch-icon')) apple = httpUrl(href, base);
  }
  return { canonical, favicon: icon ?? apple ?? httpUrl('/favicon.ico', base) };
}

function siteOf(url: string): string {
  try {
    return registrableDomain(new URL(url).hostname);
  } catch {
    return '';
  }
}

/** Reads the page once; the document must have passed budget.ts's refusal (it has a root element). */
export function readPage(doc: Document, url: string): PageRead {
  const pm = readPageMeta(doc);
  const { canonical, favicon } = links(doc, url);
  return {
    ...pm,
    doc,
    url,
    lang: pageLang(doc, pm),
    canonical,
    favicon,
    site: siteOf(url),
    verdict: detectNews(doc, url, pm),
  };
}

/**
 * Stages take a PageRead; the CLI, tests and benchmarks may hand them a bare Document, which is
 * read here. The verdict is computed only if asked for (no stage reads it), so findDateline(doc)
 * and findRelated(doc) cost what they used to plus the meta/JSON-LD read, and no news detection.
 * A document without a root element gets only its meta and JSON-LD, which are empty.
 */
export function asPageRead(source: PageRead | Document, url: string): PageRead {
  if (!('nodeType' in source)) return source;
  const pm = readPageMeta(source);
  if (!source.documentElement) {
    return {
      ...pm,
      doc: source,
      url,
      lang: null,
      canonical: null,
      favicon: null,
      site: siteOf(url),
      verdict: { isNews: false, score: 0, reasons: [] },
    };
  }
  const { canonical, favicon } = links(source, url);
  let verdict: NewsVerdict | undefined;
  return {
    ...pm,
    doc: source,
    url,
    lang: pageLang(source, pm),
    canonical,
    favicon,
    site: siteOf(url),
    get verdict(): NewsVerdict {
      return (verdict ??= detectNews(source, url, pm));
    },
  };
}
