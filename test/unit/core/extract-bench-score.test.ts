/**
 * The benchmark's scoring (bench/lib/shingle-score.mjs) follows the scrapinghub README: Unicode
 * word tokens with case kept, 4-gram shingle multisets, per-page P/R, corpus F1 as the harmonic
 * mean of mean precision and mean recall. A wrong scorer would make every number we quote wrong.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module without types (bench code)
import { tokenize, shingles, scorePage, scoreCorpus } from '../../../bench/lib/shingle-score.mjs';

describe('shingle scoring', () => {
  it('tokenizes like Python \\w+ in Unicode mode, keeping case', () => {
    expect(tokenize('Hello, World! Ça va? 東京 2024_x')).toEqual(['Hello', 'World', 'Ça', 'va', '東京', '2024_x']);
  });
  it('makes overlapping 4-grams, one shorter shingle for 1–3 tokens, none for no tokens', () => {
    expect([...shingles(['a', 'b', 'c', 'd', 'e']).values()]).toEqual([1, 1]);
    expect(shingles(['a', 'b']).size).toBe(1);
    expect(shingles([]).size).toBe(0);
  });
  it('counts shingles as multisets', () => {
    const s = scorePage('a b c d a b c d', 'a b c d');
    expect(s.tp).toBe(1);
    expect(s.fn).toBe(4);
    expect(s.fp).toBe(0);
    expect(s.precision).toBe(1);
    expect(s.recall).toBeCloseTo(0.2);
  });
  it('a perfect page scores 1/1 and counts as exact; case matters', () => {
    expect(scorePage('One two three four', 'One two three four')).toMatchObject({
      precision: 1,
      recall: 1,
      exact: true,
    });
    expect(scorePage('One two three four', 'one two three four')).toMatchObject({
      precision: 0,
      recall: 0,
      exact: false,
    });
  });
  it('corpus F1 is the harmonic mean of the mean precision and the mean recall', () => {
    const pages = [scorePage('a b c d e', 'a b c d e'), scorePage('a b c d e f g', 'a b c d x y z')];
    const c = scoreCorpus(pages);
    const p = (1 + pages[1].precision) / 2;
    const r = (1 + pages[1].recall) / 2;
    expect(c.f1).toBeCloseTo((2 * p * r) / (p + r));
  });
});
