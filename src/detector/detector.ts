/**
 * The auto-clean detector: registered (scripting.registerContentScripts) only on the sites the user
 * enabled, so it runs on every page there and must cost next to nothing:
 *
 * - never on the critical path: it starts at document_idle and does its work in an idle callback;
 * - the verdict is autoclean/article-gate.ts (URL shape first, then a few selector queries; no
 *   Readability) — only when it says "article" does it message the background, which decides
 *   (mode, "show original" for this URL this session) and injects the full reader;
 * - never twice on the same page (a per-document set of page keys; a global guard against a second
 *   copy of this script);
 * - when the reader it opened is closed, that URL is dismissed for the session: neither reloads nor
 *   back/forward navigations bring it back (a bfcache restore does not re-run content scripts at
 *   all, and a fresh back/forward load is refused by the background's dismissed set);
 * - single-page apps: a same-document URL change (history.pushState, seen through the Navigation
 *   API where it exists, else popstate and link clicks) re-runs detection once the new page settles.
 *
 * `onMeasure` lets the benchmark build time each phase; the production entry passes nothing.
 */
import { isArticlePage } from '../autoclean/article-gate.js';
import { pageKey } from '../autoclean/session-rules.js';
import { sendFromDetector } from '../shell/messages/autoclean.js';
import { showOffer } from './offer-chip.js';

/** The reader overlay's host element (src/overlay): present while the reader is open. */
const OVERLAY_TAG = 'dateline-reader';
/** How long an SPA gets to render the new page after its URL changes, before we look at it. */
const SPA_SETTLE_MS = 800;

export interface DetectorOptions {
  onMeasure?: (phase: 'setup' | 'detect', start: number, end: number, detail: string) => void;
}

interface DetectorWindow {
  __datelineDetector?: true;
}

export function startDetector(win: Window, opts: DetectorOptions = {}): void {
  const t0 = performance.now();
  const g = win as unknown as DetectorWindow;
  if (g.__datelineDetector) return;
  g.__datelineDetector = true;
  const doc = win.document;
  const handled = new Set<string>();
  const stop = new AbortController();
  let lastHref = win.location.href;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const idle = (fn: () => void): void => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(fn, { timeout: 2000 });
    else setTimeout(fn, 1);
  };

  const overlayOpen = (): boolean => !!doc.documentElement.querySelector(`:scope > ${OVERLAY_TAG}`);

  /**
   * The reader's close is the user's "show original" for this URL. Watching starts before we ask
   * for the reader, so a close that happens before the background's answer reaches us is not missed.
   */
  const watchClose = (): (() => void) => {
    let seen = overlayOpen();
    const mo = new MutationObserver(() => {
      if (overlayOpen()) {
        seen = true;
        return;
      }
      if (!seen) return;
      mo.disconnect();
      void sendFromDetector('autoclean:dismiss', {}).catch(() => {});
    });
    mo.observe(doc.documentElement, { childList: true });
    stop.signal.addEventListener('abort', () => mo.disconnect(), { once: true });
    return () => mo.disconnect();
  };

  const navigationType = (): string => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.type ?? 'navigate';
  };

  const detect = (): void => {
    const href = win.location.href;
    const key = pageKey(href);
    if (!key || handled.has(key) || overlayOpen()) return;
    handled.add(key);
    const start = performance.now();
    const verdict = isArticlePage(doc, href);
    opts.onMeasure?.('detect', start, performance.now(), verdict.reason);
    if (!verdict.article) return;
    const unwatch = watchClose();
    sendFromDetector('autoclean:article', {
      navigation: handled.size > 1 ? 'spa' : navigationType(),
      reason: verdict.reason,
    })
      .then((r) => {
        if (r.action === 'offer') {
          showOffer(doc, {
            open: () => void sendFromDetector('autoclean:open', {}).catch(() => {}),
            dismiss: () => {
              unwatch();
              void sendFromDetector('autoclean:dismiss', {}).catch(() => {});
            },
          });
        } else if (r.action !== 'opened') unwatch();
      })
      .catch(() => stop.abort()); // extension reloaded or updated: this copy is an orphan, go quiet
  };

  /** A same-document URL change: look again once the app has rendered the new page. */
  const urlMaybeChanged = (): void => {
    if (win.location.href === lastHref) return;
    lastHref = win.location.href;
    clearTimeout(pending);
    pending = setTimeout(() => idle(detect), SPA_SETTLE_MS);
  };

  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  const signal = stop.signal;
  if (nav && typeof nav.addEventListener === 'function') {
    // currententrychange fires for every same-document entry change, history.pushState included.
    nav.addEventListener('currententrychange', urlMaybeChanged, { signal });
  } else {
    win.addEventListener('popstate', urlMaybeChanged, { signal });
    // pushState fires no event: a click is what usually causes one, so check shortly after clicks.
    doc.addEventListener('click', () => setTimeout(urlMaybeChanged, 300), { capture: true, passive: true, signal });
  }

  idle(detect);
  opts.onMeasure?.('setup', t0, performance.now(), '');
}
