/**
 * The library's settings (storage.sync: small, follows the user): keep images in the database
 * (readable offline) or as links only, and the per-article image budget.
 */
import { StorageItem } from '../shell/storage.js';
import type { ImageMode } from './record.js';

export interface LibrarySettings {
  images: ImageMode;
  /** Per-article cap on stored image bytes, in MB. */
  maxImageMB: number;
}

export const DEFAULT_LIBRARY_SETTINGS: LibrarySettings = { images: 'store', maxImageMB: 8 };

export const librarySettingsItem = new StorageItem<LibrarySettings>('library', DEFAULT_LIBRARY_SETTINGS);
