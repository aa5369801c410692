/**
 * The reader in real Chromium (dist/chrome-e2e via playwright-core), driven like a user: a real
 * toolbar click (CDP Extensions.triggerAction, which grants activeTab exactly as a click does) on
 * pages served from 127.0.0.1, then keyboard and mouse in the overlay.
 *
 * What a user must notice: the article with its title, dateline and related headlines and none of
 * the page's clutter; reading settings that apply at once and are still there after a reload; Esc
 * leaving the page exactly as it was; a hostile page unable to hide or restyle the overlay; a polite
 * notice on pages that are not articles. Screenshots (light/dark, LTR/RTL) go to
 * test-results/screenshots/ to be looked at.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  FIXTURES,
  OVERLAY_TAG,
  SCREENSHOTS,
  clickAction,
  isOverlayOpen,
  launchChromium,
  overlayEval,
  readOverlay,
  serveDir,
  waitForOverlay,
  waitForOverlayAnimations,
  waitUntil,
  type ChromiumSession,
  type Served,
} from './harness.js';
import { axeReader, expectDpaWireOnDateline, expectNoSidewaysScroll, readerContrast, severe } from './reader-checks.js';

/** The extension API inside sw.evaluate (the service worker), untyped here on purpose: only a few calls. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const chrome: any;

let chromium: ChromiumSession;
let server: Served;
const openTimes: number[] = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  [server, chromium] = await Promise.all([serveDir(FIXTURES), launchChromium()]);
});

afterAll(async () => {
  if (openTimes.length) {
    const sorted = [...openTimes].sort((a, b) => a - b);
    console.log(
      `click → overlay host attached (ms, page clock, incl. first-time injection): median ${sorted[Math.floor(sorted.length / 2)]}, all ${sorted.join(', ')}`,
    );
  }
  await chromium?.close();
  await server?.close();
});

/**
 * Pages a test opened: closed after each test even when it fails (a stray tab would confuse the next
 * one's tab lookup).
 */
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close().catch(() => {})));
});

