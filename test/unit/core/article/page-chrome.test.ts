/**
 * The page's own chrome inside the article's markup (src/core/article/page-chrome.ts): print-only
 * blocks, consent bars, script notices, hover cards, date lines the header shows, the publisher's
 * description of itself and the author box at the end. Each is checked both ways: the chrome goes,
 * and the story's own text of a similar shape stays.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://www.harbourwire.example/world/2024/05/01/harbour-story-123456';
const PARA = (n: number): string =>
  `<p>${'The harbour reopened on Tuesday after a week of repairs to the sea wall, officials said. '.repeat(3)}(${n})</p>`;

/** A minimal page whose <article> is `body`. */
function page(body: string, head = ''): ReturnType<typeof extract> {
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Harbour reopens</title>${head}</head>` +
      `<body><article>${body}</article></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url, now: '2024-06-01T00:00:00Z' });
}

/** A minimal article page: three paragraphs, the block under test after the first (or at the end). */
function run(block: string, { atEnd = false, head = '', top = '' } = {}): ReturnType<typeof extract> {
  const article = atEnd ? `${PARA(1)}${PARA(2)}${PARA(3)}${block}` : `${PARA(1)}${block}${PARA(2)}${PARA(3)}`;
  return page(`${top}${article}`, head);
}
const text = (block: string, atEnd = false): string => run(block, { atEnd }).textContent;

describe('a block shown only in print', () => {
  const citation =
    'Citation: Harbour reopens after a week of repairs to the sea wall (2024, May 1) retrieved 2 May 2024 from ' +
    'https://www.harbourwire.example/world/2024/05/01/harbour-story-123456</p>' +
    '<p>This document is subject to copyright. Apart from any fair dealing for the purpose of private study or ' +
    'research, no part may be reproduced without the written permission. The content is provided for information only.';
  it('goes: d-none with a print class, and print-only', () => {
    expect(text(`<div class="d-none d-print-block"><p>${citation}</p></div>`, true)).not.toContain('Citation');
    expect(text(`<div class="print-only"><p>${citation}</p></div>`, true)).not.toContain('Citation');
  });
  it('kept: hidden on phones only (d-none d-md-block)', () => {
    expect(text(`<div class="d-none d-md-block"><p>${citation}</p></div>`, true)).toContain('Citation');
  });
  it('kept: the story itself in a print-only wrapper (a template that shows it on screen with its own CSS)', () => {
    const r = page(
      `<p>The sea wall is mended.</p><div class="entry-content print-only">${PARA(1)}${PARA(2)}${PARA(3)}</div>`,
    );
    for (const n of [1, 2, 3]) expect(r.textContent).toContain(`(${n})`);
  });
  it('goes: a print copy of the story beside the screen copy (the story once)', () => {
    const r = page(`${PARA(1)}${PARA(2)}${PARA(3)}<div class="print-only">${PARA(1)}${PARA(2)}${PARA(3)}</div>`);
    expect(r.textContent.split('(2)').length - 1).toBe(1);
  });
});

describe('notices of the page, not the story', () => {
  it('a cookie bar goes, by its name or by its sentence', () => {
    const bar = "This website uses cookies to improve your experience. We'll assume you're ok with this.";
    expect(text(`<div id="cookie-law-info-bar"><span>${bar}</span> <a>Accept</a></div>`, true)).not.toContain(
      'cookies',
    );
    expect(text(`<div><span>${bar}</span> <a>Accept</a> <a>Read More</a></div>`, true)).not.toContain('cookies');
  });
  it('kept: a sentence of the story about cookies', () => {
    const s = '“We use cookies to learn what readers want,” the editor said, adding that readers may opt out.';
    expect(text(`<p>${s}</p>`)).toContain('We use cookies');
  });
  it('"This slideshow requires JavaScript." goes', () => {
    expect(text('<p class="slideshow-noscript">This slideshow requires JavaScript.</p>')).not.toContain('JavaScript');
  });
  it('kept: a sentence of the story about JavaScript', () => {
    const s = 'The new timetable site requires JavaScript, which older ferry terminal kiosks cannot run, staff said.';
    expect(text(`<p>${s}</p>`)).toContain('requires JavaScript');
  });
});

