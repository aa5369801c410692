/**
 * Measures of white space that allocate nothing. `text.replace(/\s+/g, ' ').trim().length` and
 * `text.split(/\s+/).length` each build a new string or array the size of the text just to count
 * it; on the article's text, at every level of the walk in clean.ts, that was the largest source of
 * garbage in extract() (a Chromium allocation profile: ~0.3 MB per call, more than Readability's
 * whole parse allocates), and its garbage collection costs wall-clock time on a 2-core machine.
 *
 * "White space" is exactly JavaScript's `\s` (which is also what trim() removes): WhiteSpace
 * (tab, vertical tab, form feed, space, no-break space, BOM, the Zs category) and LineTerminator
 * (line feed, carriage return, line and paragraph separators). test/unit/core/text/whitespace.test.ts holds
 * these functions to the regex definitions on random strings.
 */

/** Is this UTF-16 code unit matched by `\s`? */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `text.replace(/\s+/g, ' ').trim().length`: the text's length with white space collapsed and trimmed. */
export function collapsedLength(text: string): number {
  let n = 0;
  let gap = false; // white space seen since the last other character (after the first one)
  let started = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      gap = started;
    } else {
      if (gap) {
        n++;
        gap = false;
      }
      n++;
      started = true;
    }
  }
  return n;
}

/**
 * `Math.min(text.split(/\s+/).length, max)`: one more than the number of runs of white space,
 * counted no further than `max` (a caller that only compares with thresholds stops early).
 */
export function splitCount(text: string, max = Infinity): number {
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length && runs + 1 < max; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && !inRun) runs++;
    inRun = space;
  }
  return Math.min(runs + 1, max);
}

/** `/\S/.test(text)`, `!!text.replace(/\s+/g, ' ').trim()`: is there anything but white space? */
export function hasNonSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return true;
  return false;
}

/** White space that `replace(/\s+/g, ' ')` would change: any but a lone space, or two spaces in a row. */
const NEEDS_COLLAPSE = /[^\S ]| {2}/;

/**
 * `text.replace(/\s+/g, ' ').trim()`, without the copy when there is nothing to collapse (a
 * replace() that matches builds a new string even where it puts back the same single space).
 */
export function collapse(text: string): string {
  return collapseRuns(text).trim();
}

/** `text.replace(/\s+/g, ' ')` (not trimmed), without the copy when there is nothing to collapse. */
export function collapseRuns(text: string): string {
  return NEEDS_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ') : text;
}
