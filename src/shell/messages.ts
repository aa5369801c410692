/**
 * Typed messages, named by receiver (after Dark Reader's MessageTypeUItoBG split and
 * fregante/webext-msg): each feature declares a map `name → { request; response }` in
 * src/shell/messages/<feature>.ts, and they are combined here. A context registers one
 * `handleMessages(handlers, accept)`; errors are serialised back to the sender instead of vanishing.
 *
 * Messages from content scripts are untrusted input (a page can compromise its content script's
 * world only through bugs, but a forged message must never reach a privileged action): every
 * handler validates its request, and `accept` checks the sender.
 */
import { browser, type Runtime } from './browser.js';
import type { ToBackground, ToContent } from './messages/index.js';

export type { ToBackground, ToContent };

type Envelope<M> = { [K in keyof M]: { type: K; payload: M[K] extends { request: infer Q } ? Q : never } }[keyof M];
type Req<M, K extends keyof M> = M[K] extends { request: infer Q } ? Q : never;
type Res<M, K extends keyof M> = M[K] extends { response: infer R } ? R : never;

export type Handlers<M> = {
  [K in keyof M]?: (payload: Req<M, K>, sender: Runtime.MessageSender) => Res<M, K> | Promise<Res<M, K>>;
};

/** What travels back: a value or a serialised error. */
type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Sends to the background (from the content script, the overlay, or an extension page). */
export async function sendToBackground<K extends keyof ToBackground>(
  type: K,
  payload: Req<ToBackground, K>,
): Promise<Res<ToBackground, K>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<Res<ToBackground, K>> | undefined;
  if (!reply) throw new Error(`no handler for ${String(type)}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/** Sends to the content script of one tab (top frame). */
export async function sendToTab<K extends keyof ToContent>(
  tabId: number,
  type: K,
  payload: Req<ToContent, K>,
): Promise<Res<ToContent, K>> {
  const reply = (await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 })) as
    Reply<Res<ToContent, K>> | undefined;
  if (!reply) throw new Error(`no handler for ${String(type)}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}

/**
 * Registers this context's handlers. Unknown message types are ignored (another context may
 * handle them). `accept(type, sender)` decides whether a sender may invoke a handler at all.
 * Returns a function that unregisters.
 */
export function handleMessages<M>(
  handlers: Handlers<M>,
  accept: (type: keyof M, sender: Runtime.MessageSender) => boolean = () => true,
): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<Reply<unknown>> | undefined => {
    if (!message || typeof message !== 'object') return undefined;
    const { type, payload } = message as Envelope<M> & { type: keyof M };
    if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(handlers, type)) return undefined;
    const handler = handlers[type] as ((p: unknown, s: Runtime.MessageSender) => unknown) | undefined;
    if (!handler) return undefined;
    if (!accept(type, sender))
      return Promise.resolve({ ok: false, error: `${String(type)} is not allowed from this sender` });
    return Promise.resolve()
      .then(() => handler(payload, sender))
      .then(
        (value) => ({ ok: true as const, value }),
        (e: unknown) => ({ ok: false as const, error: e instanceof Error ? e.message : String(e) }),
      );
  };
  browser.runtime.onMessage.addListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  return () =>
    browser.runtime.onMessage.removeListener(listener as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
}
