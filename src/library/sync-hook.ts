/**
 * Mounts the Sync settings (sync-panel.ts) into library.html's #sync section, and keeps sync live
 * while the page is shown (shell/sync-live.ts; issue #25).
 */
import { keepSyncLive } from '../shell/sync-live.js';
import { mountSyncPanel } from './sync-panel.js';

export function startSyncPanel(doc: Document, signal: AbortSignal): void {
  const host = doc.getElementById('sync');
  if (host) mountSyncPanel(doc, host, signal);
  keepSyncLive(signal);
}
