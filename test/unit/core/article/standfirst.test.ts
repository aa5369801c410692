/**
 * The standfirst (issue #20): the line a page prints between its headline and the story, summing it
 * up, sits outside the block of paragraphs Readability picks, and was lost. The reader shows it under
 * the title (result.standfirst), apart from the article's text; bylines, date lines, captions, sign-up
 * prompts and script text printed there are not taken for it.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://news.example/2017/07/20/old-tablets-lose-updates';
const TITLE = 'No more Windows updates for some old tablets';
const DEK = 'The chip maker dropped support for the processor, so the software maker is in a bind.';
const STORY = [
  'Owners of three- to four-year-old tablets noticed that they were unable to upgrade to the latest version.',
  'Instead, they were greeted with a message saying the system is no longer supported on this machine at all.',
  'In an emailed statement, the company confirmed that these machines will not get the latest feature update.',
  'It will keep them secure with the previous version until the original extended support period ends in 2023.',
  'The chips lacked horsepower, and the chip maker quickly moved on to a more powerful architecture after that.',
];
const body = `<div class="article-text">${STORY.map((l) => `<p>${l}</p>`).join('')}</div>`;

function read(html: string): { standfirst?: string; textContent: string } {
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>${TITLE}</title></head><body>${html}</body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url });
}

describe('the standfirst under the headline', () => {
  it('a class-less line right after the headline, apart from the story', () => {
    const r = read(
      `<div class="top"><div class="title-block"><h1>${TITLE}</h1><div class="t-d7">${DEK}</div></div></div>` +
        `<div class="meta">By Steve Dent</div><div class="block"><div class="cell">${body}</div></div>`,
    );
    expect(r.standfirst).toBe(DEK);
    expect(r.textContent).toContain(STORY[0]);
    expect(r.textContent).toContain(STORY[4]);
  });

  it('a dek-classed line after the byline and date', () => {
    const r = read(
      `<header><h1>${TITLE}</h1><p class="byline">By Steve Dent</p><p class="date">July 20, 2017</p>` +
        `<h2 class="article-dek">${DEK}</h2></header><main>${body}</main>`,
    );
    expect(r.standfirst).toBe(DEK);
  });

  it('none when the article holds the line already', () => {
    const r = read(`<article><h1>${TITLE}</h1><p class="standfirst">${DEK}</p>${body}</article>`);
    expect(r.standfirst).toBeUndefined();
    expect(r.textContent).toContain(DEK);
  });

  it('not a caption, a date line, a sign-up prompt or a script', () => {
    const caption = 'Owners of old tablets queue outside a store in the city centre on a rainy Thursday.';
    const signUp = 'Sign up for our newsletter and get the latest news on tablets in your inbox every day.';
    const r = read(
      `<header><h1>${TITLE}</h1>` +
        `<div><script>window.adSlots = window.adSlots || []; adSlots.push({ slot: "top", size: 300 });</script></div>` +
        `<div class="dateline">Steve Dent, 20 July 2017</div>` +
        `<div class="lead-photo"><img src="/a.jpg"><span class="photo-caption">${caption}</span></div>` +
        `<div class="summary">${signUp}</div>` +
        `</header><main>${body}</main>`,
    );
    expect(r.standfirst).toBeUndefined();
  });

  it('a line that restates the whole headline inside a longer sentence is a standfirst, not the headline', () => {
    const dek = `Newspaper says ${TITLE.toLowerCase()} from next month`;
    const r = read(
      `<div class="top"><div class="title-block"><h1>${TITLE}</h1><div class="t-d7">${dek}</div></div></div>` +
        `<div class="block"><div class="cell">${body}</div></div>`,
    );
    expect(r.standfirst).toBe(dek);
  });
});