describe('a hover card inside a sentence', () => {
  const card =
    '<span class="card"><img src="/p/mayor.jpg" alt=""><a href="/people/mayor">Jane Doe</a>' +
    '<a href="/s/1">Mayor backs sea wall repairs</a><a href="/s/2">Ferry fares rise again</a><a href="/people/mayor">MORE</a></span>';
  it('goes; the name it belongs to stays in the sentence', () => {
    const t = text(
      `<p>The repairs were approved by Mayor <span><a href="/people/mayor">Jane Doe</a>${card}</span> on Monday after a long debate in the council.</p>`,
    );
    expect(t).not.toContain('Ferry fares rise again');
    expect(t).toContain('approved by Mayor Jane Doe on Monday');
  });
  it('kept: a linked picture and links in a sentence', () => {
    const t = text(
      '<p>The repairs were approved by <a href="/people/mayor">Mayor Jane Doe</a> <span><img src="/i/wall.jpg" alt=""><a href="/s/1">the council</a> and <a href="/s/2">the port</a></span> on Monday.</p>',
    );
    expect(t).toContain('the council and the port');
  });
});

describe('a date line printed in local time', () => {
  const head =
    '<meta property="article:published_time" content="2024-05-01T14:05:00Z">' +
    '<meta property="article:modified_time" content="2024-05-01T15:30:00Z">';
  const line = (a: string, b: string): string =>
    `<p><span><time datetime="${a}">Updated May 1, 11:30 AM;</time></span><span><time datetime="${b}">Posted May 1, 10:05 AM</time></span></p>`;
  it('goes when its times are the instants the header shows', () => {
    const t = run(PARA(0), { head, top: line('2024-05-01T15:30:00Z', '2024-05-01T14:05:00Z') }).textContent;
    expect(t).not.toContain('Posted May 1');
  });
  it("kept: the header's time inside a sentence", () => {
    const s =
      '<p>The council met <time datetime="2024-05-01T14:05:00Z">at 10:05 on May 1</time> and approved the repairs.</p>';
    expect(run(PARA(0), { head, top: s }).textContent).toContain('at 10:05 on May 1');
  });
  it('kept: times the header does not show', () => {
    const t = run(PARA(0), { head, top: line('2024-04-28T15:30:00Z', '2024-04-28T14:05:00Z') }).textContent;
    expect(t).toContain('Posted May 1');
  });
});

describe('the publisher describing itself after the story', () => {
  const about =
    'Harbourwire is a global provider of port news and data, with offices in twelve countries and about 300 staff.';
  it('goes, with its "About" heading', () => {
    const t = text(`<hr><h3>About Harbourwire</h3><p>${about}</p>`, true);
    expect(t).not.toContain('global provider of port news');
    expect(t).not.toContain('About Harbourwire');
  });
  it('kept: another company described in the story', () => {
    const s = 'Seawall Ltd is a family firm from Cornwall that has repaired harbour walls since 1950, its owner said.';
    expect(text(`<p>${s}</p>`, true)).toContain('Seawall Ltd is a family firm');
  });
});

describe('the author box after the story', () => {
  const bio =
    'Regan is a Connecticut native now living in Massachusetts with her husband and two cats. Regan loves travelling and coffee.';
  it('goes', () => {
    expect(
      text(`<div class="post-author"><h5><a href="/author/regan">Regan</a></h5><p>${bio}</p></div>`, true),
    ).not.toContain('Connecticut native');
  });
  it('kept: a paragraph about someone else in a box named for the author', () => {
    const s = 'Jane Doe is the harbour master who oversaw the repairs, and she said the wall would hold for decades.';
    expect(
      text(`<div class="post-author"><h5><a href="/author/regan">Regan</a></h5><p>${s}</p></div>`, true),
    ).toContain('harbour master');
  });
});
