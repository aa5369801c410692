/**
 * The site's list of other stories after the story's end, under a heading that is a line of its own
 * ("Today's Top Stories" in a <span>, "More On This Topic" in a <p>): the heading and the list go.
 * Kept: the story's own paragraphs under a subheading that names the same words, and a short list of
 * the story's own lines without links.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://news.example/business/2024/05/01/chip-maker-profit-123456';
const PARA = (n: number): string =>
  `<p>${'The chip maker said profit rose on strong demand for its newest processors, its chief executive said. '.repeat(3)}(${n})</p>`;

function run(tail: string): ReturnType<typeof extract> {
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Chip maker profit rises</title></head><body><div id="story">` +
      `${PARA(1)}${PARA(2)}${PARA(3)}${PARA(4)}${tail}</div></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url });
}
const text = (tail: string): string => run(tail).textContent;
/** The article's content as the reader gets it (headings included, unlike textContent). */
const content = (tail: string): string => run(tail).content;

/** Teasers the way older news pages print them: a headline link, its agency and time, a one-line summary. */
const teasers = [
  'Phone Maker Profit Climbs On Wireless Sales Across Europe',
  'Consumer Confidence Hits A Two-Year High In July',
  'Drug Maker Profits Fall As Patents Run Out',
]
  .map(
    (h, i) =>
      `<a href="/feeds/ap/2004/07/27/story-${i}.html">${h}</a><br><span>Associated Press</span> - ` +
      `<span>7/27/04 12:4${i}:07 PM ET</span><br><span>Sales drove the quarter.</span><br>`,
  )
  .join('');

describe('a list of other stories after the story, under a heading line of its own', () => {
  it('goes, heading and all', () => {
    const t = text(`<span>Today's Top Stories</span><p>${teasers}</p>`);
    expect(t).toContain('(4)');
    expect(t).not.toContain("Today's Top Stories");
    expect(t).not.toContain('Consumer Confidence Hits High');
  });
  it('kept: the story’s own paragraphs under a subheading with the same words', () => {
    const t = text(`<h3>The latest results</h3>${PARA(5)}<p>Read the <a href="/report">full report</a>.</p>`);
    expect(t).toContain('The latest results');
    expect(t).toContain('(5)');
  });
  it('kept: the story’s short closing lines under such a subheading, without links', () => {
    const t = text('<p>Related deals</p><p>The company bought two rivals last year.</p><p>Both were small.</p>');
    expect(t).toContain('The company bought two rivals last year.');
  });
});

describe('headings left as the article’s last lines, nothing after them', () => {
  it('go: a box’s title whose box is gone, and the heading before it', () => {
    const c = content('<h4>ArsTechnica</h4><div><h3>Top Feature Story</h3><p></p></div>');
    expect(c).toContain('(4)');
    expect(c).not.toMatch(/ArsTechnica|Top Feature Story/);
  });
  it('kept: a subheading with the story’s text after it, and a heading over a picture', () => {
    const c = content(
      `<h3>What comes next</h3>${PARA(5)}<h3>The new plant</h3>` +
        '<figure><img src="https://news.example/img/plant.jpg" alt=""></figure>',
    );
    expect(c).toContain('What comes next');
    expect(c).toContain('The new plant');
  });
});
