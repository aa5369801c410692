/**
 * The ONLY place untrusted HTML becomes DOM. Everything extracted from a page passes through
 * DOMPurify here before it reaches any DOM a user sees (overlay, library, exported HTML).
 * `npm run lint` fails if `innerHTML =` or DOMPurify appear anywhere else (eslint.config.mjs).
 *
 * Contract (issue #8, each point has a test in test/unit/sanitize*.test.ts and hostile*.test.ts):
 * - an ALLOW-list of article formatting tags (headings, lists, tables, figures, quotes, code,
 *   images, picture) and, per tag, the attributes that formatting needs; everything else goes
 *   (script, style, iframe/srcdoc, object, embed, form, base, meta, svg, math, media, custom elements);
 * - no event handler, no `style`, no `class`, no `id`/`name` (DOM clobbering of the extension
 *   page that renders the article), no `data-*`;
 * - every URL (href, src, each srcset candidate, cite) is either scheme-less (relative: it cannot
 *   run anything, extract() makes it absolute) or http(s); with `baseUrl` given (content shown in
 *   an extension page, where a relative URL would point into the extension itself) a relative URL
 *   is resolved against the article's own address, or dropped when there is none; links may also be mailto:, images
 *   may be inlined raster `data:image/*` (saved articles). Checked after removing the whitespace
 *   and control characters browsers ignore, and after the parser decoded entities, so
 *   `jav&#x61;script:` and `java\tscript:` are caught;
 * - links get rel="noopener noreferrer" (a target other than _blank is rewritten to _blank),
 *   images get referrerpolicy="no-referrer" and lazy loading.
 * Parsing happens in DOMPurify's own inert document: nothing loads and nothing runs while sanitizing.
 */
import createDOMPurify, { type Config, type UponSanitizeAttributeHookEvent } from 'dompurify';

/** Article formatting, and nothing that can script, frame, submit, restyle or load beyond images. */
const ALLOWED_TAGS = [
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'main',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'small',
  'source',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
];
const ALLOWED_TAG_SET: ReadonlySet<string> = new Set(ALLOWED_TAGS);
/** Belt and braces: named even though the allow-list already excludes them. */
const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'base',
  'meta',
  'link',
  'noscript',
  'template',
  'dialog',
  'portal',
  'slot',
  'math',
  'svg',
  'canvas',
  'audio',
  'video',
  'track',
  'marquee',
  'noembed',
  'noframes',
  'xmp',
  'plaintext',
];
const FORBID_ATTR = [
  'style',
  'id',
  'name',
  'class',
  'srcdoc',
  'formaction',
  'action',
  'xlink:href',
  'ping',
  'background',
  'poster',
  'is',
  'slot',
  'part',
  'popover',
  'usemap',
  'ismap',
  'nonce',
  'autofocus',
  'tabindex',
  'contenteditable',
];

/** Attributes allowed on every allowed tag (aria-* are allowed by DOMPurify's ALLOW_ARIA_ATTR). */
const GLOBAL_ATTR = new Set(['title', 'lang', 'dir']);
/** Attributes allowed per tag, beyond GLOBAL_ATTR. */
const TAG_ATTR: Record<string, ReadonlySet<string>> = {
  a: new Set(['href', 'hreflang', 'rel', 'target']),
  img: new Set(['src', 'srcset', 'sizes', 'alt', 'width', 'height']),
  source: new Set(['srcset', 'sizes', 'media', 'type', 'width', 'height']),
  td: new Set(['colspan', 'rowspan']),
  th: new Set(['colspan', 'rowspan', 'scope', 'abbr']),
  col: new Set(['span']),
  colgroup: new Set(['span']),
  ol: new Set(['start', 'reversed', 'type']),
  li: new Set(['value']),
  blockquote: new Set(['cite']),
  q: new Set(['cite']),
  del: new Set(['cite', 'datetime']),
  ins: new Set(['cite', 'datetime']),
  time: new Set(['datetime']),
  details: new Set(['open']),
};
const ALLOWED_ATTR = [...new Set([...GLOBAL_ATTR, ...Object.values(TAG_ATTR).flatMap((s) => [...s])])];

/** Attribute values that must match a shape; anything else is dropped. */
const VALUE_SHAPE: Record<string, RegExp> = {
  width: /^\d{1,5}(?:\.\d+)?%?$/,
  height: /^\d{1,5}(?:\.\d+)?%?$/,
  colspan: /^\d{1,4}$/,
  rowspan: /^\d{1,5}$/,
  span: /^\d{1,4}$/,
  start: /^-?\d{1,9}$/,
  value: /^-?\d{1,9}$/,
  dir: /^(?:ltr|rtl|auto)$/i,
  lang: /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/i,
  scope: /^(?:row|col|rowgroup|colgroup)$/i,
  hreflang: /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/i,
};

/** What browsers ignore inside a URL (and what DOMPurify strips before its own check). */
const URL_IGNORED = /[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const RASTER_DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp|avif);base64,[a-z0-9+/=\s]*$/i;

