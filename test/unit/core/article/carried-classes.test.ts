/**
 * The class of a block Readability rewrites, given back to what takes its place
 * (src/core/article/carried-classes.ts): `<div class="caption"><p>…</p></div>` comes out of
 * Readability as a bare <p>; the cleaning's class rules must still see "caption" (the reader shows the
 * line as the picture's caption, not as a paragraph of the story), and Readability's own text must
 * not change.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { extract } from '../../../../src/core/extract.js';
import { ClassKeepingReadability } from '../../../../src/core/article/carried-classes.js';

const url = 'https://www.harbourwire.example/world/2024/05/01/harbour-story-123456';
const PARA = (n: number): string =>
  `<p>${'The harbour reopened on Tuesday after a week of repairs to the sea wall, officials said. '.repeat(3)}(${n})</p>`;
const IMG = '<div class="image"><img src="https://www.harbourwire.example/img/harbour.jpg" alt=""></div>';

function page(block: string): Document {
  return new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Harbour reopens</title></head>` +
      `<body><article>${PARA(1)}${block}${PARA(2)}${PARA(3)}</article></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
}

const run = (block: string): ReturnType<typeof extract> => extract(page(block), { url, now: '2024-06-01T00:00:00Z' });

describe('a caption block Readability rewrites', () => {
  it('a <div class="caption"> holding one <p> is still a caption: shown with the picture, not as running text', () => {
    const r = run(`${IMG}<div class="caption"><p>Workers on the sea wall</p></div>`);
    expect(r.textContent).not.toContain('Workers on the sea wall');
    expect(r.content).toMatch(/<figcaption>\s*Workers on the sea wall\s*<\/figcaption>/);
  });
  it('kept: paragraphs each wrapped in a class the paywall rule reads (a metered site’s "subscriber-only")', () => {
    const wrapped = [1, 2, 3, 4].map((n) => `<div class="subscriber-only">${PARA(n + 3)}</div>`).join('');
    const r = run(wrapped);
    for (const n of [4, 5, 6, 7]) expect(r.textContent).toContain(`officials said. (${n})`);
  });
  it('Readability’s text is the same: the names come back only after it is done', () => {
    const block = `${IMG}<div class="caption"><p>Workers on the sea wall</p></div>`;
    const plain = new Readability(page(block)).parse()?.textContent;
    const kept = new ClassKeepingReadability(page(block)).parse()?.textContent;
    expect(kept).toBe(plain);
  });
});
