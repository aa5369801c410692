/**
 * The one import of webextension-polyfill. Everything that talks to extension APIs imports
 * `browser` from here (an architecture test enforces it), so Chrome's callback quirks and
 * Firefox's promise APIs look the same to the rest of the code.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Scripting, Menus } from 'webextension-polyfill';
