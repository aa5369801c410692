/**
 * The reader's parts that its first paint does without (issue #24): the related headlines (the core's
 * related stage, extract's second phase, and their view), Listen,
 * zap mode and the keyboard-shortcuts dialog. The content script paints the article first and loads
 * these as a second script afterwards (content/later.ts), so that their code is neither parsed nor
 * run on the click; the library page and the tests mount with them at once (mount-full.ts).
 */
import { renderRelated } from './related-view.js';
import { renderListen } from './listen/listen-view.js';
import { nativeSpeech } from './listen/speech-api.js';
import { createZapMode } from './zap-mode.js';
import { renderHelp } from './shortcuts.js';
import { addRelated } from '../core/extract-related.js';

export const READER_EXTRAS = { addRelated, renderRelated, renderListen, nativeSpeech, createZapMode, renderHelp };
export type ReaderExtras = typeof READER_EXTRAS;
