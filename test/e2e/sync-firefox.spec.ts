/**
 * Sync (issue #25) between the two browsers: a Chromium profile and a Firefox ESR profile, each with
 * its e2e build (Firefox's background is an event page), replicate through a CouchDB-protocol server
 * started here on 127.0.0.1, end-to-end encrypted with the same passphrase (WebCrypto in both).
 * Chromium saves an article with the real toolbar and turns sync on in its library's Sync section;
 * so does Firefox (puppeteer's typing and clicks over WebDriver BiDi are trusted input: the click
 * carries the gesture the permission request needs), shows the article, and reads it offline with
 * its photo; opening it there marks it read, and Chromium's library, following the server live,
 * shows it read. Then, across the two browsers: a delete in Firefox is gone
 * in Chromium and Undo in Firefox (the toast held by focus) brings it back there under the same id;
 * with the server down Chromium saves the article again with a new paragraph and Firefox marks it
 * unread → after the restart and Sync now on both, both hold the new text, unread, and the old text
 * as one earlier version; the server stopped while Chromium sends 400 imported articles, restarted →
 * Firefox holds exactly Chromium's articles, each id and URL once; a wrong passphrase typed in
 * Firefox's Sync section is told there and changes nothing.
 * Waits are for conditions only, with room for a loaded machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import type { Page as ChromiumPage } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import {
  clickAction,
  launchChromium,
  launchFirefox,
  overlayEval,
  pollFor,
  readOverlay,
  serveDir,
  waitForOverlay,
  type ChromiumSession,
  type FirefoxSession,
  type Served,
} from './harness';
import { ARTICLE_PATH, ARTICLE_TITLE, buildNewsSite } from './library-site';
import { PASSWORD, USER, startCouchServer, type CouchServer } from '../support/couch-server';
import { libraryPage, rowTitles, turnOn } from './sync-ui';
import {
  libraryFile,
  listRows,
  saveUpdatedArticle,
  serverDocs,
  stored,
  storedUpdated,
  storedVersions,
  syncLines,
  UPDATE_MARK,
} from './sync-data';

const DB = 'two-browsers';
const PASSPHRASE = 'shared between both browsers';
let chrome: ChromiumSession;
let ff: FirefoxSession;
let couch: CouchServer;
let site: Served;
let siteDir: string;

/** Firefox's library page, ready (moz-extension pages load but page.goto never resolves). */
async function firefoxLibrary(): Promise<Page> {
  const lib = await ff.browser.newPage();
  void lib.goto(ff.extensionBase + 'library.html').catch(() => {});
  await pollFor(
    () => lib.evaluate(() => document.body?.dataset.state ?? ''),
    (s) => s === 'ready',
    30_000,
  );
  return lib;
}

/** Fills Firefox's Sync form and clicks "Turn sync on", typed and clicked as a user does. */
async function turnOnInFirefox(lib: Page, passphrase: string): Promise<void> {
  await lib.bringToFront();
  if (!(await lib.$eval('#sync details', (d) => (d as HTMLDetailsElement).open))) await lib.click('#sync summary');
  const fields = { url: couch.origin, database: DB, user: USER, password: PASSWORD, passphrase };
  for (const [name, value] of Object.entries(fields)) {
    const input = `#sync input[name="${name}"]`;
    await lib.$eval(input, (e) => ((e as HTMLInputElement).value = ''));
    await lib.type(input, value);
  }
  await lib.locator('#sync button::-p-text(Turn sync on)').click();
}

/** A click in Firefox's page (the element's own click: these buttons need no user gesture). */
const clickIn = (page: Page, selector: string): Promise<void> =>
  page.evaluate((sel) => (document.querySelector(sel) as HTMLElement).click(), selector);

