/**
 * What the hostile-page specs (Chromium: hostile.spec.ts, Firefox: hostile-firefox.spec.ts) look for
 * in a page: the payloads' `__pwned_<id>` flags in the page's main world, and anything in the
 * overlay's shadow root that could run or load script. Works with playwright and puppeteer pages.
 */
import { createServer } from 'node:http';
import { inflateSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { expect } from 'vitest';
import { OVERLAY_TAG, overlayEval } from './harness.js';
import { PAYLOADS, hostileArticle } from '../fixtures/hostile/payloads.js';

export const IDS = PAYLOADS.map((p) => p.id);

type AnyPage = Page | PuppeteerPage;

/** Payloads that act on the page itself rather than on an article (covered under jsdom). */
const PAGE_LEVEL = new Set(['base_href', 'meta_refresh']);

export const HOSTILE_PATH = '/news/2024/05/01/council-budget.html';
export const PLAIN_PATH = '/news/plain.html';

export interface HostileSite {
  origin: string;
  /** Every path requested, in order (a beacon would show up under /evil/). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves the hostile article (every article-level payload, with its off-site URLs pointed at this
 * server's /evil/ so that a beacon is seen) at HOSTILE_PATH, and a harmless one at PLAIN_PATH.
 */
export async function serveHostileSite(): Promise<HostileSite> {
  const requests: string[] = [];
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const localize = (html: string): string =>
    html.replaceAll('https://evil.example/', `${origin}/evil/`).replaceAll('https://127.0.0.1/', `${origin}/`);
  const payloads = PAYLOADS.filter((p) => !PAGE_LEVEL.has(p.id))
    .map((p) => `<div>${localize(p.html)}</div>`)
    .join('\n');
  pages.set(HOSTILE_PATH, hostileArticle(payloads));
  pages.set(PLAIN_PATH, hostileArticle('<p>Nothing hostile in this one.</p>', 'Plain story about the harbour'));
  return {
    origin,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
// Both libraries take (function, one serialisable argument); their typings differ.
const evaluate = <R, A>(page: AnyPage, fn: (a: A) => R, arg: A): Promise<R> =>
  (page as unknown as { evaluate(f: (a: A) => R, a: A): Promise<R> }).evaluate(fn, arg);

/** Which `__pwned_<id>` flags are set in the page's main world (values that are not elements). */
export function flags(page: AnyPage, ids: string[] = IDS): Promise<string[]> {
  return evaluate(
    page,
    (list: string[]) =>
      list.filter((id) => {
        const v = (window as unknown as Record<string, unknown>)[`__pwned_${id}`];
        // An element (or several) is the page's own named access (`<img id=…>`), not a payload that ran.
        return v !== undefined && !(v instanceof Element) && !(v instanceof HTMLCollection);
      }),
    ids,
  );
}
export const clearFlags = (page: AnyPage): Promise<void> =>
  evaluate(
    page,
    (list: string[]) => {
      for (const id of list)
        try {
          delete (window as unknown as Record<string, unknown>)[`__pwned_${id}`];
        } catch {
          /* named access */
        }
    },
    IDS,
  );

/** Everything in the overlay that could run or load script, as a list of findings ([] = clean). */
export function liveScriptInOverlay(page: AnyPage): Promise<string[]> {
  return overlayEval(page, (root) => {
    const found: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.localName;
      if (
        [
          'script',
          'iframe',
          'object',
          'embed',
          'form',
          'frame',
          'svg',
          'math',
          'base',
          'meta',
          'link',
          'template',
        ].includes(tag) &&
        el.closest('.article-body')
      )
        found.push(`<${tag}>`);
      if (tag === 'script') found.push('<script> anywhere');
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
        if (a.name === 'srcdoc') found.push(`${tag}[srcdoc]`);
      }
      for (const attr of ['href', 'src']) {
        const v = el.getAttribute(attr);
        if (v === null) continue;
        let protocol = 'invalid:';
        try {
          protocol = new URL(v, document.baseURI).protocol;
        } catch {
          /* stays invalid */
        }
        if (
          !['http:', 'https:', 'mailto:', 'data:'].includes(protocol) ||
          (protocol === 'data:' && !/^data:image\/(png|jpe?g|gif|webp|avif);/i.test(v))
        )
          found.push(`${tag}[${attr}=${v.slice(0, 40)}]`);
      }
    }
    // Provoke whatever a handler could hang on, inside the article only (buttons would act).
    for (const el of Array.from(root.querySelectorAll('.article-body *'))) {
      for (const type of ['error', 'load', 'mouseover', 'focus', 'toggle', 'animationstart', 'transitionend'])
        el.dispatchEvent(new Event(type));
    }
    return found;
  });
}

/** The colour of the page's covers below, to tell them apart on a screenshot. */
export const COVER_RGB: [number, number, number] = [255, 0, 255];

/**
 * Page script putting its own full-screen element into the top layer after the reader opened (evaluated
 * in the page's main world, argument: the element's id), each counting the clicks it gets. Inside <body>
 * the element is inert while the reader is open (page-lock), so it would not take clicks: it would hide
 * the reader and let the user's clicks through to controls they cannot see. Outside <body> it would
 * take them.
 */
export const COVER_ATTACKS: [string, (id: string) => void][] = [
  ['cover-popover', (id) => popoverCover(id, 'body')],
  ['cover-popover-outside-body', (id) => popoverCover(id, 'html')],
  [
    'cover-dialog',
    (id) => {
      const dialog = document.createElement('dialog');
      dialog.id = id;
      dialog.setAttribute(
        'style',
        'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;' +
          'margin:0;border:0;padding:0;background:rgb(255,0,255)',
      );
      dialog.append(Object.assign(document.createElement('button'), { textContent: 'Continue' }));
      dialog.addEventListener('click', () => {
        (window as unknown as { __coverClicks: number }).__coverClicks += 1;
      });
      document.body.append(dialog);
      dialog.showModal();
    },
  ],
];

/** A full-screen manual popover `id` appended to <body> or to <html> (outside <body>: not inert). */
function popoverCover(id: string, parent: 'body' | 'html'): void {
  const cover = document.createElement('div');
  cover.id = id;
  cover.setAttribute('popover', 'manual');
  cover.setAttribute(
    'style',
    'position:fixed;inset:0;width:100vw;height:100vh;max-width:none;max-height:none;' +
      'margin:0;border:0;padding:0;background:rgb(255,0,255);opacity:1',
  );
  cover.addEventListener('click', () => {
    (window as unknown as { __coverClicks: number }).__coverClicks += 1;
  });
  (parent === 'body' ? document.body : document.documentElement).append(cover);
  cover.showPopover();
}

/** Is the page's cover `id` still shown (the guard leaves the page's element open, under the reader)? */
export function coverShown(id: string): boolean {
  const el = document.getElementById(id);
  return !!el && (el.localName === 'dialog' ? (el as HTMLDialogElement).open : el.matches(':popover-open'));
}

/** The colour on screen at (x, y): a 1×1 screenshot (a PNG row of one pixel reads the same under every filter). */
export async function pixelAt(page: AnyPage, x: number, y: number): Promise<[number, number, number]> {
  const png = Buffer.from(await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } }));
  const idat: Buffer[] = [];
  let colorType = 2;
  for (let at = 8; at < png.length;) {
    const len = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    if (type === 'IHDR') colorType = png[at + 8 + 9]!;
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  if (colorType !== 2 && colorType !== 6) throw new Error(`unexpected PNG colour type ${colorType}`);
  return [raw[1]!, raw[2]!, raw[3]!];
}

