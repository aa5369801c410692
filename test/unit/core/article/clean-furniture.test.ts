/**
 * Page furniture inside the article, by markup class: a list made only of other stories' headlines
 * (with its title), and the comment form's notices under the story. Each is checked both ways: the
 * furniture goes, and an article's own list or sentence of the same shape stays.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://news.example/world/2024/05/01/harbour-story-123456';
const PARA = (n: number): string =>
  `<p>${'The harbour reopened on Tuesday after a week of repairs to the sea wall, officials said. '.repeat(3)}(${n})</p>`;

/** A minimal article page: three paragraphs, the block under test after the first (or at the end). */
function text(block: string, atEnd = false): string {
  const article = atEnd ? `${PARA(1)}${PARA(2)}${PARA(3)}${block}` : `${PARA(1)}${block}${PARA(2)}${PARA(3)}`;
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Harbour reopens</title></head><body><article>${article}</article></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url }).textContent;
}

const links = (...titles: string[]): string => titles.map((t, i) => `<li><a href="/story-${i}">${t}</a></li>`).join('');

describe('a list of other stories’ headlines', () => {
  it('goes, with its title', () => {
    const t = text(
      `<p><b>Today's Top Stories</b></p><ul>${links('Ferry fares rise again', 'Council votes on budget', 'Storm closes the coast road')}</ul>`,
      true,
    );
    expect(t).not.toContain('Council votes on budget');
    expect(t).not.toContain("Today's Top Stories");
  });
  it('goes when each headline carries its date', () => {
    const items = ['Ferry fares rise again', 'Council votes on budget', 'Storm closes the coast road']
      .map((h, i) => `<li><a href="/s-${i}">${h}</a> <span>May ${i + 1}</span></li>`)
      .join('');
    expect(text(`<ul>${items}</ul>`)).not.toContain('Council votes on budget');
  });
  it('goes when each headline carries its source or place in brackets', () => {
    const items = [
      ['Ferry fares rise again', 'Isle of Wight'],
      ['Council votes on budget', 'Greensboro/Winston-Salem'],
      ['Storm closes road', 'Cornwall and Devon'],
    ]
      .map(([h, place], i) => `<li><a href="/s-${i}">${h}</a> <span>[${place}]</span></li>`)
      .join('');
    expect(text(`<ul>${items}</ul>`)).not.toContain('Council votes on budget');
  });
  it('kept: a list of the article’s own points, even with a link in each', () => {
    const items = [
      'Ferries will run hourly from June, the <a href="/ops">operator</a> said.',
      'The coast road reopens on <a href="/roads">Friday</a> after repairs.',
      'Parking at the pier is free until the end of the month.',
    ]
      .map((x) => `<li>${x}</li>`)
      .join('');
    expect(text(`<p>What changes:</p><ul>${items}</ul>`)).toContain('The coast road reopens on Friday');
    expect(text(`<p>What changes:</p><ul>${items}</ul>`)).toContain('What changes:');
  });
  it('kept: a sentence before a headline list is not its title', () => {
    const lead = 'The council published three reports on the repairs.';
    expect(text(`<p>${lead}</p><ul>${links('Report one', 'Report two', 'Report three')}</ul>`)).toContain(lead);
  });
});

describe('other stories’ headlines written without a list', () => {
  const heads = [
    'Ferry fares rise again this spring',
    'Council votes on the harbour budget',
    'Storm closes the coast road',
  ];
  it('three link-only paragraphs in a row go, with their title', () => {
    const ps = heads.map((h, i) => `<p><a href="/s-${i}">${h}</a></p>`).join('');
    const t = text(`<p><strong>ALSO</strong></p>${ps}`, true);
    expect(t).not.toContain('Council votes on the harbour budget');
    expect(t).not.toContain('ALSO');
    expect(t).toContain('(3)');
  });
  it('one-item lists in a row go, between paragraphs', () => {
    const uls = heads.map((h, i) => `<ul><li><h4><a href="/s-${i}">${h}</a></h4></li></ul>`).join('');
    const t = text(`<h4>More:</h4>${uls}`);
    expect(t).not.toContain('Storm closes the coast road');
    expect(t).not.toContain('More:');
    expect(t).toContain('(2)');
  });
  it('headlines stacked in one paragraph, a line each, go', () => {
    const lines = heads.map((h, i) => `<a href="/s-${i}">${h}</a> [VIDEO]`).join('<br>');
    expect(text(`<p>${lines}</p>`)).not.toContain('Ferry fares rise again');
  });
  it('kept: one link-only paragraph, and two in a row', () => {
    const ps = heads.slice(0, 2).map((h, i) => `<p><a href="/s-${i}">${h}</a></p>`);
    expect(text(ps[0]!)).toContain('Ferry fares rise again');
    expect(text(ps.join(''))).toContain('Council votes on the harbour budget');
  });
  it('kept: a paragraph whose sentence links three reports', () => {
    const p =
      '<p>The council published <strong><a href="/r1">the first report on repairs</a></strong>, ' +
      '<strong><a href="/r2">the second report on costs</a></strong> and <strong><a href="/r3">the third report on ferries</a></strong>.</p>';
    expect(text(p)).toContain('the second report on costs');
  });
});

describe('the comment form’s notices', () => {
  for (const line of [
    'Comments are filtered for language and registration is required.',
    'You must be logged in to post a comment.',
    'Display comments: newest first',
    'Adjust slider to filter visible comments by rank',
  ]) {
    it(`goes after the story: ${line}`, () => expect(text(`<p>${line}</p>`, true)).not.toContain(line));
  }
  it('kept: a sentence of the story about comments', () => {
    const s = 'Comments are closed on the council website, a spokesman said, after abuse last year.';
    expect(text(`<p>${s}</p>`)).toContain(s);
  });
});

