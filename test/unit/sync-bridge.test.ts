/**
 * Sync (issue #25) end to end below the browser: two devices, each a library (Dexie on
 * fake-indexeddb) with its PouchDB mirror (memory adapter), replicating through a real
 * CouchDB-protocol server on 127.0.0.1 (test/support/couch-server.ts). Every wait is for a
 * replication pass to complete; nothing depends on time.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openLibrary, type LibraryDatabase } from '../../src/store/database.js';
import { saveArticle } from '../../src/store/save-article.js';
import { deleteArticles, setRead } from '../../src/store/edit-articles.js';
import {
  describeProgress,
  syncOnce,
  type Pouch,
  type SyncProgress,
  type SyncReport,
} from '../../src/sync/sync-once.js';
import { changePassphrase, keysForRemote } from '../../src/sync/remote-keys.js';
import { NeedsPassphraseError } from '../../src/sync/article-doc.js';
import { WrongPassphraseError } from '../../src/sync/sync-crypto.js';
import { makeArticle, pngBlob } from './store-fixtures.js';
import { memoryPouch, startCouchServer, type CouchServer } from '../support/couch-server.js';

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => {
  await server.close();
});

let deviceCount = 0;

/** A device: its library and its mirror, reopened by `restart()` as a stopped background would. */
class Device {
  readonly name = `device-${++deviceCount}`;
  private readonly idb = new IDBFactory();
  db!: LibraryDatabase;
  mirror!: Pouch;
  constructor(
    readonly dbName: string,
    public passphrase = '',
    readonly password?: string,
  ) {}

  /** A new passphrase on this device: a new, empty mirror (as the extension names mirrors by it). */
  async usePassphrase(passphrase: string): Promise<void> {
    this.passphrase = passphrase;
    await this.mirror.destroy();
    this.mirror = memoryPouch(`${this.name}-${passphrase}`);
  }

  async start(): Promise<this> {
    this.db = await openLibrary({ name: 'library', indexedDB: this.idb, IDBKeyRange });
    this.mirror = memoryPouch(this.name);
    return this;
  }

  async restart(): Promise<void> {
    this.db.close();
    await this.mirror.close();
    await this.start();
  }

  maxImageBytes?: number;

  async sync(onLibraryChange?: (ids: string[]) => void): Promise<SyncReport> {
    const remote = await server.remote(this.dbName, this.password === undefined ? {} : { password: this.password });
    const keys = await keysForRemote(remote, this.passphrase, async () => (await remote.info()).doc_count === 0);
    return syncOnce(
      {
        db: this.db,
        mirror: this.mirror,
        keys,
        maxImageBytes: this.maxImageBytes,
        ...(onLibraryChange ? { onLibraryChange } : {}),
      },
      remote,
    );
  }

  async byUrl(fragment: string) {
    return (await this.db.articles.toArray()).find((a) => a.url.includes(fragment));
  }
}

let dbCount = 0;
async function twoDevices(passphrase = ''): Promise<[Device, Device]> {
  const name = `lib${++dbCount}`;
  await server.remote(name, { create: true });
  return [await new Device(name, passphrase).start(), await new Device(name, passphrase).start()];
}

const IMAGE = 'https://en.haberler.com/images/a.jpg';

async function saveWithImage(d: Device, now = 1_000): Promise<string> {
  const r = await saveArticle(d.db, { article: makeArticle(), images: new Map([[IMAGE, pngBlob(10)]]), now });
  return r.id;
}

