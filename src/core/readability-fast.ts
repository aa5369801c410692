/**
 * FastReadability: @mozilla/readability 0.6.0 with three of its per-node checks reordered so that
 * the cheap tests run before the costly ones. Same answers on every node, so the same article
 * (test/unit/readability-fast.test.ts compares it with plain Readability on every fixture, and
 * bench/ on every corpus page); only less work:
 *
 * - `_isValidByline` builds `node.textContent` for EVERY element of the page until a byline is
 *   found (the html and body elements included: quadratic in the depth). The text is only needed
 *   when the rel/itemprop/class test passed, so it is built only then.
 * - `_isProbablyVisible` reads `node.style` on every element, which makes the browser build an
 *   inline-style object per element. Inline style exists only when the element has a `style`
 *   attribute, so the object is read only then (no attribute: display and visibility are "").
 * - `_isElementWithoutContent` builds the whole text of every div/section/header/heading to ask
 *   whether it is blank. `textContent.trim()` is empty exactly when no text node below holds a
 *   character outside `\s` (the same set trim() removes), so the walk stops at the first such node.
 *
 * The package version is pinned in package.json: these are overrides of its private methods, and
 * the unit test fails if a new version changes what they decide.
 */
import { Readability } from '@mozilla/readability';

const ELEMENT_NODE = 1;
const SHOW_TEXT = 4;
const NOT_SPACE = /\S/;

interface Internals {
  REGEXPS: { byline: RegExp };
}

/** Is there a character other than white space in the text below `node`? Stops at the first one. */
function hasText(node: Element): boolean {
  const walker = node.ownerDocument.createTreeWalker(node, SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (NOT_SPACE.test((t as Text).data)) return true;
  }
  return false;
}

class FastReadabilityImpl<T> extends Readability<T> {
  _isValidByline(this: FastReadabilityImpl<T> & Internals, node: Element, matchString: string): boolean {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    if (!(rel === 'author' || (itemprop && itemprop.includes('author')) || this.REGEXPS.byline.test(matchString))) return false;
    const bylineLength = (node.textContent ?? '').trim().length;
    return !!bylineLength && bylineLength < 100;
  }

  _isProbablyVisible(node: Element & { style?: CSSStyleDeclaration }): boolean {
    if (node.hasAttribute('style') && node.style && (node.style.display == 'none' || node.style.visibility == 'hidden')) return false;
    return !node.hasAttribute('hidden')
      && (!node.hasAttribute('aria-hidden') || node.getAttribute('aria-hidden') != 'true'
        || !!(node.className && (node.className as unknown as { includes?: unknown }).includes && node.className.includes('fallback-image')));
  }

  _isElementWithoutContent(node: Element): boolean {
    return node.nodeType === ELEMENT_NODE
      && !hasText(node)
      && (!node.children.length || node.children.length == node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length);
  }
}

export const FastReadability: typeof Readability = FastReadabilityImpl as unknown as typeof Readability;
