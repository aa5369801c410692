/**
 * The cleaning rules are general, so each is checked both ways: the clutter goes, and a real
 * sentence that merely shares its words stays (over-cleaning loses article text, which is worse).
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../src/core/extract.js';
import { bestSrcsetCandidate } from '../../../src/core/article/clean.js';

const url = 'https://news.example/world/2024/05/01/harbour-story-123456';
const LONG = (n: number): string =>
  `<p>${'The harbour reopened on Tuesday after a week of repairs to the sea wall, officials said. '.repeat(3)}(${n})</p>`;

function run(body: string, atEnd = false): { textContent: string; content: string } {
  const article = atEnd ? `${LONG(1)}${LONG(2)}${LONG(3)}${body}` : `${LONG(1)}${body}${LONG(2)}${LONG(3)}`;
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Harbour reopens</title></head><body><article>${article}</article></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url });
}
const text = (body: string, atEnd = false): string => run(body, atEnd).textContent;

describe('kept: sentences that share words with clutter', () => {
  for (const sentence of [
    'Related to this, the company said it would hire 200 more workers next year.',
    'Apple’s subscription service now costs $5 a month, the company said.',
    'Residents can sign up at the town hall until Friday, the mayor said.',
    'That is a day after the ferry line, whose website also lets you sign up for timetable alerts.',
    'New signup and login screens were tested with a small group of users.',
    'Read more about the history of the port in the city archive, she suggested.',
    'The advertisement industry lost 3,000 jobs in the region last year.',
    'Share prices rose 4% on the news.',
    'By the end of the week, the harbour will be open again.',
    'Updated figures show traffic rose 12% in May compared with 2023.',
  ]) {
    it(sentence, () => expect(text(`<p>${sentence}</p>`)).toContain(sentence));
  }
  it('a list item that happens to mention a newsletter keeps its list when it is prose', () => {
    const item = 'The council’s newsletter, printed since 1952, will move online next year to save paper.';
    expect(text(`<ul><li>${item}</li><li>Ferries will run hourly again from June.</li></ul>`)).toContain(item);
  });
});

describe('removed: clutter in any of the supported languages', () => {
  for (const [name, html, gone] of [
    ['ad label', '<div>Advertisement</div>', 'Advertisement'],
    ['Anzeige', '<p>Anzeige</p>', 'Anzeige'],
    ['Publicité', '<p>Publicité</p>', 'Publicité'],
    ['広告', '<p>広告</p>', '広告'],
    ['إعلان', '<div><span>إعلان</span></div>', 'إعلان'],
    ['story continues below', '<p>Story continues below advertisement</p>', 'continues below'],
    ['Read also', '<p>Read also: <a href="/x-1">Ferries return to the harbour</a></p>', 'Ferries return'],
    ['À lire aussi', '<p>À lire aussi : <a href="/x-2">Le port rouvre</a></p>', 'Le port rouvre'],
    ['Mehr zum Thema', '<p><b>Mehr zum Thema</b> <a href="/x-3">Hafen wieder offen</a></p>', 'Hafen wieder'],
    ['Lesen Sie auch', '<p>Lesen Sie auch: <a href="/x-4">Die Fähre fährt wieder</a></p>', 'Die Fähre'],
    [
      'share bar',
      '<div><a href="https://facebook.com/sharer">Share</a> <a href="https://twitter.com/intent">Tweet</a> <a href="mailto:">Email</a></div>',
      'Tweet',
    ],
    [
      'newsletter box',
      '<div class="newsletter-promo"><h3>Morning briefing</h3><p>The news you need, before breakfast.</p></div>',
      'Morning briefing',
    ],
    ['sign-up line', '<p>Sign up for our free daily newsletter <a href="/nl">here</a>.</p>', 'free daily newsletter'],
    [
      'related box by class',
      '<div class="related-links"><a href="/a">One story</a> <a href="/b">Two story</a> <a href="/c">Three story</a></div>',
      'Two story',
    ],
    ['comment heading', '<h2>12 comments</h2>', '12 comments'],
  ] as const) {
    it(name, () => expect(text(html)).not.toContain(gone));
  }
});

describe('after the story: contact lines and promos go, staff credits stay', () => {
  for (const [name, html, gone] of [
    ['tip line', '<p>Have a tip? Write to tips@news.example.</p>', 'Have a tip'],
    ['follow line', '<p>Follow us on Twitter for more harbour news.</p>', 'Follow us'],
    ['app promo', '<p><strong>CLICK HERE TO GET THE HARBOUR TIMES APP</strong></p>', 'CLICK HERE'],
    [
      'app promo naming the app',
      '<p>Download the Harbour Sports App today and get instant match alerts plus the latest scores!</p>',
      'Harbour Sports App',
    ],
    ['subscription prompt', '<p>Keep up with this story and more by subscribing now</p>', 'subscribing now'],
    [
      'shouted teaser',
      '<p><a href="/other-story-1">MAYOR ANNOUNCES SURPRISE RESIGNATION AFTER TWELVE YEARS</a></p>',
      'SURPRISE RESIGNATION',
    ],
  ] as const) {
    it(name, () => expect(text(html, true)).not.toContain(gone));
  }
  // The wire's and the paper's credits are part of the article as published (both corpora's truth
  // holds them), and the reader shows them nowhere else.
  for (const [name, line] of [
    ['Reuters credits', '(Reporting by Jane Roe; Editing by John Doe)'],
    ['AP contributors', 'Associated Press writers Ann Lee and Bo Chan contributed to this report.'],
    ['contact line', 'Amy Smith can be reached at amy@news.example.'],
  ] as const) {
    it(`kept: ${name}`, () => expect(text(`<p>${line}</p>`, true)).toContain(line));
  }
  it('kept: a Korean copyright notice, like any other', () => {
    const line = '저작권자 ⓒ 하버타임스, 무단전재 및 재배포금지';
    expect(text(`<p>${line}</p>`, true)).toContain(line);
  });
  it('kept: the copyright notice printed with the story (part of the article as published)', () => {
    expect(text('<p>© 2024 Harbour Times. All rights reserved.</p>', true)).toContain('All rights reserved');
  });
  it('a credit line is kept as a caption: in content, not in the running text', () => {
    const r = run('<p><img src="/harbour.jpg" alt="The harbour"></p><p>Image copyright Getty Images</p>');
    expect(r.textContent).not.toContain('Image copyright');
    expect(r.content).toMatch(/<figcaption>Image copyright Getty Images<\/figcaption>/);
  });
  it('kept: a sentence that ends with a news agency, and "reporting" in prose', () => {
    const a = 'The figures were first published on Monday by Reuters.';
    const b = 'The editor said reporting by local journalists had been vital during the storm.';
    expect(text(`<p>${a}</p><p>${b}</p>`, true)).toContain(a);
    expect(text(`<p>${a}</p><p>${b}</p>`, true)).toContain(b);
  });
});

describe('srcset', () => {
  it('picks the widest candidate, then the highest density', () => {
    expect(bestSrcsetCandidate('a.jpg 400w, b.jpg 1200w, c.jpg 800w')).toBe('b.jpg');
    expect(bestSrcsetCandidate('a.jpg 1x, b.jpg 2x')).toBe('b.jpg');
    expect(
      bestSrcsetCandidate('https://cdn.example/i/w_400,h_300/a.jpg 400w, https://cdn.example/i/w_800,h_600/a.jpg 800w'),
    ).toBe('https://cdn.example/i/w_800,h_600/a.jpg');
    expect(bestSrcsetCandidate('data:image/gif;base64,R0lGOD 1x')).toBeNull();
  });
});

/** A whole page (not only an <article>), for shapes that wrap the story: a page-wide form. */
function page(html: string, head = ''): ReturnType<typeof extract> {
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Harbour reopens</title>${head}</head><body>${html}</body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url });
}

