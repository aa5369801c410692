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
 *  - the top layer paints in the order elements entered it, so a page that shows its own popover or modal
 *    <dialog> after the reader opened would paint over it: the user would see the page's element and
 *    click through it (it is inert, in <body>) onto reader controls they cannot see, or click it (outside
 *    <body>). Each is seen as it happens (`beforetoggle` captured at the document, the `open` attribute a
 *    dialog gets) and the host is shown again, last, so it is on top again before the next paint. A modal
 *    dialog also makes everything outside it inert, the reader included wherever it sits in the top
 *    layer: the page's modal dialog is shown non-modal (it stays open, under the reader). A page element
 *    made fullscreen leaves fullscreen (`fullscreenchange`; Chromium hit-tests it first whatever is shown
 *    above it). Top-layer elements inside a shadow tree send no event the document sees: the check once
 *    a second also hit-tests the host's middle and raises it when covered (one that takes no clicks,
 *    inert or `pointer-events: none`, is not seen there, and a modal dialog there inerts the reader).
 * A page that fights back (undoing each repair at once) would turn this into a busy loop: repairs are
 * capped per second, after which the guard waits for the next second instead of spinning.
 *
 * Everything hangs off `signal` (aborted when the reader closes). The guard changes the page only where the
 * page acted against the reader while it was open: beyond what the page lock restores on close, a fullscreen
 * it entered was left. A modal dialog it showed was made non-modal while the reader was open: the function
 * returned gives it back its modality (called once the reader is gone and the page unlocked), so the page's
 * dialog behaves as its author meant (the rest of the page inert, Escape closes it, focus inside it).
 */

export interface KeepVisibleOptions {
  /** The style attribute the host must carry now, or null while the guard should stand aside (printing). */
  expectedStyle(): string | null;
  /** Puts the host (back) into the top layer. */
  showInTopLayer(): void;
  /** Shows the host in the top layer again, so that it is the last (topmost) element there. */
  raiseInTopLayer(): void;
  /** Re-neutralises hostile root styles (page-lock), when the page is locked. */
  rescueRoot(): void;
  signal: AbortSignal;
}

const REPAIRS_PER_SECOND = 20;
const CHECK_EVERY_MS = 1000;

/**
 * Attributes of <html> and of the host through which CSS can start or stop matching, and `open`: a <dialog>
 * shown (a modal one enters the top layer).
 */
const WATCHED_ATTRIBUTES = [
  'style',
  'class',
  'id',
  'hidden',
  'inert',
  'popover',
  'dir',
  'lang',
  'media',
  'disabled',
  'rel',
  'href',
  'open',
];

function isModal(el: Element): boolean {
  try {
    return el.localName === 'dialog' && el.matches(':modal');
  } catch {
    return false;
  }
}

function isStyleNode(node: Node): boolean {
  const name = (node as Element).localName;
  return name === 'style' || name === 'link';
}

