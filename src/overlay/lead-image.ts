/**
 * The article's lead picture (issue #23): extraction finds `leadImage` (og:image, JSON-LD) but the body
 * often lacks it — the hero sat outside the article, and only its credit line ("(AP Photo/…)") was
 * left at the top of the text. The reader shows it once, above the text, with that caption and credit:
 *
 * - not when the body already shows the same picture: URLs are compared normalized (host without
 *   "www.", no fragment, no size/format query parameters, no size suffix on the file name), against
 *   every `src` and every `srcset` candidate in the body;
 * - a short caption or credit line stranded at the top of the body (a figcaption with no picture,
 *   or a credit-looking paragraph) moves into the lead figure's caption.
 */
import { h } from './dom.js';

/** Query parameters that pick a size, crop or format of the same picture. */
const SIZE_PARAMS = /^(w|h|width|height|size|resize|fit|crop|quality|q|auto|format|fm|dpr|im|impolicy|ver|v|ts)$/i;
/** "-1200x675", "_800w", "-1600" before the extension. */
const SIZE_SUFFIX = /[-_](\d{2,4}x\d{2,4}|\d{3,4}w?)(?=\.[a-z0-9]{2,5}$)/i;

/** A key that is the same for two URLs of the same picture at different sizes. */
export function imageKey(url: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(u.protocol)) return null;
  const params = [...u.searchParams]
    .filter(([k]) => !SIZE_PARAMS.test(k))
    .map(([k, v]) => `${k}=${v}`)
    .sort();
  const path = decodeURIComponentSafe(u.pathname).replace(SIZE_SUFFIX, '').toLowerCase();
  return `${u.hostname.replace(/^www\./, '').toLowerCase()}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Every URL a srcset names (the candidates' URLs, without their descriptors). */
export function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+/)
    .map((c) => c.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Does the body already show the picture at `leadImage` (at any size)? */
export function bodyHasImage(body: ParentNode, leadImage: string, base?: string): boolean {
  const key = imageKey(leadImage, base);
  if (!key) return true; // nothing we could show safely
  for (const el of Array.from(body.querySelectorAll('img, source'))) {
    const urls = [el.getAttribute('src') ?? '', ...srcsetUrls(el.getAttribute('srcset') ?? '')];
    if (urls.some((u) => u && imageKey(u, base) === key)) return true;
  }
  return false;
}

/**
 * Does the body open with a picture (before its first paragraph)? Then that picture is the lead, whatever
 * its URL (the library shows stored pictures as data: URLs, which never match the publisher's).
 */
export function bodyOpensWithPicture(body: HTMLElement): boolean {
  const first = firstBlock(body);
  return !!first && (first.matches('img, picture') || (!!first.querySelector('img') && !first.matches('p')));
}

/** A photo credit or caption line: "(AP Photo/Lena Fischer)", "Photo: Reuters", "Foto: dpa", "© AFP". */
const AGENCY = '(?:AP|AFP|Reuters|dpa|EPA|Getty Images|Xinhua)';
const WORD = '(?:photo|photograph|picture|image|foto|bild|credit|crédit|صورة)s?';
const CREDIT = new RegExp(
  `^\\(?\\s*(?:${AGENCY}\\s+)?${WORD}\\s*(?:[:/)]|by\\b)` + // "(AP Photo/…)", "Foto: dpa", "Photo by …"
    `|^©|^\\(?\\s*${AGENCY}\\s*\\)?$`, // "© AFP", "(Reuters)"
  'i',
);
const MAX_STRANDED = 200;

/**
 * Removes the caption/credit lines stranded at the top of the body (before its first real paragraph)
 * and returns their text: figcaptions outside any figure with a picture, and short credit-looking lines.
 */
export function takeStrandedCaption(body: HTMLElement): string[] {
  const taken: string[] = [];
  for (let i = 0; i < 3; i++) {
    const el = firstBlock(body);
    if (!el) break;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const orphanCaption = el.localName === 'figcaption' && !el.closest('figure')?.querySelector('img, picture');
    if (!text || text.length > MAX_STRANDED || el.querySelector('img, picture, a')) break;
    if (!orphanCaption && !CREDIT.test(text)) break;
    taken.push(text);
    el.remove();
  }
  return taken;
}

/** The first element with text, descending through wrappers (Readability's <div><article><div>…). */
function firstBlock(body: Element): Element | null {
  let el: Element | null = body.firstElementChild;
  while (el && ['div', 'article', 'section', 'main'].includes(el.localName) && el.firstElementChild) {
    // A wrapper whose first child is text is itself the block.
    const lead = Array.from(el.childNodes).find((n) => n.nodeType === 1 || (n.nodeType === 3 && n.textContent?.trim()));
    if (!lead || lead.nodeType !== 1) break;
    el = el.firstElementChild;
  }
  return el;
}

/** The lead figure: the picture (no referrer, lazy), and the caption lines if any. */
export function renderLeadFigure(doc: Document, src: string, caption: readonly string[]): HTMLElement {
  const img = h(doc, 'img', { src, alt: '', decoding: 'async', referrerpolicy: 'no-referrer' });
  return h(
    doc,
    'figure',
    { class: 'lead' },
    img,
    caption.length ? h(doc, 'figcaption', { dir: 'auto' }, caption.join(' ')) : null,
  );
}

/**
 * A picture that fails to load would leave a blank box as tall as its width/height attributes say
 * (400–550 px on most pages): it becomes a small labelled link to the picture instead.
 */
export function collapseBrokenImage(img: HTMLImageElement): void {
  const doc = img.ownerDocument;
  // The lead picture with nothing to say about it (no caption): gone, not a link to a missing picture.
  const lead = img.closest('figure.lead');
  if (lead && !lead.querySelector('figcaption')) {
    lead.remove();
    return;
  }
  const src = img.currentSrc || img.getAttribute('src') || '';
  const alt = (img.getAttribute('alt') ?? '').trim();
  const label = alt ? `Picture not loaded: ${alt}` : 'Picture not loaded';
  const replacement = /^https?:/i.test(src)
    ? h(doc, 'a', { class: 'img-failed', href: src, rel: 'noopener noreferrer', dir: 'auto' }, label)
    : h(doc, 'span', { class: 'img-failed', dir: 'auto' }, label);
  const holder = img.parentElement?.localName === 'picture' ? img.parentElement : img;
  holder.replaceWith(replacement);
}
