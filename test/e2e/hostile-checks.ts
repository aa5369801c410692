/**
 * What the hostile-page specs (Chromium: hostile.spec.ts, Firefox: hostile-firefox.spec.ts) look for
 * in a page: the payloads' `__pwned_<id>` flags in the page's main world, and anything in the
 * overlay's shadow root that could run or load script. Works with playwright and puppeteer pages.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { overlayEval } from './harness.js';
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
    if (body === undefined) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const localize = (html: string): string => html.replaceAll('https://evil.example/', `${origin}/evil/`).replaceAll('https://127.0.0.1/', `${origin}/`);
  const payloads = PAYLOADS.filter((p) => !PAGE_LEVEL.has(p.id)).map((p) => `<div>${localize(p.html)}</div>`).join('\n');
  pages.set(HOSTILE_PATH, hostileArticle(payloads));
  pages.set(PLAIN_PATH, hostileArticle('<p>Nothing hostile in this one.</p>', 'Plain story about the harbour'));
  return {
    origin,
    requests,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
// Both libraries take (function, one serialisable argument); their typings differ.
const evaluate = <R, A>(page: AnyPage, fn: (a: A) => R, arg: A): Promise<R> =>
  (page as unknown as { evaluate(f: (a: A) => R, a: A): Promise<R> }).evaluate(fn, arg);

/** Which `__pwned_<id>` flags are set in the page's main world (values that are not elements). */
export function flags(page: AnyPage, ids: string[] = IDS): Promise<string[]> {
  return evaluate(page, (list: string[]) => list.filter((id) => {
    const v = (window as unknown as Record<string, unknown>)[`__pwned_${id}`];
    // An element (or several) is the page's own named access (`<img id=…>`), not a payload that ran.
    return v !== undefined && !(v instanceof Element) && !(v instanceof HTMLCollection);
  }), ids);
}
export const clearFlags = (page: AnyPage): Promise<void> => evaluate(page, (list: string[]) => {
  for (const id of list) try { delete (window as unknown as Record<string, unknown>)[`__pwned_${id}`]; } catch { /* named access */ }
}, IDS);

/** Everything in the overlay that could run or load script, as a list of findings ([] = clean). */
export function liveScriptInOverlay(page: AnyPage): Promise<string[]> {
  return overlayEval(page, (root) => {
    const found: string[] = [];
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.localName;
      if (['script', 'iframe', 'object', 'embed', 'form', 'frame', 'svg', 'math', 'base', 'meta', 'link', 'template'].includes(tag) && el.closest('.article-body')) found.push(`<${tag}>`);
      if (tag === 'script') found.push('<script> anywhere');
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
        if (a.name === 'srcdoc') found.push(`${tag}[srcdoc]`);
      }
      for (const attr of ['href', 'src']) {
        const v = el.getAttribute(attr);
        if (v === null) continue;
        let protocol = 'invalid:';
        try { protocol = new URL(v, document.baseURI).protocol; } catch { /* stays invalid */ }
        if (!['http:', 'https:', 'mailto:', 'data:'].includes(protocol) || (protocol === 'data:' && !/^data:image\/(png|jpe?g|gif|webp|avif);/i.test(v))) found.push(`${tag}[${attr}=${v.slice(0, 40)}]`);
      }
    }
    // Provoke whatever a handler could hang on, inside the article only (buttons would act).
    for (const el of Array.from(root.querySelectorAll('.article-body *'))) {
      for (const type of ['error', 'load', 'mouseover', 'focus', 'toggle', 'animationstart', 'transitionend']) el.dispatchEvent(new Event(type));
    }
    return found;
  });
}

