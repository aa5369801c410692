/**
 * Mounts the Sync settings (sync-panel.ts) into library.html's #sync section, and keeps a port to
 * the background open while the page is shown: the background then follows the server live
 * (issue #25). The page pings every 20 s, which keeps Chrome's service worker from being stopped
 * while the page is open (an idle one is stopped after 30 s).
 */
import { browser } from '../shell/browser.js';
import { mountSyncPanel } from './sync-panel.js';

const LIVE_PORT = 'sync-live';

export function startSyncPanel(doc: Document, signal: AbortSignal): void {
  const host = doc.getElementById('sync');
  if (host) mountSyncPanel(doc, host, signal);
  const port = browser.runtime.connect({ name: LIVE_PORT });
  const ping = setInterval(() => port.postMessage({ type: 'ping' }), 20_000);
  signal.addEventListener('abort', () => {
    clearInterval(ping);
    port.disconnect();
  });
}
