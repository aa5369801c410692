/**
 * The reader in the background: toolbar button, keyboard shortcuts, context menu and badge.
 *
 * A click (or Alt+Shift+R, which Chrome and Firefox route to action.onClicked as `_execute_action`)
 * grants activeTab; we inject content.js (scripting.executeScript, on demand: no script runs on pages
 * the user never opens the reader on) and message it, or, on a tab whose page has it already, message it
 * and inject only when none answers. The content script has a load-once guard, so racing clicks never load it twice.
 *
 * `registerReader()` must run synchronously at the background's top level: an MV3 service worker
 * (and a Firefox event page) only receives events whose listeners exist when it wakes up.
 */
import { browser, type Menus, type Runtime, type Tabs } from '../shell/browser.js';
import { handleMessages, sendToTab, type Handlers } from '../shell/messages.js';
import type { ReaderToBackground } from '../shell/messages/reader.js';
import { isNoReceiverError, setReaderBadge } from '../shell/platform.js';
import { StorageItem } from '../shell/storage.js';
import { formatDatelineTimes } from '../overlay/dateline-view.js';

export const CONTENT_SCRIPT = 'content.js';
/** The content script's second part, loaded after the reader's first paint (overlay/extras.ts). */
const LATER_SCRIPT = 'content-later.js';
export const MENU_OPEN = 'reader:open';

async function inject(tabId: number, file = CONTENT_SCRIPT): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [file] });
}

/**
 * The tabs whose page has our content script, as far as this browser session knows: injected by us and
 * not navigated since (tabs.onUpdated 'loading' drops a tab). In storage.session, because an MV3 worker
 * is stopped after 30 s idle and the set must outlive it; the set is only a hint, both ways: a tab not
 * in it gets content.js injected (a page that has it already keeps its copy: the load-once guard), a tab
 * in it whose page has no listener after all is injected then.
 */
const injectedTabs = new StorageItem<number[]>('readerInjectedTabs', [], 'session');
let injected: Promise<Set<number>> | null = null;
const injectedSet = (): Promise<Set<number>> =>
  (injected ??= injectedTabs.get().then(
    (ids) => new Set(ids),
    () => new Set<number>(),
  ));
async function rememberInjected(tabId: number, has: boolean): Promise<void> {
  const set = await injectedSet();
  if (set.has(tabId) === has) return;
  if (has) set.add(tabId);
  else set.delete(tabId);
  await injectedTabs.set([...set]).catch(() => {});
}

/**
 * Sends a message to the tab's reader, injecting the content script first if nobody is listening. On a
 * tab we never injected into, the injection comes first: a message there would only come back with "no
 * receiver", a round trip to the page before the reader can start (issue #24).
 */
async function withContentScript<T>(tabId: number, send: () => Promise<T>): Promise<T> {
  if ((await injectedSet()).has(tabId)) {
    try {
      return await send();
    } catch (e) {
      // No receiver: the page navigated without our noticing, or its script is an orphan of an older
      // version of the extension (its listener died with its context). Inject and try again.
      if (!isNoReceiverError(e)) throw e;
    }
  }
  await inject(tabId);
  void rememberInjected(tabId, true);
  return send();
}

/** Toggles the overlay in a tab; `force` true only opens, false only closes. Resolves to the new state. */
export async function toggleReader(tabId: number, force?: boolean): Promise<boolean> {
  const { open } = await withContentScript(tabId, () =>
    sendToTab(tabId, 'reader:toggle', force === undefined ? {} : { force }),
  );
  return open;
}

/** The 'save-article' command: the content script extracts and saves through the library message. */
export async function saveFromTab(tabId: number): Promise<{ saved: boolean; message: string }> {
  return withContentScript(tabId, () => sendToTab(tabId, 'reader:save', {}));
}

/** The 'listen' command: read the tab's article aloud (opening the reader first when needed). */
export async function listenInTab(tabId: number): Promise<{ open: boolean }> {
  return withContentScript(tabId, () => sendToTab(tabId, 'reader:listen', {}));
}