describe('containers that hold the story are not clutter', () => {
  it('a page-wide <form> (ASP.NET) around the article keeps the article', () => {
    const r =
      page(`<form method="post" action="./story.aspx" id="aspnetForm"><input type="hidden" name="__VIEWSTATE" value="x">
      <div id="header"><a href="/">Home</a> <a href="/news">News</a></div>
      <div id="content"><h1>Harbour reopens</h1>${LONG(1)}${LONG(2)}${LONG(3)}</div>
      <div id="footer"><input type="text" name="q"><button>Search</button></div></form>`);
    expect(r.error).toBeUndefined();
    expect(r.textContent).toContain('(2)');
    expect(r.textContent).toContain('(3)');
    expect(r.textContent).not.toContain('Search');
  });
  it('a comment form inside the article still goes', () => {
    const r = run(
      '<form class="comment-form"><label>Your name</label><input name="n"><textarea></textarea><button>Post</button></form>',
      true,
    );
    expect(r.textContent).not.toContain('Your name');
  });
  it('a paragraph in a wrapper named for the ad it interleaves ("section-and-ad") stays', () => {
    const para = 'Work on the north pier will continue into the summer, the port authority said on Tuesday.';
    const r = text(`<div class="section-and-ad"><p>${para}</p><div class="ad-slot">Advertisement</div></div>`);
    expect(r).toContain(para);
    expect(r).not.toContain('Advertisement');
  });
  it('a lead paragraph whose class calls it a teaser ("article-teaser") stays; a short teaser box of links goes', () => {
    const lead = 'The government wants to speed up the expansion of wind power, the ministry said.';
    const r = text(
      `<p class="article-teaser">${lead}</p>` +
        '<div class="teaser"><a href="/other-story">Another story from the site</a></div>',
    );
    expect(r).toContain(lead);
    expect(r).not.toContain('Another story from the site');
  });
  it('an ad block of links and labels still goes', () => {
    expect(
      text('<div class="ad-container"><a href="https://ads.example/1">Buy cheap ferry tickets now</a></div>'),
    ).not.toContain('ferry tickets');
  });
});

