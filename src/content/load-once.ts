/**
 * Load-once guard for the on-demand content script. executeScript may run content.js again on the same
 * page (racing clicks, the auto-clean path, a second click after a service-worker restart): the second
 * copy must do nothing while the first is alive.
 *
 * After the extension is reloaded or updated Chrome leaves the old copy running as an orphan (its
 * extension context is gone; it may still have an overlay on screen). The new copy takes over: it
 * disposes an orphan in its own world directly, and tells one in another world through a DOM event
 * (events cross worlds), so that copy closes its overlay and restores the page itself — if it really is
 * an orphan: a live copy ignores the event, which page script can dispatch as well
 * (after obsidian-clipper's generation counter and Dark Reader's "context invalidated" handling).
 */
import { extensionAlive } from '../shell/platform.js';

const KEY = Symbol.for('dateline-reader/content');
export const TAKEOVER_EVENT = 'dateline-reader:takeover';

interface Running {
  alive(): boolean;
  dispose(): void;
}

/** Returns the new instance's lifetime, or null when a live instance already runs on this page. */
export function claimPage(doc: Document): AbortController | null {
  const g = globalThis as { [KEY]?: Running };
  const previous = g[KEY];
  if (previous?.alive()) return null;
  previous?.dispose();
  doc.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
  const lifetime = new AbortController();
  // Registered after our own dispatch: only a later copy's takeover ends us, and only once we are an
  // orphan. The event is a plain DOM event, so the page can dispatch it too: while our extension
  // context is alive we ignore it (a page must not be able to close the reader it did not open). A newer
  // copy only exists after a reload or update, which is exactly when our context is gone.
  doc.addEventListener(
    TAKEOVER_EVENT,
    () => {
      if (!extensionAlive()) lifetime.abort();
    },
    { signal: lifetime.signal },
  );
  g[KEY] = { alive: () => !lifetime.signal.aborted && extensionAlive(), dispose: () => lifetime.abort() };
  return lifetime;
}
