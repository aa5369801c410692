/**
 * The library's storage layer against IndexedDB (fake-indexeddb: a spec-following in-memory
 * implementation). What a user relies on: a save is all-or-nothing, saving the same story again
 * updates it and keeps the earlier text, search finds what was saved, delete can be undone, and
 * every failure says why in words.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBObjectStore as FakeObjectStore } from 'fake-indexeddb';
import { openFresh, makeArticle, pngBlob, freshOptions } from './store-fixtures.js';
import { saveArticle } from '../../src/store/save-article.js';
import { getFullArticle, listArticles, listVersions, allSearchRows } from '../../src/store/read-articles.js';
import { deleteArticles, restoreArticles, setRead } from '../../src/store/edit-articles.js';
import { storageUse } from '../../src/store/storage-use.js';
import { SearchIndex } from '../../src/store/search-index.js';
import { LibraryError, toLibraryError } from '../../src/store/library-error.js';
import { openLibrary } from '../../src/store/database.js';

const IMG = 'https://en.haberler.com/images/a.jpg';

afterEach(() => vi.restoreAllMocks());

describe('saving', () => {
  it('stores the article, its body, its search terms and its images together', async () => {
    const db = await openFresh();
    const res = await saveArticle(db, { article: makeArticle(), images: new Map([[IMG, pngBlob()]]), now: 1000 });
    expect(res).toMatchObject({ updated: false, imagesStored: 1, imagesSkipped: 0, versions: 0 });
    const full = await getFullArticle(db, res.id);
    expect(full.record.title).toBe('US Urges Haftar-Led Forces To End Offensive In Libya');
    // the tracking parameter is not part of the article's identity
    expect(full.record.url).toBe('https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/');
    expect(full.record.site).toBe('en.haberler.com');
    expect(full.record.dateline.place).toBe('Washington');
    expect(full.record.publishedAt).toBe(Date.UTC(2019, 10, 15, 13, 42));
    expect(full.body.content).toContain('Khalifa Haftar');
    expect(full.body.related[0]!.title).toBe('Mass Protests Continue In Lebanon');
    expect(full.images).toHaveLength(1);
    expect(full.images[0]!.url).toBe(IMG);
    expect(full.images[0]!.blob.size).toBe(pngBlob().size);
    expect(full.record.images).toMatchObject({ mode: 'store', stored: 1, bytes: pngBlob().size });
  });

  it('saving the same URL again updates the article and keeps the earlier version', async () => {
    const db = await openFresh();
    const first = await saveArticle(db, { article: makeArticle(), now: 1000 });
    await setRead(db, [first.id], true);
    const changed = makeArticle({
      url: 'https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/#comments',
      title: 'US Urges Haftar To End Offensive (updated)',
      content: '<p>Updated text about Tripoli.</p>',
      textContent: 'Updated text about Tripoli.',
    });
    const second = await saveArticle(db, { article: changed, now: 2000 });
    expect(second).toMatchObject({ id: first.id, updated: true, versions: 1 });
    const all = await listArticles(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      title: 'US Urges Haftar To End Offensive (updated)',
      savedAt: 1000,
      updatedAt: 2000,
      read: 1,
      versions: 1,
    });
    const versions = await listVersions(db, first.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.savedAt).toBe(1000);
    expect(versions[0]!.article.title).toBe('US Urges Haftar-Led Forces To End Offensive In Libya');
    expect(versions[0]!.body.content).toContain('Khalifa Haftar');
    // saving identical content again does not pile up copies
    const third = await saveArticle(db, { article: changed, now: 3000 });
    expect(third.versions).toBe(1);
  });

  it('refuses an extraction that found no article, saying why', async () => {
    const db = await openFresh();
    await expect(saveArticle(db, { article: makeArticle({ content: '' }) })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/no article text/),
    });
    await expect(saveArticle(db, { article: makeArticle({ url: 'javascript:alert(1)' }) })).rejects.toMatchObject({
      code: 'invalid',
    });
    expect(await listArticles(db)).toHaveLength(0);
  });

  it('a full disk mid-save leaves nothing half-written and says the storage is full', async () => {
    const db = await openFresh();
    const put = FakeObjectStore.prototype.put;
    // The image write is the last of the transaction: the article, body and terms are already written when it fails.
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'images') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const err = await saveArticle(db, { article: makeArticle(), images: new Map([[IMG, pngBlob()]]) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LibraryError);
    expect(err).toMatchObject({ code: 'quota', message: expect.stringMatching(/no storage left.*nothing was saved/i) });
    vi.restoreAllMocks();
    expect(await db.articles.count()).toBe(0);
    expect(await db.bodies.count()).toBe(0);
    expect(await db.search.count()).toBe(0);
    expect(await db.images.count()).toBe(0);
  });

  it('a failed update keeps the earlier article exactly as it was', async () => {
    const db = await openFresh();
    const first = await saveArticle(db, { article: makeArticle(), now: 1000 });
    const put = FakeObjectStore.prototype.put;
    vi.spyOn(FakeObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      if (this.name === 'images') throw new DOMException('quota', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(
      saveArticle(db, {
        article: makeArticle({ title: 'Changed', content: '<p>changed</p>' }),
        images: new Map([[IMG, pngBlob()]]),
        now: 2000,
      }),
    ).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    const full = await getFullArticle(db, first.id);
    expect(full.record).toMatchObject({
      title: 'US Urges Haftar-Led Forces To End Offensive In Libya',
      updatedAt: 1000,
      versions: 0,
    });
    expect(await db.versions.count()).toBe(0);
  });
});

describe('errors a user can act on', () => {
  it('no IndexedDB at all (private window, storage disabled) is "unavailable"', async () => {
    await expect(openLibrary({ name: 'x' })).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/private windows/),
    });
  });

  it("Firefox's InvalidStateError on open is read as a private window", () => {
    const e = toLibraryError(
      Object.assign(new Error('open failed'), {
        name: 'OpenFailedError',
        inner: new DOMException(
          'A mutation operation was attempted on a database that did not allow mutations.',
          'InvalidStateError',
        ),
      }),
    );
    expect(e.code).toBe('unavailable');
  });

  it('an upgrade held up by another open tab fails with "blocked" instead of hanging', async () => {
    const opts = freshOptions();
    // An old tab: a raw connection at Dexie's v1 (native 10) that never closes on versionchange.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = opts.indexedDB!.open(opts.name!, 10);
      r.onupgradeneeded = () => r.result.createObjectStore('articles', { keyPath: 'id' });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await expect(openLibrary({ ...opts, blockedTimeoutMs: 100 })).rejects.toMatchObject({
      code: 'blocked',
      message: expect.stringMatching(/Close the other library tabs/),
    });
    old.close();
  });

  it('another context upgrading the database closes this one and tells it to reload', async () => {
    const opts = freshOptions();
    const onVersionChange = vi.fn();
    const db = await openLibrary({ ...opts, onVersionChange });
    await new Promise<void>((resolve, reject) => {
      const r = opts.indexedDB!.open(opts.name!, 990);
      r.onsuccess = () => {
        r.result.close();
        resolve();
      };
      r.onerror = () => reject(r.error);
    });
    expect(onVersionChange).toHaveBeenCalled();
    expect(db.isOpen()).toBe(false);
    // and the closed connection refuses work with the same words, instead of a raw DatabaseClosedError
    await expect(saveArticle(db, { article: makeArticle() })).rejects.toMatchObject({ code: 'version-change' });
  });
});

describe('search', () => {
  it('finds saved articles by title and text, by prefix, ignoring case and accents; title hits rank first', async () => {
    const db = await openFresh();
    const a = await saveArticle(db, { article: makeArticle() });
    const b = await saveArticle(db, {
      article: makeArticle({
        url: 'https://example.com/b',
        canonicalUrl: null,
        title: 'Türkiye and Libya sign a deal',
        textContent: 'Ankara and Tripoli signed a maritime deal after the offensive.',
        content: '<p>Ankara and Tripoli signed a maritime deal after the offensive.</p>',
      }),
    });
    const idx = new SearchIndex(await allSearchRows(db));
    expect(idx.query('')).toBeNull();
    expect(new Set(idx.query('liby')!.map((h) => h.id))).toEqual(new Set([a.id, b.id]));
    // "offensive" is in a's title and only in b's text
    expect(idx.query('offensive')!.map((h) => h.id)).toEqual([a.id, b.id]);
    expect(idx.query('TURKIYE')!.map((h) => h.id)).toEqual([b.id]);
    expect(idx.query('haftar world health')!.map((h) => h.id)).toEqual([a.id]);
    expect(idx.query('tripoli maritime')!.map((h) => h.id)).toEqual([b.id]);
    expect(idx.query('zebra')).toEqual([]);
    // a prefix inside a word does not match (no "rip" for "Tripoli")
    expect(idx.query('rip')).toEqual([]);
  });

  it('finds words in scripts written without spaces', async () => {
    const db = await openFresh();
    const a = await saveArticle(db, {
      article: makeArticle({
        url: 'https://example.jp/a',
        canonicalUrl: null,
        title: '東京で会議',
        textContent: '東京都で国際会議が開かれた。',
        content: '<p>東京都で国際会議が開かれた。</p>',
        lang: 'ja',
      }),
    });
    const idx = new SearchIndex(await allSearchRows(db));
    expect(idx.query('国際会議')!.map((h) => h.id)).toEqual([a.id]);
  });
});

describe('editing', () => {
  it('delete removes everything of the article; restore puts it back identically', async () => {
    const db = await openFresh();
    const keep = await saveArticle(db, {
      article: makeArticle({ url: 'https://example.com/keep', canonicalUrl: null }),
    });
    const gone = await saveArticle(db, { article: makeArticle(), images: new Map([[IMG, pngBlob()]]), now: 1 });
    await saveArticle(db, { article: makeArticle({ content: '<p>v2</p>', textContent: 'v2' }), now: 2 });
    const before = await getFullArticle(db, gone.id);
    const deleted = await deleteArticles(db, [gone.id]);
    expect((await listArticles(db)).map((a) => a.id)).toEqual([keep.id]);
    expect(await db.images.count()).toBe(0);
    expect(await db.versions.count()).toBe(0);
    await restoreArticles(db, deleted);
    const after = await getFullArticle(db, gone.id);
    // Identical but for when this device wrote it (restored is written again: sync must send it).
    expect(after.record).toEqual({ ...before.record, changedAt: expect.any(Number) });
    expect(after.body).toEqual(before.body);
    expect(after.images.map((i) => [i.url, i.bytes])).toEqual(before.images.map((i) => [i.url, i.bytes]));
    expect(await listVersions(db, gone.id)).toHaveLength(1);
  });

  it('marks read and unread; lists newest saved first; reports storage use', async () => {
    const db = await openFresh();
    const a = await saveArticle(db, {
      article: makeArticle({ url: 'https://example.com/a', canonicalUrl: null }),
      now: 1,
    });
    const b = await saveArticle(db, {
      article: makeArticle({ url: 'https://example.com/b', canonicalUrl: null }),
      images: new Map([[IMG, pngBlob(1000)]]),
      now: 2,
    });
    await setRead(db, [a.id, b.id], true);
    await setRead(db, [b.id], false);
    const list = await listArticles(db);
    expect(list.map((x) => [x.id, x.read])).toEqual([
      [b.id, 0],
      [a.id, 1],
    ]);
    const use = await storageUse(db, { estimate: async () => ({ usage: 12345, quota: 10_000_000 }) });
    expect(use).toMatchObject({
      articles: 2,
      images: 1,
      imageBytes: pngBlob(1000).size,
      usage: 12345,
      quota: 10_000_000,
    });
    expect(use.textBytes).toBeGreaterThan(400);
  });
});

describe('search while typing', () => {
  it('narrowing as the user types gives the same answers as searching from scratch', async () => {
    const words = ['tripoli', 'tripartite', 'trial', 'haftar', 'hafiz', 'offensive', 'office', 'libya', 'liberia'];
    const rows = Array.from({ length: 60 }, (_, i) => {
      const picked = words.filter((_, k) => (i >> (k % 6)) & 1 || (i + k) % 7 === 0);
      return { id: `a${i}`, title: ` ${picked.slice(0, 2).join(' ')} `, text: ` ${picked.join(' ')} ` };
    });
    const typing = new SearchIndex(rows);
    const typed = [
      't',
      'tr',
      'tri',
      'trip',
      'tri',
      'tria',
      'trial h',
      'trial haf',
      'trial hafi',
      'trial haf',
      'haf',
      'ha',
      '',
      'of',
      'off',
      'offe',
      'offi',
      'lib',
    ];
    for (const q of typed) {
      const fresh = new SearchIndex(rows).query(q);
      expect(typing.query(q), `query "${q}"`).toEqual(fresh);
    }
  });
});

describe('search index kept up to date in place', () => {
  it('an article saved or deleted while the library is open is found or forgotten without a rebuild', () => {
    const idx = new SearchIndex([{ id: 'a', title: ' libya talks ', text: ' libya talks tripoli ' }]);
    expect(idx.query('trip')!.map((h) => h.id)).toEqual(['a']);
    idx.upsert({ id: 'b', title: ' tripoli port ', text: ' tripoli port reopens ' });
    expect(idx.query('trip')!.map((h) => h.id)).toEqual(['b', 'a']);
    idx.upsert({ id: 'a', title: ' libya talks ', text: ' libya talks ' });
    expect(idx.query('trip')!.map((h) => h.id)).toEqual(['b']);
    idx.remove('b');
    expect(idx.query('trip')).toEqual([]);
    expect(idx.size).toBe(1);
  });
});