/** Records, in the page's main world, where each trusted click lands (host tag and reader action, if any). */
export function recordClicks(): void {
  const w = window as unknown as { __coverClicks: number; __clicks: string[] };
  w.__coverClicks = 0;
  w.__clicks = [];
  document.addEventListener(
    'click',
    (e) => {
      const first = e.composedPath()[0] as HTMLElement;
      w.__clicks.push(`${(e.target as Element).localName}/${first.dataset?.action ?? first.localName}`);
    },
    true,
  );
}

/** The middle of the reader's Save button, in viewport coordinates. */
export async function saveButtonCenter(page: AnyPage): Promise<[number, number]> {
  return overlayEval(page, (root) => {
    const r = root.querySelector('button[data-action="save"]')!.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2] as [number, number];
  });
}

/**
 * A script running `attack` in the page, then, once the microtasks it queued have run (the guard's
 * answer among them), returning how many animations play on the reader: 0 unless its fade-in (from
 * half opacity, see-through over the page's element) played again.
 */
export function attackScript(attack: (id: string) => void, id: string, tag: string): string {
  // (The attacks are page script: the helper they call goes with them.)
  return `(async () => {
    const popoverCover = ${popoverCover.toString()};
    (${attack.toString()})(${JSON.stringify(id)});
    for (let i = 0; i < 10; i++) await Promise.resolve();
    const root = document.documentElement.querySelector(':scope > ${tag}').shadowRoot;
    return root.querySelector('.reader').getAnimations().length;
  })()`;
}

