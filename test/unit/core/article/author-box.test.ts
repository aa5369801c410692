/**
 * The author's box after the story (issue #20): the writer's photo, name and a few lines about them
 * leave the body (the reader shows the byline in its header). A photo and a line about the writer at
 * the top of the story stay: only the story's last part holds the box.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://news.example/2017/04/07/ceres-atmosphere-solar-activity';
const STORY = [
  'A new study of the dwarf planet indicates that its thin atmosphere is controlled by the activity of the Sun.',
  'Scientists first thought the atmosphere came from ice turning to gas as the dwarf planet neared the Sun.',
  'But the gas appears when the Sun emits energetic protons, and it goes away again when the Sun is quiet.',
  'The spacecraft will now move to a new orbit to measure cosmic rays and the elements near the surface.',
  'Later this month the Sun will be right behind the spacecraft, which will make the surface look brighter.',
];
const p = (t: string): string => `<p>${t}</p>`;
const BIO =
  'Laurel joined the site in 2015 and keeps up with the latest news from space. She holds a degree in astronomy.';

function text(body: string): string {
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Sun controls the dwarf planet's air</title>` +
      `<meta name="author" content="Laurel Kornfeld"></head><body><article>` +
      `<h1>Sun controls the dwarf planet's air</h1><p class="byline">By Laurel Kornfeld</p>${body}</article></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url }).textContent;
}

describe("the author's box after the story", () => {
  it('leaves the body: photo, name and bio', () => {
    const t = text(
      STORY.map(p).join('') +
        `<div><p><img src="https://news.example/avatar/laurel.jpg" alt=""></p>` +
        `<h3><a href="https://news.example/author/laurel-kornfeld/">Laurel Kornfeld</a></h3>${p(BIO)}</div>`,
    );
    expect(t).not.toContain('keeps up with the latest news');
    for (const s of STORY) expect(t).toContain(s);
  });

  it('stays when the photo and the line about the writer open the story', () => {
    const t = text(
      `<div><p><img src="https://news.example/photo/observatory.jpg" alt=""></p>${p(BIO)}</div>` +
        STORY.map(p).join(''),
    );
    expect(t).toContain('keeps up with the latest news');
  });
});
