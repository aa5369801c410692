/**
 * Auto-clean in the background: the single writer of the auto-clean settings, the owner of the
 * detector's dynamic registrations and of the "auto-clean is on here" badge.
 *
 * `registerAutoClean()` must be called synchronously at the top level of the background (MV3
 * service workers and Firefox event pages only receive events whose listeners exist when they
 * wake). It re-syncs the registrations whenever they could have drifted: install and update
 * (Chrome may drop dynamic scripts on update), browser startup, host permissions added or removed
 * in the browser's UI (a revoked site then shows "needs permission" in the options page instead of
 * failing silently), and any settings change. Every change goes through one queue, so concurrent
 * messages never interleave read-modify-write or double-register a script id.
 */
import { browser, type Runtime, type Scripting } from '../shell/browser.js';
import { handleMessages, sendToTab, type Handlers } from '../shell/messages.js';
import { StorageItem } from '../shell/storage.js';
import type { AutoCleanToBackground, AutoCleanState, AutoCleanSiteInfo } from '../shell/messages/autoclean.js';
import {
  DEFAULT_SETTINGS,
  activeSites,
  isSiteMode,
  normalizeSettings,
  siteRows,
  withMode,
  withSites,
  withoutSite,
  wantsToRun,
  type AutoCleanSettings,
  type SiteMode,
} from '../autoclean/settings.js';
import { desiredScripts, planRegistration, siteGranted, DETECTOR_FILE } from '../autoclean/registration-plan.js';
import { displaySite, findSite, parseSite, siteOfUrl } from '../autoclean/site.js';
import { decideAutoOpen, withDismissed } from '../autoclean/session-rules.js';
import { formatSiteList, type ListEntry } from '../autoclean/list-text.js';

/**
 * The site list is in storage.local, not sync: it can hold hundreds of sites (sync allows 8 KB per
 * item) and it only works together with host permissions, which are per browser anyway.
 */
export const autoCleanSettings = new StorageItem<AutoCleanSettings>('autoclean', DEFAULT_SETTINGS, 'local');
/** Pages where the user chose the original this session ("show original" sticks); cleared when the browser closes. */
export const dismissedPages = new StorageItem<string[]>('autoclean-dismissed', [], 'session');

const BADGE_TEXT = 'AUTO';
const BADGE_COLOR = '#1D6B3A';
/**
 * The page that asks for a site's permission in a user gesture (permissions.request needs one, in an
 * extension page).
 */
const GRANT_PAGE = 'options.html';

type Sender = Runtime.MessageSender;

async function readSettings(): Promise<AutoCleanSettings> {
  return normalizeSettings(await autoCleanSettings.get());
}

async function grantedOrigins(): Promise<string[]> {
  return (await browser.permissions.getAll()).origins ?? [];
}

/** Everything the options page shows. */
export async function autoCleanState(): Promise<AutoCleanState> {
  const [settings, origins] = await Promise.all([readSettings(), grantedOrigins()]);
  const granted = (site: string): boolean => siteGranted(site, origins);
  const rows = siteRows(settings, granted);
  return {
    enabled: settings.enabled,
    rows,
    needsPermission: rows.filter((r) => r.status === 'needs-permission').map((r) => r.site),
  };
}

/** Makes the registered detector scripts match the settings and the granted permissions. */
export async function syncRegistrations(): Promise<{ registered: string[]; unregistered: string[] }> {
  const [settings, origins] = await Promise.all([readSettings(), grantedOrigins()]);
  const desired = desiredScripts(activeSites(settings, (s) => siteGranted(s, origins)));
  const existing = await browser.scripting.getRegisteredContentScripts();
  const plan = planRegistration(
    existing.map((e) => ({ id: e.id, matches: e.matches })),
    desired,
  );
  if (plan.unregister.length) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.register.length) {
    const scripts: Scripting.RegisteredContentScript[] = plan.register.map((d) => ({
      id: d.id,
      matches: d.matches,
      js: [DETECTOR_FILE],
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    }));
    try {
      await browser.scripting.registerContentScripts(scripts);
    } catch (e) {
      // Firefox before 127 rejects persistAcrossSessions: true ("not supported"); the startup re-sync
      // below registers the scripts again in every session, so dropping the flag loses nothing there.
      if (!/persist/i.test(String(e))) throw e;
      await browser.scripting.registerContentScripts(scripts.map(({ persistAcrossSessions: _, ...s }) => s));
    }
  }
  return { registered: plan.register.map((d) => d.id), unregistered: plan.unregister };
}

