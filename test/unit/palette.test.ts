/**
 * One palette: the library and options pages share src/pages/palette.css, and its colours and typefaces
 * are the reader's (src/overlay/reader-css.ts), so a reader theme looks the same on every page of the
 * extension. A colour changed in one place and not the other fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { READER_CSS } from '../../src/overlay/reader-css.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PALETTE = readFileSync(path.join(ROOT, 'src/pages/palette.css'), 'utf8');

/** Custom properties declared in the first rule whose selector matches `selector`. */
function tokens(css: string, selector: RegExp): Map<string, string> {
  const body = new RegExp(selector.source + String.raw`[^{]*\{([^}]*)\}`).exec(css)?.[1];
  if (body === undefined) throw new Error(`no rule for ${selector}`);
  const out = new Map<string, string>();
  for (const m of body.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) {
    out.set(
      m[1]!,
      m[2]!
        .replace(/\s+/g, ' ')
        .replace(/"/g, "'")
        .replace(/rgba\(0,0,0,\./g, 'rgba(0, 0, 0, 0.')
        .trim(),
    );
  }
  return out;
}

/** The reader calls the destructive colour --accent; the pages call it --danger. */
const READER_NAME: Record<string, string> = { '--danger': '--accent' };
const THEMES: [string, RegExp, RegExp][] = [
  ['light', /\.reader, \.notice /, /:root /],
  ['sepia', /\.reader\[data-theme="sepia"\]/, /:root\[data-theme='sepia'\]/],
  ['dark', /\.reader\[data-theme="dark"\]/, /:root\[data-theme='dark'\]/],
  ['auto (dark system)', /\.reader\[data-theme="auto"\]/, /:root:not\(\[data-theme='light'\]\)/],
];

describe('the extension pages use the reader’s palette', () => {
  for (const [theme, readerSel, pageSel] of THEMES) {
    it(`${theme}: every colour both define is the same`, () => {
      const reader = tokens(READER_CSS, readerSel);
      const page = tokens(PALETTE, pageSel);
      const shared = [...page.keys()].filter((k) => reader.has(READER_NAME[k] ?? k));
      // The page palette covers the reader's colours (not just a lucky few).
      expect(shared.length).toBeGreaterThanOrEqual(theme === 'light' ? 13 : 9);
      for (const k of shared) expect(page.get(k), `${theme} ${k}`).toBe(reader.get(READER_NAME[k] ?? k));
    });
  }

  it('both pages link the shared stylesheet, and the build copies it', () => {
    for (const p of ['src/library/library.html', 'src/options/options.html']) {
      const html = readFileSync(path.join(ROOT, p), 'utf8');
      expect(html, p).toMatch(/<link rel="stylesheet" href="palette\.css" \/>/);
      // No second copy of the palette inline.
      expect(html, p).not.toMatch(/--bg:/);
    }
    expect(readFileSync(path.join(ROOT, 'build.mjs'), 'utf8')).toContain("'src/pages/palette.css'");
  });
});