/**
 * DOMPurify's own URL check runs on every attribute not known to be URL-free (width, datetime, …),
 * so it must pass plain values and scheme-less URLs; the real URL policy is `urlAllowed` below.
 * Same shape as DOMPurify's default, with only http(s) and mailto as named schemes.
 */
const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP,
  ADD_DATA_URI_TAGS: ['img'],
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: false,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};

type UrlKind = 'link' | 'image' | 'cite';

/** May this URL (as found in an attribute, entities already decoded) appear in the article? */
export function urlAllowed(raw: string, kind: UrlKind): boolean {
  const compact = raw.replace(URL_IGNORED, '');
  const scheme = SCHEME.exec(compact)?.[1]?.toLowerCase();
  // No scheme: a relative URL. It resolves against the page (or is made absolute by extract()),
  // and a relative URL can never become javascript:, data: or vbscript:.
  if (scheme === undefined) return true;
  if (scheme === 'http' || scheme === 'https') return true;
  if (kind === 'link') return scheme === 'mailto';
  if (kind === 'image') return RASTER_DATA_IMAGE.test(raw.trim());
  return false;
}

/**
 * Keeps the srcset candidates whose URL is allowed (http(s) or relative, never data:);
 * returns null when none is left. A small tokenizer after the HTML spec's srcset parsing:
 * URLs may contain commas, so a comma only ends a candidate after its URL or descriptor.
 */
export function cleanSrcset(srcset: string): string | null {
  const out: string[] = [];
  let i = 0;
  const s = srcset;
  while (i < s.length) {
    while (i < s.length && /[\s,]/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let j = i;
    while (j < s.length && !/\s/.test(s[j]!)) j++;
    let url = s.slice(i, j);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let k = j;
      while (k < s.length && s[k] !== ',') k++;
      descriptor = s.slice(j, k).trim();
      j = k;
    }
    i = j;
    const abs = url ? absolute(url) : null;
    const inlined = abs !== null && /^data:/i.test(abs.replace(URL_IGNORED, ''));
    if (abs && !inlined && urlAllowed(abs, 'image') && /^[\d.]*[wx]?$/i.test(descriptor)) {
      out.push(descriptor ? `${abs} ${descriptor}` : abs);
    }
  }
  return out.length ? out.join(', ') : null;
}

/**
 * The base of the sanitize() call running now (sanitizing is synchronous): undefined leaves
 * relative URLs as they are; a URL resolves them against it; null drops them.
 */
let base: URL | null | undefined;

function webBase(raw: string | null | undefined): URL | null {
  try {
    const u = new URL(raw ?? '');
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The URL made absolute against `base` (null: drop it); absolute URLs and base-less calls pass unchanged. */
function absolute(value: string): string | null {
  if (base === undefined || SCHEME.test(value.replace(URL_IGNORED, ''))) return value;
  if (base === null) return null;
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return null;
  }
}

function checkUrl(data: UponSanitizeAttributeHookEvent, kind: UrlKind): void {
  const value = absolute(data.attrValue);
  if (value === null || !urlAllowed(value, kind)) data.keepAttr = false;
  else data.attrValue = value;
}

function checkAttribute(el: Element, data: UponSanitizeAttributeHookEvent): void {
  const tag = el.localName;
  const name = data.attrName;
  if (name.startsWith('aria-')) return; // inert text, useful to screen readers
  if (!GLOBAL_ATTR.has(name) && !TAG_ATTR[tag]?.has(name)) {
    data.keepAttr = false;
    return;
  }
  const value = data.attrValue;
  const shape = VALUE_SHAPE[name];
  if (shape && !shape.test(value)) {
    data.keepAttr = false;
    return;
  }
  if (name === 'href') checkUrl(data, 'link');
  else if (name === 'src') checkUrl(data, 'image');
  else if (name === 'cite') checkUrl(data, 'cite');
  else if (name === 'srcset') {
    const clean = cleanSrcset(value);
    if (clean === null) data.keepAttr = false;
    else data.attrValue = clean;
  } else if (name === 'type') {
    data.keepAttr = tag === 'ol' ? /^[1aAiI]$/.test(value) : /^image\/[\w.+-]+$/i.test(value);
  } else if (name === 'open' || name === 'reversed') {
    data.attrValue = ''; // boolean attributes: whatever the page wrote as a value means nothing
  } else if (name === 'sizes' || name === 'media') {
    // CSS-ish syntax, but never a function call: no url(), no image-set(), no escapes.
    data.keepAttr = /^[\w\s().,:%\-/>=<]*$/.test(value) && !/url\s*\(/i.test(value);
  }
}

function finishElement(el: Element): void {
  switch (el.localName) {
    case 'a':
      // Links leave the reader for the publisher's site: never hand the reader's window to it.
      el.setAttribute('rel', 'noopener noreferrer');
      if (el.hasAttribute('target')) el.setAttribute('target', '_blank');
      break;
    case 'img':
      el.setAttribute('loading', 'lazy');
      el.setAttribute('decoding', 'async');
      el.setAttribute('referrerpolicy', 'no-referrer');
      break;
    case 'source':
      // Only a <picture> alternative; a <source> hoisted out of a removed <video> or <audio> goes.
      if (el.parentElement?.localName !== 'picture' || !el.hasAttribute('srcset')) el.remove();
      break;
    default:
  }
}

function replaceWithPlainCopy(el: Element): void {
  // <body is=…> (attributes merged onto DOMPurify's own body) is the walk's root: never replace it;
  // only its children are returned, so its is value cannot travel.
  if (!el.parentElement || el.localName === 'body' || el.localName === 'html') {
    el.removeAttribute('is');
    return;
  }
  // A tag off the allow-list goes anyway (its text kept); its name may not even be creatable
  // (`<q#hu]<video is=…>` parses as one element named "q#hu]<video"), so leave it to DOMPurify.
  if (!ALLOWED_TAG_SET.has(el.localName)) return;
  const copy = el.ownerDocument.createElementNS(el.namespaceURI, el.localName);
  for (const a of Array.from(el.attributes)) {
    // Names the HTML parser accepts but setAttribute refuses (`a:b`, `x"`) are not on any allow-list.
    if (a.name !== 'is')
      try {
        copy.setAttribute(a.name, a.value);
      } catch {
        /* dropped anyway */
      }
  }
  while (el.firstChild) copy.append(el.firstChild);
  el.after(copy);
  el.remove();
}

type Purifier = ReturnType<typeof createDOMPurify>;
type Output = 'html' | 'fragment';
/**
 * One purifier per window and output kind, its configuration set once (setConfig): passing the
 * configuration to every sanitize() call re-parses it into DOMPurify's lookup tables each time,
 * which was a fixed ~0.1 ms of every extraction in a Chromium profile of small pages.
 */
const purifiers = new WeakMap<object, Record<Output, Purifier>>();

function makePurifier(win: Window, config: Config): Purifier {
  const p = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
  p.setConfig(config);
  // A customized built-in (`<p is="x-widget">`) keeps its "is value" even when the attribute is
  // removed: re-created in a page that defines x-widget, it would run the page's constructor, and
  // DOMPurify's own answer in fragment mode is to drop the WHOLE element with its text. So the
  // element is re-created plainly (inserted after, then the original removed, which keeps
  // DOMPurify's node iterator on course: it visits the copy and its children next).
  p.addHook('uponSanitizeElement', (node) => {
    if (node.nodeType === 1 && (node as Element).hasAttribute('is')) replaceWithPlainCopy(node as Element);
  });
  p.addHook('uponSanitizeAttribute', (node, data) => checkAttribute(node as Element, data));
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType === 1) finishElement(node as Element);
  });
  return p;
}

