/**
 * FastReadability: @mozilla/readability 0.6.0 with some of its per-node checks reordered so that
 * the cheap tests run before the costly ones, and two serializations it makes for nothing left out.
 * Same answers on every node, so the same article (test/unit/core/article/readability-fast.test.ts compares it
 * with plain Readability on every fixture and on Readability's own test pages); only less work:
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
 * - `_grabArticle` starts by serializing the whole prepared <body> (`pageCacheHtml = page.innerHTML`)
 *   so that it can start over with other flags when it finds too little text, and parses it back
 *   into the body when it does. Most pages never start over, and in a Chromium profile that
 *   serialization was the hottest line of the parse. Given `source` (the untouched page the parsed
 *   document was copied from), nothing is serialized: a retry copies the page's body again and
 *   runs the same preparation steps on it, which makes the body parse() prepared, without the
 *   serialize-and-parse round trip (a second or third start-over copies the body prepared the
 *   first time). The copy leaves the text of style elements out, as cloneDocument does: the
 *   preparation removes them, and their CSS would be parsed for nothing.
 * - `parse()` logs `"Grabbed: " + articleContent.innerHTML` even with debug off (the argument is
 *   built before log() looks at the flag), serializing the article once for nothing. Between
 *   `_grabArticle` and `_postProcessContent`, where only that line reads it, the article's
 *   innerHTML reads as "".
 * - `_getLinkDensity` of an element without links is 0 whatever its text: the text is not built.
 * - `_cleanConditionally` judges each candidate node with one read-only function that asks for the
 *   same node's text up to five times (comma count, heading density, length, link density, text
 *   density) and its children's texts again. The DOM only changes between two judgements (a node
 *   judged fishy is removed), so each judgement gets its own memo of `_getInnerText`, dropped after
 *   it. `_getCharCount` counts the separator instead of splitting the text into an array.
 * - `_isPhrasingContent` looks tags up in a Set instead of a 40-entry array; `_hasChildBlockElement`
 *   recurses over element children only (text and comment nodes have no tag and no children).
 *
 * The package version is pinned in package.json: these are overrides of its private methods, and
 * the unit test fails if a new version changes what they decide.
 */
import { Readability } from '@mozilla/readability';
import { importWithoutStyleText } from '../page/clone-document.js';
import { hasNonSpace } from '../text/whitespace.js';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_TEXT = 4;
/** What `_grabArticle` stores as its page snapshot when the real one is made on demand. */
const SNAPSHOT_ON_DEMAND = '\u0000dateline-reader: snapshot on demand\u0000';

interface Internals {
  _doc: Document;
  REGEXPS: { byline: RegExp };
  PHRASING_ELEMS: string[];
  DIV_TO_P_ELEMS: Set<string>;
  _unwrapNoscriptImages(doc: Document): void;
  _removeScripts(doc: Document): void;
  _prepDocument(): void;
}

/** Readability's own methods, for the overrides that put a shortcut in front of them. */
const plain = Readability.prototype as unknown as {
  _grabArticle(page?: Element | null): Element | null;
  _postProcessContent(articleContent: Element): void;
  _getLinkDensity(element: Element): number;
  _getInnerText(e: Element, normalizeSpaces?: boolean): string;
  _getCharCount(e: Element, s?: string): number;
  _cleanConditionally(e: Element, tag: string): void;
  _removeNodes(
    nodeList: ArrayLike<Element>,
    filterFn?: (node: Element, i: number, list: ArrayLike<Element>) => boolean,
  ): void;
};

interface Accessor {
  get: (this: Element) => string;
  set: (this: Element, v: string) => void;
}

/** The innerHTML accessor, wherever this DOM keeps it in the element's prototype chain. */
function innerHTMLAccessor(el: Element): Accessor | null {
  for (let o: object | null = Object.getPrototypeOf(el); o; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, 'innerHTML');
    if (d?.get && d.set) return d as Accessor;
  }
  return null;
}

/** Shadows an element's innerHTML with an own property (removed again with `delete`). */
function shadowInnerHTML(el: Element, get: () => string, set: (v: string) => void): void {
  Object.defineProperty(el, 'innerHTML', { configurable: true, get, set });
}

