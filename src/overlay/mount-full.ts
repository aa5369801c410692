/**
 * The reader with all its parts at once (related headlines, Listen, zap, shortcuts help): how the
 * library page and the tests mount it. The content script mounts mount-reader.ts directly and passes
 * the extras later, after its first paint (content/reader-session.ts).
 */
import type { ExtractResult } from '../core/types.js';
import { READER_EXTRAS } from './extras.js';
import { mountReader } from './mount-reader.js';
import type { MountOptions, ReaderHandle } from './types.js';

export function mountFullReader(doc: Document, article: ExtractResult, options: MountOptions): ReaderHandle {
  return mountReader(doc, article, { ...options, extras: options.extras ?? READER_EXTRAS });
}
