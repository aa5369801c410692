/**
 * Migrations: a database written by an older schema, with records of that schema's shape, opens
 * with the current code and every article is still there and readable. One test per older version
 * in MIGRATIONS; the list-length check makes a new version without a test fail.
 */
import { describe, expect, it } from 'vitest';
import { freshOptions, makeArticle, pngBlob } from './store-fixtures.js';
import { LibraryDatabase, openLibrary } from '../../src/store/database.js';
import { MIGRATIONS, SCHEMA_VERSION, type V1Article } from '../../src/store/migrations.js';
import { getFullArticle, listArticles, allSearchRows } from '../../src/store/read-articles.js';
import { saveArticle } from '../../src/store/save-article.js';
import { SearchIndex } from '../../src/store/search-index.js';

describe('migrations', () => {
  it('every schema version has an upgrade test here', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2]);
    expect(SCHEMA_VERSION).toBe(2);
  });

  it('v1 → v2: articles stored whole in one record are split, searchable and intact', async () => {
    const opts = freshOptions();
    const v1 = new LibraryDatabase({ ...opts, upTo: 1 });
    await v1.open();
    const a = makeArticle();
    const b = makeArticle({ url: 'https://example.com/b', canonicalUrl: null, title: 'Second article about Ankara', textContent: 'Ankara text', content: '<p>Ankara text</p>', dir: 'ltr' });
    const rows: V1Article[] = [
      { id: 'a1', url: 'https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/', savedAt: 1000, read: true, article: a },
      { id: 'b1', url: 'https://example.com/b', savedAt: 2000, article: b, imageMode: 'links' },
    ];
    await v1.table('articles').bulkPut(rows);
    await v1.table('images').put({ articleId: 'a1', url: 'https://en.haberler.com/images/a.jpg', blob: pngBlob(), type: 'image/png', bytes: pngBlob().size });
    v1.close();

    const db = await openLibrary(opts);
    expect(db.verno).toBe(2);
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
});
