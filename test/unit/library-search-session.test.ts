/**
 * The library page's search state machine (search-session.ts) on a real (fake-indexeddb) library:
 * idle until asked; a query during the first build is answered on what is loaded and says so; the
 * complete index answers like a fresh search; saves from other tabs update it in place; a rebuild
 * keeps answering from the old index; a failed build is not stuck "building"; the cache is written
 * back when idle, and only for what changed.
 */
import { describe, expect, it, vi } from 'vitest';
import { makeArticle, openFresh } from './store-fixtures.js';
import type { LibraryDatabase } from '../../src/store/database.js';
import { getChanged, listArticles } from '../../src/store/read-articles.js';
import { saveArticle } from '../../src/store/save-article.js';
import { loadSearchRows, type StampedRow } from '../../src/store/search-cache.js';
import type { ArticleSummary } from '../../src/store/record.js';
import { searchSession, type SearchSessionOptions } from '../../src/library/search-session.js';

async function library(titles: string[]): Promise<LibraryDatabase> {
  const db = await openFresh();
  for (const [i, title] of titles.entries()) {
    await saveArticle(db, {
      article: makeArticle({
        url: `https://example.com/${i}`,
        canonicalUrl: null,
        title,
        textContent: `${title} text`,
      }),
      now: 1000 + i,
    });
  }
  return db;
}

function harness(db: LibraryDatabase, all: ArticleSummary[], over: Partial<SearchSessionOptions> = {}) {
  const log: string[] = [];
  const idle: Array<() => void> = [];
  const errors: unknown[] = [];
  const written: number[][] = [];
  const session = searchSession({
    db,
    signal: new AbortController().signal,
    summaries: () => all,
    onProgress: () => log.push('progress'),
    onComplete: () => void log.push('complete'),
    onError: (e) => errors.push(e),
    idle: (f) => idle.push(f),
    write: async (_db, packs, rows) => {
      written.push([...packs]);
      for (const _ of rows) {
        /* drain */
      }
    },
    ...over,
  });
  return { session, log, idle, errors, written };
}

const ids = (hits: Array<{ id: string }> | null): string[] => (hits ?? []).map((h) => h.id).sort();

describe('search session', () => {
  it('is idle until asked, answers nothing typed without building', async () => {
    const db = await library(['Harbour storm', 'Budget vote']);
    const h = harness(db, await listArticles(db));
    expect(h.session.state).toBe('idle');
    expect(h.session.query('')).toEqual({ hits: null, partial: false, searched: 0 });
    expect(h.session.state).toBe('idle');
    expect(h.session.done).toBeNull();
  });

  it('a query during the first build is partial, then the complete index answers it', async () => {
    const db = await library(['Harbour storm', 'Budget vote', 'Harbour ferries']);
    const all = await listArticles(db);
    // The first row arrives, then the rest when the test lets them.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load: typeof loadSearchRows = async (d, s, o) => {
      const rows: StampedRow[] = [];
      await loadSearchRows(d, s, { signal: o.signal, onRows: (r) => rows.push(...r) });
      o.onRows(rows.slice(0, 1));
      await gate;
      o.onRows(rows.slice(1));
      return new Set();
    };
    const h = harness(db, all, { load });
    const first = h.session.query('harbour');
    expect(first.partial).toBe(true);
    expect(h.session.state).toBe('building');
    await vi.waitFor(() => expect(h.log).toContain('progress'));
    const meanwhile = h.session.query('harbour');
    expect(meanwhile).toMatchObject({ partial: true, searched: 1 });
    release();
    await h.session.done;
    expect(h.session.state).toBe('ready');
    expect(h.log.at(-1)).toBe('complete');
    const answer = h.session.query('harbour');
    expect(answer.partial).toBe(false);
    expect(answer.searched).toBe(3);
    expect(ids(answer.hits)).toHaveLength(2);
  });

  it('warm() builds once; rebuild() does nothing before the search was started', async () => {
    const db = await library(['Harbour storm']);
    const h = harness(db, await listArticles(db));
    h.session.rebuild();
    expect(h.session.state).toBe('idle');
    h.session.warm();
    const done = h.session.done;
    h.session.warm();
    expect(h.session.done).toBe(done);
    await done;
    expect(h.session.state).toBe('ready');
  });

  it('saves from other tabs update the complete index in place and mark their packs for the cache', async () => {
    const db = await library(['Harbour storm']);
    let all = await listArticles(db);
    const h = harness(db, all);
    h.session.warm();
    await h.session.done;
    h.idle.splice(0).forEach((f) => f());
    h.written.length = 0;
    const ferry = makeArticle({ url: 'https://example.com/new', canonicalUrl: null, title: 'Ferry strike' });
    await saveArticle(db, { article: ferry, now: 5000 });
    all = await listArticles(db);
    const id = all.find((a) => a.title === 'Ferry strike')!.id;
    const changed = await getChanged(db, [id]);
    h.session.apply([id], changed.summaries, changed.search);
    expect(h.session.state).toBe('ready');
    expect(ids(h.session.query('ferry').hits)).toEqual([id]);
    // Deleted elsewhere: gone from the answer.
    h.session.apply([id], [undefined], [undefined]);
    expect(h.session.query('ferry').hits ?? []).toEqual([]);
    expect(h.idle.length).toBeGreaterThan(0);
    h.idle.splice(0).forEach((f) => f());
    expect(h.written).toHaveLength(1);
  });

  it('a rebuild keeps answering from the complete index until the new one is in', async () => {
    const db = await library(['Harbour storm', 'Budget vote']);
    const h = harness(db, await listArticles(db));
    h.session.warm();
    await h.session.done;
    h.session.rebuild();
    expect(h.session.state).toBe('ready');
    const during = h.session.query('budget');
    expect(during.partial).toBe(false);
    expect(ids(during.hits)).toHaveLength(1);
    await h.session.done;
    expect(h.log.filter((l) => l === 'complete')).toHaveLength(2);
  });

  it('a failed build is reported and not stuck: the next query starts again', async () => {
    const db = await library(['Harbour storm']);
    let fail = true;
    const load: typeof loadSearchRows = (d, s, o) =>
      fail ? Promise.reject(new Error('read failed')) : loadSearchRows(d, s, o);
    const h = harness(db, await listArticles(db), { load });
    h.session.query('harbour');
    await h.session.done!.catch(() => undefined);
    await Promise.resolve();
    expect(h.errors).toHaveLength(1);
    expect(h.session.state).toBe('idle');
    fail = false;
    expect(h.session.query('harbour').partial).toBe(true);
    await h.session.done;
    expect(ids(h.session.query('harbour').hits)).toHaveLength(1);
  });
});