describe('sync through a CouchDB-protocol server', () => {
  it('an article saved on one device arrives on the other with its image, search row and dates', async () => {
    const [a, b] = await twoDevices();
    const id = await saveWithImage(a);
    expect((await a.sync()).sent).toBe(1);
    const report = await b.sync();
    expect(report).toMatchObject({ received: 1, written: 1, pending: 0 });
    const got = await b.db.articles.get(id);
    expect(got).toMatchObject({
      title: 'US Urges Haftar-Led Forces To End Offensive In Libya',
      savedAt: 1_000,
      read: 0,
    });
    expect((await b.db.bodies.get(id))?.content).toContain('Khalifa Haftar');
    expect((await b.db.search.get(id))?.text).toContain(' haftar');
    const images = await b.db.images.where('articleId').equals(id).toArray();
    expect(images.map((i) => [i.url, i.bytes])).toEqual([[IMAGE, pngBlob(10).size]]);
    expect(new Uint8Array(await images[0]!.blob.arrayBuffer())).toEqual(
      new Uint8Array(await pngBlob(10).arrayBuffer()),
    );
    // Nothing echoes back: a second pass on each side moves nothing.
    expect(await b.sync()).toMatchObject({ sent: 0, put: 0, written: 0 });
    expect(await a.sync()).toMatchObject({ received: 0, written: 0, put: 0 });
  });

  it('read state and deletes travel both ways', async () => {
    const [a, b] = await twoDevices();
    const id = await saveWithImage(a);
    await a.sync();
    await b.sync();
    await setRead(b.db, [id], true, 5_000);
    await b.sync();
    await a.sync();
    expect((await a.db.articles.get(id))?.read).toBe(1);
    await deleteArticles(a.db, [id]);
    expect(await a.sync()).toMatchObject({ removed: 1 });
    expect(await b.sync()).toMatchObject({ deleted: 1 });
    expect(await b.db.articles.count()).toBe(0);
    expect(await b.db.images.count()).toBe(0);
  });

  it('edits made on both devices while apart merge without loss', async () => {
    const [a, b] = await twoDevices();
    const id = await saveWithImage(a, 1_000);
    await a.sync();
    await b.sync();
    // Apart: A saves a newer text of the story, B marks it read later.
    const newer = makeArticle({
      content: '<p>Updated: the offensive was halted on Saturday.</p>',
      textContent: 'Updated: halted.',
    });
    await saveArticle(a.db, { article: newer, now: 2_000 });
    await setRead(b.db, [id], true, 3_000);
    await a.sync();
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect(await d.db.articles.get(id)).toMatchObject({ read: 1, updatedAt: 2_000, versions: 1 });
      expect((await d.db.bodies.get(id))?.content).toContain('halted on Saturday');
      const [earlier] = await d.db.versions.where('articleId').equals(id).toArray();
      expect(earlier?.body.content).toContain('Khalifa Haftar');
    }
  });

  it('the same story saved on both devices before the first sync becomes one article', async () => {
    const [a, b] = await twoDevices();
    await saveWithImage(a, 1_000);
    await saveWithImage(b, 1_500);
    await a.sync();
    await b.sync();
    await a.sync();
    expect(await a.db.articles.count()).toBe(1);
    expect(await b.db.articles.count()).toBe(1);
    expect((await a.byUrl('12618612'))?.savedAt).toBe(1_000);
  });

  it('resumes after a restart from its checkpoints: nothing read again, nothing duplicated', async () => {
    const [a, b] = await twoDevices();
    for (let i = 0; i < 3; i++)
      await saveArticle(a.db, { article: makeArticle({ canonicalUrl: `https://example.com/story-${i}` }) });
    await a.sync();
    await b.sync();
    await saveArticle(a.db, { article: makeArticle({ canonicalUrl: 'https://example.com/story-3' }) });
    await a.sync();
    await b.restart();
    expect(await b.sync()).toMatchObject({ received: 1, written: 1, put: 0, sent: 0 });
    expect(await b.db.articles.count()).toBe(4);
    await b.restart();
    expect(await b.sync()).toMatchObject({ received: 0, written: 0, put: 0, sent: 0 });
  });
});

describe('a background stopped in the middle of a pass', () => {
  it('resumes after the last batch it finished, without duplicates', async () => {
    const [a, b] = await twoDevices();
    for (let i = 0; i < 30; i++) {
      await saveArticle(a.db, { article: makeArticle({ canonicalUrl: `https://example.com/n/${i}` }), now: 1_000 + i });
    }
    await a.sync();
    // The bridge saves its checkpoint after each batch of 25, then announces the batch: "stop" there.
    await expect(
      b.sync(() => {
        throw new Error('the service worker was stopped');
      }),
    ).rejects.toThrow(/stopped/);
    expect(await b.db.articles.count()).toBe(25);
    await b.restart();
    expect(await b.sync()).toMatchObject({ received: 0, written: 5, put: 0 });
    expect(await b.db.articles.count()).toBe(30);
    expect(new Set((await b.db.articles.toArray()).map((r) => r.url)).size).toBe(30);
  });
});

