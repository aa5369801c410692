/**
 * A wrong container (issue #20): when a longer block of prose than the story sits elsewhere on the
 * page (a registration pop-up's terms, the next article of an infinite-scroll page), Readability
 * returns that block; the reader shows the story under the page's headline instead. Of an article
 * split in two same-template halves, Readability may read the longer, second one: both are shown.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';
import { findStrayPick } from '../../../../src/core/article/stray-pick.js';

const url = 'https://news.example/2017/03/29/hotel-franchise-agreements';
const STORY = [
  'Many investors assume that a hotel brand will never change its franchise agreement for them, whatever they ask.',
  'That is a mistake, because the fees, the guaranty and the transfer terms are often negotiated before a deal closes.',
  'A brand needs a reason to change its form, so the best time to ask is while the franchisee can still walk away.',
  'Waiting until the week before closing leaves the franchisee with little choice but to sign the form as it stands.',
  'Key money, paid up front by the brand for an important property, does not have to be repaid if the hotel performs.',
];
const TERMS = Array.from(
  { length: 12 },
  (_, i) =>
    `Clause ${i + 1}: the Website is owned and managed by Example Ltd, and as a user you are granted a revocable ` +
    'licence to access it, under these terms and conditions, which you accept by using the Website in any way.',
);
const paras = (lines: string[]): string => lines.map((l) => `<p>${l}</p>`).join('');

function shown(body: string): string {
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Hotel Franchise Agreements Are Negotiable</title></head>` +
      `<body>${body}</body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url }).textContent;
}

describe('the story under the headline, not a longer block elsewhere', () => {
  it('a hidden registration pop-up with longer terms than the story', () => {
    const text = shown(
      // The story's paragraphs sit deep in the page's wrappers (as on the real page), the pop-up at the top level.
      `<div id="page"><div id="centre"><div id="main"><div id="content"><div id="article">` +
        `<h1>Hotel Franchise Agreements Are Negotiable</h1>` +
        `<div class="body">${paras(STORY)}</div></div></div></div></div></div>` +
        `<div class="popover"><div><form><div><div class="register"><div class="terms">${paras(TERMS)}` +
        `</div></div></div></form></div></div>`,
    );
    expect(text).toContain(STORY[0]);
    expect(text).toContain(STORY[3]);
    expect(text).not.toContain('Clause 1:');
  });

  it('a longer second article below the first on an infinite-scroll page', () => {
    const next = Array.from(
      { length: 10 },
      (_, i) =>
        `Next story, part ${i + 1}: the summit will ask hard questions about the constitution, water and growth.`,
    );
    const text = shown(
      `<main><div id="first" class="articles"><article><h1>Hotel Franchise Agreements Are Negotiable</h1>` +
        `<div class="article-body">${paras(STORY)}</div></article></div>` +
        `<div id="sponsored" class="articles native"><article><h1>A summit of hard questions</h1>` +
        `<div class="article-body">${paras(next)}</div></article></div></main>`,
    );
    expect(text).toContain(STORY[0]);
    expect(text).not.toContain('Next story, part 1:');
  });

  it('joins an article body split in two same-template halves, of which Readability reads the second', () => {
    const more = Array.from(
      { length: 10 },
      (_, i) =>
        `Part two, paragraph ${i + 1}: the brand may also give key money to a franchisee for an important hotel.`,
    );
    // Each half: an ad slot beside the text, and an ad between the halves.
    const half = (lines: string[]): string =>
      `<div class="part"><div class="slot"><img src="/ad.png"></div>` +
      `<div class="content"><div class="text">${paras(lines)}</div></div></div>`;
    const text = shown(
      `<div id="site"><div class="page"><article><header><h1>Hotel Franchise Agreements Are Negotiable</h1></header>` +
        `${half(STORY)}<div class="breaker"><img src="/ad2.png"></div>${half(more)}</article></div></div>`,
    );
    expect(text).toContain(STORY[0]);
    expect(text).toContain('Part two, paragraph 10:');
    expect(text.indexOf(STORY[0]!)).toBeLessThan(text.indexOf('Part two, paragraph 1:'));
  });

  it('a carousel of captioned pictures between the headline and the story is not a skipped story', () => {
    // Readability's pick is the story's body; the captions (one paragraph per slide) sit between.
    const slide = (i: number): string =>
      `<div class="item"><img src="/camp-${i}.jpg"><p>Picture ${i}: people walk through the camp, home to ` +
      `80,000 people who fled the war, in the morning. Photograph: A. Photographer</p></div>`;
    const doc = new JSDOM(
      `<!DOCTYPE html><html><body><article><section class="header"><h1>Hotel Franchise Agreements Are ` +
        `Negotiable</h1><div class="carousel">${[1, 2, 3, 4, 5, 6].map(slide).join('')}</div></section>` +
        `<section class="body">${paras(STORY)}</section></article></body></html>`,
      { url, virtualConsole: new VirtualConsole() },
    ).window.document;
    const picked = doc.querySelector('section.body')!.cloneNode(true) as Element; // Readability's copy
    expect(findStrayPick(doc, doc.querySelector('h1')!, picked)).toBeNull();
  });
});
