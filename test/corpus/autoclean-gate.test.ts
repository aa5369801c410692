/**
 * The detector's verdict (src/autoclean/article-gate.ts) on the scrapinghub corpus (all articles):
 * it should say "article" for most pages — a regression guard on false negatives. The fixtures'
 * cases are in test/unit/autoclean-gate.test.ts. Runs in `npm run test:corpus`.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { isArticlePage } from '../../src/autoclean/article-gate.js';
import { corpusPath, corpusTitle, hasCorpus } from '../support/corpus.js';

const CORPUS = corpusPath('scrapinghub');
describe.skipIf(!hasCorpus('scrapinghub', 'html'))(
  corpusTitle('article gate on the scrapinghub corpus', 'scrapinghub', 'html'),
  () => {
    it('recognises most of a sample of its article pages as articles', () => {
      const truth = JSON.parse(readFileSync(path.join(CORPUS, 'ground-truth.json'), 'utf8')) as Record<
        string,
        { url: string }
      >;
      const files = readdirSync(path.join(CORPUS, 'html'))
        .filter((f) => f.endsWith('.html.gz'))
        .slice(0, 12); // jsdom parsing is ~0.4 s a page: a sample
      let yes = 0;
      const misses: string[] = [];
      for (const f of files) {
        const id = f.replace('.html.gz', '');
        const url = truth[id]?.url ?? 'https://example.com/a/b';
        const doc = new JSDOM(gunzipSync(readFileSync(path.join(CORPUS, 'html', f))).toString('utf8'), {
          url,
          virtualConsole: new VirtualConsole(),
        }).window.document;
        const v = isArticlePage(doc, url);
        if (v.article) yes++;
        else misses.push(`${url}: ${v.reason}`);
      }
      // Leaning towards "no" is by design, but an article detector that misses most articles is broken.
      console.log(`article gate: ${yes}/${files.length} corpus articles recognised`);
      expect(yes / files.length, misses.join('\n')).toBeGreaterThan(0.8);
    });
  },
);
