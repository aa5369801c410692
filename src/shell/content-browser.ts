/**
 * The content scripts' `browser`: build.mjs bundles this module in place of webextension-polyfill for
 * content.js and content-later.js (issue #24). content.js is compiled whole on the click, and the
 * polyfill was 10 KB of it, nearly none of which ever ran there: the few APIs a content script uses
 * (runtime messages and ports, storage) already return promises in both browsers (Chrome MV3, Firefox).
 * The differences that remain for a content script, and only they, are handled here:
 *  - Firefox: `browser` is the browser's own; used as it is (the polyfill does the same).
 *  - Chrome: `chrome`, with two differences from Firefox's promise API, bridged as the polyfill does:
 *    a runtime.onMessage listener answers by returning a promise in Firefox, but Chrome answers only
 *    through `sendResponse` (and the listener's `return true`); and runtime.sendMessage rejects when the
 *    receiver did not answer ("The message port closed before a response was received."), where
 *    Firefox and the polyfill resolve with undefined.
 *    https://developer.chrome.com/docs/extensions/develop/concepts/messaging#responses
 *    https://github.com/mozilla/webextension-polyfill#basic-setup (the same two bridges)
 * Everything else is the platform's object unchanged. The rest of the extension (background and
 * extension pages) keeps the polyfill: see shell/browser.ts, the one import of either.
 */
type Listener = (message: unknown, sender: unknown, sendResponse: (r: unknown) => void) => unknown;
interface ChromeEvent {
  addListener(l: Listener): void;
  removeListener(l: Listener): void;
  hasListener(l: Listener): boolean;
}
interface ChromeLike {
  runtime: { onMessage: ChromeEvent; sendMessage(...args: unknown[]): Promise<unknown> };
}

const NO_ANSWER = 'The message port closed before a response was received.';

/** What the polyfill sends back for a rejected listener promise (its senders turn it into a rejection). */
function rejection(e: unknown): { __mozWebExtensionPolyfillReject__: true; message: string } {
  return { __mozWebExtensionPolyfillReject__: true, message: e instanceof Error ? e.message : String(e) };
}

/** Chrome's `chrome` with Firefox's promise semantics for runtime.onMessage and runtime.sendMessage. */
export function promisedChrome(chrome: ChromeLike): unknown {
  const wrapped = new WeakMap<Listener, Listener>();
  const wrap = (listener: Listener): Listener => {
    let w = wrapped.get(listener);
    if (!w) {
      w = (message, sender, sendResponse) => {
        const answer = listener(message, sender, sendResponse);
        if (!answer || typeof (answer as Promise<unknown>).then !== 'function') return answer === true;
        (answer as Promise<unknown>).then(sendResponse, (e: unknown) => sendResponse(rejection(e)));
        return true; // the answer comes later: keep the channel open
      };
      wrapped.set(listener, w);
    }
    return w;
  };
  const onMessage = {
    addListener: (l: Listener) => chrome.runtime.onMessage.addListener(wrap(l)),
    removeListener: (l: Listener) => chrome.runtime.onMessage.removeListener(wrapped.get(l) ?? l),
    hasListener: (l: Listener) => chrome.runtime.onMessage.hasListener(wrapped.get(l) ?? l),
  };
  const sendMessage = (...args: unknown[]): Promise<unknown> =>
    chrome.runtime.sendMessage(...args).catch((e: unknown) => {
      if (e instanceof Error && e.message === NO_ANSWER) return undefined;
      throw e;
    });
  const runtime = overlay(chrome.runtime, { onMessage, sendMessage });
  return overlay(chrome, { runtime });
}

/**
 * `target` with some properties replaced; its methods stay bound to it (native API functions check
 * `this`). The proxy's own target is an empty object inheriting from it, as in the polyfill: a proxy may
 * not report another value for a target's non-configurable property.
 */
function overlay<T extends object>(target: T, own: Record<string, unknown>): T {
  return new Proxy(Object.create(target) as T, {
    get(_, key) {
      if (typeof key === 'string' && Object.prototype.hasOwnProperty.call(own, key)) return own[key];
      const v: unknown = Reflect.get(target, key);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

const g = globalThis as { browser?: object; chrome?: ChromeLike };
// Firefox's own `browser` is a plain object (the polyfill's test too; Chrome has no `browser`).
const native = g.browser && Object.getPrototypeOf(g.browser) === Object.prototype ? g.browser : null;

export default native ?? (g.chrome ? promisedChrome(g.chrome) : {});
