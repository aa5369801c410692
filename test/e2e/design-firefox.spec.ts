/**
 * Issue #23 (library and options) in Firefox ESR: one screenshot of each page for a person to look
 * at, axe-core finds no serious or critical violation, and neither page scrolls sideways at 320, 400,
 * 1280 or 1920 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchFirefox, pollFor, SCREENSHOTS, type FirefoxSession } from './harness';
import { AXE_RUN, AXE_SOURCE, seedLibraryScript } from './design-seed';

let ff: FirefoxSession;

/** page.goto('moz-extension://…') loads but never resolves (browser-testing.md): poll instead. */
async function open(file: string, ready: string): Promise<Page> {
  const page = await ff.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  void page.goto(ff.extensionBase + file).catch(() => {});
  await pollFor(() => page.evaluate((sel) => Boolean(document.querySelector(sel)), ready), Boolean);
  return page;
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(AXE_RUN) as Promise<string[]>;
}

async function overflowAt(page: Page): Promise<Record<number, number>> {
  const out: Record<number, number> = {};
  for (const width of [320, 400, 1280, 1920]) {
    await page.setViewport({ width, height: 800 });
    // Once the new width is laid out: how far the page scrolls sideways.
    out[width] = await pollFor(
      () =>
        page
          .evaluate(
            (w) =>
              innerWidth === w
                ? document.documentElement.scrollWidth - document.documentElement.clientWidth
                : undefined,
            width,
          )
          .then((v) => v as number),
      (v) => typeof v === 'number',
    );
  }
  return out;
}

beforeAll(async () => {
  ff = await launchFirefox();
});

afterAll(async () => {
  await ff?.close();
});

describe('library and options as designed (Firefox)', () => {
  it('library with five articles: screenshot, axe, no sideways scroll', async () => {
    const page = await open('library.html', 'body[data-state="ready"]');
    await page.evaluate(seedLibraryScript());
    void page.reload().catch(() => {});
    const listed = (): Promise<string> =>
      page.evaluate(() => `${document.body?.dataset.state} ${document.querySelectorAll('#list li').length}`);
    await pollFor(listed, (s) => s === 'ready 5');
    const pictures = (): Promise<number> =>
      page.evaluate(
        () =>
          Array.from(document.querySelectorAll('#list .thumb img')).filter(
            (i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0,
          ).length,
      );
    await pollFor(pictures, (n) => n === 2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'design-firefox-library-5.png') });
    expect(await axe(page)).toEqual([]);
    expect(await overflowAt(page)).toEqual({ 320: 0, 400: 0, 1280: 0, 1920: 0 });
    await page.close();
  });

  it('options: screenshot, axe, no sideways scroll', async () => {
    const page = await open('options.html', '#suggestions tr');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'design-firefox-options.png') });
    expect(await axe(page)).toEqual([]);
    expect(await overflowAt(page)).toEqual({ 320: 0, 400: 0, 1280: 0, 1920: 0 });
    await page.close();
  });
});
