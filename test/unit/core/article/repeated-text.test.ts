/**
 * A caption sentence the story already says is shown once (issue #20): a wire caption that repeats the
 * story's first paragraph after the photo's own line keeps the photo's line; a caption the page prints
 * twice (the picture's enlarged copy) is shown once. A sentence of the running text printed twice
 * and a pull quote (a sentence of a paragraph printed again between the paragraphs) stay: the
 * assessors count them as the article's text.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://news.example/2017/03/15/reef-study-warming';
const STORY = [
  'Reducing pollution and curbing overfishing will not prevent the severe bleaching that is killing coral at catastrophic rates, a study found.',
  'Scientists are quick to note that local protection of reefs can help damaged coral recover from the stress of warmer water.',
  'The researchers surveyed the reef from the air and under water, and found that bleaching followed the heat of the water.',
  'Prior exposure to bleaching did not appear to protect the coral, and the reefs hit hardest in 1998 were hit hard again.',
  'A fourth bleaching event is already under way, the lead author said, and corals need years to recover from each one.',
];
const p = (t: string): string => `<p>${t}</p>`;
const count = (hay: string, needle: string): number => hay.split(needle).length - 1;

function read(body: string): { text: string; content: string } {
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Warming threatens the reef</title></head><body><article>` +
      `<h1>Warming threatens the reef</h1>${body}</article></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  const r = extract(doc, { url });
  return { text: r.textContent, content: r.content };
}

describe('text the article repeats', () => {
  it('keeps a sentence printed twice (the assessors count both)', () => {
    const { text } = read(STORY.map(p).join('') + p(STORY[1]!));
    expect(count(text, STORY[1]!)).toBe(2);
  });

  it('drops the lead paragraph a wire caption repeats, and keeps the photo’s own line', () => {
    const caption =
      'In this October 2016 photo provided by the reef centre, a diver surveys a healthy reef near the coast. ' +
      `${STORY[0]} (Photo: Reef Centre via AP)`;
    const { text, content } = read(
      `<figure><img src="https://news.example/reef.jpg" alt=""><figcaption>${caption}</figcaption></figure>` +
        STORY.map(p).join(''),
    );
    expect(content).toContain('a diver surveys a healthy reef near the coast.');
    expect(content).toContain('(Photo: Reef Centre via AP)');
    expect(count(content, STORY[0]!)).toBe(1);
    expect(text).toContain(STORY[0]);
  });

  it('keeps a pull quote and short repeated credits', () => {
    const quote = 'Corals need years to recover from each one';
    const { content } = read(
      p(STORY[0]!) +
        p(STORY[1]!) +
        `<blockquote><p>${quote}</p></blockquote>` +
        STORY.slice(2).map(p).join('') +
        `<figure><img src="https://news.example/a.jpg" alt=""><figcaption>Photo: Reef Centre</figcaption></figure>` +
        `<figure><img src="https://news.example/b.jpg" alt=""><figcaption>Photo: Reef Centre</figcaption></figure>`,
    );
    expect(content).toContain(`<p>${quote}</p>`);
    for (const s of STORY) expect(content).toContain(s);
  });

  it('shows a caption the page prints twice once (the enlarged copy under the picture), credits and other captions kept', () => {
    const caption = 'A scientist measures coral mortality after the bleaching on the northern reef last November.';
    const other = 'Healthy coral between two islands of the southern reef, surveyed from the air in October.';
    const figure = (src: string, text: string): string =>
      `<figure><img src="https://news.example/${src}" alt=""><figcaption>${text} <b>Reef Centre/AP</b></figcaption></figure>`;
    const { content } = read(
      figure('reef-s1100.jpg', caption) +
        `<div><img src="https://news.example/reef-s1200.jpg" alt=""><figcaption>${caption}</figcaption></div>` +
        STORY.map(p).join('') +
        figure('coast.jpg', other),
    );
    expect(count(content, caption)).toBe(1);
    expect(content).toContain(other);
    expect(count(content, 'Reef Centre/AP')).toBe(2);
  });

  it('shows a picture the page prints again at another size (its enlarged copy) once, with its caption and credit once', () => {
    const caption = 'A scientist measures coral mortality after the bleaching on the northern reef last November.';
    const hash = 'ea1b936492007f7f39bed78a8dbc691a59043fd0';
    const photo = (src: string): string =>
      `<div class="image"><img src="https://news.example/img/${src}" alt="" width="600" height="400">` +
      `<div class="caption"><p>${caption}</p></div><span class="credit">Reef Centre/AP</span></div>`;
    for (const [small, large] of [
      [`reef_custom-${hash}-s1100.jpg`, `reef_enl-${hash}-s1200.jpg`],
      ['reef-wide.jpg?s=600', 'reef-wide.jpg?s=1400'],
      ['reef-1024x683.jpg', 'reef.jpg'],
    ] as const) {
      const { content } = read(
        p(STORY[0]!) + photo(small) + `<div class="enlarge">${photo(large)}</div>` + STORY.slice(1).map(p).join(''),
      );
      expect(count(content, '<img'), small).toBe(1);
      expect(count(content, caption)).toBe(1);
      expect(count(content, 'Reef Centre/AP')).toBe(1);
      for (const s of STORY) expect(content).toContain(s);
    }
  });

  it('keeps two pictures that share an address but not their words (a placeholder until loaded), and different photos', () => {
    const { content } = read(
      p(STORY[0]!) +
        `<figure><img src="https://news.example/img/photo.jpg?id=1" alt="The reef from the air"><figcaption>The reef from the air in October.</figcaption></figure>` +
        p(STORY[1]!) +
        `<figure><img src="https://news.example/img/photo.jpg?id=2" alt="A diver at work"><figcaption>A diver at work on the southern reef.</figcaption></figure>` +
        STORY.slice(2).map(p).join('') +
        `<figure><img src="https://news.example/coast.jpg" alt=""><figcaption>The coast near the reef, seen from a boat.</figcaption></figure>`,
    );
    expect(count(content, 'img/photo.jpg')).toBe(2);
    expect(content).toContain('A diver at work on the southern reef.');
    expect(content).toContain('coast.jpg');
  });

  it('keeps different photos of one name in different folders (a CMS storing each shot as .../<id>/tiny.jpg)', () => {
    const shot = (id: string): string =>
      `<div class="shot"><img src="https://news.example/screens/${id}/tiny.jpg" alt="" width="160" height="120">` +
      `<span class="date">10th Oct 2007</span></div>`;
    const { content } = read(
      p(STORY[0]!) + shot('470ca58e13122') + shot('470ca58de7790') + STORY.slice(1).map(p).join(''),
    );
    expect(count(content, 'tiny.jpg')).toBe(2);
  });
});
