/**
 * Fuzzing the core (issue #8): generated and mutated HTML through the sanitizer and through extract().
 * For every input: no exception escapes, the article HTML obeys the sanitizer's contract
 * (test/fixtures/hostile/invariants.ts: no on* attribute, no javascript:/data:text/html URL,
 * no script/iframe/object/embed/form/style), related links are http(s), and the input took a
 * bounded amount of work. Every 20th output is also rendered in a script-running jsdom window and probed.
 *
 * Seeded (FUZZ_SEED, default fixed) and with a fixed number of inputs (FUZZ_RUNS pages per
 * property, default 80; the sanitizer property runs 6× as many), so every run, on any machine and
 * under any load, checks exactly the same inputs. No clock: "bounded" is counted in DOM calls
 * (test/support/work.ts) — an input may cost at most MAX_CALLS_PER_ELEMENT calls per element of the
 * page (a normal read costs ~250–340), which an accidental quadratic walk would blow through. For a
 * long run: FUZZ_RUNS=5000 FUZZ_SEED=$RANDOM npx vitest run test/unit/fuzz.test.ts
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extract } from '../../src/core/extract.js';
import { sanitizeHtml } from '../../src/core/sanitize.js';
import { PAYLOADS, hostileArticle } from '../fixtures/hostile/payloads.js';
import { renderAndProbe, violations } from '../fixtures/hostile/invariants.js';
import { countDomWork } from '../support/work.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20260808);
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);
/** A hang detector, not a benchmark (real-browser speed is in bench/browser.bench.mjs): DOM calls per element. */
const MAX_CALLS_PER_ELEMENT = 2000;
/** Room for the fixed cost of a read (metadata, the clone, the sanitizer's setup) on a tiny page. */
const FIXED_CALLS = 20_000;
/**
 * Per-test timeout: only a real hang reaches it (the work is fixed; this is ~20× its time on a busy 2-core
 * machine).
 */
const TIMEOUT_MS = 10 * 60_000;
const PAGE_URL = 'https://news.example/2024/05/01/story-123';

// ── generators ──────────────────────────────────────────────────────────────────────────────
const FLAG = 'window.__pwned_fuzz=1';
const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'img',
  'h1',
  'h2',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'figure',
  'figcaption',
  'blockquote',
  'pre',
  'code',
  'picture',
  'source',
  'article',
  'section',
  'time',
  'details',
  'summary',
  'br',
  'b',
  'em',
  'script',
  'style',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'noscript',
  'template',
  'base',
  'meta',
  'link',
  'textarea',
  'title',
  'xmp',
  'select',
  'option',
  'mglyph',
  'mtext',
  'foreignObject',
  'desc',
  'annotation-xml',
  'frameset',
  'frame',
  'body',
  'head',
  'html',
  'video',
  'audio',
  'marquee',
  'x-widget',
  'animate',
  'set',
  'use',
  'image',
];
const ATTRS = [
  'onerror',
  'onload',
  'onclick',
  'ONMOUSEOVER',
  'onfocus',
  'ontoggle',
  'onbegin',
  'href',
  'src',
  'srcset',
  'xlink:href',
  'style',
  'id',
  'name',
  'class',
  'srcdoc',
  'action',
  'formaction',
  'data-x',
  'cite',
  'target',
  'width',
  'background',
  'poster',
  'is',
  'attributeName',
  'values',
  'to',
  'from',
  'autofocus',
  'open',
  'type',
  'content',
  'http-equiv',
  'data',
];
const JS_URLS = [
  `javascript:${FLAG}`,
  `jav&#x61;script:${FLAG}`,
  `java&#x09;script:${FLAG}`,
  `&#x01; javascript:${FLAG}`,
  `JaVaScRiPt&colon;${FLAG}`,
  `&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${FLAG}`,
  `vbscript:${FLAG}`,
  `data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZF9mdXp6PTE8L3NjcmlwdD4=`,
  `data:image/svg+xml,<svg onload="${FLAG}">`,
  `https://img.example/a.jpg`,
  `/relative/a.png`,
  `a.png 1x, javascript:${FLAG} 2x`,
  `url(https://evil.example/b)`,
  `"><img src=x onerror=${FLAG}>`,
  `</noscript><img src=x onerror=${FLAG}>`,
  `position:fixed;inset:0;background:url(//evil.example/c)`,
  `0;url=javascript:${FLAG}`,
  FLAG,
  '',
];
const attrValue = fc.oneof(fc.constantFrom(...JS_URLS), fc.string({ maxLength: 12 }));
const attr = fc
  .tuple(fc.constantFrom(...ATTRS), attrValue, fc.constantFrom('"', "'", ''))
  .map(([n, v, q]) => (q ? ` ${n}=${q}${v.replaceAll(q, '')}${q}` : ` ${n}=${v.replace(/[\s>"']/g, '') || 'x'}`));
