/**
 * FastReadability gives plain Readability's parse() result on every one of Readability's own test
 * pages in the shared corpus (130; 21 of them are vendored and checked in the unit suite). One
 * test per page, so load on the machine slows each page, not a whole-corpus timeout.
 * Runs in `npm run test:corpus`; skipped with a message when the corpus is absent.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { both } from '../support/readability-both.js';
import { corpusPath, corpusTitle, hasCorpus } from '../support/corpus.js';

const CORPUS = corpusPath('readability-test-pages');
const names = hasCorpus('readability-test-pages')
  ? readdirSync(CORPUS)
      .filter((d) => existsSync(path.join(CORPUS, d, 'source.html')))
      .sort()
  : [];

describe.skipIf(!names.length)(
  corpusTitle("FastReadability on Readability's test pages", 'readability-test-pages'),
  () => {
    it('has the whole corpus', () => expect(names.length).toBeGreaterThan(100));
    it.each(names)('%s: the same parse() result', (name) => {
      const [plain, fast] = both(readFileSync(path.join(CORPUS, name, 'source.html'), 'utf8'));
      expect(fast).toEqual(plain);
    });
  },
);