function unshadowInnerHTML(el: Element): void {
  delete (el as { innerHTML?: string }).innerHTML;
}

const phrasingSets = new WeakMap<string[], ReadonlySet<string>>();

/** Is there a character other than white space in the text below `node`? Stops at the first one. */
function hasText(node: Element): boolean {
  const walker = node.ownerDocument.createTreeWalker(node, SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (hasNonSpace((t as Text).data)) return true;
  }
  return false;
}

export interface FastOptions {
  /**
   * The untouched page that the parsed document is a copy of (extract(): the live page, which
   * cannot change while extraction runs synchronously). Without it the body is serialized up
   * front, as plain Readability does.
   */
  source?: Document;
}

type Options<T> = ConstructorParameters<typeof Readability<T>>[1] & FastOptions;

class FastReadabilityImpl<T> extends Readability<T> {
  readonly #source: Document | undefined;
  /** Set while `_cleanConditionally` runs: its judgements memoize node texts. */
  #judging = false;
  /** The memo of the judgement in progress (normalized and raw text per node), or null. */
  #texts: Map<Element, string>[] | null = null;
  /** The prepared body's children, kept at the first start-over for the next ones. */
  #prepared: DocumentFragment | null = null;

  constructor(doc: Document, options?: Options<T>) {
    super(doc, options);
    this.#source = options?.source;
  }

  _grabArticle(this: FastReadabilityImpl<T> & Internals, page?: Element | null): Element | null {
    const body = page ?? this._doc.body;
    const native = body ? innerHTMLAccessor(body) : null;
    const source = this.#source;
    const article =
      body && native && source && page == null
        ? this.grabWithSnapshotOnDemand(body, native, source)
        : plain._grabArticle.call(this, page);
    // parse() serializes the article into a log line next, whether debugging or not.
    if (article && native)
      shadowInnerHTML(
        article,
        () => '',
        (v) => native.set.call(article, v),
      );
    return article;
  }

  _postProcessContent(articleContent: Element): void {
    unshadowInnerHTML(articleContent);
    plain._postProcessContent.call(this, articleContent);
  }

  private grabWithSnapshotOnDemand(
    this: FastReadabilityImpl<T> & Internals,
    body: Element,
    native: Accessor,
    source: Document,
  ): Element | null {
    let firstRead = true;
    // The first read is `pageCacheHtml = page.innerHTML`; the only write of that value is a retry.
    shadowInnerHTML(
      body,
      () => {
        if (!firstRead) return native.get.call(body);
        firstRead = false;
        return SNAPSHOT_ON_DEMAND;
      },
      (v) => {
        if (v === SNAPSHOT_ON_DEMAND) this.restorePreparedBody(body, source);
        else native.set.call(body, v);
      },
    );
    try {
      return plain._grabArticle.call(this); // the document's body: parse() passes no page
    } finally {
      unshadowInnerHTML(body);
    }
  }

