/**
 * The site's own boxes Readability keeps with the story (issue #20). Menus: a sections bar laid out
 * as a table of one-link rows, a column of other headlines run together in one paragraph, a list of
 * city names written item by item; each goes, with its label, while an article's own paragraph or
 * list that holds a few links among its words stays. Boxes under a furniture heading ("Sponsored
 * Links", "Also In The News"): they go, while a section of the story under such a heading stays.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../../../../src/core/extract.js';

const url = 'https://news.example/sport/2008/01/12/dowling-set-for-absence-123456';
const PARA = (n: number): string =>
  `<p>${'Munster star Ian Dowling is set to spend a spell on the sidelines after a knee injury, the club said. '.repeat(3)}(${n})</p>`;

/**
 * A minimal article page: three paragraphs (or one short one: a brief, where Readability's own
 * link-density cleaning is off), the block under test before them (or after them).
 */
function text(block: string, atEnd = false, brief = false): string {
  const story = brief
    ? '<p>Munster star Ian Dowling is set to spend a spell on the sidelines after a knee injury, the club said on Sunday.</p>'
    : `${PARA(1)}${PARA(2)}${PARA(3)}`;
  const doc = new JSDOM(
    `<!DOCTYPE html><html lang="en"><head><title>Dowling set for absence</title></head><body><div>${atEnd ? story + block : block + story}</div></body></html>`,
    { url, virtualConsole: new VirtualConsole() },
  ).window.document;
  return extract(doc, { url }).textContent;
}

const SECTIONS = ['Home', 'Football', 'Cricket', 'Rugby Union', 'Tennis', 'Golf', 'Horse Racing', 'Other Sport'];

describe('a site menu inside the article', () => {
  it('goes when laid out as a table of one-link rows', () => {
    const rows = SECTIONS.map((s, i) => `<tr><td><a href="/s${i}">${s}</a></td></tr>`).join('');
    const t = text(`<table>${rows}</table>`, false, true);
    expect(t).not.toContain('Horse Racing');
    expect(t).toContain('Munster star Ian Dowling');
  });
  it('goes when its links are run together in one paragraph, with its label', () => {
    const heads = [
      'Toskala gets first shootout win',
      'Ban of leaded fuels killer blow to drag racing',
      'Knights seek zip for their power play',
      'Win keeps Lyle rink in hunt',
      'Jaguars lock up playoff berth',
    ];
    const t = text(`<p>Sports Headlines</p><p>${heads.map((h, i) => `<a href="/h${i}">${h}</a>`).join(' ')}</p>`, true);
    expect(t).not.toContain('Jaguars lock up playoff berth');
    expect(t).not.toContain('Sports Headlines');
  });
  it('goes when written item by item without a list', () => {
    const items = ['Bangalore', 'Kochi', 'Kolkata', 'Pondicherry', 'Chennai']
      .map((c, i) => `<li><a href="/c${i}">${c}</a></li>`)
      .join('');
    const t = text(`<div><span>Cities</span>${items}</div>`, true, true);
    expect(t).not.toContain('Pondicherry');
    expect(t).not.toContain('Cities');
  });
  it('kept: the story’s own paragraph with links among its words', () => {
    const p =
      '<p>The <a href="/a">Munster</a> coach said <a href="/b">Dowling</a> would miss the <a href="/c">Heineken Cup</a> ' +
      'games against <a href="/d">Wasps</a> and <a href="/e">Clermont</a> this month.</p>';
    expect(text(p, true)).toContain('would miss the Heineken Cup games against Wasps and Clermont');
  });
  it('kept: a list of the story’s points, each with a link', () => {
    const items = [
      'Dowling injured his knee against <a href="/l">Leinster</a> on Sunday.',
      'He had a scan at the <a href="/h">hospital</a> on Monday.',
      'The club expects him back by <a href="/m">March</a>.',
      'His place goes to <a href="/k">Kearney</a>.',
    ]
      .map((x) => `<li>${x}</li>`)
      .join('');
    expect(text(`<ul>${items}</ul>`, true)).toContain('He had a scan at the hospital on Monday.');
  });
});

describe('a box under a furniture heading', () => {
  const teaser = (h: string, t: string, i: number): string =>
    `<tr><td><b><a href="/t${i}">${h}</a></b><br>${t} <a href="/t${i}">Full Story</a></td></tr>`;
  it('goes: sponsored links between paragraphs', () => {
    const ads =
      '<div><h3>Sponsored Links</h3><ul><li><a href="https://ads.example/1">Energy Efficiency</a> Surveys can identify ' +
      'energy loss from your home. Free quotes.</li><li><a href="https://ads.example/2">New PDA?</a> Latest models, ' +
      'lower prices.</li></ul></div>';
    const t = text(`${PARA(4)}${ads}`, true);
    expect(t).not.toContain('Surveys can identify energy loss');
    expect(t).not.toContain('Sponsored Links');
    expect(t).toContain('(4)');
  });
  it('goes: other stories’ teasers at the end', () => {
    const box =
      '<div><h3>Also In The News</h3><div><table>' +
      teaser('Magic Murray downs Davydenko', 'Andy Murray has cruised past the top seed in straight sets.', 1) +
      teaser('Hingis banned for two years', 'The former world number one failed a drugs test.', 2) +
      '</table></div></div>';
    const t = text(PARA(0) + box, true, true);
    expect(t).not.toContain('cruised past the top seed');
    expect(t).not.toContain('Also In The News');
  });
  it('kept: a section of the story under such a heading', () => {
    const section = `<div><h3>Latest news</h3>${PARA(7)}${PARA(8)}${PARA(9)}${PARA(10)}${PARA(11)}<p><a href="/club">Club statement</a></p></div>`;
    const t = text(section, true);
    expect(t).toContain('(10)');
    expect(t).toContain('Latest news');
  });
});

describe('the site’s notices and tool bar', () => {
  it('go: a JavaScript notice above the story and a login prompt under it', () => {
    const notice =
      '<p>This site requires that JavaScript be enabled and the Flash plug-in be installed. ' +
      '<a href="/flash">Get Flash</a>.</p>';
    const t = text(`${notice}${PARA(4)}`, false);
    expect(t).not.toContain('JavaScript be enabled');
    const end = text('<div><a href="/login">You must Login</a> or <a href="/reg">Register</a> to post.</div>', true);
    expect(end).not.toContain('Register to post');
  });
  it('goes: a tool bar line', () => {
    const t = text(`<div>STORY TOOLS</div>${PARA(4)}<div><div>Text Size</div></div>`);
    expect(t).not.toContain('STORY TOOLS');
    expect(t).not.toContain('Text Size');
  });
  it('kept: the story’s own sentences about a site, printing or e-mail', () => {
    const own =
      '<p>This site requires that visitors confirm their age, the company said.</p><p>Print and email still matter.</p>';
    const t = text(own, true);
    expect(t).toContain('This site requires that visitors confirm their age');
    expect(t).toContain('Print and email still matter.');
  });
});
