/**
 * Checks of the open reader shared by the Chromium and Firefox specs (issue #23):
 *
 *   axeReader(page)        the real axe-core, injected into the page, run against the overlay's shadow
 *                          root (axe pierces shadow DOM with a [host, selector] context) → its violations
 *   horizontalOverflow(p)  how far the reader's scroller (and its toolbar) scroll sideways: 0 is the goal
 *
 * Both evaluate strings, so they run the same through playwright-core and puppeteer-core.
 */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { OVERLAY_TAG } from './harness.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation { id: string; impact: string | null; help: string; targets: string[] }

/**
 * Runs axe on the open reader; `checked` counts the elements its passing rules looked at (proof that
 * it saw inside the shadow tree).
 */
export async function axeReader(page: Page | PuppeteerPage): Promise<{ violations: AxeViolation[]; checked: number }> {
  const evaluate = (src: string): Promise<unknown> => (page as Page).evaluate(src);
  if (!(await evaluate('typeof window.axe === "object"'))) await evaluate(AXE_SOURCE);
  return (await evaluate(`(async () => {
    const result = await window.axe.run({ include: [{ fromShadowDom: ['${OVERLAY_TAG}', '.reader'] }] }, {
      resultTypes: ['violations', 'passes'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    const violations = result.violations.map((v) => ({
      id: v.id, impact: v.impact ?? null, help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
    const seen = new Set(result.passes.flatMap((p) => p.nodes.map((n) => JSON.stringify(n.target))));
    return { violations, checked: seen.size };
  })()`)) as { violations: AxeViolation[]; checked: number };
}

/** The serious and critical ones (what issue #23 requires to be none). */
export const severe = (v: AxeViolation[]): AxeViolation[] =>
  v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

export interface Overflow { scroller: number; toolbar: number; width: number; widest: string[] }

/** Sideways overflow of the scroller and toolbar, and (to say why) the elements sticking out on the right. */
export async function horizontalOverflow(page: Page | PuppeteerPage): Promise<Overflow> {
  return (await (page as Page).evaluate(`(() => {
    const root = document.documentElement.querySelector(':scope > ${OVERLAY_TAG}').shadowRoot;
    const s = root.querySelector('.scroller');
    const t = root.querySelector('.toolbar');
    const edge = s.getBoundingClientRect().left + s.clientWidth;
    const widest = Array.from(root.querySelectorAll('.scroller *'))
      .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
      .slice(0, 5)
      .map((el) => el.localName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right - edge));
    const scroller = s.scrollWidth - s.clientWidth;
    return { scroller, toolbar: t.scrollWidth - t.clientWidth, width: innerWidth, widest };
  })()`)) as Overflow;
}

/** No sideways scroll in the reader (scrollWidth ≤ clientWidth); the message names what sticks out. */
export async function expectNoSidewaysScroll(page: Page | PuppeteerPage, what: string): Promise<void> {
  const o = await horizontalOverflow(page);
  expect({ scroller: o.scroller, toolbar: o.toolbar }, `${what}: ${o.widest.join('; ')}`)
    .toEqual({ scroller: 0, toolbar: 0 });
}
