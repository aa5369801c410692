/**
 * Library sync in the background (issue #25): the only context whose CSP lets it connect to the
 * user's server. Runs a pass (sync-once.ts) on demand ("Sync now"), periodically (an alarm: the
 * service worker may be stopped between passes, and replication resumes from its checkpoints), and
 * shortly after the library changes in any context (a save, a read mark, a delete). Passes never
 * overlap. Registered synchronously at the top level by index.ts.
 */
import { browser, type Runtime } from '../shell/browser.js';
import { LIVE_PORT } from '../shell/sync-live.js';
import { handleMessages, type Handlers } from '../shell/messages.js';
import type { SyncToBackground } from '../shell/messages/sync.js';
import { openLibrary } from '../store/database.js';
import { librarySettingsItem } from '../store/library-settings.js';
import { announceLibraryChange, onLibraryChange, onLibraryEdit } from '../store/library-events.js';
import {
  checkServer,
  createDatabase,
  databaseUrl,
  originPattern,
  authHeader,
  type CheckResult,
} from '../sync/check-server.js';
import { syncOnce } from '../sync/sync-once.js';
import { plainSyncError } from '../sync/plain-error.js';
import { CRYPTO_DOC, changePassphrase, keysForRemote } from '../sync/remote-keys.js';
import { mirrorPouch, remotePouch } from '../sync/browser-pouch.js';
import { plainName } from '../sync/sync-crypto.js';
import { syncConfigItem, syncStateItem, statusOf, type SyncConfig, type SyncStatus } from '../sync/sync-settings.js';

export const SYNC_ALARM = 'dateline-sync';
const PERIOD_MINUTES = 15;

/** PouchDB's continuous changes feed (CouchDB `_changes?feed=longpoll`, restarted by PouchDB). */
interface LiveFeed {
  on(event: 'change' | 'error', listener: () => void): LiveFeed;
  cancel(): void;
}

/** After a change in the library, wait this long for more before syncing (a burst of read marks is one pass). */
const AFTER_CHANGE_MS = 3_000;
const PROGRESS_EVERY_MS = 500;

/**
 * One mirror per server database, user and key: `salt` is the database's encryption salt, so a
 * database deleted and created again with new keys never receives documents encrypted with old ones.
 */
async function mirrorName(cfg: SyncConfig, salt: string): Promise<string> {
  return `dateline-sync-${(await plainName(`${databaseUrl(cfg)}|${cfg.user}|${cfg.passphrase}|${salt}`)).slice(0, 16)}`;
}

async function hasPermission(cfg: SyncConfig): Promise<boolean> {
  const origin = originPattern(cfg.url);
  return !!origin && (await browser.permissions.contains({ origins: [origin] }));
}

async function runPass(): Promise<void> {
  const cfg = await syncConfigItem.get();
  if (!cfg.enabled) return;
  try {
    if (!(await hasPermission(cfg))) {
      throw new Error(
        `Permission to connect to ${cfg.url} was removed from the extension: turn sync on again to grant it.`,
      );
    }
    const remote = remotePouch(databaseUrl(cfg), cfg.user, cfg.password);
    const keys = await keysForRemote(remote, cfg.passphrase, async () => (await remote.info()).doc_count === 0);
    const salt = keys ? ((await remote.get(CRYPTO_DOC)) as { salt: string }).salt : '';
    const name = await mirrorName(cfg, salt);
    await syncStateItem.update({ mirror: name });
    const mirror = mirrorPouch(name);
    const db = await openLibrary();
    try {
      const lib = await librarySettingsItem.get();
      const maxImageBytes = lib.images === 'links' ? 0 : Math.max(0, lib.maxImageMB) * 1024 * 1024;
      let shownAt = 0;
      let shown: Promise<unknown> = Promise.resolve();
      const report = await syncOnce(
        { db, mirror, keys, maxImageBytes, onLibraryChange: announceLibraryChange },
        remote,
        (progress) => {
          // Written (and so redrawn by an open library page) at most twice a second, in order.
          if (Date.now() - shownAt < PROGRESS_EVERY_MS) return;
          shownAt = Date.now();
          shown = shown.then(() => syncStateItem.update({ progress })).catch(() => {});
        },
      );
      await shown;
      const left = report.unreadable
        ? `${report.unreadable} article(s) on the server could not be read (damaged or from another program): left out.`
        : null;
      await syncStateItem.update({ lastSync: Date.now(), lastError: left, pending: report.pending, progress: null });
    } finally {
      db.close();
      await mirror.close();
    }
  } catch (e) {
    await syncStateItem.update({ lastError: plainSyncError(e, cfg), progress: null });
  }
}

