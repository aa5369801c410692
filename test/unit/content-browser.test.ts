/**
 * The content scripts' `browser` (src/shell/content-browser.ts, used by content.js and content-later.js in
 * place of webextension-polyfill): on Chrome, a message handler that answers with a promise must reach the
 * sender (Chrome answers only through sendResponse), a sender whose receiver stays silent gets undefined as
 * with the polyfill, and everything else is Chrome's own API, callable as usual.
 */
import { describe, expect, it } from 'vitest';
import { promisedChrome } from '../../src/shell/content-browser.js';

type Listener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => unknown;

/** A stand-in for Chrome's `chrome` whose methods, like the real ones, must be called on their object. */
function fakeChrome(sendResult: () => Promise<unknown> = () => Promise.resolve('pong')) {
  const listeners = new Set<Listener>();
  const runtime = {
    id: 'ext',
    onMessage: {
      addListener: (l: Listener) => listeners.add(l),
      removeListener: (l: Listener) => listeners.delete(l),
      hasListener: (l: Listener) => listeners.has(l),
    },
    sendMessage: sendResult,
    getURL(this: unknown, p: string) {
      if (this !== runtime) throw new TypeError('Illegal invocation');
      return `chrome-extension://ext/${p}`;
    },
  };
  /** Delivers a message as Chrome does: true from a listener keeps the channel open for sendResponse. */
  const deliver = (message: unknown): Promise<unknown> =>
    new Promise((resolve) => {
      let open = false;
      for (const l of listeners) if (l(message, { id: 'ext' }, resolve) === true) open = true;
      if (!open) resolve('(closed)');
    });
  return { chrome: { runtime, storage: { local: { area: 'local' } } }, listeners, deliver };
}

interface Api {
  runtime: {
    id: string;
    onMessage: { addListener(l: unknown): void; removeListener(l: unknown): void; hasListener(l: unknown): boolean };
    sendMessage(m: unknown): Promise<unknown>;
    getURL(p: string): string;
  };
  storage: { local: { area: string } };
}

describe('content scripts’ browser on Chrome', () => {
  it('a handler that returns a promise answers the sender with its value', async () => {
    const fake = fakeChrome();
    const api = promisedChrome(fake.chrome) as Api;
    api.runtime.onMessage.addListener((m: { n: number }) => Promise.resolve(m.n * 2));
    await expect(fake.deliver({ n: 21 })).resolves.toBe(42);
  });

  it('a handler that returns nothing leaves the message to others (the channel closes)', async () => {
    const fake = fakeChrome();
    const api = promisedChrome(fake.chrome) as Api;
    api.runtime.onMessage.addListener(() => undefined);
    await expect(fake.deliver({})).resolves.toBe('(closed)');
  });

  it('a rejected handler answers in the polyfill’s rejection form, which the background’s polyfill rejects', async () => {
    const fake = fakeChrome();
    const api = promisedChrome(fake.chrome) as Api;
    api.runtime.onMessage.addListener(() => Promise.reject(new Error('nope')));
    await expect(fake.deliver({})).resolves.toEqual({ __mozWebExtensionPolyfillReject__: true, message: 'nope' });
  });

  it('a handler can be removed by the function that was added', () => {
    const fake = fakeChrome();
    const api = promisedChrome(fake.chrome) as Api;
    const handler = (): undefined => undefined;
    api.runtime.onMessage.addListener(handler);
    expect(api.runtime.onMessage.hasListener(handler)).toBe(true);
    api.runtime.onMessage.removeListener(handler);
    expect(fake.listeners.size).toBe(0);
  });

  it('sendMessage resolves with undefined when the receiver did not answer, and rejects on other errors', async () => {
    const silent = promisedChrome(
      fakeChrome(() => Promise.reject(new Error('The message port closed before a response was received.'))).chrome,
    ) as Api;
    await expect(silent.runtime.sendMessage({})).resolves.toBeUndefined();
    const gone = promisedChrome(
      fakeChrome(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')))
        .chrome,
    ) as Api;
    await expect(gone.runtime.sendMessage({})).rejects.toThrow('Receiving end does not exist');
    await expect((promisedChrome(fakeChrome().chrome) as Api).runtime.sendMessage({})).resolves.toBe('pong');
  });

  it('the rest is Chrome’s own API, its methods called on their object', () => {
    const api = promisedChrome(fakeChrome().chrome) as Api;
    expect(api.runtime.id).toBe('ext');
    expect(api.runtime.getURL('x.js')).toBe('chrome-extension://ext/x.js');
    expect(api.storage.local.area).toBe('local');
  });
});
