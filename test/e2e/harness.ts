/**
 * Shared launch helpers for the real-browser specs (see /work/shared/browser-testing.md).
 *
 *   serveDir(dir)              static server on 127.0.0.1:<random port> → { url, close }
 *   launchChromium(opts)       Chromium (playwright-core) with dist/chrome-e2e loaded → { ctx, extensionId, sw, close }
 *   clickAction(ctx, page)     a real toolbar click: CDP Extensions.triggerAction (same activeTab grant as
 *                              a user's click)
 *   launchFirefox(opts)        Firefox ESR (puppeteer-core over WebDriver BiDi) with dist/firefox-e2e installed as a
 *                              temporary add-on → { browser, extensionBase, clickAction(page), extensionEval, close }
 *   overlayEval(page, fn)      runs `fn(shadowRoot, host)` in the page against the overlay's shadow root
 *   waitForOverlay(page, ...)  polls until the overlay is open (or closed)
 *   waitUntil(cond, what)      polls until cond() is truthy; fails naming `what` (every wait for something to happen)
 *   quietFor(ms, why)          THE fixed wait: only to prove that something does NOT happen (see there)
 *   waitForOverlayAnimations(page)  until the overlay's fade-in has finished (before a screenshot)
 *
 * One browser per spec file (launch ≈ 1 s Chromium, ≈ 4 s Firefox; ≈ 0.5 GB each on a 2-core machine):
 * launch in beforeAll, close in afterAll. Every helper cleans up its temp profile on close.
 */
import { createServer } from 'node:http';
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromiumPath, firefoxPath } from '../../scripts/browsers.mjs';

/** The overlay's host element (src/overlay): a hyphenated tag never registered with customElements. */
export const OVERLAY_TAG = 'dateline-reader';

/** Firefox add-on id (build.mjs) and the moz-extension UUID we pin so tests can open extension pages. */
const GECKO_ID = 'dateline-reader@datelinereader.example';
export const FIREFOX_UUID = '6f1d3a52-3c55-4b2e-9d7e-5e1a7c0d2b11';

export const ROOT = path.resolve(__dirname, '../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/pages');
/** Where specs save screenshots (they are looked at; CI keeps them as artifacts). */
export const SCREENSHOTS = path.join(ROOT, 'test-results/screenshots');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

/**
 * A private copy of a built extension. Several people build into dist/ on this machine while specs
 * run; a browser loading dist/ directly can catch it half-written. Returns the copy and its remover.
 */
