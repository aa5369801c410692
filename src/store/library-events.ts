/**
 * "The library changed" across the extension's contexts: the background posts after a save, an
 * open library page refreshes its list. BroadcastChannel reaches every same-origin context (the
 * service worker, the Firefox event page, extension pages) without a message handler per page.
 */
export const LIBRARY_CHANNEL = 'dateline-library';

export function announceLibraryChange(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(LIBRARY_CHANNEL);
  ch.postMessage({ type: 'changed' });
  ch.close();
}

export function onLibraryChange(callback: () => void, signal: AbortSignal): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(LIBRARY_CHANNEL);
  ch.onmessage = () => callback();
  signal.addEventListener('abort', () => ch.close(), { once: true });
}
