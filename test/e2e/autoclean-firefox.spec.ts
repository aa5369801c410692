/**
 * Auto-clean in Firefox ESR (dist/firefox-e2e via puppeteer over WebDriver BiDi): the dynamic
 * registration API (scripting.registerContentScripts) works there too — enabling a site registers
 * the detector, an article on it opens in the reader by itself while the home page does not, and
 * disabling the site unregisters it. (Back/forward, SPA and restart are covered in Chromium:
 * they are web-platform behaviour of the detector, not a cross-browser API difference.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  FIXTURES,
  ROOT,
  launchFirefox,
  overlayEval,
  quietFor,
  serveDir,
  waitForOverlay,
  type FirefoxSession,
  type Served,
} from './harness.js';

const ARTICLE = '/2019/11/15/us-urges-haftar-led-forces-to-end-offensive-in-12618612/';

describe('auto-clean in Firefox', () => {
  let ff: FirefoxSession;
  let served: Served;
  let siteDir: string;

  /** Sends an auto-clean message from the e2e extension page, as the options page does. */
  const send = <T = unknown>(type: string, payload: unknown = {}): Promise<T> =>
    ff.extensionEval<T>(
      `async ([t, p]) => {
      const r = await browser.runtime.sendMessage({ type: t, payload: p });
      if (!r.ok) throw new Error(r.error);
      return r.value;
    }`,
      [type, payload],
    );
  const ourScripts = (): Promise<string[]> =>
    ff.extensionEval<string[]>(
      `async () => (await browser.scripting.getRegisteredContentScripts()).map((s) => s.id).filter((id) => id.startsWith('autoclean:'))`,
    );

  beforeAll(async () => {
    siteDir = await mkdtemp(path.join(tmpdir(), 'dr-autoclean-ff-'));
    await mkdir(path.join(siteDir, ARTICLE), { recursive: true });
    await copyFile(path.join(FIXTURES, 'seed-haberler.html'), path.join(siteDir, ARTICLE, 'index.html'));
    await copyFile(path.join(ROOT, 'test/fixtures/autoclean/home.html'), path.join(siteDir, 'index.html'));
    served = await serveDir(siteDir);
    ff = await launchFirefox();
  });

  afterAll(async () => {
    await ff?.close();
    await served?.close();
    await rm(siteDir, { recursive: true, force: true });
  });

  it('enabling a site registers the detector; an article opens by itself, the home page does not', async () => {
    expect(await ourScripts()).toEqual([]);
    await send('autoclean:set-enabled', { enabled: true });
    await send('autoclean:set-mode', { site: '127.0.0.1', mode: 'always' });
    expect(await ourScripts()).toEqual(['autoclean:127.0.0.1']);

    const home = await ff.browser.newPage();
    await home.goto(served.url + '/');
    const page = await ff.browser.newPage();
    await page.goto(served.url + ARTICLE);
    expect(await waitForOverlay(page, true, 10_000)).toBe(true);
    expect(await overlayEval(page, (root) => root.querySelector('h1')?.textContent ?? '')).toContain(
      'US Urges Haftar-Led Forces',
    );
    // The home page loaded first and had at least as long as the article to open: it did not.
    expect(await waitForOverlay(home, true, 200)).toBe(false);
    await home.close();
    await page.close();
  });

  it('disabling the site unregisters the detector and nothing opens', async () => {
    await send('autoclean:set-mode', { site: '127.0.0.1', mode: 'never' });
    expect(await ourScripts()).toEqual([]);
    const page = await ff.browser.newPage();
    await page.goto(served.url + ARTICLE + '?again');
    await quietFor(
      2000,
      'the reader would have opened on this article by now if a detector still ran (an article opens in well under that)',
    );
    expect(await waitForOverlay(page, true, 200)).toBe(false);
    await page.close();
  });
});
