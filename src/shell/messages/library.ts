/** Messages of the saved-articles library (issue #7). */
import type { ExtractResult } from '../../core/types.js';

export type LibraryToBackground = {
  /** Save (or update, keeping the earlier version) the article shown in the sender's overlay. */
  'library:save': {
    request: { article: ExtractResult };
    response: { id: string; updated: boolean; imagesStored: number; imagesSkipped: number; note?: string };
  };
  /** Open the library page in a new tab. */
  'library:open': { request: Record<string, never>; response: void };
};