async function openPage(file: string, opts: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<Page> {
  const page = await chromium.ctx.newPage();
  opened.push(page);
  if (opts.colorScheme) await page.emulateMedia({ colorScheme: opts.colorScheme });
  if (opts.width) await page.setViewportSize({ width: opts.width, height: opts.width < 600 ? 800 : 900 });
  await page.goto(`${server.url}/${file}`);
  return page;
}

async function click(page: Page): Promise<void> {
  const wasOpen = await isOverlayOpen(page);
  const ms = await clickAction(chromium.ctx, page, chromium.extensionId);
  if (!wasOpen && Number.isFinite(ms)) openTimes.push(ms);
}

async function setStoredSettings(value: Record<string, unknown> | null): Promise<void> {
  await chromium.sw.evaluate(async (v) => {
    if (v) await chrome.storage.sync.set({ readerSettings: v });
    else await chrome.storage.sync.remove('readerSettings');
  }, value);
}

async function badgeFor(page: Page): Promise<string> {
  const url = page.url();
  return chromium.sw.evaluate(async (u) => {
    const tabs = await chrome.tabs.query({});
    const tab = tabs.find((t: { url?: string }) => t.url === u);
    return tab?.id === undefined ? 'no tab' : chrome.action.getBadgeText({ tabId: tab.id });
  }, url);
}

async function screenshot(page: Page, name: string): Promise<void> {
  // Let the fade-in finish so the picture shows what a user sees.
  await waitForOverlayAnimations(page);
  await page.screenshot({ path: path.join(SCREENSHOTS, `chromium-${name}.png`) });
}

describe('reader overlay in Chromium', () => {
  it('a toolbar click on the seed page opens the article with its dateline and related headlines, without the clutter', async () => {
    await setStoredSettings(null);
    const page = await openPage('seed-haberler.html');
    await click(page);
    const o = await readOverlay(page);

    expect(o.role).toBe('dialog');
    expect(o.ariaModal).toBe('true');
    expect(o.title).toBe('US Urges Haftar-Led Forces To End Offensive In Libya');
    expect(o.labelledTitle).toBe(o.title);
    expect(o.notice).toBeNull();
    expect(o.articleText).toContain('called on Libyan National Army forces led by military commander Khalifa Haftar');
    expect(o.articleText).toContain('Libya has since seen the emergence of two rival seats of power');

    // The dateline as the publisher stated it (15.11.2019 13:42, no offset given), machine-readable.
    // (soft: the rest of this test still runs and reports if only the dateline is missing)
    expect.soft(o.times.map((t) => t.datetime)).toContainEqual(expect.stringMatching(/^2019-11-15T13:42/));

    // Related headlines: 5 "Latest News" + 10 "Top News", one story listed in both → 14, each a link back to the site.
    expect(o.related).toHaveLength(14);
    expect(new Set(o.related.map((r) => r.href)).size).toBe(14);
    for (const r of o.related) expect(r.href).toMatch(new RegExp(`^${server.url}/[a-z0-9-]+-\\d+/$`));
    expect(o.related.map((r) => r.title)).toContain('Somalia, Turkey Discuss Cooperation In Wake Of Floods');
    // Headlines are clean: no "2 minutes ago..." tails.
    for (const r of o.related) expect(r.title).not.toMatch(/ago|\.\.\.$/);

    // None of the page's clutter anywhere in the overlay.
    const all = await overlayEval(page, (root) => (root.textContent ?? '').replace(/\s+/g, ' '));
    for (const clutter of [
      'Advertisement',
      'SEARCH IN NEWS',
      'HOME PAGE',
      'Facebook',
      'WhatsApp',
      'Privacy Policy',
      'Delivering News and Insights',
      'All rights reserved',
      'Tags:',
      'Türkçe',
    ]) {
      expect(all, `clutter "${clutter}"`).not.toContain(clutter);
    }

    // The toolbar button says the reader is open on this tab, and stops saying so once it is closed.
    await expect.poll(() => badgeFor(page)).toBe('ON'); // set after the first paint
    await screenshot(page, 'seed-light-ltr');
    await click(page);
    expect(await isOverlayOpen(page)).toBe(false);
    await expect.poll(() => badgeFor(page)).toBe('');
    await page.close();
  });

  it('theme, font and size changes apply at once and persist across a reload', async () => {
    await setStoredSettings(null);
    const page = await openPage('seed-haberler.html');
    await click(page);
    const look = (): Promise<{ bg: string; family: string; size: string; theme: string }> =>
      overlayEval(page, (root) => {
        const reader = root.querySelector('.reader') as HTMLElement;
        const body = root.querySelector('.article-body p') as HTMLElement;
        return {
          bg: getComputedStyle(reader).backgroundColor,
          family: getComputedStyle(body).fontFamily,
          size: getComputedStyle(body).fontSize,
          theme: reader.dataset.theme ?? '',
        };
      });
    const before = await look();
    expect(before.family).toMatch(/serif/i);
    expect(before.family).not.toMatch(/^system-ui/);

    const dialog = page.locator(`${OVERLAY_TAG} .reader`);
    await dialog.getByRole('button', { name: 'Reading settings' }).click();
    await dialog.getByRole('radio', { name: 'Dark' }).click();
    await dialog.getByRole('radio', { name: 'Sans' }).click();
    await dialog.getByRole('button', { name: 'Larger text' }).click();
    await dialog.getByRole('button', { name: 'Larger text' }).click();

    const after = await look();
    expect(after.theme).toBe('dark');
    expect(after.bg).not.toBe(before.bg);
    const [r, g, b] = after.bg.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(r + g + b).toBeLessThan(150); // dark
    expect(after.family).toMatch(/system-ui|sans/i);
    expect(parseFloat(after.size)).toBe(parseFloat(before.size) + 2);
    await screenshot(page, 'seed-dark-ltr');

    // Stored in storage.sync (they follow the user)…
    const stored = await chromium.sw.evaluate(
      async () => (await chrome.storage.sync.get('readerSettings')).readerSettings,
    );
    expect(stored).toMatchObject({ theme: 'dark', font: 'sans', fontSize: 21 });

    // …and still applied after the page is reloaded and the reader opened again.
    await expect.poll(() => badgeFor(page)).toBe('ON'); // set after the first paint
    await page.reload();
    await waitForOverlay(page, false);
    // The reloaded page has no reader open: the toolbar button must not claim otherwise.
    await expect.poll(() => badgeFor(page)).toBe('');
    await click(page);
    const reopened = await look();
    expect(reopened).toEqual(after);
    await page.close();
    await setStoredSettings(null);
  });

  it('Esc closes and leaves the page exactly as it was: DOM, scroll position and focus', async () => {
    const page = await openPage('seed-haberler.html');
    await page.focus('#q');
    await page.evaluate(() => window.scrollTo(0, 420));
    const before = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      x: scrollX,
      y: scrollY,
      focus: document.activeElement?.id,
    }));
    expect(before.y).toBe(420);

    await click(page);
    // While open: the page behind does not scroll and cannot take focus.
    const locked = await page.evaluate(() => ({
      overflow: getComputedStyle(document.documentElement).overflow,
      inert: document.body.inert,
    }));
    expect(locked).toEqual({ overflow: 'hidden', inert: true });
    // Focus is inside the overlay, and Tab keeps it there.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
      expect(await page.evaluate((tag) => document.activeElement?.localName === tag, OVERLAY_TAG)).toBe(true);
    }

    await page.keyboard.press('Escape');
    expect(await waitForOverlay(page, false)).toBe(true);
    const after = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      x: scrollX,
      y: scrollY,
      focus: document.activeElement?.id,
    }));
    expect(after).toEqual(before);
    await page.close();
  });

  it('a hostile page’s CSS cannot hide, cover or restyle the overlay, and gets its styles back on close', async () => {
    const page = await openPage('reader-hostile-css.html');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await click(page);
    const seen = await page.evaluate((tag) => {
      const host = document.documentElement.querySelector(`:scope > ${tag}`) as HTMLElement;
      const cs = getComputedStyle(host);
      const root = getComputedStyle(document.documentElement);
      const hits = [
        [640, 450],
        [20, 20],
        [1260, 880],
      ].map(([x, y]) => document.elementFromPoint(x!, y!)?.localName ?? null);
      const h1 = host.shadowRoot!.querySelector('h1')!;
      const rect = h1.getBoundingClientRect();
      return {
        display: cs.display,
        visibility: cs.visibility,
        opacity: cs.opacity,
        width: cs.width,
        height: cs.height,
        clip: cs.clipPath,
        rootOpacity: root.opacity,
        rootFilter: root.filter,
        rootTransform: root.transform,
        hits,
        h1: { text: h1.textContent, w: rect.width, h: rect.height, top: rect.top },
        readerBg: getComputedStyle(host.shadowRoot!.querySelector('.reader')!).backgroundColor,
        before: getComputedStyle(host, '::before').content,
      };
    }, OVERLAY_TAG);
    expect(seen).toMatchObject({
      display: 'block',
      visibility: 'visible',
      opacity: '1',
      width: '1280px',
      height: '900px',
      clip: 'none',
      rootOpacity: '1',
      rootFilter: 'none',
      rootTransform: 'none',
      hits: [OVERLAY_TAG, OVERLAY_TAG, OVERLAY_TAG],
      readerBg: 'rgb(251, 250, 247)',
      before: 'none',
    });
    expect(seen.h1.text).toBe('Storm Closes Harbour As Ferries Stay In Port');
    expect(seen.h1.w).toBeGreaterThan(200);
    expect(seen.h1.top).toBeGreaterThan(0);
    expect(seen.h1.top).toBeLessThan(300);
    await screenshot(page, 'hostile-css');

    await page.keyboard.press('Escape');
    expect(await waitForOverlay(page, false)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });

  it('a page that is not an article gets a small notice, not an empty overlay, and Esc dismisses it', async () => {
    const page = await openPage('reader-not-article.html');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await click(page);
    const o = await readOverlay(page);
    expect(o.notice).toMatch(/doesn’t look like a news article|Nothing to read here/);
    expect(o.notice).not.toMatch(/Error|at \w+ \(|undefined|null/);
    const box = await overlayEval(page, (root, host) => ({
      reader: !!root.querySelector('.reader'),
      w: host.getBoundingClientRect().width,
      h: host.getBoundingClientRect().height,
    }));
    expect(box.reader).toBe(false);
    expect(box.w).toBeLessThan(500);
    expect(box.h).toBeLessThan(300);
    // Focus moves to the notice's main button right after its first paint (250ab96), so Enter shows the
    // article: wait for that frame instead of reading focus in the same task the notice appeared in
    // (on a busy machine the paint comes later than this read: the CI failure of stop 34).
    await expect
      .poll(
        () =>
          overlayEval(page, (root, host) =>
            document.activeElement === host ? (root.activeElement?.textContent ?? '').trim() : null,
          ),
        { timeout: 3000 },
      )
      .toBe('Show anyway');
    // The page stays usable behind a notice: not locked.
    expect(await page.evaluate(() => document.body.inert)).toBe(false);
    await screenshot(page, 'not-article-notice');
    await page.keyboard.press('Escape');
    expect(await waitForOverlay(page, false)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);

    // "Show anyway" answers the user's click (a page script's .click() cannot press it: hostile.spec.ts).
    await click(page);
    await page.locator(`${OVERLAY_TAG} button[data-action="show-anyway"]`).click();
    await page.waitForFunction(
      (tag) =>
        !!document.documentElement.querySelector(`:scope > ${tag}`)?.shadowRoot?.querySelector('.reader .article-body'),
      OVERLAY_TAG,
    );
    expect(await page.evaluate(() => document.body.inert)).toBe(true);
    await page.locator(`${OVERLAY_TAG} button.close`).click();
    expect(await waitForOverlay(page, false)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await page.close();
  });

  it('right-to-left pages read right-to-left (light and dark screenshots)', async () => {
    for (const theme of ['light', 'dark'] as const) {
      await setStoredSettings({ theme, font: 'serif', fontSize: 19, lineWidth: 68, lineHeight: 1.6 });
      const page = await openPage('reader-rtl-ar.html');
      await click(page);
      const o = await readOverlay(page);
      expect(o.title).toBe('افتتاح معرض الكتاب في القاهرة بمشاركة واسعة');
      expect(o.dir).toBe('rtl');
      const dir = await overlayEval(page, (root) => getComputedStyle(root.querySelector('.article-body p')!).direction);
      expect(dir).toBe('rtl');
      await screenshot(page, `rtl-${theme}`);
      await page.close();
    }
    await setStoredSettings(null);
  });

  it('the save shortcut path (Alt+Shift+S) opens the reader and saves the article to the library', async () => {
    const page = await openPage('seed-haberler.html');
    const url = page.url();
    await waitUntil(
      () =>
        chromium.sw.evaluate(
          async (u) =>
            (await chrome.tabs.query({})).find((t: { url?: string; status?: string }) => t.url === u)?.status ===
            'complete',
          url,
        ),
      'the tab to finish loading',
    );
    // commands.onCommand has no CDP trigger; the e2e hook runs what the 'save-article' command runs.
    const result = await chromium.sw.evaluate(async (u) => {
      const tab = (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === u);
      return (
        globalThis as unknown as { __test: { saveArticle(id: number): Promise<{ saved: boolean; message: string }> } }
      ).__test.saveArticle(tab.id);
    }, url);
    expect(result.message).toMatch(/Saved to your library|Updated in your library/);
    expect(result.saved).toBe(true);
    expect(await isOverlayOpen(page)).toBe(true);
    expect(await overlayEval(page, (root) => root.querySelector('[role="status"]')?.textContent ?? '')).toBe(
      result.message,
    );
    await page.close();
  });

  it('printing prints the article across pages, without the page behind or the reader controls', async () => {
    const page = await openPage('seed-haberler.html');
    await click(page);
    // page.pdf() runs Chromium's real print path (beforeprint → print layout → afterprint).
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(1); // the article flows over pages instead of one fixed screen
    // What the print layout shows: the same rules, checked under print media.
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await page.evaluate((tag) => {
      const host = document.documentElement.querySelector(`:scope > ${tag}`) as HTMLElement;
      const r = host.shadowRoot!;
      const shown = (sel: string): boolean => {
        const el = r.querySelector(sel);
        return !!el && getComputedStyle(el).display !== 'none';
      };
      return {
        body: getComputedStyle(document.body).display,
        host: getComputedStyle(host).position,
        toolbar: shown('.toolbar'),
        related: shown('.related'),
        title: shown('h1'),
        article: shown('.article-body'),
      };
    }, OVERLAY_TAG);
    expect(printed).toEqual({
      body: 'none',
      host: 'static',
      toolbar: false,
      related: false,
      title: true,
      article: true,
    });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    expect(await overlayEval(page, (_root, host) => getComputedStyle(host).position)).toBe('fixed');
  });

  it('"auto" theme follows the system colour scheme', async () => {
    await setStoredSettings(null);
    const page = await openPage('seed-haberler.html', { colorScheme: 'dark' });
    await click(page);
    const bg = await overlayEval(page, (root) => getComputedStyle(root.querySelector('.reader')!).backgroundColor);
    expect(bg).toBe('rgb(23, 24, 27)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await overlayEval(page, (root) => getComputedStyle(root.querySelector('.reader')!).backgroundColor)).toBe(
      'rgb(251, 250, 247)',
    );
    await page.close();
  });

  it('issue #23: light/dark/sepia, LTR/RTL, 1280/400 px: screenshots, no sideways scroll, no serious axe issue', async () => {
    const report: string[] = [];
    for (const theme of ['light', 'dark', 'sepia'] as const) {
      await setStoredSettings({ theme, font: 'serif', fontSize: 19, lineWidth: 54, lineHeight: 1.6 });
      for (const [file, name] of [
        ['reader-feature.html', 'ltr'],
        ['reader-rtl-ar.html', 'rtl'],
      ] as const) {
        for (const width of [1280, 400]) {
          const page = await openPage(file, { width });
          await click(page);
          expect(await isOverlayOpen(page)).toBe(true);
          await expectNoSidewaysScroll(page, `${file} ${theme} ${width}`);
          await screenshot(page, `${name}-${theme}-${width}`);
          const { violations, checked, incomplete } = await axeReader(page);
          const review = incomplete.join(', ') || 'none';
          if (theme === 'light') report.push(`${name} ${width}: ${checked} elements checked; needs review: ${review}`);
          expect(checked, 'axe looked inside the shadow root').toBeGreaterThan(30);
          const where = `${name} ${theme} ${width}`;
          report.push(...violations.map((v) => `${where}: ${v.impact} ${v.id} ${v.targets.join(' ')}`));
          expect(severe(violations), `${name} ${theme} ${width}`).toEqual([]);
          const contrast = await readerContrast(page);
          expect(contrast.length).toBeGreaterThan(8);
          expect(
            contrast.filter((c) => c.ratio < c.need),
            `${name} ${theme} ${width}`,
          ).toEqual([]);
          const ratios = contrast.map((c) => `${c.what} ${c.ratio}`).join(', ');
          if (width === 1280) report.push(`${name} ${theme} contrast: ${ratios}`);
          await page.close();
        }
      }
    }
    console.log(`axe (Chromium), all impacts: ${report.length ? '\n' + report.join('\n') : 'no violations'}`);
    await setStoredSettings(null);
  });

  it('issue #23: no sideways scroll at 320, 400, 1280 and 1920 px (settings and site menu open too)', async () => {
    await setStoredSettings(null);
    for (const width of [320, 400, 1280, 1920]) {
      for (const file of ['reader-feature.html', 'seed-haberler.html', 'reader-rtl-ar.html']) {
        const page = await openPage(file, { width });
        await click(page);
        await expectNoSidewaysScroll(page, `${file} at ${width}`);
        if (file === 'reader-feature.html') {
          // Every toolbar control is a 44 px touch target, on one line.
          const sizes = await overlayEval(page, (root) =>
            Array.from(root.querySelectorAll('.toolbar button'))
              .filter((b) => (b as HTMLElement).getClientRects().length && !b.closest('[role="menu"], .panel'))
              .map((b) => {
                const r = b.getBoundingClientRect();
                return { h: Math.round(r.height), top: Math.round(r.top), label: b.textContent };
              }),
          );
          for (const b of sizes) expect(b.h, `${b.label} at ${width}`).toBeGreaterThanOrEqual(44);
          expect(new Set(sizes.map((b) => b.top)).size, `one toolbar row at ${width}`).toBe(1);
          const title = await overlayEval(page, (root) =>
            parseFloat(getComputedStyle(root.querySelector('h1')!).fontSize),
          );
          if (width <= 400) expect(title).toBeLessThan(28);
          if (width === 320) {
            await page.locator(`${OVERLAY_TAG} button.site-menu`).click();
            await page.locator(`${OVERLAY_TAG} button.aa`).click();
            await expectNoSidewaysScroll(page, 'menus open at 320');
            await screenshot(page, 'feature-settings-320');
          }
        }
        await page.close();
      }
    }
  });

  it('issue #23: the lead picture shows once, with its stranded credit; a failed picture becomes a link', async () => {
    await setStoredSettings(null);
    const page = await openPage('reader-feature.html');
    await click(page);
    // The article's pictures load lazily: bring the one that will fail near the screen.
    await overlayEval(page, (root) => root.querySelector('img[src*="missing-quay"]')?.scrollIntoView());
    await page.waitForFunction((tag) => {
      const root = document.documentElement.querySelector(`:scope > ${tag}`)?.shadowRoot;
      const img = root?.querySelector('figure.lead img') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 0 && !!root?.querySelector('.img-failed');
    }, OVERLAY_TAG);
    const seen = await overlayEval(page, (root) => ({
      leads: root.querySelectorAll('figure.lead').length,
      caption: root.querySelector('figure.lead figcaption')?.textContent ?? null,
      bodyStart: (root.querySelector('.article-body')?.textContent ?? '').trim().slice(0, 40),
      failed: root.querySelector('.img-failed')?.textContent ?? null,
      failedHeight: root.querySelector('.img-failed')?.getBoundingClientRect().height ?? 0,
      // The narrower picture's caption starts where the picture starts.
      captionAlign: (() => {
        const fig = Array.from(root.querySelectorAll('.article-body figure')).find((f) => f.querySelector('img'));
        const img = fig?.querySelector('img')?.getBoundingClientRect();
        const cap = fig?.querySelector('figcaption')?.getBoundingClientRect();
        return img && cap ? { left: Math.round(cap.left - img.left), right: Math.round(img.right - cap.right) } : null;
      })(),
      byline: root.querySelector('.byline')?.textContent ?? null,
      dateline: (root.querySelector('.dateline')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      sections: Array.from(root.querySelectorAll('.related h2')).map((h) => h.textContent),
    }));
    expect(seen.leads).toBe(1);
    expect(seen.caption).toBe('(AP Photo/Lena Fischer)');
    expect(seen.bodyStart).not.toContain('AP Photo');
    expect(seen.failed).toBe('Picture not loaded: The old quay at Northhaven');
    expect(seen.failedHeight).toBeLessThan(60);
    expect(seen.captionAlign).toEqual({ left: 0, right: 0 });
    expect(seen.byline).toBeNull(); // "By AP" says less than the dateline's "WASHINGTON (AP)"
    expect(seen.dateline).toMatch(/^Washington \(AP\)\s*·/i);
    expect(seen.dateline.match(/\(/g)?.length ?? 0).toBeLessThanOrEqual(2); // "(AP)" and at most one bracket of time
    expect(seen.sections).toEqual(expect.arrayContaining(['Most read', 'Trending']));
    // Pictures for a person to look at: the narrower figure and the failed one; the related lists.
    await overlayEval(page, (root) => root.querySelector('.article-body figure img')!.scrollIntoView());
    await screenshot(page, 'feature-figures');
    await overlayEval(page, (root) => root.querySelector('.related')!.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'feature-related');
    await page.close();
  });

  it('issue #23: keyboard: focus starts on the title, Tab goes to the toolbar; site menu, keys, "?"', async () => {
    await setStoredSettings(null);
    const page = await openPage('reader-feature.html');
    await click(page);
    const focused = (): Promise<string> =>
      overlayEval(page, (root) => {
        const a = root.activeElement as HTMLElement | null;
        if (!a) return 'none';
        return `${a.localName}${a.id ? '#' + a.id : ''}${a.className ? '.' + String(a.className).split(' ')[0] : ''}`;
      });
    await expect.poll(focused).toBe('h1#dr-title');
    // From the title, Space scrolls the article at once.
    const scrollTop = (): Promise<number> => overlayEval(page, (root) => root.querySelector('.scroller')!.scrollTop);
    await page.keyboard.press('Space');
    await expect.poll(scrollTop).toBeGreaterThan(100);
    expect(await focused()).toBe('h1#dr-title');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button.site-menu');
    // The menu button: ↓ opens on the first item; Esc closes back onto the button.
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toMatch(/^(button|a)/);
    const expanded = (): Promise<string | null> =>
      overlayEval(page, (root) => root.querySelector('button.site-menu')!.getAttribute('aria-expanded'));
    expect(await expanded()).toBe('true');
    await page.keyboard.press('Escape');
    expect(await focused()).toBe('button.site-menu');
    expect(await isOverlayOpen(page)).toBe(true);
    // Shortcuts: "+" makes the text larger, "?" lists the keys, Esc closes only the list.
    const size = (): Promise<number> =>
      overlayEval(page, (root) => parseFloat(getComputedStyle(root.querySelector('.article-body p')!).fontSize));
    const before = await size();
    await page.keyboard.press('+');
    expect(await size()).toBe(before + 1);
    await page.keyboard.press('-');
    expect(await size()).toBe(before);
    await page.keyboard.press('?');
    expect(await overlayEval(page, (root) => !(root.querySelector('.help') as HTMLElement).hidden)).toBe(true);
    await screenshot(page, 'help-dialog');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button.primary');
    await page.keyboard.press('Escape');
    expect(await overlayEval(page, (root) => (root.querySelector('.help') as HTMLElement).hidden)).toBe(true);
    expect(await isOverlayOpen(page)).toBe(true);
    // "J" moves to the related headlines.
    await page.keyboard.press('j');
    expect(await overlayEval(page, (root) => root.activeElement?.closest('.related') !== null)).toBe(true);
    await page.close();
    await setStoredSettings(null);
  });

  it('issue #23: zap removes a leftover block by click, remembers it for the site, and Undo puts it back', async () => {
    await chromium.sw.evaluate(() => chrome.storage.local.remove('zappedBlocks'));
    const page = await openPage('reader-feature.html');
    await click(page);
    const promo = (): Promise<boolean | null> =>
      overlayEval(page, (root) => {
        const p = Array.from(root.querySelectorAll('.article-body p')).find((x) =>
          x.textContent!.includes('supported by readers'),
        );
        return p ? (p as HTMLElement).hidden : null;
      });
    expect(await promo()).toBe(false);
    await page.keyboard.press('z');
    await page.locator(`${OVERLAY_TAG} .article-body p`, { hasText: 'supported by readers' }).click();
    expect(await promo()).toBe(true);
    await screenshot(page, 'zap-bar');
    const stored = (): Promise<Record<string, string[]>> =>
      chromium.sw.evaluate(async () => (await chrome.storage.local.get('zappedBlocks')).zappedBlocks ?? {});
    await expect.poll(async () => Object.values(await stored()).flat().length).toBe(1);
    // Another open of an article on the site: the block stays removed.
    await page.keyboard.press('Escape'); // leaves zap mode
    await page.keyboard.press('Escape'); // closes the reader
    expect(await waitForOverlay(page, false)).toBe(true);
    await click(page);
    await expect.poll(promo).toBe(true);
    // Undo (in zap mode) is for this view's removals; "Restore all" brings back the site's.
    await page.keyboard.press('z');
    await page.locator(`${OVERLAY_TAG} .zap-bar button[data-zap="restore"]`).click();
    expect(await promo()).toBe(false);
    await expect.poll(async () => Object.keys(await stored()).length).toBe(0);
    await page.locator(`${OVERLAY_TAG} .article-body p`, { hasText: 'supported by readers' }).click();
    expect(await promo()).toBe(true);
    await page.locator(`${OVERLAY_TAG} .zap-bar button[data-zap="undo"]`).click();
    expect(await promo()).toBe(false);
    await expect.poll(async () => Object.keys(await stored()).length).toBe(0);
    await page.close();
  });

  it('issue #23: Save says so in one short sentence, turns into "Saved ✓", and then opens the library', async () => {
    const page = await openPage('reader-feature.html');
    await click(page);
    const save = page.locator(`${OVERLAY_TAG} .actions button[data-action="save"]`);
    await save.click();
    await expect.poll(() => save.textContent(), { timeout: 15_000 }).toBe('Saved ✓');
    const status = await overlayEval(page, (root) => root.querySelector('.status')?.textContent ?? '');
    expect(status).toMatch(/^(Saved to|Updated in) your library(; \d+ pictures? shows? only when online)?\.$/);
    expect(status.length).toBeLessThan(80);
    const [library] = await Promise.all([chromium.ctx.waitForEvent('page'), save.click()]);
    opened.push(library);
    await library.waitForLoadState();
    expect(library.url()).toBe(`chrome-extension://${chromium.extensionId}/library.html`);
    await page.close();
  });

  it('issue #21: a German dpa story with a teaser shows "Berlin (dpa)" on the dateline, not as a byline or in the text', async () => {
    await setStoredSettings(null);
    const page = await openPage('de-dpa-teaser.html');
    await click(page);
    await expectDpaWireOnDateline(page);
    await waitForOverlayAnimations(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reader-de-dpa.png') });
  });
});
