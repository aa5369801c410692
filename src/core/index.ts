/** The core's public surface: a Document in, plain data out. No browser APIs. */
export { extract } from './extract.js';
export { detectNews } from './page/detect.js';
export { findDateline, formatDateline } from './dateline/index.js';
export { findRelated } from './related/index.js';
export { sanitizeHtml, sanitizeToFragment } from './sanitize.js';
export type * from './types.js';
