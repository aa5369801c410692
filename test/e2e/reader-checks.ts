/**
 * Checks of the open reader shared by the Chromium and Firefox specs (issue #23):
 *
 *   axeReader(page)        the real axe-core, injected into the page, run against the overlay's shadow
 *                          root (axe pierces shadow DOM with a [host, selector] context) → its violations
 *   horizontalOverflow(p)  how far the reader's scroller (and its toolbar) scroll sideways: 0 is the goal
 *   expectDpaWireOnDateline(p)  issue #21's German dpa story: place and agency on the dateline, not in the text
 *
 * Both evaluate strings, so they run the same through playwright-core and puppeteer-core.
 */
import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { OVERLAY_TAG, overlayEval, readOverlay } from './harness.js';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe on the open reader; `checked` counts the elements its passing rules looked at (proof that
 * it saw inside the shadow tree).
 */
export interface AxeResult {
  violations: AxeViolation[];
  /** Elements the passing rules looked at. */
  checked: number;
  /** Rules axe could not decide ("needs review"), with how many elements each. */
  incomplete: string[];
}

export async function axeReader(page: Page | PuppeteerPage): Promise<AxeResult> {
  const evaluate = (src: string): Promise<unknown> => (page as Page).evaluate(src);
  if (!(await evaluate('typeof window.axe === "object"'))) await evaluate(AXE_SOURCE);
  return (await evaluate(`(async () => {
    const result = await window.axe.run({ include: [{ fromShadowDom: ['${OVERLAY_TAG}', '.reader'] }] }, {
      resultTypes: ['violations', 'passes', 'incomplete'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    const violations = result.violations.map((v) => ({
      id: v.id, impact: v.impact ?? null, help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
    const seen = new Set(result.passes.flatMap((p) => p.nodes.map((n) => JSON.stringify(n.target))));
    const incomplete = result.incomplete.map((r) => r.id + ' ×' + r.nodes.length);
    return { violations, checked: seen.size, incomplete };
  })()`)) as AxeResult;
}

/** The serious and critical ones (what issue #23 requires to be none). */
export const severe = (v: AxeViolation[]): AxeViolation[] =>
  v.filter((x) => x.impact === 'serious' || x.impact === 'critical');

export interface Overflow {
  scroller: number;
  toolbar: number;
  width: number;
  widest: string[];
}

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
  expect({ scroller: o.scroller, toolbar: o.toolbar }, `${what}: ${o.widest.join('; ')}`).toEqual({
    scroller: 0,
    toolbar: 0,
  });
}

export interface ContrastRow {
  what: string;
  ratio: number;
  need: number;
}

/**
 * WCAG contrast of the reader's text and control boundaries, from computed colours (axe leaves
 * color-contrast "needs review" inside the top-layer shadow tree, so it is measured here): text
 * against the nearest opaque background, 4.5:1 (3:1 for text of 24 px and more); each toolbar
 * button's border against the toolbar, 3:1 (WCAG 1.4.11).
 */
export async function readerContrast(page: Page | PuppeteerPage): Promise<ContrastRow[]> {
  return (await (page as Page).evaluate(`(() => {
    const root = document.documentElement.querySelector(':scope > ${OVERLAY_TAG}').shadowRoot;
    const rgb = (c) => {
      const m = c.match(/[\\d.]+/g).map(Number);
      return { r: m[0], g: m[1], b: m[2], a: m[3] ?? 1 };
    };
    const channel = (v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const lum = ({ r, g, b }) => 0.2126 * channel(r / 255) + 0.7152 * channel(g / 255) + 0.0722 * channel(b / 255);
    const ratio = (x, y) => {
      const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p);
      return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100;
    };
    const bgOf = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.a > 0.9) return c;
      }
      return { r: 255, g: 255, b: 255 };
    };
    const rows = [];
    const text = {
      'body text': '.article-body p', title: 'h1', dateline: '.dateline time', 'your time': '.dateline .local',
      updated: '.dateline .updated', meta: '.meta', caption: 'figcaption', 'related link': '.related a',
      'related section': '.related h2', 'related time': '.related time', 'site name': '.site-name',
      'time left': '.time-left', button: '.actions button',
    };
    for (const [what, sel] of Object.entries(text)) {
      const el = root.querySelector(sel);
      if (!el || !el.getClientRects().length || !el.textContent.trim()) continue;
      const cs = getComputedStyle(el);
      const size = parseFloat(cs.fontSize);
      const large = size >= 24 || (size >= 18.66 && +cs.fontWeight >= 700);
      rows.push({ what, ratio: ratio(rgb(cs.color), bgOf(el)), need: large ? 3 : 4.5 });
    }
    const bar = bgOf(root.querySelector('.toolbar'));
    for (const b of root.querySelectorAll('.toolbar > button, .toolbar .actions button, .toolbar button.site-menu')) {
      if (!b.getClientRects().length) continue;
      const name = b.getAttribute('aria-label') || b.textContent.trim();
      rows.push({ what: 'border of ' + name, ratio: ratio(rgb(getComputedStyle(b).borderTopColor), bar), need: 3 });
    }
    return rows;
  })()`)) as ContrastRow[];
}

/**
 * Issue #21, a German dpa story with a teaser (fixture de-dpa-teaser.html), open in the reader: the
 * dateline names the place and the agency as the story's opening did; no "By dpa" byline (the agency
 * is already on the dateline); the teaser comes first, then the story's sentence, whose
 * "Berlin (dpa) -" was lifted onto the dateline, so it reads on its own.
 */
export async function expectDpaWireOnDateline(page: Page | PuppeteerPage): Promise<void> {
  const o = await readOverlay(page);
  expect(o.title).toBe('Bundesregierung beschließt Entlastungspaket für Pendler');
  expect(o.datelineText).toMatch(/berlin/i);
  expect(o.datelineText).toContain('dpa');
  const wire = await overlayEval(page, (root) => ({
    place: root.querySelector('.dateline .place')?.textContent ?? null,
    agency: root.querySelector('.dateline .agency')?.textContent ?? null,
    head: (root.querySelector('header.head')?.textContent ?? '').replace(/\s+/g, ' '),
    bylines: root.querySelectorAll('.byline').length,
    paragraphs: Array.from(root.querySelectorAll('.article-body p'), (p) => (p.textContent ?? '').trim()),
  }));
  expect(wire.place).toMatch(/^berlin$/i);
  expect(wire.agency).toBe('(dpa)');
  expect.soft(o.times.map((t) => t.datetime)).toContainEqual(expect.stringMatching(/^2024-09-18T14:12/));
  expect(wire.bylines).toBe(0);
  expect(wire.head).not.toMatch(/By dpa/i);
  expect(o.articleText).toMatch(/^Wer täglich zur Arbeit.*von den Ländern\. Die Bundesregierung hat am/);
  expect(o.articleText).not.toMatch(/Berlin \(dpa\)\s*[-–—]/);
  expect(wire.paragraphs[1]).toMatch(/^Die Bundesregierung hat am Mittwoch/);
}
