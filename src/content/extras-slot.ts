/**
 * Where the content script's second part (later.ts, content-later.js) leaves the reader's extras for
 * the first (issue #24). Both run in the extension's isolated world of the page, whose global object
 * they share (Chrome's isolated world, Firefox's content-script sandbox), like the load-once guard.
 */
import type { ReaderExtras } from '../overlay/extras.js';

const KEY = Symbol.for('dateline-reader/extras');
type Slot = { [KEY]?: ReaderExtras };

export function provideExtras(extras: ReaderExtras): void {
  (globalThis as Slot)[KEY] = extras;
}

export function providedExtras(): ReaderExtras | null {
  return (globalThis as Slot)[KEY] ?? null;
}
