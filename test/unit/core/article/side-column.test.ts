/**
 * The side column of a table-laid page (issue #20): Readability picks the layout table whose row holds
 * the story in one cell and the site's column of promos and teaser links in the other; the column was
 * read as the end of the story. It goes; a column with a captioned photo in it stays (the story's
 * picture), and so does a data table (none of its cells holds the story).
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { removeSideColumn } from '../../../../src/core/article/side-column.js';

const STORY = [
  'A renowned professor and HIV researcher at the university medical center died on Monday of an apparent heart attack.',
  'He was chairman of microbiology, molecular genetics and immunology at the university, and led a research center.',
  'In the private sector, he served as medical director for an early-stage biotechnology company in the suburbs.',
  'The company was created to commercialize research he had conducted as director of a laboratory at the center.',
  'His six-protein construct stimulates the immune system to suppress the virus without the hazards of a live virus.',
  'Other researchers are working on similar immunotherapies, but his construct triggers a much broader response.',
  'According to an article in a journal, all twelve animals vaccinated during a trial suppressed disease symptoms.',
];
const TEASERS: Array<[string, string]> = [
  ['Unusual mix', 'Success follows unusual mix of products.'],
  ['Beyond retail', 'His wholesale business has fed sales through lean times.'],
  ['Innovation builds business', 'She was a pioneer in her field.'],
  ['Cashing in on green', 'A company with a new kind of trash bag has big plans.'],
];
const column =
  `<div class="box"><a href="/jobs">Search for Jobs</a> <a href="/jobs/kc">View Jobs - 913 jobs today</a></div>` +
  `<div class="box"><h4>Video</h4><p>NEW! View today's top business headlines with our new video feature.</p></div>` +
  `<div class="box"><h4>Business Resources</h4><ul>${TEASERS.map(
    ([h, t]) => `<li><p><b><a href="/r/${h.length}">${h}</a></b>: ${t}</p></li>`,
  ).join('')}</ul></div>`;

/** The article as Readability hands it over on such pages: the layout table, story cell and column. */
function cleaned(side: string): Element {
  const article = new JSDOM('<!DOCTYPE html><html><body></body></html>').window.document.createElement('div');
  article.innerHTML =
    `<table id="article_tbl"><tr><td class="left_col"><div id="story">${STORY.map((p) => `<p>${p}</p>`).join('')}` +
    `</div></td><td class="right_col">${side}</td></tr></table>`;
  return article;
}

function read(side: string): { textContent: string; content: string } {
  const article = cleaned(side);
  const removed: Array<{ kind: string; text: string }> = [];
  removeSideColumn(article, removed);
  return { textContent: article.textContent ?? '', content: article.innerHTML };
}

describe('the side column of a layout table', () => {
  it('a column of promos and teaser links beside the story is not read as the story', () => {
    const r = read(column);
    expect(r.textContent).toContain(STORY[0]);
    expect(r.textContent).toContain(STORY[6]);
    expect(r.content).not.toContain('Business Resources');
    expect(r.content).not.toContain('trash bag');
  });

  it('a column that holds a captioned photo stays', () => {
    const caption = 'The researcher in his laboratory at the medical center in 2006.';
    const r = read(
      `<img src="/photos/researcher.jpg" width="200" height="260"><div class="caption">${caption}</div>` + column,
    );
    expect(r.content).toContain(caption);
  });

  it('a data table in the story is left alone', () => {
    const article = cleaned(column);
    const table = article.ownerDocument.createElement('table');
    table.innerHTML = TEASERS.map(([h, t]) => `<tr><td><a href="/x">${h}</a></td><td>${t}</td></tr>`).join('');
    article.querySelector('#story')!.append(table);
    removeSideColumn(article);
    expect(article.querySelectorAll('#story tr')).toHaveLength(TEASERS.length);
  });
});
