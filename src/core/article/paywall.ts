/**
 * Is the article behind a paywall (the content is a preview)? Sources, strongest first: the
 * publisher's own schema.org declaration (`isAccessibleForFree: false` on the article or on a part
 * of it), an article:content_tier "locked" meta tag, a paywall sentence at the end of the extracted
 * text ("Subscribe to continue reading", "réservé aux abonnés", "Weiterlesen mit Abo"), or paywall
 * markup on the page together with a short article. Returns the reason, or null.
 */
import type { JsonLdNode, PageMeta } from '../page/page-meta.js';
import { splitCount } from '../text/whitespace.js';
import { PAYWALL_TEXT } from '../text/lexicon/paywall.js';

/** Class/id names of paywall boxes (Piano's tp-modal, "paywall", "regwall", …). */
const PAYWALL_NAME =
  /paywall|regwall|piano-|tp-modal|subscriber-?only|premium-?content|metered-?content|subscription-?wall/i;

/**
 * The first element whose class or id names a paywall. A plain walk rather than
 * querySelector('[class*=paywall i]'): substring attribute selectors cost jsdom ~300 ms on a big
 * page. Only run for short articles (see below), so its cost is bounded where it matters.
 */
function paywallBox(doc: Document): Element | null {
  if (!doc.body) return null;
  const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n as Element;
    const name = `${el.getAttribute('class') ?? ''} ${el.id}`;
    if (name.length > 1 && PAYWALL_NAME.test(name)) return el;
    if (el.hasAttribute('data-paywall')) return el;
  }
  return null;
}

function falsy(v: unknown): boolean {
  return v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false');
}

function declaredLocked(node: JsonLdNode | null, pm: PageMeta): boolean {
  for (const n of node ? [node, ...pm.jsonLd] : pm.jsonLd) {
    if (falsy(n.isAccessibleForFree)) return true;
    const parts = Array.isArray(n.hasPart) ? n.hasPart : n.hasPart ? [n.hasPart] : [];
    for (const p of parts) if (p && typeof p === 'object' && falsy((p as JsonLdNode).isAccessibleForFree)) return true;
  }
  return false;
}

export function findPaywall(
  doc: Document,
  pm: PageMeta,
  node: JsonLdNode | null,
  text: string,
  hintInArticle: boolean,
): string | null {
  if (declaredLocked(node, pm)) return 'paywall: the page declares isAccessibleForFree false';
  const tier = pm.meta.get('article:content_tier')?.toLowerCase();
  if (tier === 'locked') return 'paywall: article:content_tier locked';
  if (PAYWALL_TEXT.test(text.slice(-600))) return 'paywall: the article ends with a subscription notice';
  // text.split(/\s+/).length, without the array, and only as far as the thresholds below need.
  const words = splitCount(text, 400);
  if (hintInArticle && words < 400) return 'paywall: paywall markup inside a short article';
  // A full-length article with paywall scripts on the page is a metered page the reader can read.
  if (words >= 400) return null;
  const box = paywallBox(doc);
  if (box) {
    const boxText = (box.textContent ?? '').replace(/\s+/g, ' ').slice(0, 2000);
    if (PAYWALL_TEXT.test(boxText)) return 'paywall: the page shows a subscription notice';
    if (words < 250) return 'paywall: paywall markup on the page and only a short preview';
  }
  return null;
}
