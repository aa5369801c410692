/**
 * Every message map, combined. Each feature owns its own file; add a map there, not here.
 * Convention: `{ request: ...; response: ... }` per message name, names prefixed by feature.
 */
import type { ReaderToBackground, ReaderToContent } from './reader.js';
import type { AutoCleanToBackground } from './autoclean.js';
import type { LibraryToBackground } from './library.js';
import type { SyncToBackground } from './sync.js';

export type ToBackground = ReaderToBackground & AutoCleanToBackground & LibraryToBackground & SyncToBackground;
export type ToContent = ReaderToContent;
