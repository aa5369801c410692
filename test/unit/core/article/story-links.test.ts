/**
 * Another story's headline alone on its line between the paragraphs (issue #20): one link to another
 * page of the same site, shaped like a headline, is the CMS's pointer, not the story; it leaves the
 * body. A sentence that is a link, a link to another site, and a subheading stay.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://news.example/story/1359674/burger-costs-a-fortune';
const STORY = [
  'The world’s most expensive burger is now on the menu of a restaurant in the city, at a price few will pay.',
  'It comes with gold leaf, a wagyu patty, truffles and a saffron brioche bun, the chef told reporters on Monday.',
  'The restaurant says it sold three on the first day, and it expects more orders before the holiday season.',
  'Critics said the dish was more about attention than taste, though the chef said every part of it was chosen.',
];
const p = (t: string): string => `<p>${t}</p>`;

function text(between: string): string {
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Burger costs a fortune</title></head><body><article>` +
      `<h1>Burger costs a fortune</h1>${p(STORY[0]!)}${p(STORY[1]!)}${between}${p(STORY[2]!)}${p(STORY[3]!)}` +
      `</article></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url }).textContent;
}

describe('a lone headline link to another story', () => {
  it('leaves the body, as a paragraph, a strong line or a one-item list', () => {
    for (const line of [
      `<p><strong><a href="/story/1335620/heres-how-to-get-fresh-fries">Here’s how to get fresh fries every time</a></strong></p>`,
      `<ul><li><a href="https://www.news.example/story/99/chef-talks-gold-leaf">Chef Talks Gold Leaf, Truffles, And More</a></li></ul>`,
    ]) {
      const t = text(line);
      expect(t).not.toMatch(/fresh fries|Chef Talks/);
      expect(t).toContain(STORY[2]);
    }
  });

  it('stays when it is a sentence, a link to another site, or a subheading without a link', () => {
    const sentence = 'Read the restaurant’s full menu and prices here.';
    const source = 'Gold leaf prices hit a record high this year';
    const t = text(
      `<p><a href="/story/1359675/menu">${sentence}</a></p>` +
        `<p><a href="https://other.example/markets/gold-leaf-prices">${source}</a></p>` +
        `<h2>What goes into the bun</h2>`,
    );
    expect(t).toContain(sentence);
    expect(t).toContain(source);
    expect(t).toContain('What goes into the bun');
  });
});
