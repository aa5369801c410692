/**
 * Migrations: a database written by an older schema, with records of that schema's shape, opens
 * with the current code and every article is still there and readable. One test per older version
 * in MIGRATIONS; the list-length check makes a new version without a test fail.
 */
import { describe, expect, it } from 'vitest';
import { freshOptions, makeArticle, pngBlob } from './store-fixtures.js';
import { LibraryDatabase, openLibrary } from '../../src/store/database.js';
import { MIGRATIONS, SCHEMA_VERSION, type V1Article } from '../../src/store/migrations.js';
import { getFullArticle, listArticles, allSearchRows, listVersions } from '../../src/store/read-articles.js';
import { loadSearchRows, type StampedRow } from '../../src/store/search-cache.js';
import { saveArticle } from '../../src/store/save-article.js';
import { setRead } from '../../src/store/edit-articles.js';
import { SearchIndex } from '../../src/store/search-index.js';

describe('migrations', () => {
  it('every schema version has an upgrade test here', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3, 4]);
    expect(SCHEMA_VERSION).toBe(4);
  });

  it('v1 → v2 (→ current): articles stored whole in one record are split, searchable and intact', async () => {
    const opts = freshOptions();
    const v1 = new LibraryDatabase({ ...opts, upTo: 1 });
    await v1.open();
    const a = makeArticle();
    const b = makeArticle({
      url: 'https://example.com/b',
      canonicalUrl: null,
      title: 'Second article about Ankara',
      textContent: 'Ankara text',
      content: '<p>Ankara text</p>',
      dir: 'ltr',
    });
    const rows: V1Article[] = [
      {
        id: 'a1',
        url: 'https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/',
        savedAt: 1000,
        read: true,
        article: a,
      },
      { id: 'b1', url: 'https://example.com/b', savedAt: 2000, article: b, imageMode: 'links' },
    ];
    await v1.table('articles').bulkPut(rows);
    await v1.table('images').put({
      articleId: 'a1',
      url: 'https://en.haberler.com/images/a.jpg',
      blob: pngBlob(),
      type: 'image/png',
      bytes: pngBlob().size,
    });
    v1.close();

    const db = await openLibrary(opts);
    expect(db.verno).toBe(SCHEMA_VERSION);
    const list = await listArticles(db);
    expect(list.map((r) => [r.id, r.title, r.savedAt, r.read])).toEqual([
      ['b1', 'Second article about Ankara', 2000, 0],
      ['a1', 'US Urges Haftar-Led Forces To End Offensive In Libya', 1000, 1],
    ]);
    const full = await getFullArticle(db, 'a1');
    expect(full.body.content).toBe(a.content);
    expect(full.body.textContent).toBe(a.textContent);
    expect(full.body.related).toEqual(a.related);
    expect(full.record.dateline).toEqual(a.dateline);
    expect(full.record.images).toMatchObject({ mode: 'store', stored: 1, bytes: pngBlob().size });
    expect(full.images[0]!.blob.size).toBe(pngBlob().size);
    expect((await getFullArticle(db, 'b1')).record.images.mode).toBe('links');
    // the v1 record no longer carries the body
    expect('article' in (await db.articles.get('a1'))!).toBe(false);
    // new indexes and tables work on migrated data
    expect(new SearchIndex(await allSearchRows(db)).query('haftar')!.map((h) => h.id)).toEqual(['a1']);
    expect(await db.articles.where('site').equals('example.com').primaryKeys()).toEqual(['b1']);
    // saving the same article again after the upgrade updates it and keeps the v1 text as a version
    const res = await saveArticle(db, { article: makeArticle({ content: '<p>new</p>', textContent: 'new' }) });
    expect(res).toMatchObject({ id: 'a1', updated: true, versions: 1 });
  });

  it('v2 → v3: a v2 library with versions and images opens intact; the empty search cache falls back to the search table', async () => {
    const opts = freshOptions();
    // Written by the v2 code paths themselves (the save code has not changed its v2 tables).
    const v2 = new LibraryDatabase({ ...opts, upTo: 2 });
    await v2.open();
    const a = await saveArticle(v2, {
      article: makeArticle(),
      images: new Map([['https://en.haberler.com/images/a.jpg', pngBlob()]]),
      now: 1000,
    });
    await saveArticle(v2, {
      article: makeArticle({ content: '<p>changed</p>', textContent: 'changed Misrata' }),
      now: 2000,
    });
    const b = await saveArticle(v2, {
      article: makeArticle({
        url: 'https://example.com/b',
        canonicalUrl: null,
        title: 'Ankara talks',
        textContent: 'Ankara',
        content: '<p>Ankara</p>',
      }),
      now: 3000,
    });
    const before = {
      list: await listArticles(v2),
      a: await getFullArticle(v2, a.id),
      versions: await listVersions(v2, a.id),
      search: await allSearchRows(v2),
    };
    expect(v2.tables.map((t) => t.name)).not.toContain('searchPacks');
    v2.close();

    const db = await openLibrary(opts);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await listArticles(db)).toEqual(before.list);
    const full = await getFullArticle(db, a.id);
    expect(full.record).toEqual(before.a.record);
    expect(full.body).toEqual(before.a.body);
    expect(full.images.map((i) => [i.url, i.bytes])).toEqual(before.a.images.map((i) => [i.url, i.bytes]));
    expect(await listVersions(db, a.id)).toEqual(before.versions);
    expect(await allSearchRows(db)).toEqual(before.search);
    expect(await db.searchPacks.count()).toBe(0);
    // the page's search load answers from the search table when there is no cache yet
    const got: StampedRow[] = [];
    const dirty = await loadSearchRows(db, await listArticles(db), { onRows: (rows) => got.push(...rows) });
    expect(got.map((r) => r.row.id).sort()).toEqual([a.id, b.id].sort());
    expect(new SearchIndex(got.map((r) => r.row)).query('misrata')!.map((h) => h.id)).toEqual([a.id]);
    expect(dirty.size).toBeGreaterThan(0);
  });

  it('v3 → v4: a v3 library opens intact; from then on every write of an article stamps when, indexed', async () => {
    const opts = freshOptions();
    const v3 = new LibraryDatabase({ ...opts, upTo: 3 });
    await v3.open();
    const a = await saveArticle(v3, { article: makeArticle(), now: 1000 });
    const before = { list: await listArticles(v3), a: await getFullArticle(v3, a.id) };
    expect(before.a.record.changedAt).toBeUndefined();
    v3.close();

    const db = await openLibrary(opts);
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await listArticles(db)).toEqual(before.list);
    expect((await getFullArticle(db, a.id)).record).toEqual(before.a.record);
    expect(await db.articles.where('changedAt').above(0).count()).toBe(0);
    const t = Date.now();
    await setRead(db, [a.id], true);
    const b = await saveArticle(db, {
      article: makeArticle({ url: 'https://example.com/b', canonicalUrl: null, title: 'Ankara talks' }),
      now: 5,
    });
    const stamped = await db.articles.where('changedAt').aboveOrEqual(t).primaryKeys();
    expect(stamped.sort()).toEqual([a.id, b.id].sort());
    db.close();
  });
});
