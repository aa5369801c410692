/**
 * The background side of auto-clean against a fake extension API (src/shell/browser.ts mocked):
 * what it registers and when it re-syncs (permission revoked in the browser → unregistered and
 * "needs permission"), Firefox's refusal of persistAcrossSessions, and the checks on untrusted
 * senders (content scripts may not change settings; only a tab's top frame may ask for the reader;
 * the page URL comes from the sender, never from the payload).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;
interface Script {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
  persistAcrossSessions?: boolean;
}

const fake = vi.hoisted(() => {
  const events = (): {
    addListener(l: Listener): void;
    removeListener(l: Listener): void;
    fire(...a: unknown[]): unknown[];
    listeners: Listener[];
  } => {
    const listeners: Listener[] = [];
    return {
      listeners,
      addListener: (l) => void listeners.push(l),
      removeListener: (l) => void listeners.splice(listeners.indexOf(l), 1),
      fire: (...a) => listeners.map((l) => l(...a)),
    };
  };
  const area = () => {
    let data: Record<string, unknown> = {};
    return {
      get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
      set: async (o: Record<string, unknown>) => void (data = { ...data, ...structuredClone(o) }),
      remove: async (key: string) => void delete data[key],
      reset: () => void (data = {}),
    };
  };
  const state = {
    origins: [] as string[],
    scripts: [] as Script[],
    rejectPersist: false,
    injected: [] as number[],
    toggled: [] as number[],
  };
  const browser = {
    runtime: {
      id: 'ext-id',
      getURL: (p: string) => `chrome-extension://ext-id/${p}`,
      onMessage: events(),
      onInstalled: events(),
      onStartup: events(),
    },
    storage: { local: area(), session: area(), sync: area(), onChanged: events() },
    permissions: { getAll: async () => ({ origins: [...state.origins] }), onAdded: events(), onRemoved: events() },
    scripting: {
      getRegisteredContentScripts: async () => structuredClone(state.scripts),
      registerContentScripts: async (s: Script[]) => {
        if (state.rejectPersist && s.some((x) => x.persistAcrossSessions))
          throw new Error('Error: persistAcrossSessions is not supported');
        for (const x of s)
          if (state.scripts.some((y) => y.id === x.id)) throw new Error(`Duplicate script ID '${x.id}'`);
        state.scripts.push(...structuredClone(s));
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) =>
        void (state.scripts = state.scripts.filter((s) => !ids.includes(s.id))),
      executeScript: async ({ target }: { target: { tabId: number } }) => void state.injected.push(target.tabId),
    },
    tabs: {
      onUpdated: events(),
      sendMessage: async (tabId: number, m: { type: string }) => {
        if (m.type === 'reader:toggle') state.toggled.push(tabId);
        return { ok: true, value: { open: true } };
      },
      create: async () => ({}),
    },
    windows: { create: async (_o: { url?: string }): Promise<object> => ({}) },
    action: {
      setBadgeText: async () => {},
      getBadgeText: async () => '',
      setBadgeBackgroundColor: async () => {},
      setBadgeTextColor: async () => {},
    },
  };
  return { browser, state };
});

vi.mock('../../src/shell/browser.js', () => ({ browser: fake.browser }));

const { registerAutoClean } = await import('../../src/background/autoclean.js');

const OPTIONS = { id: 'ext-id', url: 'chrome-extension://ext-id/options.html' };
const tab = (url: string, frameId = 0) => ({ id: 'ext-id', url, frameId, tab: { id: 7, url } });
const ARTICLE = 'http://127.0.0.1:8080/2019/11/15/a-story/';

type Reply = { ok: boolean; value?: any; error?: string }; // eslint-disable-line @typescript-eslint/no-explicit-any
/** Delivers a message as the browser would, to whichever listener answers. */
async function send(type: string, payload: unknown, sender: object): Promise<Reply> {
  for (const l of fake.browser.runtime.onMessage.listeners) {
    const r = l({ type, payload }, sender);
    if (r) return (await r) as Reply;
  }
  throw new Error(`no listener answered ${type}`);
}
const settle = () => new Promise((r) => setTimeout(r, 10));
const ids = () => fake.state.scripts.map((s) => s.id).sort();