function purifierFor(win: Window, output: Output): Purifier {
  let p = purifiers.get(win);
  if (!p) {
    p = { html: makePurifier(win, CONFIG), fragment: makePurifier(win, { ...CONFIG, RETURN_DOM_FRAGMENT: true }) };
    purifiers.set(win, p);
  }
  return p[output];
}

function windowOf(doc: Document): Window {
  const win = doc.defaultView;
  if (!win) throw new Error('sanitize: the document has no browsing context; use a document from a page or from jsdom');
  return win;
}

export interface SanitizeOptions {
  /**
   * For HTML shown in an extension page: the article's own address. Relative URLs are made
   * absolute against it (an http(s) URL), or dropped (null, or not a web address).
   */
  baseUrl?: string | null;
}

function run<T>(win: Window, output: Output, html: string, opts: SanitizeOptions): T {
  base = 'baseUrl' in opts ? webBase(opts.baseUrl) : undefined;
  try {
    return purifierFor(win, output).sanitize(html) as unknown as T;
  } finally {
    base = undefined;
  }
}

/** Sanitized HTML string, safe to insert anywhere. */
export function sanitizeHtml(html: string, doc: Document, opts: SanitizeOptions = {}): string {
  return run<string>(windowOf(doc), 'html', html, opts);
}

declare const SANITIZED: unique symbol;
/** A fragment that came out of this module's sanitizer (only this module makes one): safe to adopt as it is. */
export type SanitizedFragment = DocumentFragment & { readonly [SANITIZED]: true };

/**
 * Sanitized HTML as a fragment of DOMPurify's inert document (no browsing context): images in it
 * do not load until the caller adopts it into a live document. `doc` only supplies the window.
 */
export function sanitizeToInertFragment(html: string, doc: Document, opts: SanitizeOptions = {}): SanitizedFragment {
  return run<SanitizedFragment>(windowOf(doc), 'fragment', html, opts);
}

/**
 * A copy of an already sanitized tree, owned by `doc` (the tree itself is left as it is): the article
 * extract() sanitized, put on screen without a second DOMPurify pass (issue #24: ~7 ms of the open).
 */
export function adoptSanitized(tree: SanitizedFragment, doc: Document): DocumentFragment {
  return doc.importNode(tree, true);
}

/** Sanitized HTML as a fragment owned by `doc`: the way the overlay and library put article HTML on screen. */
export function sanitizeToFragment(html: string, doc: Document, opts: SanitizeOptions = {}): DocumentFragment {
  return adoptSanitized(sanitizeToInertFragment(html, doc, opts), doc);
}
