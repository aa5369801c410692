/**
 * Sync (issue #25) in Firefox ESR (dist/firefox-e2e: the background is an event page): the other
 * device is this test process — the same sync code on fake-indexeddb and PouchDB's memory adapter —
 * and both replicate through a CouchDB-protocol server started here on 127.0.0.1. Sync is turned
 * on with the library's own message (puppeteer's synthetic clicks carry no user gesture for the
 * permission prompt; the test build already holds 127.0.0.1). Waits are for conditions only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { launchFirefox, overlayEval, pollFor, readOverlay, waitForOverlay, type FirefoxSession } from './harness';
import { PASSWORD, USER, memoryPouch, startCouchServer, type CouchServer } from '../support/couch-server';
import { openLibrary, type LibraryDatabase } from '../../src/store/database';
import { saveArticle } from '../../src/store/save-article';
import { syncOnce, type Pouch } from '../../src/sync/sync-once';
import { keysForRemote } from '../../src/sync/remote-keys';
import { makeArticle, pngBlob } from '../unit/store-fixtures';

const DB = 'firefox-library';
const PASSPHRASE = 'shared between both devices';
let ff: FirefoxSession;
let couch: CouchServer;
let db: LibraryDatabase;
let mirror: Pouch;

const poll = <T>(f: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> =>
  pollFor(f, ok, timeoutMs);

/** One pass of the other device (this process). */
async function nodeSync() {
  const remote = await couch.remote(DB);
  const keys = await keysForRemote(remote, PASSPHRASE, async () => (await remote.info()).doc_count === 0);
  return syncOnce({ db, mirror, keys }, remote);
}

beforeAll(async () => {
  couch = await startCouchServer();
  await couch.remote(DB, { create: true });
  db = await openLibrary({ name: 'node-device', indexedDB: new IDBFactory(), IDBKeyRange });
  mirror = memoryPouch('node-device-mirror');
  ff = await launchFirefox();
});

afterAll(async () => {
  await ff?.close();
  await couch?.close();
});

describe('sync (Firefox)', () => {
  it('an encrypted article from another device arrives with its photo; reading it here syncs back', async () => {
    const image = 'https://en.haberler.com/images/a.jpg';
    const { id } = await saveArticle(db, { article: makeArticle(), images: new Map([[image, pngBlob(10)]]) });
    expect(await nodeSync()).toMatchObject({ sent: 1 });

    const config = { url: couch.origin, database: DB, user: USER, password: PASSWORD, passphrase: PASSPHRASE };
    const status = await ff.extensionEval<{
      ok: boolean;
      value?: { lastSync: number | null; lastError: string | null };
    }>(`async (config) => browser.runtime.sendMessage({ type: 'sync:enable', payload: { config } })`, config);
    expect(status.value?.lastError ?? null).toBeNull();
    expect(status.value?.lastSync).toBeGreaterThan(0);

    const lib: Page = await ff.browser.newPage();
    void lib.goto(ff.extensionBase + 'library.html').catch(() => {});
    await poll(
      () => lib.evaluate(() => document.body?.dataset.state ?? ''),
      (s) => s === 'ready',
    );
    const titles = () =>
      lib.evaluate(() =>
        Array.from(document.querySelectorAll('#list li .title')).map((e) => (e.textContent ?? '').trim()),
      );
    expect(await poll(titles, (t) => t.length === 1)).toEqual(['US Urges Haftar-Led Forces To End Offensive In Libya']);
    expect(await lib.evaluate(() => document.getElementById('sync-status')?.textContent ?? '')).toMatch(/encrypted/);

    await lib.evaluate(() => (document.querySelector('#list li .title') as HTMLButtonElement).click());
    expect(await waitForOverlay(lib, true, 5_000)).toBe(true);
    expect((await readOverlay(lib)).articleText).toContain('Khalifa Haftar');
    const imgs = await overlayEval(lib, async (root) => {
      const list = Array.from(root.querySelectorAll('.article-body img')) as HTMLImageElement[];
      for (const i of list) i.scrollIntoView();
      await Promise.all(list.map((i) => (i.complete ? null : new Promise((r) => (i.onload = i.onerror = r)))));
      return list.map((i) => ({ data: i.src.startsWith('data:image/png'), w: i.naturalWidth }));
    });
    expect(imgs).toEqual([{ data: true, w: 1 }]);

    // Opening it marked it read; Firefox's background sends that on its own shortly after.
    await poll(
      async () => {
        await nodeSync();
        return (await db.articles.get(id))?.read;
      },
      (read) => read === 1,
      60_000,
    );
  });
});
