/**
 * Sanitized article HTML as an inert document, for exports that rewrite or walk it. DOMParser
 * documents run no script and load no image, unlike elements created in the page's own document
 * (an <img> there starts fetching even when never attached). Everything passes DOMPurify first.
 */
import { sanitizeHtml, type SanitizeOptions } from '../core/sanitize.js';

export function inertArticle(html: string, doc: Document, opts: SanitizeOptions = {}): Document {
  const win = doc.defaultView;
  if (!win) throw new Error('inertArticle: the document has no window (use the page document or jsdom)');
  const parser = new win.DOMParser();
  const clean = sanitizeHtml(html, doc, opts);
  return parser.parseFromString(`<!doctype html><html><head></head><body>${clean}</body></html>`, 'text/html');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
