/**
 * whitespace.ts counts collapsed text without building it (clean.ts and paywall.ts measure the
 * article's text many times over). These tests hold each function to the regex expression it
 * stands for, on every code unit JavaScript's \s covers and on arbitrary strings.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  collapse,
  collapseRuns,
  collapsedLength,
  hasNonSpace,
  isSpace,
  splitCount,
} from '../../../../src/core/text/whitespace.js';

const PIECES = [
  'word',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\v',
  '\f',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2005',
  '\u200a',
  '\u200b',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
  '\u0085',
  '\u180e',
  'é',
  '東京',
  '😀',
  '\ud800',
  '.',
  '',
];

describe('white space measures', () => {
  it('treat exactly the code units \\s matches as white space', () => {
    for (let c = 0; c <= 0xffff; c++) expect(isSpace(c), `U+${c.toString(16)}`).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it('give the collapsed length, the split count and emptiness of a reader-visible line', () => {
    const text = '\n   Breaking:\u00a0 the  council\tmet \u2028today.  ';
    expect(collapsedLength(text)).toBe('Breaking: the council met today.'.length);
    expect(splitCount(text)).toBe(text.split(/\s+/).length);
    expect(hasNonSpace(' \u3000\n')).toBe(false);
    expect(collapsedLength('')).toBe(0);
    expect(collapse(text)).toBe('Breaking: the council met today.');
    for (let c = 0; c <= 0xffff; c++) {
      const t = `a${String.fromCharCode(c)}b`;
      expect(collapse(t)).toBe(t.replace(/\s+/g, ' ').trim());
    }
    expect(splitCount('')).toBe(1);
  });

  it('agree with the regex expressions on any mix of text and white space', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(collapsedLength(text)).toBe(text.replace(/\s+/g, ' ').trim().length);
        expect(splitCount(text)).toBe(text.split(/\s+/).length);
        expect(hasNonSpace(text)).toBe(/\S/.test(text));
        expect(collapse(text)).toBe(text.replace(/\s+/g, ' ').trim());
        expect(collapseRuns(text)).toBe(text.replace(/\s+/g, ' '));
        for (const max of [1, 2, 5, 12]) expect(splitCount(text, max)).toBe(Math.min(text.split(/\s+/).length, max));
      }),
      { numRuns: 3000, seed: 11 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        expect(collapsedLength(text)).toBe(text.replace(/\s+/g, ' ').trim().length);
        expect(splitCount(text)).toBe(text.split(/\s+/).length);
        expect(collapse(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 3000, seed: 12 },
    );
  });
});