  /**
   * The body as parse() had it when `_grabArticle` started: the page's body copied again, and the
   * same preparation steps run (they find nothing left to do in the already prepared <head>).
   * The <body> element itself stays, as with plain Readability's innerHTML write.
   */
  private restorePreparedBody(this: FastReadabilityImpl<T> & Internals, body: Element, source: Document): void {
    if (this.#prepared) {
      body.replaceChildren(this.#prepared.cloneNode(true));
      return;
    }
    const fresh = source.body ? importWithoutStyleText(this._doc, source.body) : null;
    body.replaceChildren(...(fresh ? Array.from(fresh.childNodes) : []));
    this._unwrapNoscriptImages(this._doc);
    this._removeScripts(this._doc);
    this._prepDocument();
    // Readability starts over up to three times, always from this same body: the later times copy it.
    const prepared = this._doc.createDocumentFragment();
    for (let c = body.firstChild; c; c = c.nextSibling) prepared.appendChild(c.cloneNode(true));
    this.#prepared = prepared;
  }

  _cleanConditionally(e: Element, tag: string): void {
    this.#judging = true;
    try {
      plain._cleanConditionally.call(this, e, tag);
    } finally {
      this.#judging = false;
    }
  }

  _removeNodes(
    nodeList: ArrayLike<Element>,
    filterFn?: (node: Element, i: number, list: ArrayLike<Element>) => boolean,
  ): void {
    if (!this.#judging || !filterFn) {
      plain._removeNodes.call(this, nodeList, filterFn);
      return;
    }
    // Each judgement reads a DOM that no one changes while it runs: it may reuse what it read.
    const judge = function (this: FastReadabilityImpl<T>, node: Element, i: number, list: ArrayLike<Element>): boolean {
      this.#texts = [new Map(), new Map()];
      try {
        return filterFn.call(this, node, i, list);
      } finally {
        this.#texts = null;
      }
    };
    plain._removeNodes.call(this, nodeList, judge);
  }

  _getInnerText(e: Element, normalizeSpaces?: boolean): string {
    const memo = this.#texts?.[normalizeSpaces === undefined || normalizeSpaces ? 0 : 1];
    if (!memo) return plain._getInnerText.call(this, e, normalizeSpaces);
    let text = memo.get(e);
    if (text === undefined) {
      text = plain._getInnerText.call(this, e, normalizeSpaces);
      memo.set(e, text);
    }
    return text;
  }

  _getCharCount(e: Element, s?: string): number {
    const sep = s || ',';
    const text = this._getInnerText(e);
    let n = 0;
    for (let i = text.indexOf(sep); i >= 0; i = text.indexOf(sep, i + sep.length)) n++;
    return n; // = text.split(sep).length - 1: the separator's non-overlapping occurrences
  }

  _isValidByline(this: FastReadabilityImpl<T> & Internals, node: Element, matchString: string): boolean {
    const rel = node.getAttribute('rel');
    const itemprop = node.getAttribute('itemprop');
    if (!(rel === 'author' || (itemprop && itemprop.includes('author')) || this.REGEXPS.byline.test(matchString)))
      return false;
    const bylineLength = (node.textContent ?? '').trim().length;
    return !!bylineLength && bylineLength < 100;
  }

  _isProbablyVisible(node: Element & { style?: CSSStyleDeclaration }): boolean {
    if (node.hasAttribute('style') && node.style && (node.style.display == 'none' || node.style.visibility == 'hidden'))
      return false;
    return (
      !node.hasAttribute('hidden') &&
      (!node.hasAttribute('aria-hidden') ||
        node.getAttribute('aria-hidden') != 'true' ||
        !!(
          node.className &&
          (node.className as unknown as { includes?: unknown }).includes &&
          node.className.includes('fallback-image')
        ))
    );
  }

  _isElementWithoutContent(node: Element): boolean {
    return (
      node.nodeType === ELEMENT_NODE &&
      !hasText(node) &&
      (!node.children.length ||
        node.children.length == node.getElementsByTagName('br').length + node.getElementsByTagName('hr').length)
    );
  }

  _getLinkDensity(element: Element): number {
    // Readability divides the links' text length by the element's: without links that is 0.
    if (!element.getElementsByTagName('a').length) return 0;
    return plain._getLinkDensity.call(this, element);
  }

  _isPhrasingContent(this: FastReadabilityImpl<T> & Internals, node: Node): boolean {
    if (node.nodeType === TEXT_NODE) return true;
    let set = phrasingSets.get(this.PHRASING_ELEMS);
    if (!set) {
      set = new Set(this.PHRASING_ELEMS);
      phrasingSets.set(this.PHRASING_ELEMS, set);
    }
    const tag = (node as Element).tagName;
    if (set.has(tag)) return true;
    if (tag !== 'A' && tag !== 'DEL' && tag !== 'INS') return false;
    for (let c = node.firstChild; c; c = c.nextSibling) if (!this._isPhrasingContent(c)) return false;
    return true;
  }

  _hasChildBlockElement(this: FastReadabilityImpl<T> & Internals, element: Element): boolean {
    for (let c = element.firstElementChild; c; c = c.nextElementSibling) {
      if (this.DIV_TO_P_ELEMS.has(c.tagName) || this._hasChildBlockElement(c)) return true;
    }
    return false;
  }
}

export const FastReadability = FastReadabilityImpl as unknown as {
  new <T = string>(doc: Document, options?: Options<T>): Readability<T>;
};
