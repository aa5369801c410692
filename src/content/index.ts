/**
 * Entry point: the content script, injected on demand by the background (toolbar click, shortcut,
 * context menu, auto-clean). Wiring only: the load-once guard, then the reader session.
 */
import { claimPage } from './load-once.js';
import { startReaderSession } from './reader-session.js';

const lifetime = claimPage(document);
if (lifetime) startReaderSession(document, lifetime);
