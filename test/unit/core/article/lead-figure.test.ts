/**
 * The lead photo's caption (issue #20): a photo printed between the headline and the story, in a box of
 * its own with a caption and credit beside it, is left out of Readability's pick, and the caption with
 * it. The article then opens with that photo and its caption (what the reader shows as the lead
 * figure); a photo with nothing said about it, or an article that shows a photo already, gets nothing.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://news.example/2008/01/17/film-awards';
const TITLE = 'Period romance leads the race for the film awards';
const CAPTION = 'This undated photo shows the two leading actors during a scene from the film.';
const CREDIT = '(Jane Doe - AP)';
const STORY = [
  'LONDON -- The tragic period romance dominated the race for the film awards, with nominations in 14 categories.',
  'Two other films also received multiple nods for the awards, the organizers announced on Wednesday morning.',
  'The prizes, to be awarded at the opera house next month, are considered an indicator of later prospects.',
  'In an eclectic field of nominees, the brothers received nine nods, including best director and screenplay.',
  'The historical epic also received nine nominations, including best picture and best actor for its lead.',
];
const story = `<div id="story">${STORY.map((l) => `<p>${l}</p>`).join('')}</div>`;

function read(html: string): { content: string } {
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>${TITLE}</title></head><body>${html}</body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url });
}

const figcaption = (content: string): string | null => {
  const doc = new JSDOM(content).window.document;
  return doc.querySelector('figure > figcaption')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
};

describe('the lead photo and its caption', () => {
  it('a photo box with a caption and credit between the headline and the story opens the article', () => {
    const r = read(
      `<div id="article"><h1>${TITLE}</h1>` +
        `<div class="wrapper350_photo"><img src="/photo/2008/PH2008011700278.jpg" alt="${CAPTION}">` +
        `<div class="caption">${CAPTION} <span class="credit">${CREDIT}</span></div></div>` +
        `<div class="byline">By Jill Lawless</div>${story}</div>`,
    );
    expect(figcaption(r.content)).toBe(`${CAPTION} ${CREDIT}`);
    expect(r.content).toContain('src="https://news.example/photo/2008/PH2008011700278.jpg"');
    expect(r.content.indexOf('<figure')).toBeLessThan(r.content.indexOf(STORY[0]!.slice(10, 40)));
  });

  it('a caption line that repeats the picture title, after it', () => {
    const short = 'The champion is aiming to win a hat-trick of titles';
    const r = read(
      `<div id="article"><h1>${TITLE}</h1><div style="float:right"><img title="${short} " src="/photo/x-7004806.jpg">` +
        `<div><i><font size="1">${short}</font></i></div></div>${story}</div>`,
    );
    expect(figcaption(r.content)).toBe(short);
  });

  it('nothing for a picture without a caption, an icon, or when the article shows a photo already', () => {
    const bare = read(
      `<div id="article"><h1>${TITLE}</h1><div class="photo"><img src="/photo/a.jpg"></div>${story}</div>`,
    );
    expect(bare.content).not.toContain('<figure');
    const icon = read(
      `<div id="article"><h1>${TITLE}</h1><div class="photo"><img src="/i/camera.gif">` +
        `<div class="caption">${CAPTION}</div></div>${story}</div>`,
    );
    expect(icon.content).not.toContain('<figure');
    const inline = read(
      `<div id="article"><h1>${TITLE}</h1><div class="wrapper_photo"><img src="/photo/lead.jpg">` +
        `<div class="caption">${CAPTION}</div></div><div id="story"><p>${STORY[0]}</p>` +
        `<p><img src="/photo/inline.jpg" width="400" height="300"></p>${STORY.slice(1)
          .map((l) => `<p>${l}</p>`)
          .join('')}</div></div>`,
    );
    expect(inline.content).not.toContain(CAPTION);
  });
});
