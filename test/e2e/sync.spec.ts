/**
 * Sync (issue #25) in real Chromium: two separate profiles (two devices) with the test build sync
 * through a CouchDB-protocol server started by this test on 127.0.0.1 (express-pouchdb in memory,
 * test/support/couch-server.ts), configured through the library's Sync section as a user would.
 * Saved on A → in B's library with its photo, readable; opened (read) on B → read on A; a wrong
 * password → the 401 in plain words; a delete on A → gone on B, Undo on A (the toast held by focus,
 * however long B takes) → back on B; with the server down, A saves the article again with a new
 * paragraph and B marks it unread → after the restart both hold the new text, unread, and the old
 * text as one earlier version; the server stopped while A is sending 400 articles, then restarted →
 * B holds exactly A's articles, each id once. Every wait is for a condition.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  clickAction,
  isOverlayOpen,
  launchChromium,
  overlayEval,
  pollFor,
  readOverlay,
  SCREENSHOTS,
  serveDir,
  waitForOverlay,
  type ChromiumSession,
  type Served,
} from './harness';
import { ARTICLE_PATH, ARTICLE_TITLE, buildNewsSite } from './library-site';
import { PASSWORD, USER, startCouchServer, type CouchServer } from '../support/couch-server';
import { fillSync as fillUi, libraryPage, rowTitles, turnOn as turnOnUi } from './sync-ui';
import { libraryFile, saveUpdatedArticle, serverDocs, stored, storedUpdated, storedVersions } from './sync-data';

let a: ChromiumSession;
let b: ChromiumSession;
let couch: CouchServer;
let site: Served;
let siteDir: string;
const DB = 'e2e-library';

/** The Sync section in the window as a user sees it (scrolled to; the list above may still be growing). */
async function shootSync(page: Page, name: string): Promise<void> {
  await page.locator('#sync-status').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

const docsOnServer = (): Promise<number> => serverDocs(couch.origin, DB);

const fillSync = (page: Page, password = PASSWORD, database = DB, passphrase = ''): Promise<void> =>
  fillUi(page, { origin: couch.origin, database, password, passphrase });
const turnOn = (page: Page): Promise<void> => turnOnUi(page, { origin: couch.origin, database: DB });

beforeAll(async () => {
  couch = await startCouchServer();
  await couch.remote(DB, { create: true });
  siteDir = await buildNewsSite();
  site = await serveDir(siteDir);
  a = await launchChromium();
  b = await launchChromium();
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await site?.close();
  await couch?.close();
  await rm(siteDir, { recursive: true, force: true });
});

describe('sync between two Chromium profiles', () => {
  it('an article saved on A arrives on B with its photo; read on B becomes read on A', async () => {
    const page = await a.ctx.newPage();
    await page.goto(site.url + ARTICLE_PATH);
    await clickAction(a.ctx, page, a.extensionId);
    await page.locator('dateline-reader button[data-action="save"]').click();
    await expect
      .poll(() => overlayEval(page, (root) => root.querySelector('.status')?.textContent ?? ''), { timeout: 15_000 })
      .toMatch(/Saved to your library/);
    await page.close();

    const libA = await libraryPage(a);
    await turnOn(libA);
    const libB = await libraryPage(b);
    await turnOn(libB);
    await expect.poll(() => rowTitles(libB), { timeout: 30_000 }).toEqual([ARTICLE_TITLE]);

    // B reads it offline, with the photo that came as an attachment (the news site is gone).
    await site.close();
    await libB.click('#list li .title');
    expect(await waitForOverlay(libB)).toBe(true);
    expect((await readOverlay(libB)).articleText).toContain('Khalifa Haftar');
    const imgs = await overlayEval(libB, async (root) => {
      const list = Array.from(root.querySelectorAll('.article-body img')) as HTMLImageElement[];
      for (const i of list) i.scrollIntoView();
      await Promise.all(
        list.map((i) =>
          i.complete
            ? null
            : new Promise((r) => {
                i.onload = i.onerror = r;
              }),
        ),
      );
      return list.map((i) => ({ src: i.src.slice(0, 22), w: i.naturalWidth }));
    });
    expect(imgs).toEqual([{ src: 'data:image/png;base64,', w: 320 }]);
    await libB.keyboard.press('Escape');
    await expect.poll(() => libB.$eval('#list li', (e) => e.classList.contains('read'))).toBe(true);
    // Opening it marked it read. B's background sends that on its own; A's, following the server
    // live while its library page is open, applies it: A's list shows it read without a click.
    await expect
      .poll(() => libA.$eval('#list li', (e) => e.classList.contains('read')), { timeout: 60_000 })
      .toBe(true);
    expect(await libA.textContent('#sync-message')).toBe('');
  });

  it('a delete on A reaches B; Undo on A puts it back on B', async () => {
    const libA = await libraryPage(a);
    const libB = await libraryPage(b);
    await expect.poll(() => rowTitles(libB)).toEqual([ARTICLE_TITLE]);
    const idsOf = (page: Page): Promise<string[]> =>
      page.$$eval('#list > li[data-id]', (els) => els.map((e) => (e as HTMLElement).dataset.id ?? ''));
    const [id] = await idsOf(libA);
    await libA.click('#list li button[data-act="delete"]');
    // Focus on Undo holds the toast (it would go after 10 s): however long B takes, Undo is still there.
    // (the toast comes once the delete is done: focus can only go to it then)
    await libA.waitForSelector('#toast-undo', { state: 'visible', timeout: 30_000 });
    await libA.focus('#toast-undo');
    expect(await libA.evaluate(() => document.activeElement?.id)).toBe('toast-undo');
    await expect.poll(() => rowTitles(libA)).toEqual([]);
    // B follows the server live while its page is open: the delete arrives without a click.
    await expect.poll(() => rowTitles(libB), { timeout: 60_000 }).toEqual([]);
    expect(await libA.isVisible('#toast-undo')).toBe(true);
    // Undo on A brings it back on both, under the same id.
    await libA.click('#toast-undo');
    await expect.poll(() => rowTitles(libA)).toEqual([ARTICLE_TITLE]);
    await expect.poll(() => rowTitles(libB), { timeout: 30_000 }).toEqual([ARTICLE_TITLE]);
    expect(await idsOf(libB)).toEqual([id]);
    expect(await libA.textContent('#sync-message')).toBe('');
    expect(await libB.textContent('#sync-message')).toBe('');
    await libA.close();
    await libB.close();
  });

  it('edited on both while the server is down: after it is back, both hold the newest text and the read state', async () => {
    const libA = await libraryPage(a);
    const libB = await libraryPage(b);
    await expect.poll(() => rowTitles(libB), { timeout: 30_000 }).toEqual([ARTICLE_TITLE]);
    const isRead = (page: Page): Promise<boolean> => page.$eval('#list li', (e) => e.classList.contains('read'));
    expect([await isRead(libA), await isRead(libB)]).toEqual([true, true]);
    await couch.stop();

    // A: the publisher added a paragraph; saved again (the library keeps the earlier text as a version).
    site = await saveUpdatedArticle(a, siteDir, site);
    await expect.poll(() => libA.textContent('#list li .versions'), { timeout: 15_000 }).toBe('1 earlier version');
    // B, meanwhile: marked unread.
    await libB.click('#list li button[data-act="toggle-read"]');
    await expect.poll(() => isRead(libB)).toBe(false);

    await couch.restart();
    for (const lib of [libA, libB]) await lib.click('#sync summary');
    // Sync now on both until both agree (a pass may already be running, or retrying after the outage).
    // Sync now on one device, then the other (as a user would), until both agree: a pass may already be
    // running or retrying after the outage. The state is read without waiting for any element.
    const syncNow = async (lib: Page): Promise<void> => {
      await lib.getByRole('button', { name: 'Sync now' }).click({ timeout: 10_000 });
      await pollFor(
        () => lib.textContent('#sync-status', { timeout: 1_000 }),
        (t) => !t?.startsWith('Syncing'),
        60_000,
      );
    };
    const state = async () => {
      for (const lib of [libA, libB]) await syncNow(lib);
      return Promise.all(
        [libA, libB].map(async (lib) => ({
          versions: await lib.$$eval('#list li .versions', (els) => els.map((e) => e.textContent)),
          read: await lib.$$eval('#list li', (els) => els.map((e) => e.classList.contains('read'))),
          updated: await storedUpdated(lib),
          message: await lib.$eval('#sync-message', (e) => e.textContent),
        })),
      );
    };
    await pollFor(
      state,
      (both) =>
        both.every(
          (d) => d.versions.join() === '1 earlier version' && d.read.join() === 'false' && d.updated.join() === 'true',
        ),
      150_000,
    );
    for (const lib of [libA, libB]) {
      expect(await rowTitles(lib)).toEqual([ARTICLE_TITLE]);
      expect(await storedVersions(lib)).toEqual([false]);
    }
    // B opens it: the newest text.
    await libB.click('#list li .title');
    expect(await waitForOverlay(libB, true, 15_000)).toBe(true);
    expect((await readOverlay(libB)).articleText).toContain('talks in Berlin');
    await libB.keyboard.press('Escape');
    await expect.poll(() => libA.textContent('#sync-message'), { timeout: 60_000 }).toBe('');
    expect(await libB.textContent('#sync-message')).toBe('');
    await libA.close();
    await libB.close();
  }, 240_000);

  it('with only a reader open on B (no library page), a save on A reaches B live', async () => {
    const urlsOnB = (): Promise<string[]> =>
      b.sw.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('dateline-library');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('articles').objectStore('articles').getAllKeys();
              get.onerror = () => reject(get.error);
              get.onsuccess = () => {
                open.result.close();
                resolve(get.result as string[]);
              };
            };
          }),
      );
    const lastSyncOnB = (): Promise<number> =>
      b.sw.evaluate(async () => {
        type Local = { get(key: string): Promise<Record<string, unknown>> };
        const storage = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
        const { syncState } = await storage.get('syncState');
        return (syncState as { lastSync: number | null } | undefined)?.lastSync ?? 0;
      });
    site = await serveDir(siteDir, Number(new URL(site.url).port));
    const before = await lastSyncOnB();
    const page = await b.ctx.newPage();
    await page.goto(site.url + ARTICLE_PATH);
    await clickAction(b.ctx, page, b.extensionId);
    // Opening the reader catches up with a pass, then B follows the server live.
    await expect.poll(lastSyncOnB, { timeout: 60_000 }).toBeGreaterThan(before);
    const libA = await libraryPage(a);
    await libA.setInputFiles('#import-file', await libraryFile(siteDir, 1, 'live'));
    await expect.poll(() => libA.textContent('#report'), { timeout: 60_000 }).toMatch(/Imported 1,/);
    // The periodic pass is 15 min away: only the live feed brings it within the minute.
    await expect.poll(urlsOnB, { timeout: 60_000 }).toContain('live-0');
    expect(await isOverlayOpen(page)).toBe(true);
    await page.close();
    await libA.close();
    await site.close();
  });

  it('with a passphrase the server holds only ciphertext; a wrong passphrase is told so', async () => {
    const libA = await libraryPage(a);
    await couch.remote('e2e-secret', { create: true });
    await fillSync(libA, PASSWORD, 'e2e-secret', 'correct horse battery staple');
    await libA.getByRole('button', { name: 'Turn sync on' }).click();
    await expect.poll(() => libA.textContent('#sync-status'), { timeout: 60_000 }).toMatch(/Last synced.*encrypted/);
    const res = await fetch(`${couch.origin}/e2e-secret/_all_docs?include_docs=true&attachments=true`, {
      headers: { authorization: `Basic ${btoa(`${USER}:${PASSWORD}`)}` },
    });
    const raw = await res.text();
    const onA = await rowTitles(libA);
    expect(onA).toContain(ARTICLE_TITLE);
    expect(raw).toContain(`"total_rows":${onA.length}`);
    for (const word of ['Haftar', 'haberler', 'Libya', 'Tripoli', 'sync test', 'live story'])
      expect(raw).not.toContain(word);

    const c = await launchChromium();
    try {
      const libC = await libraryPage(c);
      await fillSync(libC, PASSWORD, 'e2e-secret', 'a wrong guess');
      await libC.getByRole('button', { name: 'Turn sync on' }).click();
      await expect
        .poll(() => libC.textContent('#sync-message'), { timeout: 60_000 })
        .toMatch(/passphrase does not open/);
      expect(await rowTitles(libC)).toEqual([]);

      // A changes the passphrase (confirmed): the server's documents are sent again under the new key.
      const NEW = 'a new passphrase for both';
      await libA.fill('#sync input[name="passphrase"]', NEW);
      libA.once('dialog', (d) => void d.accept());
      await libA.getByRole('button', { name: 'Change passphrase…' }).click();
      await expect
        .poll(() => libA.textContent('#sync-message'), { timeout: 60_000 })
        .toMatch(/now encrypted with the new passphrase/);
      const after = await fetch(`${couch.origin}/e2e-secret/_all_docs?include_docs=true&attachments=true`, {
        headers: { authorization: `Basic ${btoa(`${USER}:${PASSWORD}`)}` },
      });
      const rawAfter = await after.text();
      expect(rawAfter).toContain(`"total_rows":${onA.length}`);
      for (const word of ['Haftar', 'Tripoli', 'sync test']) expect(rawAfter).not.toContain(word);
      // The old, right passphrase is now wrong; the new one opens the library.
      await fillSync(libC, PASSWORD, 'e2e-secret', 'correct horse battery staple');
      await libC.getByRole('button', { name: 'Turn sync on' }).click();
      await expect
        .poll(() => libC.textContent('#sync-message'), { timeout: 60_000 })
        .toMatch(/passphrase does not open/);
      await fillSync(libC, PASSWORD, 'e2e-secret', NEW);
      await libC.getByRole('button', { name: 'Turn sync on' }).click();
      await expect.poll(async () => (await rowTitles(libC)).sort(), { timeout: 90_000 }).toEqual([...onA].sort());
    } finally {
      await c.close();
    }

    // "Remove from server…", confirmed: the database is gone, A's library is untouched, sync is off.
    libA.once('dialog', (d) => void d.accept());
    await libA.getByRole('button', { name: 'Remove from server…' }).click();
    await expect
      .poll(() => libA.textContent('#sync-message'), { timeout: 30_000 })
      .toMatch(/was deleted from the server/);
    expect(await libA.textContent('#sync-status')).toMatch(/Sync is off/);
    const gone = await fetch(`${couch.origin}/e2e-secret`, {
      headers: { authorization: `Basic ${btoa(`${USER}:${PASSWORD}`)}` },
    });
    expect(gone.status).toBe(404);
    expect(await rowTitles(libA)).toEqual(onA);
  });

  it('a wrong password is reported in plain words', async () => {
    const c = await launchChromium();
    try {
      const lib = await libraryPage(c);
      await fillSync(lib, 'not the password');
      await lib.getByRole('button', { name: 'Test connection' }).click();
      await expect
        .poll(() => lib.textContent('#sync-message'), { timeout: 15_000 })
        .toMatch(/refused this user name and password \(401\)/);
      await lib.fill('#sync input[name="database"]', 'not-there');
      await lib.fill('#sync input[name="password"]', PASSWORD);
      await lib.getByRole('button', { name: 'Test connection' }).click();
      await expect.poll(() => lib.textContent('#sync-message'), { timeout: 15_000 }).toMatch(/no database "not-there"/);
      expect(await lib.getByRole('button', { name: 'Create the database' }).isVisible()).toBe(true);
    } finally {
      await c.close();
    }
  });
  it("the server stopped in the middle of a sync, then restarted: B ends with exactly A's articles", async () => {
    const N = 400;
    const libA = await libraryPage(a);
    // The passphrase test above left A's sync off: back on the shared database.
    await turnOn(libA);
    const libB = await libraryPage(b);
    await libB.click('#sync summary');
    const before = (await stored(libA)).length;
    await libA.setInputFiles('#import-file', await libraryFile(siteDir, N));
    await expect.poll(() => libA.textContent('#report'), { timeout: 60_000 }).toMatch(new RegExp(`Imported ${N},`));
    // A's background starts sending (3 s after the import); its status line counts (narrow window, as on a phone-sized
    // side panel: the screenshot is looked at). Then stop the server once part of it is there.
    await libA.setViewportSize({ width: 400, height: 900 });
    await expect
      .poll(() => libA.textContent('#sync-status'), { timeout: 60_000, interval: 20 })
      .toMatch(/^Syncing… Sent \d+ of \d+ articles…/);
    await shootSync(libA, 'sync-panel-400-light-progress.png');
    await expect
      .poll(docsOnServer, { timeout: 60_000, interval: 20 })
      .toSatisfy((n: number) => n > before && n < before + N);
    await couch.stop();
    const mid = await docsOnServer();
    expect(mid).toBe(-1);
    // A's pass fails and says so; nothing is lost on A.
    await expect.poll(() => libA.textContent('#sync-message'), { timeout: 60_000 }).not.toBe('');
    expect((await stored(libA)).length).toBe(before + N);

    await couch.restart();
    await shootSync(libA, 'sync-panel-400-light-error.png');
    await libA.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(docsOnServer, { timeout: 60_000 }).toBe(before + N);
    await expect.poll(() => libA.textContent('#sync-message'), { timeout: 60_000 }).toBe('');
    await shootSync(libA, 'sync-panel-400-light.png');
    await libB.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => (await stored(libB)).length, { timeout: 90_000 }).toBe(before + N);
    const onA = (await stored(libA)).sort();
    const onB = (await stored(libB)).sort();
    expect(onB).toEqual(onA);
    expect(new Set(onB.map(([id]) => id)).size).toBe(before + N);
    expect(new Set(onB.map(([, url]) => url)).size).toBe(before + N);
    await libA.close();
    await libB.close();
  });
});
