/**
 * The sentence being said, highlighted and kept in view.
 *
 * With the CSS Custom Highlight API (Chrome 105+, Firefox 140+) the words are painted by
 * `::highlight(dateline-listen)` without touching the article's DOM; elsewhere the block gets a class
 * instead. Either way the block carries `data-listen="current"` (its styling hook, and what a test
 * can observe from outside). Scrolling follows the speech only when the sentence leaves the view,
 * and jumps instead of gliding when the user prefers reduced motion.
 */
export const HIGHLIGHT_NAME = 'dateline-listen';

interface HighlightRegistryLike {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => unknown;

/** A Range over text offsets [start, end) of `el`'s text content (whole element when `span` is null). */
export function rangeFor(el: Element, span: { start: number; end: number } | null): Range {
  const doc = el.ownerDocument;
  const range = doc.createRange();
  if (!span) {
    range.selectNodeContents(el);
    return range;
  }
  const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let pos = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const len = node.data.length;
    if (!started && span.start <= pos + len) {
      range.setStart(node, span.start - pos);
      started = true;
    }
    if (started && span.end <= pos + len) {
      range.setEnd(node, span.end - pos);
      return range;
    }
    pos += len;
  }
  if (!started) range.selectNodeContents(el);
  else range.setEndAfter(el.lastChild ?? el);
  return range;
}

export interface Highlighter {
  show(el: Element, span: { start: number; end: number } | null): void;
  clear(): void;
}

export function createHighlighter(scroller: HTMLElement): Highlighter {
  const win = scroller.ownerDocument.defaultView!;
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
  const Highlight = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  let current: Element | null = null;

  const paint = (range: Range): boolean => {
    if (!css?.highlights || typeof Highlight !== 'function') return false;
    try {
      css.highlights.set(HIGHLIGHT_NAME, new Highlight(range));
      return true;
    } catch {
      return false; // e.g. an engine that exposes the registry to content scripts but not the constructor
    }
  };

  const keepInView = (range: Range): void => {
    const r = range.getBoundingClientRect();
    const box = scroller.getBoundingClientRect();
    if (!r.height && !r.width) return;
    const margin = Math.min(80, box.height / 6);
    if (r.top >= box.top + margin && r.bottom <= box.bottom - margin) return;
    const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    scroller.scrollBy({ top: r.top - box.top - box.height / 3, behavior: reduce ? 'auto' : 'smooth' });
  };

  return {
    show(el, span) {
      if (current !== el) {
        current?.removeAttribute('data-listen');
        current?.classList.remove('listen-fallback');
        current = el;
        el.setAttribute('data-listen', 'current');
      }
      const range = rangeFor(el, span);
      if (!paint(range)) el.classList.add('listen-fallback');
      try {
        keepInView(range);
      } catch {
        // No layout (a DOM without rendering): nothing to scroll.
      }
    },
    clear() {
      current?.removeAttribute('data-listen');
      current?.classList.remove('listen-fallback');
      current = null;
      try {
        css?.highlights?.delete(HIGHLIGHT_NAME);
      } catch {
        /* nothing painted */
      }
    },
  };
}
