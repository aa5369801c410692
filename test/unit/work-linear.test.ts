/**
 * Hostile pages cannot make extract() superlinear (issue #17). A page can write one huge text node of
 * dates, or thousands of headings, links or paragraphs shaped to make a scan compare everything with
 * everything; the cost must grow with the page, not with its square.
 *
 * Work is COUNTED, never timed: the core's scans add what they do (nodes visited, characters
 * scanned, date matches and span comparisons, sibling steps) to `workTally` (src/core/work.ts), and
 * doubling a page may at most about double that count. Wall-clock time on this shared machine says
 * nothing reliable, and no test here reads it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../src/core/extract.js';
import { workTally } from '../../src/core/work.js';
import { findRelated, MAX_RELATED } from '../../src/core/related/index.js';

const URL_ = 'https://news.example/world/2024/03/12/storm-closes-harbour';
const page = (html: string): Document =>
  new JSDOM(html, { url: URL_, virtualConsole: new VirtualConsole() }).window.document;

/**
 * jsdom's own hidden cost (the CLI runs the core in jsdom): a live HTMLCollection answers every
 * property read that is not an index, `length` included, by scanning its whole list for a named
 * item, so walking one (Array.from, or a loop testing `length`) costs its length squared. Counted
 * here as the items those scans pass, added to the core's own tally.
 */
const require_ = createRequire(import.meta.url);
const collection = require_('jsdom/lib/jsdom/living/nodes/HTMLCollection-impl.js') as {
  implementation: { prototype: { namedItem(this: { _list: unknown[] }, key: string): unknown } };
};
const namedItem = collection.implementation.prototype.namedItem;
let scanned = 0;
beforeAll(() => {
  collection.implementation.prototype.namedItem = function (this: { _list: unknown[] }, key: string) {
    scanned += this._list.length;
    return namedItem.call(this, key);
  };
});
afterAll(() => {
  collection.implementation.prototype.namedItem = namedItem;
});

/** The work extract() does on the page `build(n)` makes, for n, 2n and 4n. */
function workAt(build: (n: number) => string, n: number): number[] {
  return [n, 2 * n, 4 * n].map((k) => {
    const doc = page(build(k));
    workTally.count = 0;
    scanned = 0;
    extract(doc, { url: URL_, now: '2024-03-12T18:00:00Z' });
    return workTally.count + scanned;
  });
}

/** Each doubling of the page at most ~doubles the work (2.3: room for fixed costs that do not double). */
function expectLinear(counts: number[]): void {
  for (let i = 1; i < counts.length; i++) {
    expect(counts[i]!, `work ${counts.join(' → ')}`).toBeLessThanOrEqual(2.3 * counts[i - 1]!);
  }
}

const article = (body: string): string =>
  '<html><head><title>Storm closes harbour</title></head>' +
  `<body><article><h1>Storm closes harbour</h1>${body}</article></body></html>`;

/** Date shapes the text scan reads, each repeated by a page to make it match thousands of times. */
const DATE_UNITS = [
  '2024-03-12 ',
  'March 12, 2024 ',
  '12 March 2024, ',
  '12.03.2024 13:42 ',
  '2024/03/12 ',
  '3 hours ago ',
  'Updated: 2024-03-12 10:07 ',
  '2024年3月12日 ',
];

describe('extract() work is linear in page size on hostile pages', () => {
  it('one huge text node of dates (the visible-text date scan)', () => {
    const counts = workAt((n) => article(`<p>${'2024-03-12 '.repeat(n)}</p>`), 2500);
    expectLinear(counts);
  });

  it('any date shape, in one node or in many, near the headline or before it (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DATE_UNITS),
        fc.constantFrom('one-node', 'many-nodes', 'before-headline'),
        (unit, shape) => {
          const body = (n: number): string => {
            if (shape === 'one-node') return article(`<p>${unit.repeat(n)}</p>`);
            if (shape === 'many-nodes') return article(`<div>${`<span>${unit}</span>`.repeat(n)}</div>`);
            return `<html><body><p>${unit.repeat(n)}</p><h1>Storm closes harbour</h1><p>Text.</p></body></html>`;
          };
          expectLinear(workAt(body, 600));
        },
      ),
      { numRuns: 10, seed: 17 },
    );
  });

  it('thousands of <meta>, <link>, <script>, <time>, <h1>, <p>, <h2>, <style> (no live collection walked)', () => {
    const tags = (n: number): string => `<html><head><title>Storm closes harbour</title>
      ${'<meta name="x" content="y">'.repeat(n)}${'<link rel="preload" href="/a.css">'.repeat(n)}
      ${'<script type="text/x-config">1</script>'.repeat(n)}${'<style>p{}</style>'.repeat(n)}</head>
      <body><article><h1>Storm closes harbour</h1>${'<h1>x</h1><h2><a href="/b">x</a></h2><time>x</time>'.repeat(n)}
      ${'<p>The council met on Tuesday and approved the budget for schools.</p>'.repeat(n)}</article></body></html>`;
    expectLinear(workAt(tags, 150));
  }, 120_000);

  it('headings that end their paragraphs, and one block of thousands of story links (related headlines)', () => {
    const link = (k: number): string =>
      `<li><a href="/world/2024/03/12/harbour-story-${k}">Harbour story number ${k} in the news</a></li>`;
    const body = (n: number): string =>
      article(
        `<p>${'Text of the story. '.repeat(20)}</p>` +
          `<section>${(
            '<div>A paragraph long enough that its label stays a label of its own ' +
            '<span class="title">Latest</span></div>'
          ).repeat(n)}</section>` +
          `<h2>Latest news</h2><ul>${Array.from({ length: n }, (_, k) => link(k)).join('')}</ul>`,
      );
    expectLinear(workAt(body, 400));
  }, 120_000);
});

describe('related headlines are capped, the most relevant kept', () => {
  it(`8,000 story links give at most ${MAX_RELATED} headlines, and the relevant ones among them`, () => {
    const links = Array.from(
      { length: 8000 },
      (_, k) => `<li><a href="/sport/2024/03/12/match-report-${k}">Match report number ${k} from the league</a></li>`,
    );
    // Three stories about the article's subject, last on the page: ranking, not page order, keeps them.
    for (const k of [1, 2, 3]) {
      links.push(`<li><a href="/world/2024/03/12/storm-harbour-${k}">Storm closes harbour again, day ${k}</a></li>`);
    }
    const doc = page(article(`<p>The storm closed the harbour.</p><h2>Latest news</h2><ul>${links.join('')}</ul>`));
    const related = findRelated(doc, {
      url: URL_,
      canonicalUrl: null,
      now: new Date('2024-03-12T18:00:00Z'),
      lang: 'en',
      title: 'Storm closes harbour',
      text: 'The storm closed the harbour on Tuesday.',
    });
    expect(related.length).toBe(MAX_RELATED);
    const relevant = [1, 2, 3].map((k) => `Storm closes harbour again, day ${k}`);
    expect(
      related
        .slice(0, 3)
        .map((h) => h.title)
        .sort(),
    ).toEqual(relevant);
  }, 120_000);
});
