/**
 * "Zap" (issue #23): remove a leftover block by hand — a newsletter box, a "more from us" list the
 * extraction kept. In zap mode the block under the pointer is outlined; a click removes it and it
 * stays removed on every article of that site (storage.local, through the ZapStore the caller
 * gives), with Undo for the last one and "Restore all" for the site.
 *
 * A block is remembered by its tag and the start of its text, not by its position: the same leftover
 * recurs with the same words on the site's other articles, at different places.
 */
export const ZAP_BLOCKS = 'p, ul, ol, dl, blockquote, figure, table, aside, section, div, pre, h2, h3, h4, h5, h6';
const SIGNATURE_CHARS = 120;

/** Where a site's zapped blocks are kept; the overlay touches no extension API itself. */
export interface ZapStore {
  load(site: string): Promise<string[]>;
  save(site: string, signatures: string[]): Promise<void>;
}

/** "p:sign up for our newsletter…" — null for a block with too little text to recognise again. */
export function zapSignature(el: Element): string | null {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().toLowerCase().slice(0, SIGNATURE_CHARS);
  if (text.length < 12) {
    const img = el.querySelector('img')?.getAttribute('src');
    return img ? `${el.localName}:img:${img}` : null;
  }
  return `${el.localName}:${text}`;
}

/** Hides the blocks of `body` a signature names; returns how many. */
export function applyZaps(body: ParentNode, signatures: readonly string[]): number {
  if (!signatures.length) return 0;
  const wanted = new Set(signatures);
  let hidden = 0;
  for (const el of Array.from(body.querySelectorAll<HTMLElement>(ZAP_BLOCKS))) {
    if (el.hidden) continue;
    const sig = zapSignature(el);
    if (sig && wanted.has(sig)) {
      el.hidden = true;
      el.dataset.zapped = '';
      hidden++;
    }
  }
  return hidden;
}

/** The block a pointer at `target` would remove: the innermost block inside the article body. */
export function zapTarget(target: EventTarget | null, body: HTMLElement): HTMLElement | null {
  const el = (target as Element | null)?.closest?.(ZAP_BLOCKS) as HTMLElement | null;
  return el && el !== body && body.contains(el) ? el : null;
}
