/** The core's public surface: a Document in, plain data out. No browser APIs. */
export { extract } from './extract.js';
export { detectNews } from './detect.js';
export { findDateline, formatDateline } from './dateline.js';
export { findRelated } from './related.js';
export { sanitizeHtml, sanitizeToFragment } from './sanitize.js';
export type * from './types.js';
