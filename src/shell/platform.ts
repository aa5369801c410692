/**
 * The one place for cross-browser differences. Each entry names the browser, the symptom and a link;
 * everything else in the code base is written once for both browsers.
 */
import { browser } from './browser.js';

/**
 * Is this script's extension context still alive? After the extension is reloaded or updated, Chrome
 * leaves already-injected content scripts running ("orphans") with `chrome.runtime.id` undefined; every
 * extension API call then throws "Extension context invalidated".
 * Firefox unloads content scripts with their extension, so there it is always true while we run.
 * https://developer.chrome.com/docs/extensions/develop/concepts/content-scripts#handling-orphaned-content-scripts
 */
export function extensionAlive(): boolean {
  try {
    return typeof browser.runtime?.id === 'string' && browser.runtime.id.length > 0;
  } catch {
    return false;
  }
}

const parsedSheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/**
 * Puts a stylesheet into a shadow root.
 * Chrome: a constructed stylesheet (adoptedStyleSheets) — not subject to the page's CSP style-src, and
 * parsed once per tab.
 * Firefox: assigning adoptedStyleSheets from a content script throws (the array wrapper crosses the Xray
 * boundary): https://bugzilla.mozilla.org/show_bug.cgi?id=1928865 (mdn/browser-compat-data#25003), so we
 * fall back to a <style> element inside the shadow root (after fishjar/kiss-translator#918, same fix).
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const view = root.ownerDocument.defaultView;
    if (!view || !('adoptedStyleSheets' in root)) throw new Error('no constructable stylesheets');
    // One parsed sheet per document and stylesheet text: reopening the reader does not re-parse it.
    let sheets = parsedSheets.get(root.ownerDocument);
    if (!sheets) parsedSheets.set(root.ownerDocument, (sheets = new Map()));
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length !== 1) throw new Error('not adopted');
  } catch {
    const style = root.ownerDocument.createElement('style');
    style.textContent = css;
    root.prepend(style);
  }
}

/**
 * Shows which tabs have the reader open, on the toolbar button.
 * Both browsers support per-tab badge text; Firefox also needs the text colour set or it picks one that
 * can be unreadable on our badge colour (setBadgeTextColor: Firefox 63+, Chrome 110+).
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/action/setBadgeTextColor
 */
export async function setReaderBadge(tabId: number, open: boolean): Promise<void> {
  const action = browser.action;
  // Closing clears only our own mark ("AUTO" belongs to auto-clean).
  const write = open || (await action.getBadgeText({ tabId }).catch(() => '')) === 'ON';
  await Promise.all([
    write ? action.setBadgeText({ tabId, text: open ? 'ON' : '' }) : undefined,
    open ? action.setBadgeBackgroundColor({ tabId, color: '#1A5FB4' }) : undefined,
    open && typeof action.setBadgeTextColor === 'function'
      ? action.setBadgeTextColor({ tabId, color: '#FFFFFF' })
      : undefined,
    action.setTitle({ tabId, title: open ? 'Close reader view (Alt+Shift+R)' : 'Reader view (Alt+Shift+R)' }),
  ]).catch(() => {
    // The tab may have closed meanwhile: nothing to show.
  });
}

/**
 * Error text of a message sent to a tab with no listener (the content script isn't injected yet).
 * Chrome and Firefox both say "Could not establish connection. Receiving end does not exist."; the
 * polyfill's empty reply becomes our "no handler for …" (a listener that ignored the message: an
 * orphaned or foreign script).
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/tabs/sendMessage
 */
export function isNoReceiverError(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /Receiving end does not exist|Could not establish connection|no handler for/i.test(msg);
}

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/**
 * Hands the main thread back to the page for a moment (between two steps of the reader's open, issue
 * #24: no long task that holds the page's input and rendering).
 * Chrome 129+: scheduler.yield(), whose continuation runs ahead of other tasks already queued, so a
 * busy page does not delay the reader. Firefox (and older Chrome): a MessageChannel message, a task
 * without setTimeout's 4 ms clamp on nested timers.
 * https://developer.mozilla.org/en-US/docs/Web/API/Scheduler/yield
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}
