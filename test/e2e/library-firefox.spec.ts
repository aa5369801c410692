/**
 * The library in Firefox ESR (dist/firefox-e2e, puppeteer over WebDriver BiDi): save from the
 * overlay, then — with the site shut down — the article is listed in the library page and opens
 * offline with its text and photo. (Firefox has no triggerAction: the toolbar click goes through
 * the e2e build's hook, which runs the same handler.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  OVERLAY_TAG,
  launchFirefox,
  overlayEval,
  pollFor,
  readOverlay,
  serveDir,
  waitForOverlay,
  type FirefoxSession,
  type Served,
} from './harness';
import { ARTICLE_PATH, ARTICLE_TITLE, buildNewsSite } from './library-site';
import { DAMAGED_PAGE, DAMAGED_TITLE, damagedRecordScript, seedScript, storyTitle } from './library-damage';

let ff: FirefoxSession;
let site: Served | null = null;
let siteDir: string;

beforeAll(async () => {
  siteDir = await buildNewsSite();
  site = await serveDir(siteDir);
  ff = await launchFirefox();
});

afterAll(async () => {
  await ff?.close();
  await site?.close();
  await rm(siteDir, { recursive: true, force: true });
});

describe('library (Firefox)', () => {
  it('saves from the overlay; the library lists it and reads it offline with its photo', async () => {
    const page = await ff.browser.newPage();
    await page.goto(site!.url + ARTICLE_PATH);
    await ff.clickAction(page);
    // Real input (BiDi): the overlay ignores a page script's .click() on its buttons.
    expect(await waitForOverlay(page, true, 10_000)).toBe(true);
    const save = (
      await page.evaluateHandle(
        (tag) =>
          document.documentElement
            .querySelector(`:scope > ${tag}`)!
            .shadowRoot!.querySelector('button[data-action="save"]'),
        OVERLAY_TAG,
      )
    ).asElement() as ElementHandle<Element> | null;
    await save!.click();
    const status = await pollFor(
      () => overlayEval(page, (root) => root.querySelector('.status')?.textContent ?? ''),
      (s) => /library|Could not/.test(s),
    );
    expect(status).toMatch(/Saved to your library/);
    await site!.close();
    site = null;
    await page.close();

    const lib: Page = await ff.browser.newPage();
    // page.goto('moz-extension://…') loads but never resolves (browser-testing.md): poll instead.
    void lib.goto(ff.extensionBase + 'library.html').catch(() => {});
    await pollFor(
      () => lib.evaluate(() => document.body?.dataset.state ?? ''),
      (s) => s === 'ready',
    );
    const titles = await lib.evaluate(() =>
      Array.from(document.querySelectorAll('#list li .title')).map((e) => (e.textContent ?? '').trim()),
    );
    expect(titles).toEqual([ARTICLE_TITLE]);
    // The storage line is measured after the list is ready (navigator.storage.estimate): wait for it.
    const storage = await pollFor(
      () => lib.evaluate(() => document.getElementById('storage')?.textContent ?? ''),
      (t) => !/Measuring/.test(t),
    );
    expect(storage).toMatch(/1 article · 2 images/);

    // A synthetic click: puppeteer's BiDi input on moz-extension:// pages is unreliable here.
    await lib.evaluate(() => (document.querySelector('#list li .title') as HTMLButtonElement).click());
    expect(await waitForOverlay(lib, true, 5_000)).toBe(true);
    const shown = await readOverlay(lib);
    expect(shown.title).toBe(ARTICLE_TITLE);
    expect(shown.articleText).toContain('Khalifa Haftar');
    const imgs = await overlayEval(lib, async (root) => {
      const list = Array.from(root.querySelectorAll('.article-body img')) as HTMLImageElement[];
      // The sanitizer makes images lazy: scroll to them as a reader would, or Firefox never loads them.
      for (const i of list) i.scrollIntoView();
      await Promise.all(
        list.map((i) =>
          i.complete
            ? null
            : new Promise((r) => {
                i.onload = i.onerror = r;
                setTimeout(r, 5000);
              }),
        ),
      );
      return list.map((i) => ({ data: i.src.startsWith('data:image/png'), w: i.naturalWidth }));
    });
    expect(imgs).toEqual([{ data: true, w: 320 }]);
  });

  it('1,000 articles plus one damaged record (dates out of range): all listed, it opens, deleted', async () => {
    const lib: Page = await ff.browser.newPage();
    void lib.goto(ff.extensionBase + 'library.html').catch(() => {});
    await pollFor(
      () => lib.evaluate(() => document.body?.dataset.state ?? ''),
      (s) => s === 'ready',
    );
    const before = await lib.evaluate(() => document.querySelectorAll('#list li').length);
    await lib.evaluate(seedScript(1000));
    await lib.evaluate(damagedRecordScript());
    void lib.reload().catch(() => {});
    const total = (before + 1001).toLocaleString('en-US');
    const stateAndCount = (): Promise<string> =>
      lib.evaluate(() => `${document.body?.dataset.state} ${document.getElementById('shown')?.textContent}`);
    await pollFor(stateAndCount, (s) => s === `ready ${total} articles`, 60_000);
    // Every row is drawn ("Show more" until there is no more; synthetic clicks, see above).
    const rows = await pollFor(
      () =>
        lib.evaluate(() => {
          const more = document.getElementById('more') as HTMLButtonElement;
          if (!more.hidden) more.click();
          return more.hidden ? document.querySelectorAll('#list li').length : -1;
        }),
      (n) => n > 0,
      30_000,
    );
    expect(rows).toBe(before + 1001);
    const rowText = await lib.evaluate(() => document.querySelector('#list li[data-id="damaged-1"]')?.textContent);
    expect(rowText).toContain('Damaged: some details could not be read');
    expect(await lib.evaluate(() => document.getElementById('repair')!.hidden)).toBe(false);
    expect(await lib.evaluate(() => document.getElementById('repair-text')!.textContent)).toMatch(
      /^1 saved article has damaged details/,
    );

    const openRow = (id: string): Promise<void> =>
      lib.evaluate((i) => (document.querySelector(`#list li[data-id="${i}"] .title`) as HTMLButtonElement).click(), id);
    const samples = [
      ['damaged-1', DAMAGED_TITLE],
      ['a-0', storyTitle(0)],
      ['a-999', storyTitle(999)],
    ] as const;
    for (const [id, title] of samples) {
      await openRow(id);
      await pollFor(
        () => readOverlay(lib).then((o) => o.title),
        (t) => t === title,
        10_000,
      );
    }
    await openRow('damaged-1');
    await pollFor(
      () => readOverlay(lib).then((o) => o.title),
      (t) => t === DAMAGED_TITLE,
      10_000,
    );
    const href = await overlayEval(lib, (root) => root.querySelector('.article-body a')?.getAttribute('href') ?? '');
    expect(href).toBe(new URL('options.html?grant=damaged.example', DAMAGED_PAGE).href);
    await overlayEval(lib, (root) => (root.querySelector('button.close') as HTMLButtonElement).click());

    await lib.evaluate(() => (document.getElementById('repair-delete') as HTMLButtonElement).click());
    const after = (before + 1000).toLocaleString('en-US');
    const count = (): Promise<string> => lib.evaluate(() => document.getElementById('shown')?.textContent ?? '');
    await pollFor(count, (s) => s === `${after} articles`);
    expect(await lib.evaluate(() => document.getElementById('repair')!.hidden)).toBe(true);
  });
});
