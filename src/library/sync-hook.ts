/** Mounts the Sync settings (sync-panel.ts) into library.html's #sync section, when the page has one. */
import { mountSyncPanel } from './sync-panel.js';

export function startSyncPanel(doc: Document, signal: AbortSignal): void {
  const host = doc.getElementById('sync');
  if (host) mountSyncPanel(doc, host, signal);
}
