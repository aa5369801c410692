/**
 * While the reader is open, the page cannot take it off the screen.
 *
 * Opening already defeats the page's CSS as it is at that moment (inline !important host style, the
 * top layer, page-lock's rescue of a hostile <html> style). A page script can still act afterwards:
 * remove the host, rewrite its style attribute, hidePopover() it, add a stylesheet that hides <html>
 * (display:none on the root takes every child with it, top layer or not), or push rules through the
 * CSSOM (insertRule, adoptedStyleSheets), which no MutationObserver sees. This guard undoes each:
 *  - DOM changes are seen by a MutationObserver and repaired in its callback, before the next paint;
 *  - CSSOM-only changes are caught by a check once a second (one computed-style read of <html>).
 * A page that fights back (undoing each repair at once) would turn this into a busy loop: repairs are
 * capped per second, after which the guard waits for the next second instead of spinning.
 *
 * Everything hangs off `signal` (aborted when the reader closes); the guard never changes the page
 * beyond what the page lock restores on close.
 */

export interface KeepVisibleOptions {
  /** The style attribute the host must carry now, or null while the guard should stand aside (printing). */
  expectedStyle(): string | null;
  /** Puts the host (back) into the top layer. */
  showInTopLayer(): void;
  /** Re-neutralises hostile root styles (page-lock), when the page is locked. */
  rescueRoot(): void;
  signal: AbortSignal;
}

const REPAIRS_PER_SECOND = 20;
const CHECK_EVERY_MS = 1000;

/** Attributes of <html> and of the host through which CSS can start or stop matching. */
const WATCHED_ATTRIBUTES = ['style', 'class', 'id', 'hidden', 'inert', 'popover', 'dir', 'lang', 'media', 'disabled', 'rel', 'href'];

function isStyleNode(node: Node): boolean {
  const name = (node as Element).localName;
  return name === 'style' || name === 'link';
}

export function keepReaderVisible(doc: Document, host: HTMLElement, options: KeepVisibleOptions): void {
  const { signal } = options;
  const win = doc.defaultView;
  if (!win || signal.aborted) return;
  let windowStart = 0;
  let repairs = 0;

  const allowRepair = (): boolean => {
    const now = Date.now();
    if (now - windowStart > 1000) { windowStart = now; repairs = 0; }
    return ++repairs <= REPAIRS_PER_SECOND;
  };

  /** Host in place, with its own style, in the top layer; `styles` also re-checks the root's computed style. */
  const check = (styles: boolean): void => {
    if (signal.aborted) return;
    const expected = options.expectedStyle();
    if (expected === null) return;
    const root = doc.documentElement;
    let repaired = false;
    if (host.parentNode !== root && root && allowRepair()) {
      root.append(host);
      repaired = true;
    }
    if (host.getAttribute('style') !== expected && allowRepair()) {
      host.setAttribute('style', expected);
    }
    for (const attr of ['hidden', 'inert']) {
      if (host.hasAttribute(attr) && allowRepair()) host.removeAttribute(attr);
    }
    if (repaired || (host.hasAttribute('popover') && !host.matches(':popover-open'))) {
      if (allowRepair()) options.showInTopLayer();
    }
    if (styles || repaired) options.rescueRoot();
  };

  const observer = new win.MutationObserver((records) => {
    let styles = false;
    for (const r of records) {
      if (r.type === 'attributes') {
        if (r.target === doc.documentElement || isStyleNode(r.target)) styles = true;
      } else if (isStyleNode(r.target) || r.target.parentNode && isStyleNode(r.target.parentNode)) {
        styles = true; // a stylesheet's text changed
      } else {
        for (const n of Array.from(r.addedNodes)) if (isStyleNode(n) || (n as Element).querySelector?.('style, link')) styles = true;
      }
      if (styles) break;
    }
    check(styles);
  });
  observer.observe(doc, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
  const timer = win.setInterval(() => check(true), CHECK_EVERY_MS);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    win.clearInterval(timer);
  }, { once: true });
  // The top layer drops the host when the page calls hidePopover() on it (a 'toggle' event, no mutation).
  host.addEventListener('toggle', () => check(false), { signal });
}
