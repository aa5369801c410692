/**
 * What the reader shows, as the speech plan's blocks: the body's paragraphs, headings, list items,
 * quotes and captions, then the related headlines, each with the element whose text it is. Only
 * leaf blocks are taken (a <li> holding <p>s gives its <p>s), so every character is said once.
 */
import type { BlockKind, SpeechBlock } from '../../core/listen/plan.js';

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, figcaption, dd, dt, pre, td, th';

export interface ShownBlock extends SpeechBlock {
  el: Element;
}

/**
 * The element's text exactly as its text nodes hold it, with each whitespace character turned into a
 * space (same length, so offsets still point into the text nodes): a line break in the page's HTML
 * must not end a sentence (Intl.Segmenter treats "\n" as a paragraph end).
 */
export function blockText(el: Element): string {
  return (el.textContent ?? '').replace(/\s/g, ' ');
}

function kindOf(el: Element): BlockKind {
  if (el.closest('figcaption')) return 'caption';
  if (/^h[2-6]$/.test(el.localName)) return 'heading';
  if (el.localName === 'li' || el.localName === 'dd' || el.localName === 'dt') return 'list-item';
  if (el.closest('blockquote')) return 'quote';
  return 'paragraph';
}

export function articleBlocks(body: Element, related: Element | null): ShownBlock[] {
  const out: ShownBlock[] = [];
  for (const el of Array.from(body.querySelectorAll(BLOCKS))) {
    if (el.querySelector(BLOCKS)) continue; // not a leaf: its inner blocks are taken instead
    const text = blockText(el);
    if (text.trim()) out.push({ kind: kindOf(el), text, el });
  }
  for (const el of Array.from(related?.querySelectorAll('h2, h3, .headline') ?? [])) {
    const text = blockText(el);
    if (text.trim()) out.push({ kind: 'related', text, el });
  }
  return out;
}
