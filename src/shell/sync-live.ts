/**
 * "Sync live while I look" (issue #25): the library page and an open reader each hold a port of
 * this name to the background while they are shown; the background follows the server's changes
 * feed while any is open (background/sync.ts). The holder pings every 20 s: each message keeps
 * Chrome's service worker from being stopped (an idle one is stopped after 30 s). The background
 * closes the port when sync is off, and the pinging stops with it.
 */
import { browser } from './browser.js';

export const LIVE_PORT = 'sync-live';
const PING_MS = 20_000;

export function keepSyncLive(signal: AbortSignal): void {
  if (signal.aborted) return;
  let port: ReturnType<typeof browser.runtime.connect>;
  try {
    port = browser.runtime.connect({ name: LIVE_PORT });
  } catch {
    return; // an orphaned content script (the extension was reloaded): nothing to keep live
  }
  const ping = setInterval(() => port.postMessage({ type: 'ping' }), PING_MS);
  const end = (): void => clearInterval(ping);
  port.onDisconnect.addListener(end);
  signal.addEventListener(
    'abort',
    () => {
      end();
      port.disconnect();
    },
    { once: true },
  );
}