/**
 * The reader's dateline is formatted here (reader:dateline) while the page is read: the first such
 * formatter of a worker's life costs the most (the locale's data loaded: ~13 ms in a worker the click
 * woke), so it is built on the click, while the browser injects the content script, not when the page's
 * message is waiting; and only once the injection (or the message to a page that has the script) is
 * asked for, which on a woken worker waits for storage.session first: never in front of it.
 */
function warmDatelineFormat(): void {
  try {
    formatDatelineTimes({ published: '2024-01-01T12:00Z', modified: null }, { locale: navigator.language });
  } catch {
    /* only a head start */
  }
}

/** What a toolbar click does (also the e2e build's test hook, Firefox having no triggerAction). */
export async function onActionClicked(tab: Pick<Tabs.Tab, 'id'>): Promise<boolean | undefined> {
  if (tab.id === undefined || tab.id < 0) return undefined;
  try {
    const toggled = toggleReader(tab.id);
    // A task after the set's read: toggleReader's continuation (the request) runs in the microtasks before it.
    void injectedSet().then(() => setTimeout(warmDatelineFormat, 0));
    return await toggled;
  } catch (e) {
    // Pages where extensions may not run (the Web Store, about:, view-source:, PDF viewer) land here.
    console.warn('Dateline Reader: cannot open the reader on this page:', e instanceof Error ? e.message : e);
    return undefined;
  }
}

const handlers: Handlers<ReaderToBackground> = {
  'reader:state': async (payload, sender) => {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || sender.frameId !== 0) throw new Error('reader:state only from a tab’s top frame');
    await setReaderBadge(tabId, payload?.open === true);
  },
  'reader:dateline': async (payload) => {
    const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);
    const locale = str(payload?.locale) ?? undefined;
    return formatDatelineTimes({ published: str(payload?.published), modified: str(payload?.modified) }, { locale });
  },
  'reader:extras': async (_payload, sender) => {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || sender.frameId !== 0) throw new Error('reader:extras only from a tab’s top frame');
    await inject(tabId, LATER_SCRIPT);
  },
};

function fromOwnContentScript(_type: keyof ReaderToBackground, sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && !!sender.tab;
}

function createMenus(): void {
  // Menu items persist across service-worker restarts in both browsers; create them once per install/update.
  browser.contextMenus.create({ id: MENU_OPEN, title: 'Open in reader view', contexts: ['page', 'selection'] }, () => {
    void browser.runtime.lastError; // "duplicate id" after a restart in some versions: harmless
  });
}

/** Registers the reader's listeners. Call once, synchronously, at the background's top level. */
export function registerReader(): void {
  browser.action.onClicked.addListener((tab) => void onActionClicked(tab));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'save-article' && tab?.id !== undefined) {
      void saveFromTab(tab.id).catch((e: unknown) => console.warn('Dateline Reader: save failed:', e));
    }
    if (command === 'listen' && tab?.id !== undefined) {
      void listenInTab(tab.id).catch((e: unknown) => console.warn('Dateline Reader: listen failed:', e));
    }
  });
  browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
    if (info.menuItemId === MENU_OPEN && tab?.id !== undefined) void toggleReader(tab.id, true).catch(() => {});
  });
  browser.runtime.onInstalled.addListener(createMenus);
  // A navigation replaces the page and its overlay: the badge must not say "ON" on the new page.
  // Firefox resets per-tab badges on navigation by itself, Chrome only when the tab closes. We see no
  // URLs here (no "tabs" permission), so any load clears it; the reader's page is locked while open,
  // so no same-document navigation happens under it.
  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading') {
      void setReaderBadge(tabId, false);
      void rememberInjected(tabId, false); // a new document: our script is gone with the old one
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void rememberInjected(tabId, false));
  handleMessages<ReaderToBackground>(handlers, fromOwnContentScript);
}
