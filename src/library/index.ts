/**
 * Entry point: the library page (library.html). Wiring only: the page lives as long as the tab.
 */
import { startLibraryPage } from './library-page.js';
import { startSyncPanel } from './sync-hook.js';

const lifetime = new AbortController();
addEventListener('pagehide', () => lifetime.abort(), { once: true });
void startLibraryPage(document, lifetime.signal);
startSyncPanel(document, lifetime.signal);