/** "Sync now" in Chromium's or Firefox's library, then until the pass has ended (the state read without waiting). */
async function syncNow(lib: ChromiumPage | Page): Promise<void> {
  if ('getByRole' in lib) await lib.getByRole('button', { name: 'Sync now' }).click({ timeout: 10_000 });
  else
    await lib.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLButtonElement>('#sync button'))
        .find((b) => b.textContent === 'Sync now')!
        .click(),
    );
  await pollFor(
    () => syncLines(lib),
    (l) => !l.status.startsWith('Syncing'),
    90_000,
  );
}

beforeAll(async () => {
  couch = await startCouchServer();
  await couch.remote(DB, { create: true });
  siteDir = await buildNewsSite();
  site = await serveDir(siteDir);
  chrome = await launchChromium();
  ff = await launchFirefox();
});

afterAll(async () => {
  await ff?.close();
  await chrome?.close();
  await site?.close();
  await couch?.close();
  if (siteDir) await rm(siteDir, { recursive: true, force: true });
});

describe('sync between Chromium and Firefox ESR', () => {
  it('saved in Chromium → read offline in Firefox with its photo; read in Firefox → read in Chromium', async () => {
    const page = await chrome.ctx.newPage();
    await page.goto(site.url + ARTICLE_PATH);
    await clickAction(chrome.ctx, page, chrome.extensionId);
    await page.locator('dateline-reader button[data-action="save"]').click();
    await expect
      .poll(() => overlayEval(page, (root) => root.querySelector('.status')?.textContent ?? ''), { timeout: 15_000 })
      .toMatch(/Saved to your library/);
    await page.close();
    const libC = await libraryPage(chrome);
    await turnOn(libC, { origin: couch.origin, database: DB, passphrase: PASSPHRASE });
    expect(await libC.textContent('#sync-status')).toMatch(/encrypted/);

    const lib = await firefoxLibrary();
    await turnOnInFirefox(lib, PASSPHRASE);
    expect(
      await pollFor(
        () => syncLines(lib),
        (l) => /Last synced/.test(l.status),
        60_000,
      ),
    ).toEqual({ status: expect.stringMatching(/encrypted/), message: '' });
    const titles = () =>
      lib.evaluate(() =>
        Array.from(document.querySelectorAll('#list li .title')).map((e) => (e.textContent ?? '').trim()),
      );
    expect(await pollFor(titles, (t) => t.length === 1, 60_000)).toEqual([ARTICLE_TITLE]);
    expect(await lib.evaluate(() => document.getElementById('sync-status')?.textContent ?? '')).toMatch(/encrypted/);
    expect(await lib.evaluate(() => document.querySelector('#list li')!.classList.contains('read'))).toBe(false);

    // Offline: the news site is gone; Firefox reads what came through the server, photo included.
    await site.close();
    await lib.evaluate(() => (document.querySelector('#list li .title') as HTMLButtonElement).click());
    expect(await waitForOverlay(lib, true, 15_000)).toBe(true);
    expect((await readOverlay(lib)).articleText).toContain('Khalifa Haftar');
    const imgs = await overlayEval(lib, async (root) => {
      const list = Array.from(root.querySelectorAll('.article-body img')) as HTMLImageElement[];
      for (const i of list) i.scrollIntoView();
      await Promise.all(list.map((i) => (i.complete ? null : new Promise((r) => (i.onload = i.onerror = r)))));
      return list.map((i) => ({ src: i.src.slice(0, 22), w: i.naturalWidth }));
    });
    expect(imgs).toEqual([{ src: 'data:image/png;base64,', w: 320 }]);
    await lib.keyboard.press('Escape');
    await pollFor(
      () => lib.evaluate(() => document.querySelector('#list li')!.classList.contains('read')),
      (read) => read,
      30_000,
    );

    // Opening it marked it read in Firefox; its background sends that, and Chromium's library page,
    // following the server live, shows the row read without a click.
    await expect
      .poll(() => libC.$eval('#list li', (e) => e.classList.contains('read')), { timeout: 90_000 })
      .toBe(true);
    expect(await rowTitles(libC)).toEqual([ARTICLE_TITLE]);
    expect(await libC.textContent('#sync-message')).toBe('');
    expect(await lib.evaluate(() => document.getElementById('sync-message')?.textContent ?? '')).toBe('');
    await libC.close();
    await lib.close();
  });

  it('deleted in Firefox → gone in Chromium; Undo in Firefox → back in Chromium under the same id', async () => {
    const libC = await libraryPage(chrome);
    const libF = await firefoxLibrary();
    const [row] = await pollFor(
      () => listRows(libF),
      (r) => r.length === 1,
      30_000,
    );
    expect(row!.title).toBe(ARTICLE_TITLE);
    expect((await listRows(libC)).map((r) => r.id)).toEqual([row!.id]);

    await libF.bringToFront();
    await clickIn(libF, '#list li button[data-act="delete"]');
    // Focus on Undo holds the toast (it would go after 10 s): however long Chromium takes, Undo is still there.
    // (the toast comes once the delete is done: focus can only go to it then)
    await pollFor(
      () => libF.evaluate(() => !document.getElementById('toast')!.hidden),
      (shown) => shown,
      30_000,
    );
    await libF.focus('#toast-undo');
    expect(await libF.evaluate(() => [document.hasFocus(), document.activeElement?.id])).toEqual([true, 'toast-undo']);
    await pollFor(
      () => listRows(libF),
      (r) => r.length === 0,
      30_000,
    );
    // Firefox's background sends the delete; Chromium's library, following the server live, drops the row.
    await expect.poll(() => rowTitles(libC), { timeout: 90_000 }).toEqual([]);
    expect(await libF.evaluate(() => !document.getElementById('toast')!.hidden)).toBe(true);

    // Undo in Firefox brings it back on both, under the same id.
    await clickIn(libF, '#toast-undo');
    await pollFor(
      () => listRows(libF),
      (r) => r.length === 1,
      30_000,
    );
    await expect
      .poll(async () => (await listRows(libC)).map((r) => [r.id, r.title]), { timeout: 90_000 })
      .toEqual([[row!.id, ARTICLE_TITLE]]);
    expect((await listRows(libF)).map((r) => r.id)).toEqual([row!.id]);
    expect((await syncLines(libC)).message).toBe('');
    expect((await syncLines(libF)).message).toBe('');
    await libC.close();
    await libF.close();
  }, 180_000);

  it('edited in both browsers while the server is down: after Sync now on both, the newest text and the same read state', async () => {
    const libC = await libraryPage(chrome);
    const libF = await firefoxLibrary();
    const both = (): Promise<Array<Awaited<ReturnType<typeof listRows>>>> =>
      Promise.all([listRows(libC), listRows(libF)]);
    await pollFor(both, (d) => d.every((rows) => rows.length === 1 && rows[0]!.read), 30_000);
    await couch.stop();

    // Chromium: the publisher added a paragraph; saved again (the library keeps the earlier text as a version).
    site = await saveUpdatedArticle(chrome, siteDir, site);
    await expect.poll(() => libC.textContent('#list li .versions'), { timeout: 15_000 }).toBe('1 earlier version');
    // Firefox, meanwhile: marked unread.
    await clickIn(libF, '#list li button[data-act="toggle-read"]');
    await pollFor(
      () => listRows(libF),
      (r) => r.length === 1 && !r[0]!.read,
      30_000,
    );

    await couch.restart();
    await libC.click('#sync summary');
    // Sync now in one browser, then the other (as a user would), until both agree: a pass may already
    // be running or retrying after the outage.
    const state = async () => {
      for (const lib of [libC, libF]) await syncNow(lib);
      return Promise.all(
        [libC, libF].map(async (lib) => ({
          rows: (await listRows(lib)).map((r) => [r.title, r.read, r.versions]),
          updated: await storedUpdated(lib),
          message: (await syncLines(lib)).message,
        })),
      );
    };
    await pollFor(
      state,
      (d) =>
        d.every(
          (one) =>
            JSON.stringify(one.rows) === JSON.stringify([[ARTICLE_TITLE, false, '1 earlier version']]) &&
            one.updated.join() === 'true',
        ),
      200_000,
    );
    for (const lib of [libC, libF]) expect(await storedVersions(lib)).toEqual([false]);
    // Firefox opens it: the newest text.
    await clickIn(libF, '#list li .title');
    expect(await waitForOverlay(libF, true, 15_000)).toBe(true);
    expect((await readOverlay(libF)).articleText).toContain(UPDATE_MARK);
    await libF.keyboard.press('Escape');
    for (const lib of [libC, libF])
      await pollFor(
        () => syncLines(lib),
        (l) => l.message === '',
        60_000,
      );
    await libC.close();
    await libF.close();
  }, 300_000);

  it("the server stopped while Chromium sends many articles, then restarted: Firefox holds exactly Chromium's", async () => {
    const N = 400;
    const libC = await libraryPage(chrome);
    const libF = await firefoxLibrary();
    const before = (await stored(libC)).length;
    const docs = (): Promise<number> => serverDocs(couch.origin, DB);
    await libC.setInputFiles('#import-file', await libraryFile(siteDir, N));
    await expect.poll(() => libC.textContent('#report'), { timeout: 60_000 }).toMatch(new RegExp(`Imported ${N},`));
    // Chromium's background starts sending (3 s after the import); stop the server once part of it is there.
    await expect.poll(docs, { timeout: 60_000, interval: 20 }).toSatisfy((n: number) => n > before && n < before + N);
    await couch.stop();
    expect(await docs()).toBe(-1);
    // Chromium's pass fails and says so; nothing is lost there.
    await expect.poll(() => libC.textContent('#sync-message'), { timeout: 60_000 }).not.toBe('');
    expect((await stored(libC)).length).toBe(before + N);

    await couch.restart();
    await libC.click('#sync summary');
    await pollFor(
      async () => {
        await syncNow(libC);
        return docs();
      },
      (n) => n === before + N,
      150_000,
    );
    await expect.poll(() => libC.textContent('#sync-message'), { timeout: 60_000 }).toBe('');
    await pollFor(
      async () => {
        await syncNow(libF);
        return (await stored(libF)).length;
      },
      (n) => n === before + N,
      200_000,
    );
    const onC = (await stored(libC)).sort();
    const onF = (await stored(libF)).sort();
    expect(onF).toEqual(onC);
    expect(new Set(onF.map(([id]) => id)).size).toBe(before + N);
    expect(new Set(onF.map(([, url]) => url)).size).toBe(before + N);
    expect((await syncLines(libF)).message).toBe('');
    await libC.close();
    await libF.close();
  }, 420_000);

  it('a wrong passphrase typed in Firefox is told in its Sync section; its library stays as it was', async () => {
    const libF = await firefoxLibrary();
    const before = (await stored(libF)).sort();
    expect(before.length).toBeGreaterThan(0);
    await turnOnInFirefox(libF, 'not the passphrase of this library');
    const told = await pollFor(
      () => syncLines(libF),
      (l) => l.message !== '' && !l.status.startsWith('Syncing'),
      60_000,
    );
    expect(told.message).toBe('The passphrase does not open this library: it was encrypted with another passphrase.');
    expect(await libF.$eval('#sync-message', (e) => e.classList.contains('error'))).toBe(true);
    expect((await stored(libF)).sort()).toEqual(before);
    // The right one: synced, the message gone, the library as it was.
    await turnOnInFirefox(libF, PASSPHRASE);
    await pollFor(
      () => syncLines(libF),
      (l) => l.message === '' && /Last synced.*encrypted/.test(l.status),
      60_000,
    );
    expect((await stored(libF)).sort()).toEqual(before);
    await libF.close();
  }, 180_000);
});