export function keepReaderVisible(doc: Document, host: HTMLElement, options: KeepVisibleOptions): () => void {
  const { signal } = options;
  const win = doc.defaultView;
  /** The page's modal dialogs shown non-modal while the reader was open. */
  const demoted = new Set<HTMLDialogElement>();
  const restorePage = (): void => {
    for (const d of demoted) {
      if (!d.isConnected || !d.open || isModal(d)) continue;
      try {
        d.close();
        d.showModal();
      } catch {
        // The page changed the dialog meanwhile (e.g. made it a popover): leave it as it is.
      }
    }
    demoted.clear();
  };
  if (!win || signal.aborted) return restorePage;
  let windowStart = 0;
  let repairs = 0;

  const allowRepair = (): boolean => {
    const now = Date.now();
    if (now - windowStart > 1000) {
      windowStart = now;
      repairs = 0;
    }
    return ++repairs <= REPAIRS_PER_SECOND;
  };

  /** The element last focused in the reader, given its focus back when a page dialog takes it. */
  let lastFocus: HTMLElement | null = null;
  host.shadowRoot?.addEventListener(
    'focusin',
    (e) => {
      lastFocus = e.composedPath()[0] as HTMLElement;
    },
    { signal },
  );
  /** A raise the repair cap refused: done by the next check. */
  let raisePending = false;

  /**
   * Puts the host back on top of the top layer, after the page put `above` there (when known). The page's
   * modal dialogs are shown non-modal first; focus they (or `above`) took from the reader goes back to it.
   */
  const raise = (above: Element | null): void => {
    if (signal.aborted || options.expectedStyle() === null) return;
    if (!allowRepair()) {
      raisePending = true;
      return;
    }
    raisePending = false;
    const modals = above && isModal(above) ? [above] : Array.from(doc.querySelectorAll('dialog')).filter(isModal);
    for (const d of modals as HTMLDialogElement[]) {
      d.close();
      d.show();
      demoted.add(d);
    }
    // A modal dialog took the focus when shown; closed, it hands it back to the page (often <body>).
    const active = doc.activeElement;
    const tookFocus = active !== host && (modals.length > 0 || !!above?.contains(active));
    const focused = host.shadowRoot?.activeElement as HTMLElement | null | undefined;
    options.raiseInTopLayer();
    const refocus = tookFocus ? lastFocus : focused;
    if (refocus?.isConnected && host.shadowRoot?.activeElement !== refocus) refocus.focus({ preventScroll: true });
  };

  /** Is something painted over the middle of the host (a top-layer element no event told us about)? */
  const covered = (): boolean => {
    const r = host.getBoundingClientRect();
    if (!r.width || !r.height || typeof doc.elementFromPoint !== 'function') return false;
    const hit = doc.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && hit !== host && !host.contains(hit);
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
    let dialog: Element | null = null;
    for (const r of records) {
      if (r.type === 'attributes' && r.attributeName === 'open') {
        if (isModal(r.target as Element)) dialog = r.target as Element;
        continue;
      }
      if (styles) continue;
      if (r.type === 'attributes') {
        if (r.target === doc.documentElement || isStyleNode(r.target)) styles = true;
      } else if (isStyleNode(r.target) || (r.target.parentNode && isStyleNode(r.target.parentNode))) {
        styles = true; // a stylesheet's text changed
      } else {
        for (const n of Array.from(r.addedNodes))
          if (isStyleNode(n) || (n as Element).querySelector?.('style, link')) styles = true;
      }
    }
    check(styles);
    if (dialog) raise(dialog);
  });
  observer.observe(doc, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: WATCHED_ATTRIBUTES,
  });
  const timer = win.setInterval(() => {
    check(true);
    if (raisePending || covered() || Array.from(doc.querySelectorAll('dialog')).some(isModal)) raise(null);
  }, CHECK_EVERY_MS);
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      win.clearInterval(timer);
    },
    { once: true },
  );
  // The top layer drops the host when the page calls hidePopover() on it (a 'toggle' event, no mutation).
  host.addEventListener('toggle', () => check(false), { signal });
  // A popover of the page enters the top layer. 'beforetoggle' comes before it is shown: raise once the
  // page's script has returned (a microtask, still before the next paint). Dialogs that are not popovers
  // (some browsers send them toggle events too) are the observer's: only modal ones enter the top layer.
  doc.addEventListener(
    'beforetoggle',
    (e) => {
      const el = e.target as Element;
      if (el === host || (e as ToggleEvent).newState !== 'open' || !el.hasAttribute?.('popover')) return;
      queueMicrotask(() => raise(el));
    },
    { capture: true, signal },
  );
  // A page element made fullscreen (the user's click in the reader gives the page the activation it needs):
  // shown again above it, the reader paints on top, but Chromium still hit-tests the fullscreen element
  // first. The reader fills the screen anyway: the page leaves fullscreen while it is open.
  doc.addEventListener(
    'fullscreenchange',
    () => {
      const full = doc.fullscreenElement;
      if (!full || full === host || signal.aborted || options.expectedStyle() === null || !allowRepair()) return;
      doc.exitFullscreen().catch(() => undefined);
    },
    { signal },
  );
  return restorePage;
}
