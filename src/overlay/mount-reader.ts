/**
 * mountReader(doc, article, options) → handle: the reader overlay over any document — a news page
 * (from the content script) or the library page (saved articles, offline).
 *
 * Contract:
 * - The host is a hyphenated element never registered with customElements, attached to <html>, with
 *   `all: initial` and !important inline positioning, in the top layer when the browser has popovers:
 *   page CSS (`* { display: none !important }`, max z-index overlays, html::after) cannot hide or
 *   restyle it; its UI lives in an open shadow root with its own stylesheet.
 * - Article HTML reaches the screen only through sanitizeToFragment; all other UI is built with DOM APIs.
 * - Rendering is one synchronous pass into a detached tree, attached once (no layout thrash).
 * - Pages that are not articles get a small notice with "Show anyway" (when there is something to show),
 *   never an empty overlay or an error stack.
 * - role="dialog", aria-modal, labelled by the title; Esc closes; Tab stays inside; focus returns.
 * - The shadow root is open (page script can reach in): every control (settings, close, "Show anyway",
 *   links, the feature action buttons) and Esc answer only to trusted events (the user's input), never
 *   to a page's .click(), dispatched change or keydown (user-input.ts).
 * - While open, the page cannot hide or cover it: restyling or removing the host, closing its popover, CSS
 *   that hides <html>, or its own popover, modal dialog or fullscreen element shown after opening (the
 *   host is shown again, on top) are undone within a frame or two (keep-visible.ts).
 * - close() leaves the page as it was: DOM, root style attribute, inert state, scroll and focus.
 * - Every listener and timer hangs off one AbortController, aborted on close.
 */
import type { ExtractResult } from '../core/types.js';
import { adoptSanitized, sanitizeToFragment } from '../core/sanitize.js';
import { adoptStyles } from '../shell/platform.js';
import { h } from './dom.js';
import { READER_CSS } from './reader-css.js';
import { formatDatelineTimes, renderDateline, type DatelineTimes } from './dateline-view.js';
import { renderControls } from './controls.js';
import { deepActiveElement, lockPage, type PageLock } from './page-lock.js';
import { acceptOnlyUserInput } from './user-input.js';
import { afterNextPaint } from './after-paint.js';
import { keepReaderVisible } from './keep-visible.js';
import type { ListenView } from './listen/listen-view.js';
import { LISTEN_CSS } from './listen/listen-css.js';
import { LIVE_CSS, renderLiveBlog } from './live-view.js';
import type { ReaderSettings } from './settings.js';
import { OVERLAY_TAG, type MountOptions, type ReaderAction, type ReaderHandle } from './types.js';
import {
  bodyHasImage,
  bodyOpensWithPicture,
  collapseBrokenImage,
  renderLeadFigure,
  takeStrandedCaption,
} from './lead-image.js';
import { renderSiteMenu, type SiteMenu } from './site-menu.js';
import { commandFor, type ShortcutCommand } from './shortcuts.js';
import { renderContents, trackProgress } from './contents.js';
import type { ZapMode } from './zap-mode.js';
import type { ReaderExtras } from './extras.js';
import { FONTS, LIMITS, THEMES } from './settings.js';

const BASE_STYLE =
  'all: initial !important; display: block !important; position: fixed !important; z-index: 2147483647 !important; ' +
  'visibility: visible !important; opacity: 1 !important; pointer-events: auto !important; margin: 0 !important; ' +
  'padding: 0 !important; border: 0 !important; background: transparent !important; overflow: visible !important; ';
const FULL_STYLE =
  BASE_STYLE +
  'inset: 0 !important; width: 100% !important; height: 100% !important; ' +
  'max-width: none !important; max-height: none !important;';
const NOTICE_STYLE =
  BASE_STYLE +
  'top: 16px !important; right: 16px !important; left: auto !important; bottom: auto !important; ' +
  'width: min(380px, calc(100vw - 32px)) !important; height: auto !important;';