/**
 * Opens the reader in a tab: injects the content script (it has a load-once guard) and asks it to
 * open. The same path as a toolbar click, minus the activeTab grant: the host permission of the
 * enabled site covers the injection.
 */
async function openReader(tabId: number): Promise<boolean> {
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['content.js'] });
  const { open } = await sendToTab(tabId, 'reader:toggle', { force: true });
  return open;
}

/** The enabled entry (always/ask) covering a URL, with its mode. */
function runningSiteFor(settings: AutoCleanSettings, url: string): { site: string; mode: SiteMode } | null {
  const site = findSite(
    Object.keys(settings.sites).filter((s) => wantsToRun(settings.sites[s])),
    url,
  );
  return site ? { site, mode: settings.sites[site]! } : null;
}

async function updateBadge(tabId: number, url: string | undefined): Promise<void> {
  const action = browser.action;
  const [settings, origins] = await Promise.all([readSettings(), grantedOrigins()]);
  const hit = url ? runningSiteFor(settings, url) : null;
  const active = !!hit && settings.enabled && siteGranted(hit.site, origins);
  const current = await action.getBadgeText({ tabId });
  if (active) {
    // The reader's own "ON" (open in this tab) says more than ours: never cover it.
    if (current && current !== BADGE_TEXT) return;
    await action.setBadgeText({ tabId, text: BADGE_TEXT });
    await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    if (typeof action.setBadgeTextColor === 'function') await action.setBadgeTextColor({ tabId, color: '#FFFFFF' });
  } else if (current === BADGE_TEXT) {
    // Only clear our own mark: the reader's "ON" badge belongs to the reader.
    await action.setBadgeText({ tabId, text: '' });
  }
}

function tabOf(sender: Sender): number {
  const id = sender.tab?.id;
  if (typeof id !== 'number' || sender.frameId !== 0) throw new Error('only from the top frame of a tab');
  return id;
}
function pageUrlOf(sender: Sender): string {
  const url = sender.url ?? sender.tab?.url;
  if (!url) throw new Error('no page URL');
  return url;
}

function siteArg(v: unknown): string {
  if (typeof v !== 'string') throw new Error('site must be a string');
  const p = parseSite(v);
  if (!p.ok) throw new Error(`not a site: ${v} (${p.reason})`);
  return p.site;
}

/** Opens the grant page focused on one site: a small popup window where the click is a user gesture. */
async function openGrantPage(site: string, mode: SiteMode): Promise<void> {
  const url = browser.runtime.getURL(`${GRANT_PAGE}?grant=${encodeURIComponent(site)}&mode=${mode}`);
  try {
    await browser.windows.create({ url, type: 'popup', width: 520, height: 420 });
  } catch {
    // No windows API (Firefox for Android) or popups refused: a tab works everywhere.
    await browser.tabs.create({ url });
  }
}

const CONTENT_MESSAGES = new Set([
  'autoclean:article',
  'autoclean:open',
  'autoclean:dismiss',
  'autoclean:site',
  'autoclean:choose',
]);

function isExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && !!sender.url && sender.url.startsWith(browser.runtime.getURL(''));
}

