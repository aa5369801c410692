/**
 * One helper for the shared corpus (../shared/corpus beside the repo, never copied into it): where it
 * is, whether it is there, and one page of it as {html, url, now} by corpus + file name.
 *   scrapinghub, news-extraction: file = "<id>" (html/<id>.html.gz, UTF-8; url from ground-truth.json)
 *   dates: file = "html/<name>" as in its ground-truth.json (bytes decoded: BOM, strict UTF-8, <meta>
 *          charset, else windows-1252, as its README says); now = the labelled publication day.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPUS_ROOT = process.env.DATELINE_CORPUS ?? path.resolve(here, '../../../shared/corpus');
export const CORPORA = ['scrapinghub', 'news-extraction', 'dates'];

export function corpusAvailable(name) {
  return existsSync(path.join(CORPUS_ROOT, name, 'ground-truth.json'));
}

/** A one-line reason to print when a corpus is missing, or null when every named corpus is there. */
export function corpusMissing(names = CORPORA) {
  const gone = names.filter((n) => !corpusAvailable(n));
  return gone.length ? `corpus absent at ${CORPUS_ROOT} (${gone.join(', ')}): skipped` : null;
}

const truthCache = new Map();
function truth(name) {
  if (!truthCache.has(name)) {
    const raw = JSON.parse(readFileSync(path.join(CORPUS_ROOT, name, 'ground-truth.json'), 'utf8'));
    truthCache.set(name, Array.isArray(raw) ? Object.fromEntries(raw.map((r) => [r.file, r])) : raw);
  }
  return truthCache.get(name);
}

function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    /* not UTF-8 */
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 65536));
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?([\w-]+)/i);
  try {
    if (m) return new TextDecoder(m[1].toLowerCase()).decode(bytes);
  } catch {
    /* unknown label */
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

/** All entries of one corpus: [{corpus, file, url}]. */
export function listCorpus(name) {
  return Object.entries(truth(name)).map(([file, t]) => ({ corpus: name, file, url: t.url, date: t.expected_date }));
}

export function loadCorpusPage(name, file) {
  const t = truth(name)[file];
  if (!t) throw new Error(`${name}: no ground-truth entry for ${file}`);
  if (name === 'dates') {
    return {
      html: decode(readFileSync(path.join(CORPUS_ROOT, name, file))),
      url: t.url,
      now: `${t.expected_date}T12:00:00Z`,
    };
  }
  const html = gunzipSync(readFileSync(path.join(CORPUS_ROOT, name, 'html', `${file}.html.gz`))).toString('utf8');
  return { html, url: t.url ?? 'https://fake-url.com/', now: '2020-06-01T00:00:00Z' };
}

/**
 * A local server of scrapinghub pages for the browser benchmarks: page `<id>` at `<base>/<any>/<id>/`
 * (only the ids given; 404 for any other), its stored bytes as UTF-8 HTML, with `headers` added.
 */
export async function serveScrapinghub(ids, headers = {}) {
  const served = new Set(ids);
  const server = createServer((req, res) => {
    const id = new URL(req.url ?? '/', 'http://x').pathname.split('/')[2];
    if (!served.has(id)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers });
    res.end(gunzipSync(readFileSync(path.join(CORPUS_ROOT, 'scrapinghub', 'html', `${id}.html.gz`))));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}
