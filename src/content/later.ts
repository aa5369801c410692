/**
 * Entry point: the content script's second part (content-later.js), which the background injects when
 * the first part asks, after the article's first paint (issue #24): the related headlines, Listen,
 * zap mode and the shortcuts help. Wiring only: it hands them to the first part.
 */
import { READER_EXTRAS } from '../overlay/extras.js';
import { provideExtras } from './extras-slot.js';

provideExtras(READER_EXTRAS);
