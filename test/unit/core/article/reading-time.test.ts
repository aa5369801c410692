/**
 * Reading time counts words, and CJK/Thai characters one by one. countText is one hand-written
 * pass over the text (it runs on every article); these tests hold it to the definition it
 * replaces: two Unicode regexes, on any text, including astral letters, lone surrogates,
 * combining marks, apostrophes, hyphens and mixed scripts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countText, readingMinutes, wordCount } from '../../../../src/core/article/reading-time.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/gu;

/** The definition: CJK characters counted, then blanked; words are /[\p{L}\p{N}][\p{L}\p{N}'’\-]*\/gu. */
function byRegex(text: string): { words: number; cjkChars: number } {
  const cjkChars = (text.match(CJK) ?? []).length;
  const rest = text.replace(CJK, ' ');
  return { words: (rest.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length, cjkChars };
}

const PIECES = [
  'word',
  'Wörter',
  "don't",
  'rock’n’roll',
  'e-mail',
  '-lead',
  "'quoted'",
  '2024',
  '3.5',
  'naïve',
  'e\u0301t\u00e9',
  '東京都',
  'ひらがな',
  'カタカナ',
  '한국어',
  'ภาษาไทย',
  'العربية',
  'עברית',
  'Русский',
  '𝐀𝐁𝐂',
  '𠮷野家',
  '\ud800',
  '\udc00',
  '—',
  '…',
  '’',
  ' ',
  '\n',
  '\u00a0',
  '😀',
  '٣٤٥',
];

describe('countText', () => {
  it('counts words and CJK characters as a reader would', () => {
    expect(countText('The council met on Tuesday.')).toEqual({ words: 5, cjkChars: 0 });
    expect(countText("It's a well-known rock’n’roll e-mail")).toEqual({ words: 5, cjkChars: 0 });
    expect(countText('東京で会議 was held')).toEqual({ words: 2, cjkChars: 5 });
    expect(wordCount(countText('東京で会議 was held'))).toBe(7);
    expect(readingMinutes(countText('word '.repeat(476)), 'en')).toBe(2);
  });

  it('agrees with the regex definition on mixed-script text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(countText(text)).toEqual(byRegex(text));
      }),
      { numRuns: 2000, seed: 9 },
    );
  });

  it('agrees with the regex definition on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(countText(text)).toEqual(byRegex(text));
      }),
      { numRuns: 3000, seed: 9 },
    );
  });
});