/** Evaluates page script given as a string, in either library. */
const evaluateScript = <R>(page: AnyPage, script: string): Promise<R> =>
  (page as unknown as { evaluate(s: string): Promise<R> }).evaluate(script);

/**
 * The page's cover attacks (COVER_ATTACKS), one after another, on an open reader showing PLAIN_PATH's
 * article, in Chromium or Firefox: after each, the reader is back on top by itself (painted over the
 * page's element and hit there, the page's element left open under it), keeps the user's scroll
 * position and focus, does not fade in again, and the user's real click on Save does what the button
 * says: the first one saves; after that the button reads "Saved ✓" and opens the library in a new tab
 * (issue #23). `watchLibrary` starts waiting for that tab before the click and returns the check to
 * run after it (the library lists the article; the tab is closed). Returns Save's centre and the
 * probes there, for a spec's own follow-up checks.
 */
export async function coverAttacksKeepReaderOnTop(
  page: AnyPage,
  watchLibrary: (id: string) => () => Promise<void>,
): Promise<{ hit: () => Promise<string | null>; seen: () => Promise<string> }> {
  const [x, y] = await saveButtonCenter(page);
  await evaluate(page, recordClicks, undefined);
  const hit = (): Promise<string | null> =>
    evaluate(page, ([px, py]) => document.elementFromPoint(px!, py!)?.localName ?? null, [x, y]);
  const seen = (): Promise<string> => pixelAt(page, x, y).then((p) => p.join());
  expect(await hit()).toBe(OVERLAY_TAG);
  expect(await seen()).not.toBe(COVER_RGB.join());
  const saveLabel = (): Promise<string> =>
    overlayEval(page, (root) => root.querySelector('button[data-action="save"]')?.textContent ?? '');
  const status = (): Promise<string> => overlayEval(page, (root) => root.querySelector('.status')?.textContent ?? '');
  const readWindow = <T>(key: string): Promise<T> =>
    evaluate(page, (k) => (window as unknown as Record<string, T>)[k]!, key);
  let saves = 0;
  for (const [id, attack] of COVER_ATTACKS) {
    // (Saving disables the Save button for a moment, which drops its focus: put it back in the reader.)
    await overlayEval(page, (root) => root.querySelector<HTMLElement>('.scroller')!.focus());
    const scrolled = await overlayEval(page, (root) => {
      const scroller = root.querySelector<HTMLElement>('.scroller')!;
      scroller.scrollTop = 120;
      return scroller.scrollTop;
    });
    expect(scrolled).toBe(120);
    // Not see-through for a moment either: the reader's fade-in does not play again.
    expect(await evaluateScript(page, attackScript(attack, id, OVERLAY_TAG)), id).toBe(0);
    // Where the user was reading stays where it was.
    expect(await overlayEval(page, (root) => root.querySelector('.scroller')!.scrollTop), id).toBe(scrolled);
    // The reader is back on top by itself: painted over the page's element, and hit there. The page's
    // element stays open, under it.
    await expect.poll(seen, { timeout: 3000, message: id }).not.toBe(COVER_RGB.join());
    expect(await hit(), id).toBe(OVERLAY_TAG);
    expect(await evaluate(page, coverShown, id), id).toBe(true);
    // Focus stays in the reader (a modal dialog takes it when shown).
    expect(await evaluate(page, () => document.activeElement?.localName, undefined), id).toBe(OVERLAY_TAG);
    const saved = saves > 0;
    expect(await saveLabel(), id).toBe(saved ? 'Saved ✓' : 'Save');
    const libraryChecked = saved ? watchLibrary(id) : null;
    // A real click lands on the reader's Save button, not on the page's element.
    await page.mouse.click(x, y);
    saves += 1;
    expect(await readWindow<string[]>('__clicks'), id).toEqual(Array(saves).fill(`${OVERLAY_TAG}/save`));
    expect(await readWindow<number>('__coverClicks'), id).toBe(0);
    if (!libraryChecked) {
      await expect.poll(status, { timeout: 15_000, message: id }).toMatch(/Saved|Updated|already/i);
      await overlayEval(page, (root) => {
        root.querySelector('.status')!.textContent = '';
      });
      await expect.poll(saveLabel, { message: id }).toBe('Saved ✓');
    } else {
      await libraryChecked();
      // The next attack runs on the tab the user is looking at.
      await page.bringToFront();
    }
  }
  return { hit, seen };
}
