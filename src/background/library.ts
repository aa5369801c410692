/**
 * The library in the background: the 'library:save' and 'library:open' handlers and the
 * "Save to library" / "Open library" menu items. Called synchronously at the background's top level
 * by index.ts (an MV3 service worker only gets events whose listeners exist when it wakes).
 *
 * How images get into the library without <all_urls>. The content script extracts the article and
 * sends it here; the background downloads the article's images and stores them with it in one
 * transaction. The background's fetch can reach:
 *  - the tab's own origin: a click on the toolbar button, the Alt+Shift+S shortcut and the context
 *    menu grant activeTab, which in Chrome includes network access to that origin (no CORS);
 *  - any origin the user granted through optional_host_permissions (the options page's per-site
 *    grants for auto-clean), with the same effect;
 *  - any image server that answers CORS requests (most CDNs send Access-Control-Allow-Origin: *).
 * Anything else (a CDN on another domain without CORS, in Firefox possibly the tab's origin too:
 * its activeTab grant is tied to the document, bug 2086712) fails with a TypeError and the image
 * is kept as a link, with a note in the saved article saying how many and why. We chose this over
 * reading pixels in the page: a canvas is tainted by exactly the same cross-origin images, and
 * shipping base64 bytes through runtime messages (JSON in Chrome) costs more than re-downloading
 * from the HTTP cache. No cookies and no referrer are sent (fetch-images.ts).
 */
import { browser, type Menus, type Runtime, type Tabs } from '../shell/browser.js';
import { handleMessages, type Handlers } from '../shell/messages.js';
import type { LibraryToBackground } from '../shell/messages/library.js';
import { openLibrary, type LibraryDatabase } from '../store/database.js';
import { saveArticle, validateArticle } from '../store/save-article.js';
import { fetchImages, imageUrls } from '../store/fetch-images.js';
import { librarySettingsItem } from '../store/library-settings.js';
import { LibraryError } from '../store/library-error.js';
import { announceLibraryChange } from '../store/library-events.js';
import { saveFromTab } from './reader.js';

export const MENU_SAVE = 'library:save';
export const MENU_OPEN_LIBRARY = 'library:open';
export const LIBRARY_PAGE = 'library.html';

/** One connection per background lifetime, reopened after another context upgraded the database. */
function connection(): () => Promise<LibraryDatabase> {
  let db: Promise<LibraryDatabase> | null = null;
  return () => {
    db ??= openLibrary({ onVersionChange: () => (db = null) }).catch((e: unknown) => {
      db = null;
      throw e;
    });
    return db;
  };
}

function originOf(url: string | undefined): string | null {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
}

/** An article may only be saved by the page it came from (or by the extension's own pages). */
function assertSenderMayClaim(articleUrl: string, sender: Runtime.MessageSender): void {
  const own = originOf(browser.runtime.getURL(''));
  const from = originOf(sender.url ?? sender.tab?.url);
  if (from === own) return;
  if (!from || from !== originOf(articleUrl))
    throw new LibraryError('invalid', "This article can't be saved: it does not come from the page that sent it.");
}

async function openLibraryPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(LIBRARY_PAGE) });
}

function createMenus(): void {
  browser.contextMenus.create(
    { id: MENU_SAVE, title: 'Save to library (Alt+Shift+S)', contexts: ['page', 'selection'] },
    () => {
      void browser.runtime.lastError; // "duplicate id" after an update in some versions: harmless
    },
  );
  browser.contextMenus.create({ id: MENU_OPEN_LIBRARY, title: 'Open library', contexts: ['action'] }, () => {
    void browser.runtime.lastError;
  });
}

export function registerLibrary(): void {
  const db = connection();
  const handlers: Handlers<LibraryToBackground> = {
    'library:save': async (payload, sender) => {
      const article = payload?.article;
      validateArticle(article);
      assertSenderMayClaim(article.url, sender);
      const settings = await librarySettingsItem.get();
      const fetched = await fetchImages(imageUrls(article.content, article.leadImage), {
        mode: settings.images,
        limits: { maxBytes: Math.max(0, settings.maxImageMB) * 1024 * 1024 },
      });
      const save = async (): Promise<Awaited<ReturnType<typeof saveArticle>>> =>
        saveArticle(await db(), {
          article,
          images: fetched.images,
          imageSummary: {
            mode: fetched.mode,
            skipped: fetched.skipped.length,
            ...(fetched.note ? { note: fetched.note } : {}),
          },
        });
      let result;
      try {
        result = await save();
      } catch (e) {
        // The library page upgraded the database under us: the connection is gone, reopen once.
        if (e instanceof LibraryError && e.code === 'version-change') result = await save();
        else throw e;
      }
      announceLibraryChange([result.id]);
      const { versions: _v, ...response } = result;
      return response;
    },
    'library:open': () => openLibraryPage(),
  };
  handleMessages<LibraryToBackground>(handlers, (_type, sender) => sender.id === browser.runtime.id);
  browser.runtime.onInstalled.addListener(createMenus);
  browser.contextMenus.onClicked.addListener((info: Menus.OnClickData, tab?: Tabs.Tab) => {
    if (info.menuItemId === MENU_SAVE && tab?.id !== undefined) {
      void saveFromTab(tab.id).catch((e: unknown) => console.warn('Dateline Reader: save failed:', e));
    }
    if (info.menuItemId === MENU_OPEN_LIBRARY) void openLibraryPage();
  });
}
