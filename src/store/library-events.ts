/**
 * "The library changed" across the extension's contexts: the background posts after a save, an
 * open library page refreshes its list. BroadcastChannel reaches every same-origin context (the
 * service worker, the Firefox event page, extension pages) without a message handler per page.
 */
export const LIBRARY_CHANNEL = 'dateline-library';

/** `ids`: the articles saved or changed (a page updates just those instead of re-reading the library). */
export function announceLibraryChange(ids: readonly string[]): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(LIBRARY_CHANNEL);
  ch.postMessage({ type: 'changed', ids: [...ids] });
  ch.close();
}

export function onLibraryChange(callback: (ids: string[]) => void, signal: AbortSignal): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(LIBRARY_CHANNEL);
  ch.onmessage = (e: MessageEvent<{ ids?: unknown }>) => {
    const ids = Array.isArray(e.data?.ids) ? e.data.ids.filter((x): x is string => typeof x === 'string') : [];
    callback(ids);
  };
  signal.addEventListener('abort', () => ch.close(), { once: true });
}

/**
 * "The library was edited here" (read marks, deletes, restores made by the library page): only
 * sync listens (a pass soon after, issue #25). A channel of its own, so the page that made the edit
 * does not re-read what it already shows.
 */
const EDIT_CHANNEL = 'dateline-library-edits';

export function announceLibraryEdit(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(EDIT_CHANNEL);
  ch.postMessage({ type: 'edited' });
  ch.close();
}

export function onLibraryEdit(callback: () => void, signal: AbortSignal): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(EDIT_CHANNEL);
  ch.onmessage = () => callback();
  signal.addEventListener('abort', () => ch.close(), { once: true });
}