/** When printing, the host flows like a normal block so the article spans pages. */
const PRINT_STYLE = 'all: initial !important; display: block !important; position: static !important;';
/** Print-only rule hiding the page behind the reader; lives in the host's light DOM, so it leaves with it. */
const PRINT_PAGE_CSS = `@media print { html > :not(${OVERLAY_TAG}) { display: none !important; } }`;

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function mountReader(doc: Document, article: ExtractResult, options: MountOptions): ReaderHandle {
  const t0 = performance.now();
  const ctl = new AbortController();
  const { signal } = ctl;
  const win = doc.defaultView!;
  const locale = options.locale ?? win.navigator.language;
  // Absent: the runtime's own zone, which the formatting takes without asking Intl for its name.
  const { timeZone } = options;
  let settings: ReaderSettings = { ...options.settings };
  let mode: 'notice' | 'reader' = 'notice';
  let lock: PageLock | null = null;
  let closed = false;
  /** Undoes what the visibility guard had to change in the page (set once the guard runs). */
  let restorePage = (): void => undefined;
  let hostStyle = NOTICE_STYLE;
  let printing = false;
  const restoreFocusTo = deepActiveElement(doc);

  const host = doc.createElement(OVERLAY_TAG);
  const setHostStyle = (style: string): void => {
    hostStyle = style;
    host.setAttribute('style', style);
  };
  setHostStyle(NOTICE_STYLE);
  const printRule = doc.createElement('style');
  printRule.textContent = PRINT_PAGE_CSS;
  host.append(printRule);
  const root = host.attachShadow({ mode: 'open' });
  acceptOnlyUserInput(root, signal);
  adoptStyles(root, READER_CSS + LISTEN_CSS + LIVE_CSS);
  const status = h(doc, 'div', { class: 'status', role: 'status', 'aria-live': 'polite' });
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(statusTimer));

  let themed: HTMLElement | null = null;
  let controls: ReturnType<typeof renderControls> | null = null;
  let listen: ListenView | null = null;
  let siteMenu: SiteMenu | null = null;
  let help: ReturnType<ReaderExtras['renderHelp']> | null = null;
  /** The parts the first paint does without, once they are here (options.extras), and what fills them in. */
  let extras: ReaderExtras | null = options.extras && !('then' in options.extras) ? options.extras : null;
  let fillExtras: ((x: ReaderExtras) => void) | null = null;
  /** Listen asked for (the browser's shortcut) before Listen was here: started when it arrives. */
  let listenWanted = false;
  let helpReturnFocus: HTMLElement | null = null;
  let zap: ZapMode | null = null;
  /** Keyboard access to the features' buttons ("S" saves), by action id. */
  const actionRunners = new Map<string, () => Promise<void>>();

  function applySettings(s: ReaderSettings): void {
    settings = { ...s };
    if (!themed) return;
    themed.dataset.theme = s.theme;
    themed.dataset.font = s.font;
    themed.style.setProperty('--size', `${s.fontSize}px`);
    themed.style.setProperty('--measure', `${s.lineWidth}ch`);
    themed.style.setProperty('--leading', String(s.lineHeight));
    controls?.update(s);
  }

  function announce(message: string): void {
    clearTimeout(statusTimer);
    status.textContent = message;
    statusTimer = setTimeout(() => (status.textContent = ''), 4000);
  }

  function close(): void {
    if (closed) return;
    closed = true;
    ctl.abort();
    host.remove();
    if (lock) lock.release();
    else if (restoreFocusTo?.isConnected) (restoreFocusTo as HTMLElement).focus?.({ preventScroll: true });
    restorePage();
    options.onClose?.();
  }

  /** A feature's button: runs only on the user's own input; an outcome may turn it into its done state. */
  function actionButton(action: ReaderAction): HTMLButtonElement {
    const b = h(doc, 'button', { type: 'button', 'data-action': action.id, title: action.title }, action.label);
    let run = action.run;
    b.addEventListener(
      'click',
      async (e) => {
        // The shadow root is open, so page script can reach this button and call .click(): actions act
        // for the user (save, change auto-clean rules), so only the user's own input (a real click, or
        // Enter/Space on the focused button, both trusted) may run them.
        if (!e.isTrusted) return;
        await runAction(b, () => run());
      },
      { signal },
    );
    actionRunners.set(action.id, async () => runAction(b, () => run()));
    async function runAction(button: HTMLButtonElement, fn: typeof run): Promise<void> {
      if (button.disabled) return;
      button.disabled = true;
      try {
        const out = await fn();
        if (typeof out === 'string') announce(out);
        else if (out) {
          announce(out.message);
          if (out.done) {
            const done = out.done;
            button.textContent = done.label;
            button.title = done.title ?? '';
            button.classList.add('done');
            run = () => done.run();
          }
        }
      } catch (err) {
        announce(err instanceof Error ? err.message : String(err));
      } finally {
        button.disabled = false;
      }
    }
    return b;
  }

  function renderNotice(): HTMLElement {
    const canShow = !!article.content;
    const title =
      article.error?.code === 'too-large' || article.error?.code === 'empty'
        ? 'Nothing to read here'
        : 'This page doesn’t look like a news article';
    const detail =
      article.error?.message ??
      (canShow
        ? 'The reader works best on a single news story. You can still open what it found.'
        : 'No article text was found on this page.');
    const show = canShow
      ? h(doc, 'button', { type: 'button', class: 'primary', 'data-action': 'show-anyway' }, 'Show anyway')
      : null;
    const dismiss = h(doc, 'button', { type: 'button', 'data-action': 'dismiss' }, canShow ? 'Not now' : 'Close');
    show?.addEventListener('click', () => showReader(), { signal });
    dismiss.addEventListener('click', close, { signal });
    const box = h(
      doc,
      'div',
      {
        class: 'notice',
        role: 'dialog',
        'aria-modal': 'false',
        'aria-labelledby': 'dr-notice-title',
        'aria-describedby': 'dr-notice-text',
        dir: 'ltr',
        lang: 'en',
      },
      h(doc, 'h2', { id: 'dr-notice-title' }, title),
      h(doc, 'p', { id: 'dr-notice-text' }, detail),
      h(doc, 'div', { class: 'row' }, dismiss, show),
    );
    return box;
  }

  /**
   * The dateline line; with its times still being formatted (options.datelineTimes a promise), drawn
   * with the plain numbers and again, in place, when they come (formatted here after the first paint if
   * they do not). Not a live region: the line is read once, as it is when the reader gets there.
   */
  function datelineLine(): HTMLElement | null {
    const given = options.datelineTimes;
    if (!given || !('then' in given)) {
      return renderDateline(doc, article.dateline, { locale, timeZone, times: given });
    }
    let line = renderDateline(doc, article.dateline, { locale, timeZone, times: null });
    const redraw = (times: DatelineTimes): void => {
      if (closed || !line) return;
      const next = renderDateline(doc, article.dateline, { locale, timeZone, times });
      if (next) line.replaceWith(next);
      line = next;
    };
    given.then(redraw, () =>
      afterNextPaint(win, () => redraw(formatDatelineTimes(article.dateline, { locale, timeZone }))),
    );
    return line;
  }

  function renderReader(): HTMLElement {
    const dir = article.dir === 'rtl' ? 'rtl' : 'ltr';
    const lang = article.lang ?? undefined;
    const site = article.siteName || hostOf(article.canonicalUrl ?? article.url);
    const favicon =
      article.favicon && /^(https?:|data:image\/)/i.test(article.favicon)
        ? h(doc, 'img', { src: article.favicon, alt: '', width: 16, height: 16, referrerpolicy: 'no-referrer' })
        : null;
    favicon?.addEventListener('error', () => favicon.remove(), { once: true, signal });

    controls = renderControls(doc, settings, (s) => {
      applySettings(s);
      options.onSettingsChange?.(s);
    });
    const helpButton = h(
      doc,
      'button',
      { type: 'button', class: 'link help-open', 'aria-keyshortcuts': '?' },
      'Keyboard shortcuts (?)',
    );
    helpButton.addEventListener('click', () => openHelp(), { signal });
    controls.panel.append(helpButton);
    const closeButton = h(
      doc,
      'button',
      { type: 'button', class: 'icon close', 'aria-label': 'Close reader view', title: 'Close (Esc)' },
      '✕',
    );
    closeButton.addEventListener('click', close, { signal });

    // Site actions (auto-clean) and the original page sit in the menu behind the site's name; the
    // toolbar keeps what every article needs: Save, reading settings, close.
    const actions = options.actions ?? [];
    const sourceUrl = article.canonicalUrl ?? article.url;
    const menuItems: HTMLElement[] = actions.filter((a) => a.placement === 'site-menu').map(actionButton);
    const zapItem = h(
      doc,
      'button',
      { type: 'button', 'data-action': 'zap', 'aria-keyshortcuts': 'Z' },
      'Remove blocks by clicking (Z)',
    );
    zapItem.addEventListener('click', () => zap?.setOn(true), { signal });
    menuItems.push(zapItem);
    if (/^https?:/i.test(sourceUrl)) {
      menuItems.push(h(doc, 'a', { href: sourceUrl, rel: 'noopener' }, 'Open the original page'));
    }
    siteMenu = renderSiteMenu(doc, { site, favicon, items: menuItems, signal });
    const toolbarActions = h(
      doc,
      'div',
      { class: 'actions' },
      ...actions.filter((a) => a.placement !== 'site-menu').map(actionButton),
    );
    const timeLeft = h(doc, 'span', { class: 'time-left', 'aria-hidden': 'true' });
    const progress = h(doc, 'div', { class: 'progress', 'aria-hidden': 'true' }, h(doc, 'div', { class: 'bar' }));

    const toolbar = h(
      doc,
      'div',
      { class: 'toolbar', role: 'region', 'aria-label': 'Reader controls' },
      siteMenu.element,
      timeLeft,
      toolbarActions,
      controls.button,
      closeButton,
      controls.panel,
      progress,
    );

    // A byline that is only the agency ("By dpa") says less than the dateline's "Berlin (dpa)".
    const agency = article.dateline.agency?.trim().toLowerCase();
    const byline = article.byline && article.byline.trim().toLowerCase() !== agency ? article.byline : null;
    const metaBits: (string | Node)[] = [];
    // The UI speaks English; in a right-to-left article its phrases are isolated left-to-right runs
    // (dir="ltr" on an inline element isolates it), and the byline is just the name.
    if (byline) {
      metaBits.push(h(doc, 'span', { class: 'byline', dir: 'auto' }, dir === 'rtl' ? byline : `By ${byline}`));
    }
    if (article.readingMinutes > 0) {
      if (metaBits.length) metaBits.push(h(doc, 'span', { class: 'sep', 'aria-hidden': 'true' }, '·'));
      metaBits.push(h(doc, 'span', { class: 'reading-time', dir: 'ltr' }, `${article.readingMinutes} min read`));
    }
    const title = h(doc, 'h1', { id: 'dr-title', tabindex: -1 }, article.title || site);
    const head = h(
      doc,
      'header',
      { class: 'head' },
      // The page's kicker ("Dachzeile") above the title, as the page printed it (issue #20).
      article.kicker ? h(doc, 'p', { class: 'kicker', dir: 'auto' }, article.kicker) : null,
      title,
      // The summary the page prints under its headline (standfirst), apart from the article's text (issue #20).
      article.standfirst ? h(doc, 'p', { class: 'standfirst', dir: 'auto' }, article.standfirst) : null,
      datelineLine(),
      metaBits.length ? h(doc, 'p', { class: 'meta' }, ...metaBits) : null,
      article.paywalled
        ? h(
            doc,
            'p',
            { class: 'paywall', role: 'note' },
            'This is a preview: the rest of the article is behind the publisher’s paywall.',
          )
        : null,
    );
    const body = h(doc, 'div', { class: 'article-body' });
    // In an extension page (the library) a relative URL would point into the extension itself:
    // made absolute against the article's own address, or dropped. On a web page nothing changes, and
    // the tree extract() sanitized is adopted as it is.
    const onWeb = /^https?:$/.test(doc.location?.protocol ?? '');
    body.append(
      onWeb && options.body
        ? adoptSanitized(options.body, doc)
        : sanitizeToFragment(article.content, doc, onWeb ? {} : { baseUrl: article.url }),
    );
    // A live blog is shown as its timeline of entries with their times (Readability's body drops them).
    if (article.live?.entries.length) {
      const sanitize = onWeb ? {} : { baseUrl: article.url };
      body.replaceChildren(
        renderLiveBlog(doc, article.live, { locale, published: article.dateline.published, sanitize }),
      );
    }
    const opening = body.querySelector('h2, h3, p');
    if (opening && opening.localName !== 'p') opening.classList.add('standfirst');
    // The lead picture, once: not when the body already shows it (at any size) or opens with a picture,
    // and not on extension pages (the library), whose CSP refuses remote pictures.
    const leadUrl = article.leadImage;
    const remoteAllowed = !/-extension:$/.test(win.location.protocol);
    const lead =
      leadUrl &&
      /^https?:/i.test(leadUrl) &&
      remoteAllowed &&
      !bodyHasImage(body, leadUrl, sourceUrl) &&
      !bodyOpensWithPicture(body)
        ? renderLeadFigure(doc, leadUrl, takeStrandedCaption(body))
        : null;
    const images = [lead, body].flatMap((el) => (el ? Array.from(el.querySelectorAll('img')) : []));
    for (const img of images) {
      img.addEventListener('error', () => collapseBrokenImage(img), { once: true, signal });
    }
    const contents = renderContents(doc, body, signal);
    const articleEl = h(doc, 'article', { dir, lang, 'aria-labelledby': 'dr-title' }, head, lead, contents, body);
    const source = /^https?:/i.test(sourceUrl)
      ? h(
          doc,
          'p',
          { class: 'source', dir: 'ltr' },
          'Original: ',
          h(doc, 'a', { href: sourceUrl, rel: 'noopener' }, hostOf(sourceUrl)),
        )
      : null;

    // The related headlines go here, below the article: filling them in moves nothing above.
    const relatedSlot = h(doc, 'div', { class: 'related-slot' });
    const scroller = h(
      doc,
      'main',
      { class: 'scroller', tabindex: -1 },
      h(doc, 'div', { class: 'page' }, articleEl, relatedSlot, source),
    );
    trackProgress(scroller, progress.firstElementChild as HTMLElement, timeLeft, article.readingMinutes, signal);
    // Listen's button (issue #26) before "Aa": a disabled stand-in of the same size until Listen is here.
    const listenSlot = h(
      doc,
      'button',
      { type: 'button', class: 'listen', disabled: true, title: 'Listen (L)' },
      'Listen',
    );
    controls.button.before(listenSlot);
    // The reader's own UI is in English and left-to-right on every page (the host would otherwise
    // inherit the page's direction: `all: initial` leaves `direction` alone); the article and its
    // related headlines carry the page's own dir and lang.
    const dialog = h(
      doc,
      'div',
      {
        class: 'reader',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'dr-title',
        'aria-busy': extras ? null : 'true',
        dir: 'ltr',
        lang: 'en',
      },
      toolbar,
      scroller,
      status,
    );
    fillExtras = (x) => {
      fillExtras = null;
      const related = x.renderRelated(doc, options.related?.(x) ?? article.related, {
        locale,
        dir,
        lang: article.lang,
        now: options.now,
      });
      if (related) relatedSlot.replaceWith(related);
      else relatedSlot.remove();
      zap = x.createZapMode(doc, body, {
        site: hostOf(sourceUrl),
        store: options.zaps,
        signal,
        onStart: () => {
          siteMenu?.setOpen(false);
          controls?.setOpen(false);
        },
        onEnd: () => siteMenu?.button.focus({ preventScroll: true }),
      });
      help = x.renderHelp(doc);
      help.closeButton.addEventListener('click', () => closeHelp(), { signal });
      listen = x.renderListen({
        doc,
        root,
        article,
        head,
        body,
        related,
        scroller,
        signal,
        speech: options.speech === undefined ? x.nativeSpeech(win) : options.speech,
      });
      // Focus on the stand-in (it cannot have it: disabled) or anywhere else stays where it is.
      listenSlot.replaceWith(listen.button);
      toolbar.after(listen.bar, zap.bar);
      status.after(help.dialog);
      dialog.removeAttribute('aria-busy');
      if (listenWanted) listen.toggle();
    };
    // The settings panel and the site menu close when the reader is clicked anywhere else, like menus.
    dialog.addEventListener(
      'pointerdown',
      (e) => {
        const target = e.target as Node;
        if (controls?.isOpen() && !controls.panel.contains(target) && !controls.button.contains(target))
          controls.setOpen(false);
        if (siteMenu?.isOpen() && !siteMenu.element.contains(target)) siteMenu.setOpen(false);
      },
      { signal },
    );
    return dialog;
  }

  function openHelp(): void {
    if (!help || !help.dialog.hidden) return;
    const active = root.activeElement as HTMLElement | null;
    helpReturnFocus = active && !help.dialog.contains(active) ? active : null;
    controls?.setOpen(false);
    siteMenu?.setOpen(false);
    help.dialog.hidden = false;
    help.dialog.querySelector<HTMLElement>('h2')?.focus();
  }

  function closeHelp(): void {
    if (!help || help.dialog.hidden) return;
    help.dialog.hidden = true;
    const back =
      helpReturnFocus?.isConnected && helpReturnFocus.getClientRects().length
        ? helpReturnFocus
        : root.querySelector<HTMLElement>('#dr-title');
    back?.focus({ preventScroll: true });
  }

  /** The reader's single-key commands (shortcuts.ts lists them in the "?" dialog). */
  function runCommand(command: ShortcutCommand): void {
    if (!controls) return;
    const step = (dirn: 1 | -1): void => {
      const { min, max, step: by } = LIMITS.fontSize;
      controls!.set({ fontSize: Math.min(max, Math.max(min, settings.fontSize + dirn * by)) });
    };
    const next = <T>(list: readonly T[], value: T): T => list[(list.indexOf(value) + 1) % list.length]!;
    switch (command) {
      case 'larger':
        step(1);
        announce(`Text size ${settings.fontSize}px`);
        break;
      case 'smaller':
        step(-1);
        announce(`Text size ${settings.fontSize}px`);
        break;
      case 'theme':
        controls.set({ theme: next(THEMES, settings.theme) });
        announce(`Theme: ${settings.theme}`);
        break;
      case 'font':
        controls.set({ font: next(FONTS, settings.font) });
        announce(`Typeface: ${settings.font}`);
        break;
      case 'save':
        void actionRunners.get('save')?.();
        break;
      case 'help':
        openHelp();
        break;
      case 'zap':
        zap?.setOn(!zap.isOn());
        break;
      case 'contents': {
        const toc = root.querySelector<HTMLDetailsElement>('.toc');
        if (!toc) {
          announce('This article has no table of contents.');
          break;
        }
        toc.open = true;
        toc.querySelector('summary')?.scrollIntoView({ block: 'nearest' });
        toc.querySelector<HTMLElement>('li button')?.focus();
        break;
      }
      case 'next-related':
      case 'previous-related': {
        const links = Array.from(root.querySelectorAll<HTMLElement>('.related a'));
        if (!links.length) {
          announce('No related headlines on this page.');
          break;
        }
        const at = links.indexOf(root.activeElement as HTMLElement);
        const to =
          command === 'next-related'
            ? at < 0
              ? 0
              : Math.min(links.length - 1, at + 1)
            : at < 0
              ? links.length - 1
              : Math.max(0, at - 1);
        links[to]!.focus();
        links[to]!.scrollIntoView({ block: 'nearest' });
        break;
      }
    }
  }

  function showReader(): void {
    if (closed) return;
    const dialog = renderReader();
    if (extras) fillExtras?.(extras);
    for (const el of Array.from(root.children)) if (el.tagName !== 'STYLE') el.remove();
    themed = dialog;
    applySettings(settings);
    mode = 'reader';
    if (!lock) {
      const held = (lock = lockPage(doc));
      if (options.lockAfterPaint) afterNextPaint(win, () => !closed && held.engage());
      else held.engage();
    }
    setHostStyle(FULL_STYLE);
    root.append(dialog);
    // The fade-in plays once: shown again (raised in the top layer, or back after the page hid it), the
    // reader is at full opacity at once, never half see-through over what the page put under it.
    dialog.addEventListener('animationend', () => dialog.setAttribute('data-settled', ''), { once: true, signal });
    if (host.isConnected) focusInside();
    options.onShown?.(performance.now() - t0);
  }

  function showNotice(): void {
    const box = renderNotice();
    themed = box;
    applySettings(settings);
    root.append(box);
  }

  // Keyboard: Esc closes the innermost layer first (help dialog, site menu, settings panel), then the
  // reader; Tab cycles inside the overlay (inside the help dialog while it is open), toolbar first.
  // A synthetic Escape from page script is ignored: only the user's own key closes the reader.
  doc.addEventListener(
    'keydown',
    (e) => {
      if (!e.isTrusted || e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      e.stopPropagation();
      if (help && !help.dialog.hidden) closeHelp();
      else if (siteMenu?.isOpen()) siteMenu.setOpen(false, 'button');
      else if (zap?.isOn()) zap.setOn(false);
      else if (controls?.isOpen()) {
        controls.setOpen(false);
        controls.button.focus();
      } else close();
    },
    { capture: true, signal },
  );
  root.addEventListener(
    'keydown',
    (e) => {
      const ke = e as KeyboardEvent;
      if (ke.key !== 'Tab') return;
      const layer: ParentNode = help && !help.dialog.hidden ? help.dialog : root;
      const list = Array.from(layer.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
        (el) => el.getClientRects().length > 0,
      );
      if (!list.length) return;
      const first = list[0]!;
      const last = list[list.length - 1]!;
      const active = root.activeElement as HTMLElement | null;
      const at = active ? list.indexOf(active) : -1;
      // From the title (where focus starts), the scroller or anywhere not in the tab order, Tab goes to
      // the toolbar first, not to the first link in the article (sometimes far down the related list).
      const atStart =
        !active || active.id === 'dr-title' || active.id === 'dr-help-title' || active.classList.contains('scroller');
      if (at < 0 && atStart) {
        ke.preventDefault();
        (ke.shiftKey ? last : first).focus();
      } else if (ke.shiftKey && active === first) {
        ke.preventDefault();
        last.focus();
      } else if (!ke.shiftKey && active === last) {
        ke.preventDefault();
        first.focus();
      }
    },
    { signal },
  );
  // The reader's single-key shortcuts (the user's own keys only).
  root.addEventListener(
    'keydown',
    (e) => {
      const ke = e as KeyboardEvent;
      if (!ke.isTrusted || mode !== 'reader' || ke.defaultPrevented) return;
      const command = commandFor(ke);
      if (!command || (help && !help.dialog.hidden && command !== 'help')) return;
      ke.preventDefault();
      runCommand(command);
    },
    { signal },
  );
  // Keys typed in the reader are the reader's: the page's shortcuts (j/k, s for search…) must not fire.
  for (const type of ['keydown', 'keyup', 'keypress'] as const)
    host.addEventListener(type, (e) => e.stopPropagation(), { signal });

  // Printing: flow the host as a block (the top layer and fixed positioning would print one screen only).
  win.addEventListener(
    'beforeprint',
    () => {
      if (mode !== 'reader') return;
      printing = true;
      if (host.matches(':popover-open')) host.hidePopover();
      host.setAttribute('style', PRINT_STYLE);
    },
    { signal },
  );
  win.addEventListener(
    'afterprint',
    () => {
      if (mode !== 'reader' || closed) return;
      printing = false;
      setHostStyle(FULL_STYLE);
      showInTopLayer();
    },
    { signal },
  );

  function focusInside(): void {
    // Reader: the title (screen readers start at the top; Space/PageDown/arrows scroll the article,
    // its scroll container, at once; Tab goes to the toolbar next).
    // Notice: its main button, so Enter shows the article and Esc dismisses.
    const target =
      mode === 'reader'
        ? root.querySelector<HTMLElement>('#dr-title')
        : (root.querySelector<HTMLElement>('.notice button.primary') ??
          root.querySelector<HTMLElement>('.notice button'));
    target?.focus({ preventScroll: true });
  }

  function showInTopLayer(): void {
    // The top layer paints above any z-index the page uses (including html::after); browsers without
    // the Popover API still get z-index max on the last child of <html>.
    if (typeof host.showPopover !== 'function') return;
    try {
      if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // Not fatal: the z-index fallback still applies.
    }
  }

  /** Hidden and shown again: the top layer paints in order of entry, so the host is on top again. */
  function raiseInTopLayer(): void {
    if (typeof host.showPopover !== 'function') return;
    themed?.setAttribute('data-settled', '');
    try {
      if (host.matches(':popover-open')) host.hidePopover();
    } catch {
      // Not shown as a popover: showInTopLayer tries again.
    }
    showInTopLayer();
  }

  if (options.extras && 'then' in options.extras) {
    options.extras.then(
      (x) => {
        extras = x;
        if (!closed) fillExtras?.(x);
      },
      (e: unknown) => {
        // The article is on screen: without its extras it still reads (no related headlines, Listen, zap).
        console.warn('Dateline Reader: the reader’s extras did not load', e);
        themed?.removeAttribute('aria-busy');
      },
    );
  }

  const isArticle = article.isNews && !article.error && !!article.content;
  if (options.force || isArticle) {
    if (article.content || article.title) showReader();
    else showNotice();
  } else showNotice();
  doc.documentElement.append(host);
  showInTopLayer();
  // Focus makes the browser compute the overlay's style and layout before the paint, and :focus styles
  // it again: in the fast open it moves in once the first paint is on screen and the frame after it has
  // begun (afterNextPaint), so that it holds up neither (issue #24).
  if (options.lockAfterPaint) afterNextPaint(win, () => !closed && focusInside());
  else focusInside();
  restorePage = keepReaderVisible(doc, host, {
    expectedStyle: () => (printing ? null : hostStyle),
    showInTopLayer,
    raiseInTopLayer,
    rescueRoot: () => lock?.rescue(),
    signal,
  });

  return {
    host,
    shadowRoot: root,
    get mode() {
      return mode;
    },
    close,
    applySettings,
    announce,
    toggleListen: () => {
      if (listen) listen.toggle();
      else listenWanted = true;
    },
    signal,
  };
}
