/**
 * Issue #20 in real Chromium (dist/chrome-e2e), opened by a real toolbar click (CDP
 * Extensions.triggerAction): a live blog reads as a timeline, "Live" marked, each entry under its
 * time; a wire story shows the byline the page prints near its headline. Screenshots at 1280 and
 * 400 px, light and dark, go to test-results/screenshots/ to be looked at.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  FIXTURES,
  SCREENSHOTS,
  clickAction,
  launchChromium,
  overlayEval,
  readOverlay,
  serveDir,
  waitForOverlayAnimations,
  type ChromiumSession,
  type Served,
} from './harness.js';
import { expectNoSidewaysScroll } from './reader-checks.js';

let chromium: ChromiumSession;
let server: Served;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  [server, chromium] = await Promise.all([serveDir(FIXTURES), launchChromium()]);
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close().catch(() => {})));
});

async function openReader(file: string, width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await chromium.ctx.newPage();
  opened.push(page);
  await page.emulateMedia({ colorScheme });
  await page.setViewportSize({ width, height: width < 600 ? 800 : 900 });
  await page.goto(`${server.url}/${file}`);
  await clickAction(chromium.ctx, page, chromium.extensionId);
  await waitForOverlayAnimations(page);
  return page;
}

describe('issue #20: the reader on live blogs and printed bylines (Chromium)', () => {
  it('a live blog shows a Live marker and its entries as a timeline, each with its time', async () => {
    const page = await openReader('en-live-blog.html', 1280, 'light');
    const o = await readOverlay(page);
    expect(o.title).toBe('Storm Alder makes landfall: live updates');
    const live = await overlayEval(page, (root) => {
      const visible = (el: Element | null): boolean => !!el && el.getBoundingClientRect().height > 0;
      const entries = Array.from(root.querySelectorAll('.timeline > li'));
      return {
        badge: visible(root.querySelector('.live-badge')) ? root.querySelector('.live-badge')!.textContent : null,
        entries: entries.map((e) => ({
          time: e.querySelector('.entry-time')?.textContent?.trim() ?? '',
          datetime: e.querySelector('.entry-time time')?.getAttribute('datetime') ?? null,
          title: e.querySelector('.entry-title')?.textContent?.trim() ?? '',
          visible: visible(e.querySelector('.entry-time')) && visible(e.querySelector('.entry-body p')),
        })),
        shares: root.querySelectorAll('.timeline button').length,
      };
    });
    expect(live.badge).toBe('Live');
    // The page's order (newest first), each time on the publisher's clock in the reader's locale.
    expect(live.entries).toEqual([
      {
        time: expect.stringMatching(/^4:20\sPM$/),
        datetime: '2024-03-12T16:20-04:00',
        title: 'Ferry service suspended until Thursday',
        visible: true,
      },
      {
        time: expect.stringMatching(/^1:05\sPM$/),
        datetime: '2024-03-12T13:05-04:00',
        title: 'Coast road closed at Millbrook',
        visible: true,
      },
      {
        time: expect.stringMatching(/^9:40\sAM$/),
        datetime: '2024-03-12T09:40-04:00',
        title: 'Storm makes landfall south of the bay',
        visible: true,
      },
    ]);
    expect(live.shares).toBe(0);
    // Each entry's text once: the timeline replaces the body, it does not repeat it.
    expect(o.articleText.match(/suspended all ferry crossings/g)).toHaveLength(1);
  });

  it('a German story shows its printed byline and its kicker above the title, neither in the text', async () => {
    const page = await openReader('de-byline-kicker.html', 1280, 'light');
    const o = await readOverlay(page);
    expect(o.title).toBe('Hafenstadt setzt auf kleine Elektrofähren');
    const head = await overlayEval(page, (root) => {
      const shown = (sel: string): string | null => {
        const el = root.querySelector(sel);
        return el && el.getBoundingClientRect().height > 0 ? (el.textContent ?? '').trim() : null;
      };
      return { kicker: shown('header.head .kicker'), byline: shown('header.head .byline') };
    });
    expect(head).toEqual({ kicker: 'Verkehrswende an der Küste', byline: 'By Anna Schmidt, Jörg Müller' });
    // The page's own header lines are not repeated in the text: it opens with the story.
    expect(o.articleText).toMatch(/^Die Stadt hat am Dienstag beschlossen/);
    expect(o.articleText).not.toMatch(/Verkehrswende an der Küste|Anna Schmidt|Lesezeit|12\.03\.2024/);
  });

  it('screenshots: live blog and byline/kicker story at 1280 and 400 px, light and dark, no sideways scroll', async () => {
    for (const [file, name] of [
      ['en-live-blog.html', 'live'],
      ['de-byline-kicker.html', 'byline-kicker'],
    ] as const) {
      for (const width of [1280, 400]) {
        for (const theme of ['light', 'dark'] as const) {
          const page = await openReader(file, width, theme);
          await expectNoSidewaysScroll(page, `${name} ${theme} ${width}px`);
          await page.screenshot({ path: path.join(SCREENSHOTS, `chromium-${name}-${theme}-${width}.png`) });
        }
      }
    }
  });
});