describe('sync with a passphrase', () => {
  it('sends only ciphertext and names that reveal no URL', async () => {
    const [a, b] = await twoDevices('a long passphrase');
    const id = await saveWithImage(a);
    await a.sync();
    const res = await fetch(`${server.origin}/${a.dbName}/_all_docs?include_docs=true&attachments=true`, {
      headers: { authorization: `Basic ${btoa('reader:correct horse')}` },
    });
    const raw = await res.text();
    expect(raw).toContain('"total_rows":1');
    for (const word of ['Haftar', 'haberler', 'Libya', 'Tripoli', 'Washington', id]) expect(raw).not.toContain(word);
    const png = btoa(String.fromCharCode(...new Uint8Array(await pngBlob(10).arrayBuffer())));
    expect(raw).not.toContain(png.slice(0, 20));
    await b.sync();
    expect((await b.db.bodies.get(id))?.content).toContain('Khalifa Haftar');
    expect(await b.db.images.where('articleId').equals(id).count()).toBe(1);
  });

  it('a wrong or missing passphrase is refused with a clear message, before anything is written', async () => {
    const [a] = await twoDevices('the right one');
    await saveWithImage(a);
    await a.sync();
    const wrong = await new Device(a.dbName, 'the wrong one').start();
    await expect(wrong.sync()).rejects.toThrow(WrongPassphraseError);
    await expect(wrong.sync()).rejects.toThrow(/passphrase does not open this library/);
    const none = await new Device(a.dbName).start();
    await expect(none.sync()).rejects.toThrow(NeedsPassphraseError);
    await expect(none.sync()).rejects.toThrow(/encrypted: enter its passphrase/);
    expect(await wrong.db.articles.count()).toBe(0);
    expect(await none.db.articles.count()).toBe(0);
  });
});

describe('conflicting revisions on the server', () => {
  it('two devices that pushed without pulling converge on one merged article, conflicts closed', async () => {
    const { pushLocal } = await import('../../src/sync/bridge.js');
    const [a, b] = await twoDevices();
    const id = await saveWithImage(a, 1_000);
    await a.sync();
    await b.sync();
    const newer = makeArticle({ content: '<p>Second version of the story.</p>', textContent: 'Second version.' });
    await saveArticle(a.db, { article: newer, now: 2_000 });
    await setRead(b.db, [id], true, 3_000);
    // Both push before either pulls: the server now holds two leaf revisions of one document.
    await a.sync();
    await pushLocal({ db: b.db, mirror: b.mirror, keys: null });
    await b.mirror.replicate.to(await server.remote(b.dbName));
    await b.sync();
    await a.sync();
    for (const d of [a, b]) {
      expect(await d.db.articles.get(id)).toMatchObject({ read: 1, updatedAt: 2_000, versions: 1 });
      expect((await d.db.bodies.get(id))?.content).toContain('Second version');
    }
    const remote = await server.remote(a.dbName);
    const docId = (await remote.changes({ since: 0 })).results[0]!.id;
    expect(((await remote.get(docId, { conflicts: true })) as { _conflicts?: string[] })._conflicts ?? []).toEqual([]);
  });
});

describe('images from another device', () => {
  it("follow this device's image cap: over it (or links only) they stay links", async () => {
    const [a, b] = await twoDevices();
    const id = await saveWithImage(a);
    await a.sync();
    b.maxImageBytes = 10;
    expect(await b.sync()).toMatchObject({ written: 1 });
    expect(await b.db.articles.get(id)).toBeDefined();
    expect(await b.db.images.count()).toBe(0);
    // B's read mark goes back without the image; A keeps its copy.
    await setRead(b.db, [id], true, 9_000);
    await b.sync();
    await a.sync();
    expect(await a.db.articles.get(id)).toMatchObject({ read: 1 });
    expect(await a.db.images.where('articleId').equals(id).count()).toBe(1);
  });
});

describe('untrusted documents from the server', () => {
  it('an article the library could not show is left out and counted; the rest arrives', async () => {
    const [a, b] = await twoDevices();
    await saveWithImage(a);
    await a.sync();
    const remote = await server.remote(a.dbName);
    const bad = { f: 1, record: { id: 'x', title: 42 }, body: { content: '' }, versions: [], images: [] };
    await remote.put({ _id: 'a-bad', p: bad });
    const ok = (await remote.get((await remote.changes({ since: 0 })).results.find((r) => r.id !== 'a-bad')!.id)) as {
      p: { images: Array<{ type: string }> };
    };
    expect(ok.p.images).toHaveLength(1);
    await remote.put({
      ...ok,
      p: { ...ok.p, images: [{ ...ok.p.images[0], type: 'text/html' }] },
      _attachments: undefined,
    });
    expect(await b.sync()).toMatchObject({ written: 1, unreadable: 1 });
    expect(await b.db.articles.count()).toBe(1);
    expect(await b.db.images.count()).toBe(0);
  });
});

