/**
 * The reader overlay, as a UI module: the content script mounts it over news pages and the library
 * page mounts it over saved articles. It is not an entry point of its own.
 */
export { mountFullReader as mountReader } from './mount-full.js';
export { OVERLAY_TAG, type ReaderAction, type ReaderHandle } from './types.js';
export { DEFAULT_READER_SETTINGS, bindStoredSettings, loadReaderSettings } from './settings.js';
