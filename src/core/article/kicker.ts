/**
 * The kicker (German "Dachzeile", "Spitzmarke", French "surtitre", Italian "occhiello", English
 * "eyebrow"/"overline"): the short line a page prints just above or inside its headline, naming the
 * story's topic ("Verkehrswende an der Küste"). Issue #20: it was left at the top of the body; the
 * reader shows it above the title instead.
 *
 * Read from the live document (never changed): a kicker-classed element inside the headline, just
 * before it (the headline's previous element, or its parent's), short (≤ 80 characters, ≤ 10 words),
 * not a date, not a list of links. The same line is then removed from the top of the cleaned article.
 */
import { KICKER_CLASS } from '../text/lexicon/kicker.js';

const MAX_CHARS = 80;
const MAX_WORDS = 10;

const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

function kickerText(el: Element | null): string | null {
  if (!el || !KICKER_CLASS.test(el.getAttribute('class') ?? '')) return null;
  const text = norm(el.textContent).replace(/[:|–—-]\s*$/, '');
  if (!text || text.length > MAX_CHARS || text.split(' ').length > MAX_WORDS) return null;
  if (/\d{1,2}[./:]\d{1,2}/.test(text) || el.querySelectorAll('a').length > 1) return null;
  return text;
}

/** The kicker printed with the headline `head`, or null. */
export function findKicker(head: Element | null): string | null {
  if (!head) return null;
  for (const el of Array.from(head.querySelectorAll('[class]'))) {
    const k = kickerText(el);
    if (k) return k;
  }
  return kickerText(head.previousElementSibling) ?? kickerText(head.parentElement?.previousElementSibling ?? null);
}

/**
 * Removes the kicker's line from the top of the article (before its first paragraph), if it is there,
 * and the headline it sat in when what is left is the title (shown above the article already).
 */
export function removeKickerLine(article: Element, kicker: string, title: string): void {
  const want = kicker.toLowerCase();
  for (const el of Array.from(article.querySelectorAll('p, div, span, h2, h3, h4, h5, h6, strong'))) {
    const text = norm(el.textContent);
    if (el.localName === 'p' && text.length > MAX_CHARS * 2) return; // the story has begun
    if (text.replace(/[:|–—-]\s*$/, '').toLowerCase() === want && !el.querySelector('img')) {
      const parent = el.parentElement;
      el.remove();
      if (
        parent &&
        /^h[1-6]$/.test(parent.localName) &&
        norm(parent.textContent).toLowerCase() === norm(title).toLowerCase()
      )
        parent.remove();
      return;
    }
  }
}
