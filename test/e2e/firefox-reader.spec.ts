/**
 * The reader in real Firefox ESR (dist/firefox-e2e, puppeteer-core over WebDriver BiDi, no geckodriver).
 * The extension installs as a temporary add-on; Firefox has no triggerAction, so the click goes through
 * the test build's hook, which runs exactly what action.onClicked runs (inject on demand, then toggle).
 * What a user must notice: the same article, dateline and related headlines as in Chromium, Esc
 * restoring the page, and the right-to-left page reading right-to-left. Screenshots are saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  FIXTURES,
  SCREENSHOTS,
  launchFirefox,
  overlayEval,
  readOverlay,
  serveDir,
  waitForOverlay,
  waitForOverlayAnimations,
  type FirefoxSession,
  type Served,
} from './harness.js';
import { axeReader, expectDpaWireOnDateline, expectNoSidewaysScroll, readerContrast, severe } from './reader-checks.js';

let firefox: FirefoxSession;
let server: Served;
const openTimes: number[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  [server, firefox] = await Promise.all([serveDir(FIXTURES), launchFirefox()]);
});

afterAll(async () => {
  if (openTimes.length)
    console.log(`Firefox: hook click → overlay host attached (ms, page clock): ${openTimes.join(', ')}`);
  await firefox?.close();
  await server?.close();
});

async function openPage(file: string, width = 1280): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.setViewport({ width, height: width < 600 ? 800 : 900 });
  await page.goto(`${server.url}/${file}`, { waitUntil: 'load' });
  return page;
}

async function setStoredSettings(value: Record<string, unknown> | null): Promise<void> {
  await firefox.extensionEval(
    `async (v) => { if (v) await browser.storage.sync.set({ readerSettings: v }); else await browser.storage.sync.remove('readerSettings'); }`,
    value,
  );
}

describe('reader overlay in Firefox ESR', () => {
  it('installs, and the toolbar click path opens the seed article with its dateline and related headlines', async () => {
    await setStoredSettings(null);
    const page = await openPage('seed-haberler.html');
    const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: scrollY }));
    openTimes.push(await firefox.clickAction(page));
    const o = await readOverlay(page);
    expect(o.role).toBe('dialog');
    expect(o.title).toBe('US Urges Haftar-Led Forces To End Offensive In Libya');
    expect(o.labelledTitle).toBe(o.title);
    expect(o.articleText).toContain('called on Libyan National Army forces led by military commander Khalifa Haftar');
    expect(o.related).toHaveLength(14);
    const all = await overlayEval(page, (root) => (root.textContent ?? '').replace(/\s+/g, ' '));
    for (const clutter of ['Advertisement', 'SEARCH IN NEWS', 'HOME PAGE', 'WhatsApp', 'Privacy Policy'])
      expect(all).not.toContain(clutter);
    // The overlay's stylesheet applied (Firefox takes the <style> fallback: no adoptedStyleSheets from
    // content scripts).
    const bg = await overlayEval(page, (root) => getComputedStyle(root.querySelector('.reader')!).backgroundColor);
    expect(bg).toBe('rgb(251, 250, 247)');
    await waitForOverlayAnimations(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'firefox-seed-light-ltr.png') });
    expect.soft(o.times.map((t) => t.datetime)).toContainEqual(expect.stringMatching(/^2019-11-15T13:42/));

    await page.keyboard.press('Escape');
    expect(await waitForOverlay(page, false)).toBe(true);
    expect(await page.evaluate(() => ({ html: document.documentElement.outerHTML, y: scrollY }))).toEqual(before);
    await page.close();
  });

  it('a second click closes; reading settings from storage apply (dark, RTL)', async () => {
    await setStoredSettings({ theme: 'dark', font: 'sans', fontSize: 20, lineWidth: 68, lineHeight: 1.6 });
    const page = await openPage('reader-rtl-ar.html');
    openTimes.push(await firefox.clickAction(page));
    const o = await readOverlay(page);
    expect(o.title).toBe('افتتاح معرض الكتاب في القاهرة بمشاركة واسعة');
    expect(o.dir).toBe('rtl');
    const look = await overlayEval(page, (root) => {
      const reader = root.querySelector('.reader') as HTMLElement;
      return {
        theme: reader.dataset.theme,
        bg: getComputedStyle(reader).backgroundColor,
        size: getComputedStyle(root.querySelector('.article-body p')!).fontSize,
      };
    });
    expect(look).toEqual({ theme: 'dark', bg: 'rgb(23, 24, 27)', size: '20px' });
    await waitForOverlayAnimations(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'firefox-rtl-dark.png') });
    await firefox.clickAction(page);
    expect(await waitForOverlay(page, false)).toBe(true);
    await page.close();
    await setStoredSettings(null);
  });

  it('issue #23: feature and RTL pages, 1280 and 400 px: screenshots, no sideways scroll, no serious axe issue', async () => {
    const report: string[] = [];
    const cases = [
      ['reader-feature.html', 'ltr', 'light'],
      ['reader-rtl-ar.html', 'rtl', 'sepia'],
    ] as const;
    for (const [file, name, theme] of cases) {
      await setStoredSettings({ theme, font: 'serif', fontSize: 19, lineWidth: 54, lineHeight: 1.6 });
      for (const width of [1280, 400]) {
        const page = await openPage(file, width);
        openTimes.push(await firefox.clickAction(page));
        expect(await waitForOverlay(page, true)).toBe(true);
        await expectNoSidewaysScroll(page, `${file} at ${width}`);
        if (file === 'reader-feature.html') {
          // The lead picture is there once, and has loaded.
          await page.waitForFunction(
            (tag: string) => {
              const root = document.documentElement.querySelector(`:scope > ${tag}`)?.shadowRoot;
              const img = root?.querySelector('figure.lead img') as HTMLImageElement | null;
              return !!img && img.complete && img.naturalWidth > 0;
            },
            {},
            'dateline-reader',
          );
        }
        await waitForOverlayAnimations(page); // the fade-in done, so the picture shows what a user sees
        await page.screenshot({ path: path.join(SCREENSHOTS, `firefox-${name}-${theme}-${width}.png`) });
        const { violations, checked } = await axeReader(page);
        expect(checked).toBeGreaterThan(30);
        report.push(...violations.map((v) => `${name} ${width}: ${v.impact} ${v.id} ${v.targets.join(' ')}`));
        expect(severe(violations), `${name} at ${width}`).toEqual([]);
        const contrast = await readerContrast(page);
        expect(
          contrast.filter((c) => c.ratio < c.need),
          `${name} at ${width}`,
        ).toEqual([]);
        await page.close();
      }
    }
    console.log(`axe (Firefox), all impacts: ${report.length ? '\n' + report.join('\n') : 'no violations'}`);
    await setStoredSettings(null);
  });

  it('issue #23: focus starts on the title; Tab goes to the toolbar; "?" opens the keys, Esc closes them', async () => {
    await setStoredSettings(null);
    const page = await openPage('reader-feature.html');
    await firefox.clickAction(page);
    expect(await waitForOverlay(page, true)).toBe(true);
    const focused = (): Promise<string> =>
      overlayEval(page, (root) => {
        const a = root.activeElement as HTMLElement | null;
        if (!a) return 'none';
        return `${a.localName}${a.id ? '#' + a.id : ''}${a.className ? '.' + String(a.className).split(' ')[0] : ''}`;
      });
    expect(await focused()).toBe('h1#dr-title');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button.site-menu');
    await page.keyboard.press('?');
    expect(await overlayEval(page, (root) => !(root.querySelector('.help') as HTMLElement).hidden)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await overlayEval(page, (root) => (root.querySelector('.help') as HTMLElement).hidden)).toBe(true);
    expect(await waitForOverlay(page, true)).toBe(true);
    await page.close();
  });

  it('issue #21: a German dpa story with a teaser shows "Berlin (dpa)" on the dateline, not as a byline or in the text', async () => {
    await setStoredSettings(null);
    const page = await openPage('de-dpa-teaser.html');
    openTimes.push(await firefox.clickAction(page));
    await expectDpaWireOnDateline(page);
    await waitForOverlayAnimations(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'firefox-reader-de-dpa.png') });
    await page.close();
  });
  it('issue #20: a live blog reads as a timeline (Live, each entry under its time); a printed byline and kicker head the story', async () => {
    await setStoredSettings(null);
    const page = await openPage('en-live-blog.html');
    openTimes.push(await firefox.clickAction(page));
    const o = await readOverlay(page);
    expect(o.title).toBe('Storm Alder makes landfall: live updates');
    const live = await overlayEval(page, (root) => {
      const visible = (el: Element | null): boolean => !!el && el.getBoundingClientRect().height > 0;
      return {
        badge: visible(root.querySelector('.live-badge')) ? root.querySelector('.live-badge')!.textContent : null,
        entries: Array.from(root.querySelectorAll('.timeline > li'), (e) => ({
          datetime: e.querySelector('.entry-time time')?.getAttribute('datetime') ?? null,
          title: e.querySelector('.entry-title')?.textContent?.trim() ?? '',
          visible: visible(e.querySelector('.entry-time')) && visible(e.querySelector('.entry-body p')),
        })),
      };
    });
    expect(live.badge).toBe('Live');
    // The page's order (newest first), each entry with its machine time and visible time and text.
    expect(live.entries).toEqual([
      { datetime: '2024-03-12T16:20-04:00', title: 'Ferry service suspended until Thursday', visible: true },
      { datetime: '2024-03-12T13:05-04:00', title: 'Coast road closed at Millbrook', visible: true },
      { datetime: '2024-03-12T09:40-04:00', title: 'Storm makes landfall south of the bay', visible: true },
    ]);
    expect(o.articleText.match(/suspended all ferry crossings/g)).toHaveLength(1);
    await waitForOverlayAnimations(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'firefox-reader-live.png') });
    await page.close();

    const story = await openPage('de-byline-kicker.html');
    await firefox.clickAction(story);
    const s = await readOverlay(story);
    expect(s.title).toBe('Hafenstadt setzt auf kleine Elektrofähren');
    const head = await overlayEval(story, (root) => ({
      kicker: (root.querySelector('header.head .kicker')?.textContent ?? '').trim(),
      byline: (root.querySelector('header.head .byline')?.textContent ?? '').trim(),
    }));
    expect(head).toEqual({ kicker: 'Verkehrswende an der Küste', byline: 'By Anna Schmidt, Jörg Müller' });
    expect(s.articleText).toMatch(/^Die Stadt hat am Dienstag beschlossen/);
    await story.close();
  });
});
