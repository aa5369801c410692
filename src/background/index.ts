/**
 * Entry point: the background (MV3 service worker in Chrome, event page in Firefox).
 * Wiring only. Each feature registers its listeners and message handlers here, synchronously at the
 * top level: the worker can be stopped at any time and is woken only for events that already have
 * a listener when it starts.
 */
import { registerReader } from './reader.js';
import { registerAutoClean } from './autoclean.js';
import { registerLibrary } from './library.js';
import { registerSync } from './sync.js';

registerReader();
registerAutoClean();
registerLibrary();
registerSync();
