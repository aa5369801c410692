/**
 * What the hostile-page specs (Chromium: hostile.spec.ts, Firefox: hostile-firefox.spec.ts) look for
 * in a page: the payloads' `__pwned_<id>` flags in the page's main world, and anything in the
 * overlay's shadow root that could run or load script. Works with playwright and puppeteer pages.
 */
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { overlayEval } from './harness.js';
import { PAYLOADS } from '../fixtures/hostile/payloads.js';

export const IDS = PAYLOADS.map((p) => p.id);

type AnyPage = Page | PuppeteerPage;
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

