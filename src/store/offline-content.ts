/**
 * A saved article's HTML with its stored images inlined as data: URLs, for reading offline (the
 * library's reader view) and for the standalone HTML export. data: rather than blob: URLs because
 * the sanitizer allows data:image/* on <img> and nothing else that is not the web; a blob: URL
 * would be stripped on the way to the screen.
 * Images that were not stored (over the size cap, failed to download, or "links only") become a link
 * to the image instead of an <img>: opening a saved article must not contact the publisher (the
 * library page's CSP, img-src 'self' data: blob:, would refuse the load anyway and show a broken
 * picture). The reader sees what is missing and can open it on purpose.
 * When the body has no picture and the lead image was stored, it opens the article (a saved copy
 * shows the picture the story was shared with).
 * Relative URLs are made absolute against the page the article was saved from (or dropped when
 * that is unknown): in the library page they would resolve against the extension itself.
 */
import { sanitizeHtml } from '../core/sanitize.js';
import type { FullArticle } from './record.js';
import { blobToDataUrl } from './blob-base64.js';
import { escapeHtml, inertArticle } from './inert-html.js';

/** The image types the sanitizer keeps as data: URLs (no SVG: it is a document, not a picture). */
const INLINE_TYPES = /^image\/(png|jpe?g|gif|webp|avif)$/i;

export async function offlineContent(full: FullArticle, doc: Document): Promise<string> {
  const dataUrls = new Map<string, string>();
  for (const img of full.images) {
    if (INLINE_TYPES.test(img.type)) dataUrls.set(img.url, await blobToDataUrl(img.blob, img.type.toLowerCase()));
  }
  const base = { baseUrl: full.record.pageUrl || full.record.url || null };
  const inert = inertArticle(full.body.content, doc, base);
  // A <picture>'s <source> candidates would send the browser to the publisher before the <img>.
  for (const source of Array.from(inert.querySelectorAll('picture > source'))) source.remove();
  for (const img of Array.from(inert.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    const data = dataUrls.get(src) ?? (/^data:image\//i.test(src) ? src : undefined);
    if (!data) {
      img.replaceWith(notStoredLink(inert, src, img.getAttribute('alt') ?? ''));
      continue;
    }
    img.setAttribute('src', data);
    // The stored copy is the one to show; srcset would send the browser back to the publisher.
    img.removeAttribute('srcset');
    img.removeAttribute('sizes');
  }
  const lead = full.record.leadImage ? dataUrls.get(full.record.leadImage) : undefined;
  const leadFigure =
    lead && !inert.querySelector('img') ? `<figure><img src="${escapeHtml(lead)}" alt=""></figure>` : '';
  return sanitizeHtml(leadFigure + inert.body.innerHTML, doc, base);
}

/** "Image not saved: <alt> (publisher.example)" — a link to the image, or plain text when it has no web URL. */
function notStoredLink(doc: Document, src: string, alt: string): Element {
  let host = '';
  try {
    host = /^https?:/i.test(src) ? new URL(src).hostname.replace(/^www\./, '') : '';
  } catch {
    /* not a URL */
  }
  const label = `Image not saved${alt.trim() ? `: ${alt.trim()}` : ''}${host ? ` (${host})` : ''}`;
  if (!host) {
    const span = doc.createElement('em');
    span.textContent = label;
    return span;
  }
  const a = doc.createElement('a');
  a.setAttribute('href', src);
  a.textContent = label;
  return a;
}