describe('byline and date lines leave the body only when the header shows them', () => {
  const byline = '<p>By Jane Roe, Associated Press</p>';
  it('a wire credit the byline does not hold stays in the body', () => {
    expect(page(`<article>${byline}${LONG(1)}${LONG(2)}${LONG(3)}</article>`).textContent).toContain(
      'By Jane Roe, Associated Press',
    );
  });
  it('the same line goes when the header shows its author and agency', () => {
    const head = '<meta name="author" content="Jane Roe">';
    const r = page(`<article>${byline}<p>WASHINGTON (AP) — ${LONG(1).slice(3)}${LONG(2)}${LONG(3)}</article>`, head);
    expect(r.byline).toBe('Jane Roe');
    expect(r.dateline.agency).toBe('AP');
    expect(r.textContent).not.toContain('By Jane Roe');
  });
  it('a date line goes when the dateline shows it, and stays when it says more (a place)', () => {
    const head = '<meta property="article:published_time" content="2024-05-01T10:05:00-04:00">';
    const dated = (line: string): string =>
      page(`<article><p>${line}</p>${LONG(1)}${LONG(2)}</article>`, head).textContent;
    expect(dated('Published May 1, 2024 at 10:05 a.m.')).not.toContain('Published May 1');
    expect(dated('Filed from Lagos harbour, May 1, 2024')).toContain('Filed from Lagos harbour');
  });
});

describe('title', () => {
  for (const [raw, site, want] of [
    ['Harbour reopens after repairs – Harbour Times', 'Harbour Times', 'Harbour reopens after repairs'],
    ['Harbour reopens after repairs | NEWS.EXAMPLE', null, 'Harbour reopens after repairs'],
    ['News Example: Harbour reopens after repairs', null, 'Harbour reopens after repairs'],
    ['Mayor: Harbour reopens after repairs', null, 'Mayor: Harbour reopens after repairs'],
  ] as const) {
    it(`${raw} → ${want}`, () => {
      const head = `<title>${raw}</title>${site ? `<meta property="og:site_name" content="${site}">` : ''}`;
      const doc = new JSDOM(
        `<!DOCTYPE html><html><head>${head}</head><body><article><h1>x</h1>${LONG(1)}${LONG(2)}</article></body></html>`,
        { url, virtualConsole: new VirtualConsole() },
      ).window.document;
      expect(extract(doc, { url }).title).toBe(want);
    });
  }
});

describe('reading time, comment calls and one-word share buttons', () => {
  it('"4 Min. Lesezeit" above the story goes; prose about minutes stays', () => {
    expect(page(`<article><p>4 Min. Lesezeit</p>${LONG(1)}${LONG(2)}</article>`).textContent).not.toContain('Lesezeit');
    const prose = 'The ferry crossing takes 40 minutes to read the tide tables, the captain joked.';
    expect(text(`<p>${prose}</p>`)).toContain(prose);
  });
  for (const [name, html, gone] of [
    ['Réactions (N)', '<h2>Réactions (12)</h2>', 'Réactions'],
    ['Connectez-vous pour réagir', '<p>Connectez-vous pour réagir</p>', 'Connectez-vous'],
    [
      'LINEで送る',
      '<div><a href="https://line.me/R/msg">LINEで送る</a> <a href="https://b.hatena.ne.jp">はてなブックマーク</a></div>',
      'LINE',
    ],
  ] as const) {
    it(name, () => expect(text(html, true)).not.toContain(gone));
  }
});

describe('"Also in <section>" headline lists', () => {
  it('the heading and its list go; a sentence that starts the same way stays', () => {
    const list =
      '<h3>Also in Business</h3><ul><li><a href="/b/1">Oil prices climb again</a></li>' +
      '<li><a href="/b/2">Bank cuts rates</a></li><li><a href="/b/3">Shares slide in Tokyo</a></li></ul>';
    const r = text(list, true);
    expect(r).not.toContain('Also in Business');
    expect(r).not.toContain('Oil prices');
    const prose = 'Also in Business news, the harbour authority said it would borrow 20 million euros.';
    expect(text(`<p>${prose}</p>`, true)).toContain(prose);
  });
});
