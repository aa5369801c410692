/** Messages of the reader overlay (issue #5). */
import type { Dateline } from '../../core/types.js';
import type { DatelineTimes } from '../../overlay/dateline-view.js';

export type ReaderToBackground = {
  /** The overlay opened or closed in the sender's tab (for the toolbar badge). */
  'reader:state': { request: { open: boolean }; response: void };
  /**
   * Load the reader's second script (content-later.js: related headlines, Listen, zap, shortcuts help)
   * into the sender's frame: asked for after the article's first paint (issue #24).
   */
  'reader:extras': { request: Record<string, never>; response: void };
  /**
   * The dateline's times formatted for the reader (overlay/dateline-view.ts formatDatelineTimes), asked
   * while the page is read on an open: formatted here, the page builds no Intl object before the
   * reader's first paint (issue #24). `locale` is the page's navigator.language; the zone is the browser's.
   */
  'reader:dateline': {
    request: Pick<Dateline, 'published' | 'modified'> & { locale: string };
    response: DatelineTimes;
  };
};

export type ReaderToContent = {
  /** Toggle the overlay (toolbar button, shortcut); `force` true only opens, false only closes. */
  'reader:toggle': { request: { force?: boolean }; response: { open: boolean } };
  /** The 'listen' command (issue #26): open the reader if needed, then start or pause reading aloud. */
  'reader:listen': { request: Record<string, never>; response: { open: boolean } };
  /** The 'save-article' command: save the page's article to the library (opens the reader to show the result). */
  'reader:save': { request: Record<string, never>; response: { saved: boolean; message: string } };
};
