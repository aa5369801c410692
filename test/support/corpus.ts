/**
 * Where the shared corpora are (not shipped with the project: ../shared/corpus beside the
 * checkout on the project's machines, or DATELINE_CORPUS). Every test that reads a corpus finds
 * it here, and the corpus tests live in test/corpus (`npm run test:corpus`), not in `npm test`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project's root folder. */
export const ROOT = path.resolve(__dirname, '../..');
/** The corpus folder: $DATELINE_CORPUS, else ../shared/corpus next to the project. */
export const CORPUS_DIR = process.env.DATELINE_CORPUS
  ? path.resolve(process.env.DATELINE_CORPUS)
  : path.resolve(ROOT, '../shared/corpus');

/** A path inside the corpus, e.g. corpusPath('scrapinghub', 'html'). */
export const corpusPath = (...parts: string[]): string => path.join(CORPUS_DIR, ...parts);

/** Is this part of the corpus present? */
export const hasCorpus = (...parts: string[]): boolean => existsSync(corpusPath(...parts));

/** A describe() title that says what is read, or why it is skipped. */
export const corpusTitle = (what: string, ...parts: string[]): string =>
  hasCorpus(...parts)
    ? `${what} (${corpusPath(...parts)})`
    : `${what} (skipped: ${corpusPath(...parts)} is absent; set DATELINE_CORPUS)`;
