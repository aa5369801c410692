/**
 * Per-language reading time. Word-based languages count words; CJK and Thai count characters
 * (they do not separate words with spaces). Rates: average silent reading speeds (Brysbaert 2019;
 * Trauzettel-Klosinski & Dietz 2012 for the per-language figures).
 */
const WORDS_PER_MINUTE: Record<string, number> = {
  en: 238, de: 179, fr: 195, es: 218, it: 188, pt: 181, nl: 202, ru: 184, pl: 166, sv: 199, fi: 161,
  tr: 166, ar: 138, he: 187, fa: 150,
};
const CHARS_PER_MINUTE: Record<string, number> = { zh: 255, ja: 357, ko: 226, th: 300 };

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;

export interface TextCount { words: number; cjkChars: number }

export function countText(text: string): TextCount {
  const cjkChars = (text.match(CJK) ?? []).length;
  // Most articles have no CJK character: then there is nothing to blank out before counting words.
  const rest = cjkChars ? text.replace(CJK, ' ') : text;
  const words = (rest.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu) ?? []).length;
  return { words, cjkChars };
}

/** Word count as a reader would think of it: CJK characters count one each. */
export function wordCount(c: TextCount): number {
  return c.words + c.cjkChars;
}

export function readingMinutes(c: TextCount, lang: string | null): number {
  const base = (lang ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  const cpm = CHARS_PER_MINUTE[base] ?? CHARS_PER_MINUTE.zh!;
  const wpm = WORDS_PER_MINUTE[base] ?? 200;
  const minutes = c.words / wpm + c.cjkChars / cpm;
  return c.words + c.cjkChars === 0 ? 0 : Math.max(1, Math.round(minutes));
}