export function registerSync(): void {
  let running: Promise<void> | null = null;
  let again = false;
  /** A pass, or another task on the mirror and the server (a passphrase change): never two at a time. */
  const run = (task: () => Promise<void> = runPass): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = task().finally(() => {
      running = null;
      if (again) {
        again = false;
        void run();
      }
    });
    return running;
  };
  const status = async (): Promise<SyncStatus> =>
    statusOf(await syncConfigItem.get(), await syncStateItem.get(), running !== null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fromPage = (_type: unknown, sender: Runtime.MessageSender): boolean =>
    sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL(''));

  // Saves (background) and edits (library page) are sent shortly after, in one pass per burst.
  const soon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void syncConfigItem.get().then((c) => (c.enabled ? run() : undefined)), AFTER_CHANGE_MS);
  };
  const handlers: Handlers<SyncToBackground> = {
    'sync:check': ({ config }) => checkServer(config),
    'sync:create-db': ({ config }) => createDatabase(config),
    'sync:enable': async ({ config }) => {
      await syncConfigItem.set({ ...config, enabled: true });
      await syncStateItem.update({ lastSync: null, lastError: null, pending: null });
      await browser.alarms.create(SYNC_ALARM, { periodInMinutes: PERIOD_MINUTES });
      await run();
      return status();
    },
    'sync:now': async () => {
      await run();
      return status();
    },
    'sync:status': () => status(),
    'sync:disable': async () => {
      await syncConfigItem.update({ enabled: false });
      await browser.alarms.clear(SYNC_ALARM);
      return status();
    },
    'sync:change-passphrase': async ({ passphrase }): Promise<CheckResult> => {
      const cfg = await syncConfigItem.get();
      if (!cfg.enabled) return { ok: false, problem: 'server-error', message: 'Turn sync on first.' };
      let failed: string | null = null;
      while (running) await running.catch(() => {});
      await run(async () => {
        try {
          const remote = remotePouch(databaseUrl(cfg), cfg.user, cfg.password);
          const empty = async (): Promise<boolean> => (await remote.info()).doc_count === 0;
          await changePassphrase(remote, cfg.passphrase, passphrase, empty);
          await syncConfigItem.update({ passphrase });
          // The old mirror holds the documents under the old key: the next pass starts a new one.
          const { mirror } = await syncStateItem.get();
          if (mirror)
            await mirrorPouch(mirror)
              .destroy()
              .catch(() => {});
          await syncStateItem.update({ mirror: null, lastError: null });
        } catch (e) {
          failed = plainSyncError(e, cfg);
        }
      });
      if (failed) return { ok: false, problem: 'server-error', message: failed };
      await run();
      return {
        ok: true,
        message:
          'The library on the server is now encrypted with the new passphrase. Enter it on your other devices: ' +
          'until then they say their passphrase is wrong.',
      };
    },
    'sync:remove-from-server': async (): Promise<CheckResult> => {
      const cfg = await syncConfigItem.get();
      await syncConfigItem.update({ enabled: false });
      await browser.alarms.clear(SYNC_ALARM);
      // A pass still running uses the mirror: let it end before the mirror is destroyed (no new one starts).
      clearTimeout(timer);
      await running?.catch(() => {});
      const res = await fetch(databaseUrl(cfg), {
        method: 'DELETE',
        headers: authHeader(cfg),
        credentials: 'omit',
      }).catch(() => null);
      if (!res) return { ok: false, problem: 'unreachable', message: `Can't reach ${cfg.url}: nothing was removed.` };
      if (res.status === 401 || res.status === 403) {
        return {
          ok: false,
          problem: 'forbidden',
          message:
            `Only the server's admin may delete the database "${cfg.database}": ` +
            "ask them, or delete it in the server's admin page.",
        };
      }
      if (!res.ok && res.status !== 404)
        return { ok: false, problem: 'server-error', message: `The server answered ${res.status}.` };
      const { mirror } = await syncStateItem.get();
      if (mirror) await mirrorPouch(mirror).destroy();
      await syncStateItem.update({ mirror: null });
      return {
        ok: true,
        message: `The database "${cfg.database}" was deleted from the server. Your library here is unchanged.`,
      };
    },
  };
  handleMessages<SyncToBackground>(handlers, fromPage);

  // Live while a library page or a reader is open (shell/sync-live.ts): another device's change on
  // the server starts a pass at once (the feed only wakes us; the pass does the work, so the bridge
  // never runs twice at a time). A reader's port is closed at once when sync is off.
  const ports = new Set<Runtime.Port>();
  const fromReader = (sender: Runtime.MessageSender): boolean => sender.id === browser.runtime.id && !!sender.tab;
  let feed: LiveFeed | null = null;
  const stopLive = (): void => {
    feed?.cancel();
    feed = null;
  };
  let starting: Promise<void> | null = null;
  const startLive = (): Promise<void> => (starting ??= openFeed().finally(() => (starting = null)));
  const openFeed = async (): Promise<void> => {
    const cfg = await syncConfigItem.get();
    if (feed || !ports.size || !cfg.enabled || !(await hasPermission(cfg))) return;
    const remote = remotePouch(databaseUrl(cfg), cfg.user, cfg.password) as unknown as {
      changes(options: object): LiveFeed;
    };
    feed = remote.changes({ live: true, since: 'now', heartbeat: 20_000 });
    feed.on('change', soon).on('error', () => {
      stopLive();
      void run();
    });
    // What changed on the server before the feed began (since the last pass) comes with a pass now.
    soon();
  };
  browser.runtime.onConnect.addListener((port) => {
    const sender = port.sender ?? {};
    const page = fromPage(null, sender);
    if (port.name !== LIVE_PORT || !(page || fromReader(sender))) return;
    ports.add(port);
    void syncConfigItem.get().then((cfg) => {
      if (cfg.enabled || page) return startLive();
      ports.delete(port);
      port.disconnect();
    });
    // The holder pings while it is open: each message keeps Chrome's service worker awake.
    port.onMessage.addListener(() => void startLive());
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (!ports.size) stopLive();
    });
  });
  syncConfigItem.onChanged((c) => {
    stopLive();
    if (c.enabled) void startLive();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void run();
  });
  const forever = new AbortController().signal;
  onLibraryChange(soon, forever);
  onLibraryEdit(soon, forever);
}
