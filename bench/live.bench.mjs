/**
 * node bench/live.bench.mjs — how many pages of every corpus the live-blog stage (src/core/live) calls a
 * live blog, and which (issue #20). The corpora hold almost no live blogs, so this is mostly the
 * false-positive count: every page listed should be a live blog, an ordinary article never.
 * Flags: --corpus <name> (one corpus), --limit <n> (first n pages per corpus).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { bundleCore, loadCore } from './lib/load-core.mjs';
import { CORPUS_ROOT, CORPORA, corpusAvailable, listCorpus, loadCorpusPage } from './lib/corpus.mjs';
import { parsePage } from './lib/parse-page.mjs';

const args = process.argv.slice(2);
const flag = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const LIMIT = Number(flag('--limit', Infinity));
const ONLY = flag('--corpus', null);

/** The page read and the live stage alone, bundled from the current source (no Readability: fast). */
const { readPage, findLiveBlog } = await loadCore(
  await bundleCore({
    source: `export { readPage } from './src/core/page/read-page.ts';
      export { findLiveBlog } from './src/core/live/index.ts';`,
  }),
);

function* pages() {
  for (const name of CORPORA) {
    if ((ONLY && ONLY !== name) || !corpusAvailable(name)) continue;
    for (const { file } of listCorpus(name).slice(0, LIMIT))
      yield { corpus: name, id: file, ...loadCorpusPage(name, file) };
  }
  const rtp = path.join(CORPUS_ROOT, 'readability-test-pages');
  if ((!ONLY || ONLY === 'readability-test-pages') && existsSync(rtp)) {
    const slugs = readdirSync(rtp).filter((s) => existsSync(path.join(rtp, s, 'source.html')));
    for (const slug of slugs.slice(0, LIMIT)) {
      const html = readFileSync(path.join(rtp, slug, 'source.html'), 'utf8');
      yield { corpus: 'readability-test-pages', id: slug, html, url: `http://fakehost/test/${slug}` };
    }
  }
}

const counts = new Map();
for (const p of pages()) {
  const c = counts.get(p.corpus) ?? { pages: 0, live: [] };
  counts.set(p.corpus, c);
  c.pages++;
  if (process.env.LIVE_TRACE) console.error(p.corpus, p.id);
  let dom;
  try {
    dom = parsePage(p.html, p.url);
    const live = findLiveBlog(readPage(dom.window.document, p.url));
    if (live) {
      c.live.push(p.id);
      const first = live.entries[0];
      console.log(
        `${p.corpus}/${p.id}: ${live.source}, ${live.entries.length} entries; first: ${first.printed ?? first.time} ` +
          `"${(first.title ?? '').slice(0, 60)}"`,
      );
    }
  } catch (e) {
    console.log(`${p.corpus}/${p.id}: error ${e.message}`);
  } finally {
    dom?.window.close();
  }
}
console.log('\ncorpus                   pages  live blogs');
for (const [name, c] of counts) console.log(`${name.padEnd(24)} ${String(c.pages).padStart(5)}  ${c.live.length}`);
