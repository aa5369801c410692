/**
 * The class and id of blocks Readability rewrites, given back to what takes their place (issue #20).
 *
 * Readability (kept with keepClasses) still loses a block's name in two of its steps:
 * - `_grabArticle` replaces a <div> that holds one <p> and nothing else by that <p>
 *   (`<div class="caption"><p>Photo: AP</p></div>` → `<p>Photo: AP</p>`);
 * - `_simplifyNestedElements` replaces a <div>/<section> that holds one <div>/<section> by the
 *   child, and writes the parent's attributes over the child's (`<div class="body"><div
 *   class="credit">…` → `<div class="body">…`).
 * The cleaning rules that run after the pick read class names (caption, credit, byline, share, site
 *   chrome: clean.ts, page-chrome.ts), so they miss those blocks. Here both steps are watched and,
 * once Readability is done (so its scoring, which weighs class names, and its text are the same),
 * the lost names are added back to lines (the class tokens joined to the element's own, the id when
 * it has none); not to paragraphs, nor when several blocks lost the same class: a metered site
 * wraps every paragraph in `<div class="subscriber-only">`, and the paywall rule would take the
 * story paragraph by paragraph.
 */
import { FastReadability } from './readability-fast.js';
import { collapsedLength } from '../text/whitespace.js';

/** Longer than a caption, credit or label: a paragraph. */
const MAX_LINE = 300;
/** A class lost by this many blocks of the article or more is the wrapper of the story's paragraphs. */
const MAX_USES = 3;

interface Lost {
  /** The block Readability replaced. */
  block: Element;
  /** The element that took its place. */
  heir: Element;
  cls: string | null;
  id: string | null;
}

/** The class tokens of `b` that `a` lacks, appended to `a`'s. */
function joinClasses(a: string | null, b: string | null): string | null {
  const own = (a ?? '').split(/\s+/).filter(Boolean);
  const more = (b ?? '').split(/\s+/).filter((t) => t && !own.includes(t));
  return more.length ? [...own, ...more].join(' ') : a;
}

function giveBack({ heir, cls, id }: Lost): void {
  const joined = joinClasses(heir.getAttribute('class'), cls);
  if (joined) heir.setAttribute('class', joined);
  if (id && !heir.hasAttribute('id')) heir.setAttribute('id', id);
}

const base = FastReadability.prototype as unknown as {
  _hasSingleTagInsideElement(element: Element, tag: string): boolean;
  _postProcessContent(articleContent: Element): void;
};

/** FastReadability that gives the blocks it rewrites their class and id back once its work is done. */
class NamedReadability extends (FastReadability as unknown as new (doc: Document, options?: unknown) => object) {
  /** Blocks whose place another element took, in the order Readability replaced them. */
  #lost: Lost[] = [];

  _hasSingleTagInsideElement(element: Element, tag: string): boolean {
    const single = base._hasSingleTagInsideElement.call(this, element, tag);
    if (!single || !element.hasAttributes()) return single;
    const child = element.firstElementChild!;
    if (tag === 'P') {
      // `<div><p>` becomes the <p> only when the div's links are few; whether it did is seen after.
      this.#lost.push({
        block: element,
        heir: child,
        cls: element.getAttribute('class'),
        id: element.getAttribute('id'),
      });
    } else if (tag === 'DIV' || tag === 'SECTION') {
      // The parent's attributes are about to be written over the child's: the child's own are what is lost.
      if (child.hasAttributes())
        this.#lost.push({
          block: element,
          heir: child,
          cls: child.getAttribute('class'),
          id: child.getAttribute('id'),
        });
    }
    return single;
  }

  _postProcessContent(articleContent: Element): void {
    base._postProcessContent.call(this, articleContent);
    // Only where the block was replaced (it is no longer the heir's parent) and the heir is in the article.
    const replaced = this.#lost.filter(
      ({ block, heir }) => heir.parentElement !== block && heir !== articleContent && articleContent.contains(heir),
    );
    this.#lost = [];
    const uses = new Map<string, number>();
    for (const { cls } of replaced) if (cls) uses.set(cls, (uses.get(cls) ?? 0) + 1);
    for (const lost of replaced) {
      // A line (caption, credit, byline, share label), not a paragraph: a class that wraps a paragraph of
      // the story, or the same class lost by several blocks (the CMS's wrapper of each paragraph,
      // "subscriber-only" on every one of them on a metered site), is the story's own markup.
      if (lost.cls && (uses.get(lost.cls) ?? 0) >= MAX_USES) continue;
      if (collapsedLength(lost.heir.textContent ?? '') > MAX_LINE) continue;
      giveBack(lost);
    }
  }
}

export const ClassKeepingReadability = NamedReadability as unknown as typeof FastReadability;
