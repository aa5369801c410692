/**
 * The ONLY place untrusted HTML becomes DOM. Everything extracted from a page passes through
 * DOMPurify here before it reaches any DOM a user sees (overlay, library, exported HTML).
 * An architecture test fails if `innerHTML =` or DOMPurify appear anywhere else.
 */
import createDOMPurify, { type Config } from 'dompurify';

/** Tags never allowed, even where DOMPurify's defaults would keep them. */
const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'select', 'option', 'textarea', 'base', 'meta', 'link', 'noscript', 'template', 'dialog', 'portal', 'slot',
  'math', 'svg', 'canvas', 'audio', 'video', 'source', 'track',
];
/** Attributes never allowed: inline style can overlay the reader or beacon out through url(). */
const FORBID_ATTR = ['style', 'id', 'name', 'class', 'srcdoc', 'formaction', 'action', 'xlink:href', 'ping', 'background', 'poster'];

const CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  // Only web links and mail links; `data:` only for images (inlined images in saved articles).
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  ADD_DATA_URI_TAGS: ['img'],
  SANITIZE_NAMED_PROPS: true,
  WHOLE_DOCUMENT: false,
};

type Purifier = ReturnType<typeof createDOMPurify>;
const purifiers = new WeakMap<object, Purifier>();

function purifierFor(win: Window): Purifier {
  let p = purifiers.get(win);
  if (!p) {
    p = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    p.addHook('afterSanitizeAttributes', (node) => {
      const el = node as Element;
      if (el.tagName === 'A') {
        // Links leave the reader for the publisher's site: never leak the reader's context.
        el.setAttribute('rel', 'noopener noreferrer');
        if (el.hasAttribute('target')) el.setAttribute('target', '_blank');
      }
      if (el.tagName === 'IMG') {
        const src = el.getAttribute('src') ?? '';
        if (/^data:/i.test(src) && !/^data:image\/(png|jpe?g|gif|webp|avif)[;,]/i.test(src)) el.removeAttribute('src');
        el.setAttribute('loading', 'lazy');
        el.setAttribute('decoding', 'async');
        el.setAttribute('referrerpolicy', 'no-referrer');
      }
    });
    purifiers.set(win, p);
  }
  return p;
}

function windowOf(doc: Document): Window {
  const win = doc.defaultView;
  if (!win) throw new Error('sanitize: the document has no browsing context; use a document from a page or from jsdom');
  return win;
}

/** Sanitized HTML string, safe to insert anywhere. */
export function sanitizeHtml(html: string, doc: Document): string {
  return purifierFor(windowOf(doc)).sanitize(html, CONFIG) as unknown as string;
}

/** Sanitized HTML as a fragment owned by `doc`: the way the overlay and library put article HTML on screen. */
export function sanitizeToFragment(html: string, doc: Document): DocumentFragment {
  const frag = purifierFor(windowOf(doc)).sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true }) as unknown as DocumentFragment;
  return doc.importNode(frag, true);
}