describe('"Explore further:" before a link', () => {
  it('goes', () =>
    expect(text('<p><b>Explore further:</b> <a href="/x">Scientists study the sea wall</a></p>')).not.toContain(
      'Scientists study',
    ));
});

describe('a picture’s caption printed as a plain block', () => {
  // The running text (textContent) leaves captions out; the reader still shows them with the picture.
  const caption = 'Ferries wait at the pier on Tuesday morning';
  it('ending with the credit in brackets, it is a caption', () => {
    const t = text(
      `<div><div><img src="/pier.jpg" alt=""></div><p><span>${caption}.</span><span> (AP Photo/Jo Doe, File)</span></p></div>`,
    );
    expect(t).not.toContain(caption);
    expect(t).toContain('(2)');
  });
  it('repeating the alt text under its picture, it is a caption; the credit line under it too', () => {
    const t = text(
      `<div><p><img src="/pier.jpg" alt="${caption}."></p><p>${caption}.</p><p>(Image: © Harbour Times)</p></div>`,
    );
    expect(t).not.toContain(caption);
    expect(t).not.toContain('Harbour Times');
  });
  it('kept: a sentence that mentions a photo in brackets mid-way, and one under an unrelated picture', () => {
    const s = 'The photo (taken in 1952) shows the old pier before the storm, the museum said.';
    expect(text(`<p>${s}</p>`)).toContain(s);
    const t = text(
      `<div><p><img src="/pier.jpg" alt="The pier"></p><p>${caption}, the operator said on Tuesday.</p></div>`,
    );
    expect(t).toContain(caption);
  });
});

describe('a caption repeated under every picture of a gallery', () => {
  function content(block: string): string {
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head><title>Harbour reopens</title></head><body><article>${PARA(1)}${block}${PARA(2)}${PARA(3)}</article></body></html>`,
      { url, virtualConsole: new VirtualConsole() },
    ).window.document;
    return extract(doc, { url }).content;
  }
  const count = (html: string, s: string): number => html.split(s).length - 1;
  it('is shown once', () => {
    const fig = (n: number): string =>
      `<figure><img src="/pier-${n}.jpg" alt=""><figcaption>Photo: Harbour Times</figcaption></figure>`;
    expect(count(content(fig(1) + fig(2) + fig(3)), 'Photo: Harbour Times')).toBe(1);
  });
  it('is shown once when it is a credit line outside a figure', () => {
    const pic = (n: number): string =>
      `<div><img src="/pier-${n}.jpg" alt=""><p class="wp-caption-text">Photo: Pink Harbour via Wire</p></div>`;
    expect(count(content(pic(1) + pic(2)), 'Photo: Pink Harbour via Wire')).toBe(1);
  });
  it('kept: two different captions', () => {
    const html = content(
      '<figure><img src="/a.jpg" alt=""><figcaption>The pier at dawn.</figcaption></figure>' +
        '<figure><img src="/b.jpg" alt=""><figcaption>The pier at dusk.</figcaption></figure>',
    );
    expect(html).toContain('The pier at dawn.');
    expect(html).toContain('The pier at dusk.');
  });
});

describe('a grid of cards for other stories (<article>s with a linked headline and a teaser)', () => {
  // Teasers long enough (and with commas) for Readability to keep the grid, as it does on real pages.
  const TEASER_TAIL =
    'Officials said on Friday that the work, which began in March, would go on for weeks, and that fares, ' +
    'timetables and routes would change.';
  const card = (title: string, teaser: string, i: number): string =>
    `<article class="news-box"><img src="/thumb-${i}.jpg"><h4><a href="/story-${i}">${title}</a></h4>` +
    `<small>March ${i + 1}, 2017</small><p>${teaser} ${TEASER_TAIL}</p></article>`;
  it('goes', () => {
    const grid =
      `<div class="news-col">${card('Ferry fares rise again', 'Fares on the island ferries go up for the third time this year.', 1)}` +
      `${card('Council votes on budget', 'The council meets on Thursday to vote on a smaller budget.', 2)}` +
      `${card('Storm closes the coast road', 'The coast road was closed overnight after waves broke over it.', 3)}</div>`;
    const t = text(grid, true);
    expect(t).toContain('(3)');
    expect(t).not.toContain('Council votes on budget');
    expect(t).not.toContain('smaller budget');
  });
  it('stays when the sections are the story’s own (long text under each heading)', () => {
    const section = (h: string, n: number): string =>
      `<article><h3><a href="/place-${n}">${h}</a></h3>${PARA(10 + n)}${PARA(20 + n)}</article>`;
    const t = text(
      `<div>${section('The north pier', 1)}${section('The south pier', 2)}${section('The old wall', 3)}</div>`,
    );
    expect(t).toContain('The south pier');
    expect(t).toContain('(22)');
  });
});

describe('a "paywall" class', () => {
  const metered = (n: number): string =>
    `<p class="body-paragraph paywall">Part ${n}: ${'the minister said the ferry would run again once the sea wall was safe. '.repeat(2).trim()}</p>`;
  it('kept: the story’s own paragraphs marked as its metered part (the whole story is in the page)', () => {
    const t = text(`${metered(1)}${metered(2)}${metered(3)}`, true);
    for (const n of [1, 2, 3]) expect(t).toContain(`Part ${n}:`);
  });
  it('goes: the box that asks for a subscription', () => {
    const t = text(
      `<div class="paywall"><p>Subscribe to continue reading. Already a subscriber? Log in for unlimited access to every story.</p></div>`,
      true,
    );
    expect(t).not.toMatch(/Subscribe|subscriber/);
    expect(t).toContain('(3)');
  });
});