/** Registers the listeners and handlers. Call once, synchronously, at the background's top level. */
export function registerAutoClean(): void {
  // One queue for every settings write and registration sync (see the module comment).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  const sync = (): Promise<unknown> =>
    serial(syncRegistrations).catch((e: unknown) => console.error('auto-clean: sync failed', e));
  const change = (f: (s: AutoCleanSettings) => AutoCleanSettings): Promise<AutoCleanState> =>
    serial(async () => {
      await autoCleanSettings.set(f(await readSettings()));
      await syncRegistrations();
      return autoCleanState();
    });

  browser.runtime.onInstalled.addListener(() => void sync());
  browser.runtime.onStartup.addListener(() => void sync());
  browser.permissions.onAdded.addListener(() => void sync());
  browser.permissions.onRemoved.addListener(() => void sync());
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.url !== undefined || info.status === 'loading' || info.status === 'complete')
      void updateBadge(tabId, tab.url).catch(() => {});
  });

  const handlers: Handlers<AutoCleanToBackground> = {
    'autoclean:article': async (_payload, sender) => {
      const tabId = tabOf(sender);
      const url = pageUrlOf(sender);
      const settings = await readSettings();
      const hit = runningSiteFor(settings, url);
      const decision = decideAutoOpen({
        enabled: settings.enabled,
        mode: hit?.mode ?? null,
        url,
        dismissed: await dismissedPages.get(),
      });
      if (decision.action === 'skip') return { action: 'skipped', reason: decision.reason };
      if (decision.action === 'offer') return { action: 'offer' };
      return { action: (await openReader(tabId)) ? 'opened' : 'skipped' };
    },
    'autoclean:open': async (_payload, sender) => {
      const tabId = tabOf(sender);
      const settings = await readSettings();
      if (!settings.enabled || !runningSiteFor(settings, pageUrlOf(sender)))
        throw new Error('auto-clean is not on for this site');
      return { opened: await openReader(tabId) };
    },
    'autoclean:dismiss': async (_payload, sender) => {
      tabOf(sender);
      const url = pageUrlOf(sender);
      await serial(async () => dismissedPages.set(withDismissed(await dismissedPages.get(), url)));
      // The reader just closed and cleared its "ON": the page is still on an auto-clean site.
      void updateBadge(tabOf(sender), url).catch(() => {});
    },
    'autoclean:site': async (_payload, sender): Promise<AutoCleanSiteInfo> => {
      const url = pageUrlOf(sender);
      const [settings, origins] = await Promise.all([readSettings(), grantedOrigins()]);
      const site = findSite(Object.keys(settings.sites), url) ?? siteOfUrl(url);
      if (!site) return { site: null, display: null, mode: null, granted: false, enabled: settings.enabled };
      return {
        site,
        display: displaySite(site),
        mode: settings.sites[site] ?? null,
        granted: siteGranted(site, origins),
        enabled: settings.enabled,
      };
    },
    'autoclean:choose': async (payload, sender) => {
      tabOf(sender);
      const url = pageUrlOf(sender);
      if (payload?.mode !== 'always' && payload?.mode !== 'never') throw new Error('mode must be always or never');
      const settings = await readSettings();
      const site = findSite(Object.keys(settings.sites), url) ?? siteOfUrl(url);
      if (!site) throw new Error('this page has no site');
      const display = displaySite(site);
      if (payload.mode === 'never') {
        await change((s) => withMode(s, site, 'never'));
        return { done: true, grantPageOpened: false, display };
      }
      if (siteGranted(site, await grantedOrigins())) {
        // An explicit "Always clean" turns auto-clean on: otherwise the choice would silently do nothing.
        await change((s) => ({ ...withMode(s, site, 'always'), enabled: true }));
        return { done: true, grantPageOpened: false, display };
      }
      await openGrantPage(site, 'always');
      return { done: false, grantPageOpened: true, display };
    },
    'autoclean:state': () => autoCleanState(),
    'autoclean:set-enabled': (payload) => change((s) => ({ ...s, enabled: payload?.enabled === true })),
    'autoclean:set-mode': (payload) => {
      const site = siteArg(payload?.site);
      const mode = payload?.mode;
      if (mode !== null && !isSiteMode(mode)) throw new Error('bad mode');
      return change((s) => withMode(s, site, mode));
    },
    'autoclean:remove': (payload) => {
      const site = siteArg(payload?.site);
      return change((s) => withoutSite(s, site));
    },
    'autoclean:add': async (payload) => {
      if (!Array.isArray(payload?.entries)) throw new Error('entries must be a list');
      const entries: ListEntry[] = payload.entries.map((e) => ({
        site: siteArg(e?.site),
        mode: isSiteMode(e?.mode) ? e.mode : 'always',
      }));
      let counts = { added: 0, changed: 0 };
      const state = await change((s) => {
        const r = withSites(s, entries);
        counts = { added: r.added, changed: r.changed };
        return r.settings;
      });
      return { ...state, ...counts };
    },
    'autoclean:export': async () => {
      const settings = await readSettings();
      return { text: formatSiteList(Object.entries(settings.sites).map(([site, mode]) => ({ site, mode }))) };
    },
  };

  handleMessages<AutoCleanToBackground>(handlers, (type, sender) =>
    CONTENT_MESSAGES.has(String(type)) ? sender.id === browser.runtime.id && !!sender.tab : isExtensionPage(sender),
  );

  // The service worker also wakes for reasons other than startup/install (a message, an alarm):
  // re-checking then is cheap (one storage read, one permissions read, one registration list) and
  // repairs a registration lost in an update that onInstalled raced with.
  void sync();
}