describe('a pass after the first reads only what changed since', () => {
  it('sends a later edit, a write by any path and an article stored with an old date, without reading every summary', async () => {
    const [a, b] = await twoDevices();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const url = `https://news.example/story-${i}`;
      const article = { ...makeArticle(), url, canonicalUrl: url, title: `Story ${i}` };
      ids.push((await saveArticle(a.db, { article, now: 1_000 + i })).id);
    }
    await a.sync();
    await b.sync();
    const everySummary = vi.spyOn(a.db.articles, 'toArray');
    // A read mark, a record written straight to the table, and an article stored with a date years back
    // (as an import keeps it): the index of write times or the list of unsent ids finds each.
    await setRead(a.db, [ids[0]!], true, 2_000);
    await a.db.articles.update(ids[1]!, { title: 'Story 1, retitled', updatedAt: 3_000 });
    const oldUrl = 'https://news.example/from-2019';
    const old = { ...makeArticle(), url: oldUrl, canonicalUrl: oldUrl, title: 'From 2019' };
    const oldId = (await saveArticle(a.db, { article: old, now: Date.UTC(2019, 0, 1) })).id;
    expect(await a.sync()).toMatchObject({ put: 3, pending: 0 });
    expect(everySummary).not.toHaveBeenCalled();
    await b.sync();
    expect((await b.db.articles.get(ids[0]!))?.read).toBe(1);
    expect((await b.db.articles.get(ids[1]!))?.title).toBe('Story 1, retitled');
    expect((await b.db.articles.get(oldId))?.title).toBe('From 2019');
    everySummary.mockRestore();
  });

  it('reads every summary again when the clock went back (a write could carry an earlier time)', async () => {
    const [a, b] = await twoDevices();
    const id = await saveWithImage(a);
    await a.sync();
    await b.sync();
    const later = Date.now() + 3_600_000;
    const clock = vi.spyOn(Date, 'now').mockReturnValue(later);
    await a.sync(); // the cursor is now an hour ahead
    clock.mockRestore();
    await setRead(a.db, [id], true, 9_000);
    expect(await a.sync()).toMatchObject({ put: 1 });
    await b.sync();
    expect((await b.db.articles.get(id))?.read).toBe(1);
  });
});

describe('progress of a pass', () => {
  it('a first sync counts what it sends and receives against the totals ("Sent 60 of 60 articles…")', async () => {
    const [a, b] = await twoDevices();
    for (let i = 0; i < 60; i++) {
      const url = `https://news.example/progress-${i}`;
      await saveArticle(a.db, { article: { ...makeArticle(), url, canonicalUrl: url, title: `Story ${i}` }, now: i });
    }
    const seen: SyncProgress[] = [];
    const pass = async (d: Device) => {
      const remote = await server.remote(d.dbName);
      return syncOnce({ db: d.db, mirror: d.mirror, keys: null }, remote, (p) => seen.push(p));
    };
    await pass(a);
    const sent = seen.filter((p) => p.phase === 'send');
    expect(sent.length).toBeGreaterThan(1); // batches of 25
    expect(sent.at(-1)).toEqual({ phase: 'send', done: 60, total: 60 });
    expect(describeProgress(sent[0]!, 'en')).toMatch(/^Sent \d+ of 60 articles…$/);
    seen.length = 0;
    await pass(b);
    const received = seen.filter((p) => p.phase === 'receive');
    expect(received.at(-1)).toMatchObject({ phase: 'receive', done: 60 });
    expect(received.at(-1)!.total).toBeGreaterThanOrEqual(60);
    expect(await b.db.articles.count()).toBe(60);
  });
});

describe('changing the passphrase', () => {
  it('re-encrypts the library on the server; the other device is told its passphrase is wrong until it has the new one', async () => {
    const [a, b] = await twoDevices('first passphrase');
    const id = await saveWithImage(a);
    await a.sync();
    await b.sync();
    const remote = await server.remote(a.dbName);
    const empty = async () => (await remote.info()).doc_count === 0;
    await expect(changePassphrase(remote, 'a wrong guess', 'second passphrase', empty)).rejects.toThrow(
      WrongPassphraseError,
    );
    await changePassphrase(remote, 'first passphrase', 'second passphrase', empty);
    await a.usePassphrase('second passphrase');
    expect(await a.sync()).toMatchObject({ put: 1, sent: 1 });

    // B still has the old one: told so, and nothing in its library changes.
    await expect(b.sync()).rejects.toThrow(/passphrase does not open/);
    expect((await b.db.articles.get(id))?.title).toBe('US Urges Haftar-Led Forces To End Offensive In Libya');
    // Only documents under the new key are left on the server (the old ones are tombstones).
    const docs = await remote.allDocs({ include_docs: true });
    const live = docs.rows.filter((r) => r.id.startsWith('a-'));
    expect(live).toHaveLength(1);

    // With the new passphrase B reads it all again: the same article once, edits flowing both ways.
    await b.usePassphrase('second passphrase');
    await b.sync();
    expect(await b.db.articles.count()).toBe(1);
    await setRead(b.db, [id], true, 9_000);
    await b.sync();
    await a.sync();
    expect((await a.db.articles.get(id))?.read).toBe(1);
    expect(await a.db.articles.count()).toBe(1);
    await expect(changePassphrase(remote, 'first passphrase', 'third', empty)).rejects.toThrow(WrongPassphraseError);
  });
});