describe('background auto-clean (fake extension API)', () => {
  beforeEach(async () => {
    Object.assign(fake.state, {
      origins: ['http://127.0.0.1/*'],
      scripts: [],
      rejectPersist: false,
      injected: [],
      toggled: [],
    });
    fake.browser.storage.local.reset();
    fake.browser.storage.session.reset();
    for (const e of [
      fake.browser.runtime.onMessage,
      fake.browser.runtime.onInstalled,
      fake.browser.runtime.onStartup,
      fake.browser.permissions.onAdded,
      fake.browser.permissions.onRemoved,
      fake.browser.tabs.onUpdated,
    ])
      e.listeners.length = 0;
    registerAutoClean();
    await settle();
  });

  it('registers the detector only for enabled, granted sites, as a persistent document_idle script', async () => {
    expect(ids()).toEqual([]);
    await send('autoclean:set-mode', { site: '127.0.0.1', mode: 'always' }, OPTIONS);
    await send('autoclean:set-mode', { site: 'bbc.co.uk', mode: 'always' }, OPTIONS); // no permission
    expect(ids()).toEqual([]); // the master switch is still off
    await send('autoclean:set-enabled', { enabled: true }, OPTIONS);
    expect(fake.state.scripts).toEqual([
      {
        id: 'autoclean:127.0.0.1',
        matches: ['*://127.0.0.1/*'],
        js: ['detector.js'],
        runAt: 'document_idle',
        allFrames: false,
        persistAcrossSessions: true,
      },
    ]);
    const state = (await send('autoclean:state', {}, OPTIONS)).value;
    expect(state.needsPermission).toEqual(['bbc.co.uk']);
  });

  it('a permission revoked in the browser unregisters the site, which then shows "needs permission"; granting it back re-registers', async () => {
    await send('autoclean:set-enabled', { enabled: true }, OPTIONS);
    await send('autoclean:set-mode', { site: '127.0.0.1', mode: 'always' }, OPTIONS);
    expect(ids()).toEqual(['autoclean:127.0.0.1']);
    fake.state.origins = [];
    fake.browser.permissions.onRemoved.fire({ origins: ['http://127.0.0.1/*'] });
    await settle();
    expect(ids()).toEqual([]);
    const row = (await send('autoclean:state', {}, OPTIONS)).value.rows.find(
      (r: { site: string }) => r.site === '127.0.0.1',
    );
    expect(row.status).toBe('needs-permission');
    fake.state.origins = ['*://127.0.0.1/*'];
    fake.browser.permissions.onAdded.fire({ origins: ['*://127.0.0.1/*'] });
    await settle();
    expect(ids()).toEqual(['autoclean:127.0.0.1']);
  });

  it('re-registers on startup what an update or restart lost, without duplicating what is there', async () => {
    await send('autoclean:set-enabled', { enabled: true }, OPTIONS);
    await send('autoclean:set-mode', { site: '127.0.0.1', mode: 'always' }, OPTIONS);
    fake.state.scripts = [];
    fake.browser.runtime.onInstalled.fire({ reason: 'update' });
    fake.browser.runtime.onStartup.fire();
    await settle();
    expect(ids()).toEqual(['autoclean:127.0.0.1']);
  });

  it('falls back to a session registration where persistAcrossSessions is refused (older Firefox)', async () => {
    fake.state.rejectPersist = true;
    await send('autoclean:set-enabled', { enabled: true }, OPTIONS);
    await send('autoclean:set-mode', { site: '127.0.0.1', mode: 'always' }, OPTIONS);
    expect(ids()).toEqual(['autoclean:127.0.0.1']);
    expect(fake.state.scripts[0]!.persistAcrossSessions).toBeUndefined();
  });

  it('content scripts cannot change settings; the reader opens only for a top frame of an enabled site, and never on a dismissed page', async () => {
    const forged = await send('autoclean:set-enabled', { enabled: true }, tab(ARTICLE));
    expect(forged.ok).toBe(false);
    await send('autoclean:set-enabled', { enabled: true }, OPTIONS);
    await send('autoclean:set-mode', { site: '127.0.0.1', mode: 'always' }, OPTIONS);

    expect((await send('autoclean:article', { navigation: 'navigate', reason: '' }, tab(ARTICLE, 3))).ok).toBe(false); // an iframe
    // The URL is the sender's: a page elsewhere cannot claim to be on an enabled site.
    expect(
      (
        await send(
          'autoclean:article',
          { navigation: 'navigate', reason: '', url: ARTICLE },
          tab('https://evil.example/2019/x/'),
        )
      ).value,
    ).toEqual({ action: 'skipped', reason: 'off' });
    expect(fake.state.injected).toEqual([]);

    expect((await send('autoclean:article', { navigation: 'navigate', reason: '' }, tab(ARTICLE))).value).toEqual({
      action: 'opened',
    });
    expect([fake.state.injected, fake.state.toggled]).toEqual([[7], [7]]);

    await send('autoclean:dismiss', {}, tab(ARTICLE + '#comments'));
    expect((await send('autoclean:article', { navigation: 'back_forward', reason: '' }, tab(ARTICLE))).value).toEqual({
      action: 'skipped',
      reason: 'dismissed',
    });
    expect(fake.state.injected).toEqual([7]);
  });

  it('"ask" answers with an offer; "Never on" from the overlay turns the site off without asking for anything', async () => {
    await send('autoclean:set-enabled', { enabled: true }, OPTIONS);
    await send('autoclean:set-mode', { site: '127.0.0.1', mode: 'ask' }, OPTIONS);
    expect((await send('autoclean:article', { navigation: 'navigate', reason: '' }, tab(ARTICLE))).value).toEqual({
      action: 'offer',
    });
    expect((await send('autoclean:choose', { mode: 'never' }, tab(ARTICLE))).value).toEqual({
      done: true,
      grantPageOpened: false,
      display: '127.0.0.1',
    });
    expect(ids()).toEqual([]);
  });

  it('"Always clean" from the overlay on a site without permission opens the grant page instead of failing', async () => {
    const opened: string[] = [];
    fake.browser.windows.create = async (o: { url?: string }) => {
      opened.push(o.url ?? '');
      return {};
    };
    const r = (await send('autoclean:choose', { mode: 'always' }, tab('https://www.bbc.co.uk/news/world-123'))).value;
    expect(r).toEqual({ done: false, grantPageOpened: true, display: 'bbc.co.uk' });
    expect(opened).toEqual(['chrome-extension://ext-id/options.html?grant=bbc.co.uk&mode=always']);
    expect(ids()).toEqual([]);
  });
});