export async function snapshotExtension(
  dist: string,
  parentDir?: string,
): Promise<{ dir: string; remove(): Promise<void> }> {
  // A given parentDir keeps the copy's path (hence the unpacked extension's id) stable across launches.
  const parent = parentDir ?? (await mkdtemp(path.join(tmpdir(), 'dr-ext-')));
  const dir = path.join(parent, path.basename(dist));
  for (let attempt = 0; ; attempt++) {
    await rm(dir, { recursive: true, force: true });
    await cp(dist, dir, { recursive: true }).catch(() => {});
    const ok = await Promise.all(
      ['manifest.json', 'background.js', 'content.js'].map((f) =>
        stat(path.join(dir, f)).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (ok.every(Boolean)) break;
    if (attempt >= 20) throw new Error(`${dist} is not a complete extension build (run \`node build.mjs\`)`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { dir, remove: () => rm(parent, { recursive: true, force: true }) };
}

/**
 * Serves `dir` read-only on 127.0.0.1 (the e2e builds have host permission for http://127.0.0.1/*), on
 * `port` (a site served again at the same address), by default on a free one.
 * Paths ending in "/" serve index.html; anything outside `dir` is 404. Missing images (the fixtures
 * reference the publisher's /images/...) are 404 quickly instead of hanging.
 */
export async function serveDir(dir: string, port = 0): Promise<Served> {
  const rootDir = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = path.resolve(rootDir, '.' + pathname);
      if (!file.startsWith(rootDir)) throw new Error('outside');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ───────────────────────────── waiting ─────────────────────────────

/**
 * Polls `f()` until its value passes `ok` and returns that value; a throw counts as "not yet" (a
 * moz-extension page still loading). On timeout the error shows the last value seen, which says more
 * than "timed out" when a list or a status is compared.
 */
export async function pollFor<T>(f: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let error: unknown;
  for (;;) {
    const v = await f().catch((e: unknown) => {
      error = e;
      return undefined as T;
    });
    if (v !== undefined && ok(v)) return v;
    if (Date.now() > end) {
      const last = v === undefined && error ? `last error: ${String(error).slice(0, 500)}` : '';
      throw new Error(`timed out; last value: ${JSON.stringify(v)} ${last}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until `cond()` returns something truthy and returns it; throws "timed out waiting for <what>"
 * after `timeoutMs`. Every wait for something to HAPPEN is one of these (or waitForOverlay, expect.poll,
 * page.waitForFunction/waitForSelector): never a fixed sleep. The timeout only stops a run that would
 * hang, so it is generous (a loaded 2-core machine is slow, and a fast one never waits for it).
 */
export async function waitUntil<T>(
  cond: () => T | Promise<T>,
  what: string,
  timeoutMs = 15_000,
  everyMs = 25,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await cond();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every quietFor() of this run: what it proved and how long it waited (printed by DEBUG_QUIET=1). */
export const quietLog: { ms: number; why: string }[] = [];

/**
 * The one fixed wait of the e2e specs, for PROOFS OF ABSENCE only: "a payload did not fire",
 * "the reader did not open (again)", "the guard did not come back". Nothing signals that
 * something did not happen, so the spec gives it the time it would have needed and then looks.
 * `why` says what would have happened in that time; it is logged with DEBUG_QUIET=1. Any wait for
 * something that DOES happen is a waitUntil()/waitForOverlay()/expect.poll instead.
 */
export async function quietFor(ms: number, why: string): Promise<void> {
  quietLog.push({ ms, why });
  if (process.env.DEBUG_QUIET) console.log(`quietFor ${ms} ms: ${why}`);
  await new Promise((r) => setTimeout(r, ms));
}

// ───────────────────────────── Chromium (playwright-core) ─────────────────────────────

import type { BrowserContext, Page, Worker } from 'playwright-core';

export interface ChromiumOptions {
  /** Extension folder, relative to the project root or absolute. Default dist/chrome-e2e. */
  dist?: string;
  /**
   * Reuse a profile (e.g. to test persistence across a browser restart). Default: a fresh temp dir,
   * removed on close.
   */
  profileDir?: string;
  headless?: boolean;
  /** Extra Chromium flags, e.g. '--force-dark-mode'. */
  args?: string[];
  /** Viewport; default 1280×900. */
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark' | 'no-preference';
  /** Extra environment for the browser process (e.g. HOME for speech-dispatcher's config). */
  env?: Record<string, string>;
}

export interface ChromiumSession {
  ctx: BrowserContext;
  extensionId: string;
  /** The extension's service worker (sw.evaluate runs code in the background). */
  sw: Worker;
  close(): Promise<void>;
}

export async function launchChromium(opts: ChromiumOptions = {}): Promise<ChromiumSession> {
  const { chromium } = await import('playwright-core');
  // With a reused profile the copy must sit at the same path on every launch: Chromium derives an
  // unpacked extension's id (and so its storage and registered scripts) from its path.
  const ext = await snapshotExtension(
    path.resolve(ROOT, opts.dist ?? 'dist/chrome-e2e'),
    opts.profileDir ? `${opts.profileDir}-extension` : undefined,
  );
  const dist = ext.dir;
  const ownProfile = !opts.profileDir;
  const profileDir = opts.profileDir ?? (await mkdtemp(path.join(tmpdir(), 'dr-chromium-')));
  const ctx = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(), // CHROMIUM_PATH, else the usual places (scripts/browsers.mjs)
    headless: opts.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    colorScheme: opts.colorScheme ?? 'light',
    ...(opts.env ? { env: { ...process.env, ...opts.env } as Record<string, string> } : {}),
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(opts.args ?? []),
    ],
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;
  return {
    ctx,
    extensionId,
    sw,
    close: async () => {
      await ctx.close().catch(() => {});
      if (ownProfile) await rm(profileDir, { recursive: true, force: true }).catch(() => {});
      await ext.remove().catch(() => {});
    },
  };
}

/** True when the overlay host is in the page (open, or showing its "not an article" notice). */
export async function isOverlayOpen(page: Page | PuppeteerPage): Promise<boolean> {
  return (page as Page)
    .evaluate((tag: string) => !!document.documentElement.querySelector(`:scope > ${tag}`), OVERLAY_TAG)
    .catch(() => false);
}

/**
 * True when the overlay is open and filled in: the reader paints the article first and adds its related
 * headlines, Listen and the rest right after (issue #24), its dialog `aria-busy` until then.
 */
async function isOverlayComplete(page: Page | PuppeteerPage): Promise<boolean> {
  return (page as Page)
    .evaluate((tag: string) => {
      const root = document.documentElement.querySelector(`:scope > ${tag}`)?.shadowRoot;
      return !!root && !root.querySelector('[aria-busy="true"]');
    }, OVERLAY_TAG)
    .catch(() => false);
}

/** Polls until the overlay is open and filled in (`want` true) or gone (false); false on timeout. */
export async function waitForOverlay(page: Page | PuppeteerPage, want = true, timeoutMs = 3_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (want ? await isOverlayComplete(page) : !(await isOverlayOpen(page))) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Times a toggle on the page's own clock, so the number excludes the test's polling: a MutationObserver
 * notes when the overlay host is added to or removed from <html>; t0 is taken just before the click.
 */
async function startToggleClock(page: Page | PuppeteerPage): Promise<number> {
  return (page as Page).evaluate((tag: string) => {
    const w = window as unknown as { __drClock?: { at: number } };
    if (!w.__drClock) {
      const clock = (w.__drClock = { at: 0 });
      new MutationObserver((records) => {
        if (records.some((r) => [...r.addedNodes, ...r.removedNodes].some((n) => (n as Element).localName === tag)))
          clock.at = performance.now();
      }).observe(document.documentElement, { childList: true });
    }
    w.__drClock.at = 0;
    return performance.now();
  }, OVERLAY_TAG);
}
async function readToggleClock(page: Page | PuppeteerPage, t0: number): Promise<number> {
  const at = await (page as Page).evaluate(
    () => (window as unknown as { __drClock?: { at: number } }).__drClock?.at ?? 0,
  );
  return at ? Math.round(at - t0) : NaN;
}

/**
 * A real toolbar click in Chromium: CDP Extensions.triggerAction on the page's tab target. It fires
 * action.onClicked with the activeTab grant, exactly as a user's click does.
 * Right after page.goto the grant is sometimes lost (≈1 call in 12, browser-testing.md): we wait for
 * the page to settle, click, and if the overlay did not toggle, click once more.
 * Returns the ms from the (last) click to the overlay host being added/removed, on the page's clock.
 */
export async function clickAction(ctx: BrowserContext, page: Page, extensionId?: string): Promise<number> {
  const id = extensionId ?? new URL((ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'))).url()).host;
  await page.waitForLoadState('load');
  const cdp = await ctx.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', {
      filter: [{ type: 'tab' }],
    } as never)) as unknown as {
      targetInfos: { targetId: string; url: string; type: string }[];
    };
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`clickAction: no tab target for ${page.url()}`);
    const wasOpen = await isOverlayOpen(page);
    for (let attempt = 0; attempt < 2; attempt++) {
      if (attempt === 0) await page.waitForTimeout(300);
      const t0 = await startToggleClock(page);
      await cdp.send('Extensions.triggerAction' as never, { id, targetId: tab.targetId } as never);
      // Generous: on a loaded 2-core machine a cold first open (injection + extraction) can take seconds,
      // and a second click arriving after a slow first one would toggle the overlay back.
      if (await waitForOverlay(page, !wasOpen, attempt === 0 ? 5_000 : 3_000)) return readToggleClock(page, t0);
    }
    throw new Error(`clickAction: the overlay did not ${wasOpen ? 'close' : 'open'} after two clicks`);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

// ───────────────────────────── Firefox ESR (puppeteer-core, WebDriver BiDi) ─────────────────────────────

import type { Browser as PuppeteerBrowser, Page as PuppeteerPage } from 'puppeteer-core';

export interface FirefoxOptions {
  /** Extension folder. Default dist/firefox-e2e. */
  dist?: string;
  headless?: boolean;
  extraPrefs?: Record<string, unknown>;
  /** Extra environment for the browser process (e.g. HOME for speech-dispatcher's config). */
  env?: Record<string, string>;
}

export interface FirefoxSession {
  browser: PuppeteerBrowser;
  /** moz-extension://<FIREFOX_UUID>/ */
  extensionBase: string;
  /**
   * Runs `fn` (as source, with `browser` the WebExtension API) in an extension page and returns its
   * JSON result: Firefox has no triggerAction, so the click path goes through the e2e build's hook.
   */
  extensionEval<T>(fn: string, arg?: unknown): Promise<T>;
  /** The toolbar click path: the e2e background's `__test.clickAction(tabId)` on the tab showing `page`. */
  clickAction(page: PuppeteerPage): Promise<number>;
  close(): Promise<void>;
}

export async function launchFirefox(opts: FirefoxOptions = {}): Promise<FirefoxSession> {
  const puppeteer = (await import('puppeteer-core')).default;
  const ext = await snapshotExtension(path.resolve(ROOT, opts.dist ?? 'dist/firefox-e2e'));
  const dist = ext.dir;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(), // FIREFOX_PATH, else the usual places (scripts/browsers.mjs)
    headless: opts.headless ?? true,
    ...(opts.env ? { env: { ...process.env, ...opts.env } as Record<string, string> } : {}),
    // Lets the test open moz-extension:// pages (the extension page from which the test hook is called).
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      ...(opts.extraPrefs ?? {}),
    },
  });
  // puppeteer-core 24.0 has no browser.installExtension yet; send the BiDi command it wraps.
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<unknown> } })
    .connection;
  await connection.send('webExtension.install', { extensionData: { type: 'path', path: dist } });
  const extensionBase = `moz-extension://${FIREFOX_UUID}/`;

  let extPage: PuppeteerPage | null = null;
  async function extensionPage(): Promise<PuppeteerPage> {
    if (extPage && !extPage.isClosed()) return extPage;
    const p = await browser.newPage();
    // page.goto('moz-extension://…') loads but never resolves (browser-testing.md): don't await it, poll instead.
    void p.goto(extensionBase + 'e2e.html').catch(() => {});
    const end = Date.now() + 15_000;
    for (;;) {
      const ready = await p
        .evaluate(
          () =>
            location.protocol === 'moz-extension:' &&
            document.readyState === 'complete' &&
            typeof (globalThis as { browser?: unknown }).browser === 'object',
        )
        .catch(() => false);
      if (ready) break;
      if (Date.now() > end) throw new Error('launchFirefox: the extension page did not load');
      await new Promise((r) => setTimeout(r, 100));
    }
    extPage = p;
    return p;
  }

  async function extensionEval<T>(fn: string, arg?: unknown): Promise<T> {
    const p = await extensionPage();
    return p.evaluate(`(${fn})(${JSON.stringify(arg ?? null)})`) as Promise<T>;
  }

  return {
    browser,
    extensionBase,
    extensionEval,
    clickAction: async (page) => {
      const url = page.url();
      const wasOpen = await isOverlayOpen(page);
      await extensionEval('() => 0'); // open the extension page first: the timing is the click's, not the page load's
      const t0 = await startToggleClock(page);
      await extensionEval<void>(
        `async (url) => {
        const tabs = await browser.tabs.query({});
        const tab = tabs.find((t) => t.url === url);
        if (!tab) throw new Error('no tab for ' + url);
        const bg = await browser.runtime.getBackgroundPage();
        await bg.__test.clickAction(tab.id);
      }`,
        url,
      );
      if (!(await waitForOverlay(page, !wasOpen, 5_000)))
        throw new Error(`clickAction: the overlay did not ${wasOpen ? 'close' : 'open'}`);
      return readToggleClock(page, t0);
    },
    close: async () => {
      await browser.close().catch(() => {});
      await ext.remove().catch(() => {});
    },
  };
}

// ───────────────────────────── the overlay's shadow root ─────────────────────────────

/**
 * Runs `fn(shadowRoot, host)` inside the page against the overlay (works with playwright and puppeteer
 * pages). `fn` is serialised: it can use only its arguments. Throws when the overlay is not open.
 */
export async function overlayEval<T, A = undefined>(
  page: Page | PuppeteerPage,
  fn: (root: ShadowRoot, host: HTMLElement, arg: A) => T,
  arg?: A,
): Promise<Awaited<T>> {
  const src = `(() => {
    const host = document.documentElement.querySelector(':scope > ${OVERLAY_TAG}');
    if (!host || !host.shadowRoot) throw new Error('overlay is not open');
    return (${fn.toString()})(host.shadowRoot, host, ${JSON.stringify(arg ?? null)});
  })()`;
  return (page as Page).evaluate(src) as Promise<Awaited<T>>;
}

/**
 * Waits until the open overlay's animations (the fade-in) have finished, so a screenshot shows what a
 * user sees. getAnimations() flushes style first, so an animation about to start is already listed.
 */
export async function waitForOverlayAnimations(page: Page | PuppeteerPage): Promise<void> {
  // (the reader and the "not an article" notice alike: whatever the shadow root animates)
  await waitUntil(
    () =>
      overlayEval(page, (root) =>
        root.getAnimations().every((a) => a.playState === 'finished' || a.playState === 'idle'),
      ),
    "the overlay's fade-in to finish",
  );
}

/** What a user sees in the overlay, as plain data (for assertions shared by the Chromium and Firefox specs). */
export interface OverlaySnapshot {
  role: string | null;
  ariaModal: string | null;
  labelledTitle: string | null;
  title: string;
  notice: string | null;
  times: { datetime: string; text: string }[];
  datelineText: string;
  related: { title: string; href: string; section: string }[];
  articleText: string;
  dir: string | null;
}

export function readOverlay(page: Page | PuppeteerPage): Promise<OverlaySnapshot> {
  return overlayEval(page, (root) => {
    const dialog = root.querySelector('[role="dialog"]');
    const labelId = dialog?.getAttribute('aria-labelledby');
    const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return {
      role: dialog?.getAttribute('role') ?? null,
      ariaModal: dialog?.getAttribute('aria-modal') ?? null,
      labelledTitle: labelId ? text(root.getElementById(labelId)) : null,
      title: text(root.querySelector('h1')),
      notice: root.querySelector('.notice') ? text(root.querySelector('.notice')) : null,
      times: Array.from(root.querySelectorAll('.dateline time')).map((t) => ({
        datetime: t.getAttribute('datetime') ?? '',
        text: text(t),
      })),
      datelineText: text(root.querySelector('.dateline')),
      related: Array.from(root.querySelectorAll('.related a')).map((a) => ({
        title: text(a.querySelector('.headline') ?? a),
        href: (a as HTMLAnchorElement).href,
        section: text(a.closest('section')?.querySelector('h2, h3')),
      })),
      articleText: text(root.querySelector('.article-body')),
      dir: root.querySelector('article')?.getAttribute('dir') ?? null,
    };
  });
}
