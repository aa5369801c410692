/**
 * Per-language reading time. Word-based languages count words; CJK and Thai count characters
 * (they do not separate words with spaces). Rates: average silent reading speeds (Brysbaert 2019;
 * Trauzettel-Klosinski & Dietz 2012 for the per-language figures).
 */
const WORDS_PER_MINUTE: Record<string, number> = {
  en: 238,
  de: 179,
  fr: 195,
  es: 218,
  it: 188,
  pt: 181,
  nl: 202,
  ru: 184,
  pl: 166,
  sv: 199,
  fi: 161,
  tr: 166,
  ar: 138,
  he: 187,
  fa: 150,
};
const CHARS_PER_MINUTE: Record<string, number> = { zh: 255, ja: 357, ko: 226, th: 300 };

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface TextCount {
  words: number;
  cjkChars: number;
}

/** What a code point is to the count: CJK (counted alone), a word character, or a word joiner. */
const CJK_CHAR = 1;
const WORD_CHAR = 2;
const JOINER = 4;
/** Classes of the non-ASCII code points met so far: a cache of fixed facts about Unicode. */
const classes = new Map<number, number>();

function classOf(cp: number): number {
  if (cp < 128) {
    if ((cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122)) return WORD_CHAR;
    return cp === 39 || cp === 45 ? JOINER : 0; // ' and -
  }
  let c = classes.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = CJK.test(ch) ? CJK_CHAR : LETTER_OR_DIGIT.test(ch) ? WORD_CHAR : cp === 0x2019 ? JOINER : 0; // ’
    classes.set(cp, c);
  }
  return c;
}

/**
 * CJK characters, and words elsewhere: a letter or digit, then letters, digits, apostrophes and
 * hyphens (/[\p{L}\p{N}][\p{L}\p{N}'’\-]*\/gu once the CJK characters are blanked out). One pass
 * over the code points instead of two Unicode regex scans and an array of every word: this runs
 * on the whole article text of every extraction (a unit test holds it to the regex definition).
 */
export function countText(text: string): TextCount {
  let words = 0;
  let cjkChars = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    const c = classOf(cp);
    if (c === CJK_CHAR) {
      cjkChars++;
      inWord = false;
      continue;
    }
    if (inWord && c !== 0) continue;
    inWord = c === WORD_CHAR;
    if (inWord) words++;
  }
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
