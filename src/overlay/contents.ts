/**
 * Long-article aids (issue #23): a table of contents when the article has three or more section
 * headings (h2/h3), and a reading-progress bar with the time left.
 *
 * The contents are buttons, not #fragment links: a fragment link inside the shadow root would change
 * the page's URL and look for the id in the page, not in the reader.
 */
import { h } from './dom.js';
import { afterNextPaint } from './after-paint.js';

const MIN_HEADINGS = 3;

/** The article's section headings worth listing (not the standfirst, not empty ones). */
export function sectionHeadings(body: ParentNode): HTMLElement[] {
  return Array.from(body.querySelectorAll<HTMLElement>('h2, h3')).filter(
    (el) => !el.classList.contains('standfirst') && (el.textContent ?? '').trim().length > 0,
  );
}

/** A collapsed "Contents" list, or null for articles with fewer than three headings. */
export function renderContents(doc: Document, body: ParentNode, signal: AbortSignal): HTMLDetailsElement | null {
  const headings = sectionHeadings(body);
  if (headings.length < MIN_HEADINGS) return null;
  const list = h(doc, 'ol');
  for (const heading of headings) {
    heading.tabIndex = -1;
    const go = h(doc, 'button', { type: 'button', class: 'link', dir: 'auto' }, (heading.textContent ?? '').trim());
    go.addEventListener(
      'click',
      () => {
        heading.scrollIntoView({ block: 'start' });
        heading.focus({ preventScroll: true });
      },
      { signal },
    );
    list.append(h(doc, 'li', { class: heading.localName === 'h3' ? 'sub' : null }, go));
  }
  return h(doc, 'details', { class: 'toc' }, h(doc, 'summary', {}, `Contents · ${headings.length} sections`), list);
}

/**
 * Keeps the progress bar and "N min left" in step with the scroller, one update per frame at most.
 * `minutes` is the whole article's reading time.
 */
export function trackProgress(
  scroller: HTMLElement,
  bar: HTMLElement,
  left: HTMLElement,
  minutes: number,
  signal: AbortSignal,
): void {
  const win = scroller.ownerDocument.defaultView;
  if (!win) return;
  let queued = false;
  const update = (): void => {
    queued = false;
    const max = scroller.scrollHeight - scroller.clientHeight;
    // An article that fits on the screen has no progress to show.
    const done = max > 0 ? Math.min(1, Math.max(0, scroller.scrollTop / max)) : 0;
    bar.style.transform = `scaleX(${done})`;
    left.textContent = max <= 0 ? '' : timeLeft(done);
  };
  const timeLeft = (done: number): string => {
    const remaining = Math.ceil(minutes * (1 - done));
    return minutes <= 0 ? '' : remaining > 0 ? `${remaining} min left` : 'Finished';
  };
  scroller.addEventListener(
    'scroll',
    () => {
      if (queued) return;
      queued = true;
      win.requestAnimationFrame(update);
    },
    { passive: true, signal },
  );
  // The first frame shows the top of the article (scrolled to 0, so all of it left) without reading the
  // layout: a read there would lay the new reader out once for the read and again for the frame (issue #24).
  // Measured right after the first paint, which also finds an article that fits on the screen (no time left).
  left.textContent = timeLeft(0);
  afterNextPaint(win, () => {
    if (!signal.aborted) update();
  });
}
