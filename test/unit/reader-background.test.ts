/**
 * The background side of a toolbar click against a fake extension API (src/shell/browser.ts mocked):
 * on a page our content script has never been injected into, the injection comes first (no message that
 * could only come back with "no receiver", issue #24); a page that has it is messaged directly; and the
 * reader still opens when that knowledge is wrong either way (the page navigated, the worker restarted).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const events = (): { addListener(l: Listener): void; fire(...a: unknown[]): unknown[] } => {
    const listeners: Listener[] = [];
    return { addListener: (l) => void listeners.push(l), fire: (...a) => listeners.map((l) => l(...a)) };
  };
  let session: Record<string, unknown> = {};
  const state = {
    /** Tabs whose current page runs our content script. */
    withScript: new Set<number>(),
    /** What reached the tabs, in order. */
    calls: [] as string[],
  };
  const browser = {
    runtime: { id: 'ext-id', onMessage: events(), onInstalled: events() },
    storage: {
      session: {
        get: async (key: string) => (key in session ? { [key]: structuredClone(session[key]) } : {}),
        set: async (o: Record<string, unknown>) => void (session = { ...session, ...structuredClone(o) }),
      },
    },
    scripting: {
      executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
        state.calls.push(`inject ${files[0]}`);
        state.withScript.add(target.tabId);
      },
    },
    tabs: {
      onUpdated: events(),
      onRemoved: events(),
      sendMessage: async (tabId: number, m: { type: string }) => {
        state.calls.push(`message ${m.type}`);
        if (!state.withScript.has(tabId))
          throw new Error('Could not establish connection. Receiving end does not exist.');
        return { ok: true, value: { open: true } };
      },
    },
    action: {
      onClicked: events(),
      getBadgeText: async () => '',
      setBadgeText: async () => {},
      setBadgeBackgroundColor: async () => {},
      setTitle: async () => {},
    },
    commands: { onCommand: events() },
    contextMenus: { onClicked: events(), create: () => {} },
  };
  return { browser, state };
});
vi.mock('../../src/shell/browser.js', () => ({ browser: fake.browser }));

const { onActionClicked, registerReader } = await import('../../src/background/reader.js');
registerReader();

/** A click on the toolbar button, and what it sent to the tab. */
async function click(tabId: number): Promise<string[]> {
  fake.state.calls = [];
  expect(await onActionClicked({ id: tabId })).toBe(true);
  return fake.state.calls;
}
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('toolbar click in the background', () => {
  beforeEach(() => fake.state.withScript.clear());

  it('a fresh page is injected into at once; a page with the script is messaged; a new page is injected again', async () => {
    expect(await click(7)).toEqual(['inject content.js', 'message reader:toggle']);
    await flush();
    expect(await click(7)).toEqual(['message reader:toggle']);

    // The tab loads another page: our script went with the old one.
    fake.state.withScript.delete(7);
    fake.browser.tabs.onUpdated.fire(7, { status: 'loading' });
    await flush();
    expect(await click(7)).toEqual(['inject content.js', 'message reader:toggle']);
  });

  it('still opens when the page lost its script unnoticed, or has it though we never injected it', async () => {
    expect(await click(8)).toEqual(['inject content.js', 'message reader:toggle']);
    await flush();
    // Navigated without a 'loading' event reaching us: the message finds nobody, so we inject.
    fake.state.withScript.delete(8);
    expect(await click(8)).toEqual(['message reader:toggle', 'inject content.js', 'message reader:toggle']);

    // A page that already runs the script (auto-clean injected it): injected again, the copy does nothing.
    fake.state.withScript.add(9);
    expect(await click(9)).toEqual(['inject content.js', 'message reader:toggle']);
  });

  it('asks for the injection before it builds its first dateline formatter (a woken worker loads the locale then)', async () => {
    const Real = Intl.DateTimeFormat;
    const built = vi.fn();
    vi.stubGlobal('navigator', { language: 'de-CH' }); // a locale no formatter was built for yet
    vi.stubGlobal('Intl', {
      ...Intl,
      DateTimeFormat: Object.assign(function (...a: ConstructorParameters<typeof Real>) {
        built();
        fake.state.calls.push('dateline formatter');
        return new Real(...a);
      }, Real),
    });
    try {
      const calls = await click(10);
      await flush();
      expect(built).toHaveBeenCalled();
      expect(calls.indexOf('inject content.js')).toBe(0);
      expect(calls.indexOf('dateline formatter')).toBeGreaterThan(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