const text = fc.oneof(
  fc.constantFrom(
    'The council met on Tuesday. ',
    'Washington (AP) — ',
    '&amp; &lt;b&gt; &#0; &#x110000; ',
    '<',
    '>',
    '</',
    '<!--',
    '-->',
    ']]>',
    '<?xml x?>',
    '<![CDATA[x]]>',
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);

type Tree = { tag: string; attrs: string[]; children: Tree[]; close: boolean } | string;
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.record({
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(attr, { maxLength: 3 }),
      children: fc.array(tie('tree'), { maxLength: 4 }),
      close: fc.boolean(),
    }),
  ),
}));
const serialize = (t: Tree): string =>
  typeof t === 'string'
    ? t
    : `<${t.tag}${t.attrs.join('')}>${t.children.map(serialize).join('')}${t.close ? `</${t.tag}>` : ''}`;
/** A generated body inside a page that looks like news, so Readability has something to find. */
const generatedPage = fc
  .array(tree, { minLength: 1, maxLength: 6 })
  .map((ts) => hostileArticle(ts.map(serialize).join('')));

const SEED_PAGE = readFileSync(path.resolve(__dirname, '../fixtures/pages/seed-haberler.html'), 'utf8');
const SNIPPETS = [
  ...PAYLOADS.map((p) => p.html),
  '<',
  '>',
  '"',
  "'",
  '</p>',
  '<table>',
  '</table></table>',
  '<svg>',
  '<math>',
  '<noscript>',
  '</body>',
  '<frameset>',
  '<!--',
  '<plaintext>',
];
type Op = {
  kind: 'insert' | 'delete' | 'duplicate' | 'truncate' | 'swapQuotes';
  at: number;
  len: number;
  snippet: string;
};
const op = fc.record({
  kind: fc.constantFrom('insert', 'insert', 'insert', 'delete', 'duplicate', 'truncate', 'swapQuotes'),
  at: fc.double({ min: 0, max: 1, noNaN: true }) as fc.Arbitrary<number>,
  len: fc.integer({ min: 1, max: 400 }),
  snippet: fc.constantFrom(...SNIPPETS),
}) as fc.Arbitrary<Op>;
function mutate(html: string, ops: Op[]): string {
  let s = html;
  for (const o of ops) {
    const i = Math.floor(o.at * s.length);
    if (o.kind === 'insert') s = s.slice(0, i) + o.snippet + s.slice(i);
    else if (o.kind === 'delete') s = s.slice(0, i) + s.slice(i + o.len);
    else if (o.kind === 'duplicate') s = s.slice(0, i + o.len) + s.slice(i, i + o.len) + s.slice(i + o.len);
    else if (o.kind === 'truncate' && s.length - i > 2000) s = s.slice(0, Math.max(i, 200));
    else if (o.kind === 'swapQuotes') s = s.slice(0, i) + s.slice(i, i + o.len).replace(/"/g, "'") + s.slice(i + o.len);
  }
  return s;
}
const bases = [SEED_PAGE, ...PAYLOADS.slice(0, 8).map((p) => hostileArticle(p.html))];
const mutatedPage = fc
  .tuple(fc.constantFrom(...bases), fc.array(op, { minLength: 1, maxLength: 8 }))
  .map(([b, ops]) => mutate(b, ops));

// ── the property ────────────────────────────────────────────────────────────────────────────
let win: JSDOM;
let checker: JSDOM;
beforeAll(() => {
  win = new JSDOM('<!doctype html><html><body></body></html>', { url: PAGE_URL });
  checker = new JSDOM('<!doctype html><body></body>', { url: 'https://reader.test/' });
});
afterAll(() => {
  win.window.close();
  checker.window.close();
});

/** Loads `html` as the window's document (a fresh JSDOM per input would cost ~15 ms each). */
function load(html: string): Document {
  const doc = win.window.document;
  const parsed = new win.window.DOMParser().parseFromString(html, 'text/html');
  // (jsdom's Document.replaceChildren wrongly refuses a new <html> while the old one is there)
  while (doc.firstChild) doc.removeChild(doc.firstChild);
  for (const n of Array.from(parsed.childNodes)) {
    // jsdom cannot import a malformed doctype (`<!doctype 1>`); extract()'s own handling of one is
    // tested in bad-input.test.ts with a page parsed as the CLI parses it.
    if (n.nodeType === 10) continue;
    doc.appendChild(doc.importNode(n, true));
  }
  return doc;
}

interface Stats {
  runs: number;
  maxCalls: number;
  articles: number;
  calls: number[];
}
const probeQueue: string[] = [];

function check(html: string, stats: Stats): boolean {
  const doc = load(html);
  const elements = doc.getElementsByTagName('*').length;
  const { result, work } = countDomWork(win.window as unknown as Window & typeof globalThis, () =>
    extract(doc, { url: PAGE_URL, now: '2024-05-02T12:00:00Z' }),
  );
  stats.runs++;
  stats.maxCalls = Math.max(stats.maxCalls, work.calls / elements);
  stats.calls.push(work.calls);
  if (result.content) stats.articles++;
  if (stats.runs % 20 === 0 && result.content) probeQueue.push(result.content);
  const bad = violations(result.content, checker);
  if (bad.length) throw new Error(`unsanitized output: ${bad.slice(0, 5).join('; ')}`);
  for (const r of result.related) if (!/^https?:\/\//.test(r.url)) throw new Error(`related link ${r.url}`);
  if (work.calls > FIXED_CALLS + MAX_CALLS_PER_ELEMENT * elements)
    throw new Error(`extract made ${work.calls} DOM calls on a page of ${elements} elements`);
  return true;
}

function run(name: string, arb: fc.Arbitrary<string>, seedOffset: number): Stats {
  const stats: Stats = { runs: 0, maxCalls: 0, articles: 0, calls: [] };
  fc.assert(
    fc.property(arb, (html) => check(html, stats)),
    { seed: SEED + seedOffset, numRuns: RUNS, endOnFailure: true },
  );
  const median = [...stats.calls].sort((a, b) => a - b)[Math.floor(stats.calls.length / 2)] ?? 0;
  console.log(
    `fuzz ${name}: ${stats.runs} inputs, ${stats.articles} with an article, median ${median} DOM calls, at most ${stats.maxCalls.toFixed(0)} per element (seed ${SEED + seedOffset})`,
  );
  return stats;
}

describe('fuzz: the sanitizer on generated hostile markup', () => {
  it(
    'output always obeys the contract, and re-parsing it changes no text',
    () => {
      let runs = 0;
      const doc = (): Document => win.window.document;
      const markup = fc.array(tree, { minLength: 1, maxLength: 8 }).map((ts) => ts.map(serialize).join(''));
      fc.assert(
        fc.property(markup, (html) => {
          runs++;
          const once = sanitizeHtml(html, doc());
          const bad = violations(once, checker);
          if (bad.length) throw new Error(`unsanitized output: ${bad.slice(0, 5).join('; ')}`);
          // Parsing the output again (what the overlay and library do) must not turn text into markup
          // (the signature of mutation XSS): same text, still clean. The element structure may move
          // (a <p> inside <time> inside <p> re-parses as siblings), which is harmless.
          const twice = sanitizeHtml(once, doc());
          if (violations(twice, checker).length) throw new Error(`re-sanitized output unclean: ${twice.slice(0, 200)}`);
          const text = (h: string): string => JSDOM.fragment(h).textContent ?? '';
          if (text(twice) !== text(once)) throw new Error(`re-parsing changed the text: ${once.slice(0, 200)}`);
          if (runs % 50 === 0 && once) probeQueue.push(once);
        }),
        { seed: SEED + 2, numRuns: RUNS * 6, endOnFailure: true },
      );
      console.log(`fuzz sanitizer: ${runs} inputs (seed ${SEED + 2})`);
      expect(runs).toBe(RUNS * 6);
    },
    TIMEOUT_MS,
  );
});

describe('fuzz: extract() on generated and mutated pages', () => {
  it(
    'generated hostile markup: never throws, output always sanitized, bounded work',
    () => {
      const s = run('generated', generatedPage, 0);
      expect(s.runs).toBe(RUNS);
      expect(s.articles).toBeGreaterThan(s.runs / 2); // the pages are articles: the property is about real output
    },
    TIMEOUT_MS,
  );

  it(
    'mutated real and hostile pages: never throws, output always sanitized, bounded work',
    () => {
      const s = run('mutated', mutatedPage, 1);
      expect(s.runs).toBe(RUNS);
      expect(s.articles).toBeGreaterThan(s.runs / 2);
    },
    TIMEOUT_MS,
  );

  it('a sample of the outputs, rendered in a script-running window, runs nothing', async () => {
    expect(probeQueue.length).toBeGreaterThan(3);
    for (const html of probeQueue.slice(0, 60)) expect(await renderAndProbe(html, ['fuzz'])).toEqual([]);
  });
});
