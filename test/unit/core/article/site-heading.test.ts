/**
 * The site's logo or a blog's or section's name printed as a heading above the story
 * (src/core/article/clean.ts isSiteHeading, issue #20): one link, all the heading's text, to a page of
 * the same site higher up than the story's own. It goes; a heading linking to another story, and the
 * story's own headings, stay.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://www.harbourwire.example/world/2024/05/01/harbour-story-123456';
const PARA = (n: number): string =>
  `<p>${'The harbour reopened on Tuesday after a week of repairs to the sea wall, officials said. '.repeat(3)}(${n})</p>`;

/** The text the reader shows of the article, one line a block, for a page whose story opens with `top`. */
function shown(top: string): string {
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Harbour reopens after repairs</title></head><body><article>` +
      `<header>${top}</header><h1>Harbour reopens after repairs</h1>${PARA(1)}${PARA(2)}${PARA(3)}</article></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  const holder = new JSDOM('').window.document.createElement('div');
  holder.innerHTML = extract(doc, { url, now: '2024-06-01T00:00:00Z' }).content.replace(/<\/(?:p|h\d|div)>/g, '$&\n');
  return holder.textContent ?? '';
}

describe('the site’s name as a heading above the story', () => {
  it('goes: a logo heading linking to the home page, with its picture', () => {
    const t = shown(
      '<h2><a href="/"><span>Harbour Wire. Home of the Daily Wire.</span>' +
        '<img src="https://www.harbourwire.example/logo.png" alt="logo"></a></h2>',
    );
    expect(t).toContain('officials said. (1)');
    expect(t).not.toContain('Home of the Daily Wire');
  });
  it('goes: a blog’s name linking to the blog’s index', () => {
    const t = shown('<h2><a href="https://www.harbourwire.example/world/blog/index.html">TheHarbourBlog</a></h2>');
    expect(t).toContain('officials said. (1)');
    expect(t).not.toContain('TheHarbourBlog');
  });
  it('kept: a heading linking to another story, and a heading that is no link', () => {
    const t = shown(
      '<h2><a href="/world/2024/04/30/ferry-strike-654321">Ferry strike ends after talks</a></h2>' +
        '<h2>Sea wall repairs</h2>',
    );
    expect(t).toContain('Ferry strike ends after talks');
    expect(t).toContain('Sea wall repairs');
  });
});

describe('a heading link after some of the story', () => {
  it('kept: a heading linking to a section page, under the story’s first lines', () => {
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head><title>Harbour reopens after repairs</title></head><body><article>` +
        '<h1>Harbour reopens after repairs</h1><p>The harbour reopened on Tuesday.</p>' +
        '<h3><a href="/world/sea-wall/">Sea wall repairs</a></h3><p>Officials said the sea wall held.</p>' +
        `${PARA(1)}${PARA(2)}</article></body></html>`,
      { url, virtualConsole: new VirtualConsole() },
    ).window.document;
    expect(extract(doc, { url, now: '2024-06-01T00:00:00Z' }).content).toContain('Sea wall repairs');
  });
});
