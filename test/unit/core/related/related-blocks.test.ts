/**
 * Story blocks that real pages hide behind markup meant for something else (issue #22, recall): each
 * case is a minimal page of one shape, and the headlines a reader sees there must come back.
 */
import { describe, expect, it } from 'vitest';
import { URL0, related } from './harbour-page.js';

const story = (slug: string, title: string, host = 'https://news.example.com'): string =>
  `<li><a href="${host}/2024/03/19/${slug}">${title}</a></li>`;
const LIST = `<ul>${story('city-council-approves-new-budget', 'City council approves the new budget')}${story(
  'storm-closes-schools-across-region',
  'Storm closes schools across the region',
)}${story('local-team-wins-championship-final', 'Local team wins the championship final')}</ul>`;
const TITLES = [
  'City council approves the new budget',
  'Storm closes schools across the region',
  'Local team wins the championship final',
];
const titles = (hs: Array<{ title: string }>): string[] => hs.map((h) => h.title).sort();

describe('story blocks behind misleading markup', () => {
  it("ignores the body's class (the page template: 'ad-column-300', 'section-in-nav')", () => {
    const body = `<section><h2>Most read</h2>${LIST}</section>`;
    expect(titles(related(body, URL0, 'class="daily ad-column-300 section-in-nav"'))).toEqual(TITLES.slice().sort());
  });

  it('keeps a story box in a region named after the ad beside it, and still drops a real ad slot', () => {
    const body = `<section class="below-header-ad"><h2>Top stories</h2>${LIST}</section>
      <div class="ad-slot"><a href="/2024/03/18/buy-our-sponsored-holiday-package-now">Buy our sponsored holiday package now</a></div>`;
    expect(titles(related(body))).toEqual(TITLES.slice().sort());
  });

  it("reads a token naming a feature ('td_with_ajax_pagination') as no pagination region", () => {
    const body = `<div class="related-posts td_with_ajax_pagination"><h4>Related articles</h4>${LIST}</div>`;
    expect(titles(related(body))).toEqual(TITLES.slice().sort());
  });

  it('lets an ad label or newsletter box head only its own box, not the story blocks after it', () => {
    const body = `<div class="col">
        <div class="box"><span class="title">newsletter</span><form><input type="email"><button>Sign up</button></form></div>
        <div class="slot"><div class="label">PUBLICIDADE</div><div class="banner"></div></div>
        <div class="network"><h2>Our network</h2>${LIST}</div>
      </div>`;
    expect(titles(related(body))).toEqual(TITLES.slice().sort());
  });

  it("reads a Wayback copy's links as the archived site's, without archive.org's own pages or other captures", () => {
    const wb = 'https://web.archive.org/web/20131207074640';
    const url = `${wb}/http://nymag.com/daily/intelligencer/2013/12/obamacare-site-works-now.html`;
    const body = `<div id="toolbar"><a href="https://blog.archive.org/2013/10/25/fixing-broken-links/">fix all broken links on the web today</a>
        <a href="https://web.archive.org/web/20131205103859/http://nymag.com:80/daily/intelligencer/2013/12/obamacare-site-works-now.html">10:38:59 Dec 05, 2013</a></div>
      <a href="${wb}/http://nymag.com/news/index.htm">New York Magazine News</a>
      <section><h2>Top stories</h2><ul>
        <li><a href="${wb}/http://nymag.com/daily/intelligencer/2013/12/mandela-and-conservative-racial-blindness.html">Mandela and Conservative Racial Blindness</a></li>
        <li><a href="${wb}/http://nymag.com/daily/intelligencer/2013/12/warren-and-centrist-democrats-at-war.html">Warren and Centrist Democrats Are Already at War</a></li>
      </ul></section>`;
    expect(titles(related(body, url))).toEqual([
      'Mandela and Conservative Racial Blindness',
      'Warren and Centrist Democrats Are Already at War',
    ]);
  });

  it("keeps a story list in an article's or content column's footer, and drops the page footer's", () => {
    const inArticle = `<main><footer><ul><li><a href="/tag/harbour">harbour</a></li></ul>${LIST}</footer></main>`;
    expect(titles(related(inArticle))).toEqual(TITLES.slice().sort());
    const contentFooter = `<div class="article__footer"><div class="box">${LIST}</div></div>`;
    expect(titles(related(contentFooter))).toEqual(TITLES.slice().sort());
    const pageFooter = `<footer><div class="sitemap">${LIST}</div></footer>`;
    expect(related(pageFooter)).toEqual([]);
  });

  it("keeps only a footer's story lists and related boxes, not its other story-shaped links", () => {
    const body = `<main><footer>
        <p><a href="/2024/03/01/how-we-report-on-the-news-every-day">How we report on the news every day</a></p>
        ${LIST}</footer></main>`;
    expect(titles(related(body))).toEqual(TITLES.slice().sort());
  });

  it('keeps titled previous/next story links, without their label, and drops an untitled "next article" link', () => {
    const body = `<nav class="navigation post-navigation" aria-label="Posts"><div class="nav-links">
        <div class="nav-previous"><a href="/2024/03/19/city-council-approves-new-budget" rel="prev">Previous: City council approves the new budget</a></div>
        <div class="nav-next"><a href="/2024/03/21/storm-closes-schools-across-region" rel="next"><span>Next</span> Storm closes schools across the region</a></div>
      </div></nav>
      <nav class="entry-nav"><a href="/2024/03/22/ferry-timetable-changes-for-the-summer">zum nächsten Artikel</a></nav>
      <nav class="main-nav"><a href="/2024/03/18/local-team-wins-championship-final">Local team wins the championship final</a>
        <a href="/sport">Sport</a></nav>`;
    expect(titles(related(body))).toEqual([
      'City council approves the new budget',
      'Storm closes schools across the region',
    ]);
  });

  it('takes a lead-in link set inside a paragraph and a "More:" line of links, not a link of the prose', () => {
    const body = `<div class="article-body"><p>The union said the strike would go on. <span class="capsule"><span>À LIRE AUSSI</span>
        <strong><a href="/2024/03/19/city-council-approves-new-budget">City council approves the new budget</a></strong></span>
        Talks resume on Friday, and the port authority has asked <a href="/2024/03/18/port-authority-asks-for-federal-mediation-now">for federal mediation in the dispute</a> to end it.</p>
      <p><strong>More:</strong> <a href="/2024/03/19/storm-closes-schools-across-region">Storm closes schools across the region</a> |
        <a href="/2024/03/19/local-team-wins-championship-final">Local team wins the championship final</a></p></div>`;
    expect(titles(related(body))).toEqual(TITLES.slice().sort());
  });

  it('reads a story named by a dated path in the query (main.jhtml?xml=/news/2007/12/28/x.xml) as its own story', () => {
    const url = 'http://www.telegraph.example.co.uk/news/main.jhtml?xml=/news/2007/12/28/wtiger128.xml';
    const link = (p: string, t: string): string =>
      `<li><a href="/news/main.jhtml?xml=/news/2007/12/${p}.xml">${t}</a></li>`;
    const body = `<div class="box"><ul>${link('27/wgold127', 'Gold heads for a thousand dollars')}${link(
      '28/wtiger128',
      'The article about the harbour strike again',
    )}${link('26/wlights126', 'UFO seekers flock to mystery lights')}</ul></div>`;
    expect(titles(related(body, url))).toEqual([
      'Gold heads for a thousand dollars',
      'UFO seekers flock to mystery lights',
    ]);
  });

  it("takes a short-slug story in an unlabelled story list beside stories of its URL form, not the list's section link", () => {
    const item = (path: string, t: string): string => `<li><a href="${path}">${t}</a></li>`;
    const body = `<div class="box"><ul>
        ${item('/local/city-council-approves-new-budget-2024', 'City council approves the new budget')}
        ${item('/local/school-storm-closures-2024', 'Storm closes schools across the region')}
        ${item('/local/ferry-strike', 'Ferry workers join the harbour strike')}
        ${item('/local', 'More news from the local desk')}
      </ul></div>`;
    expect(titles(related(body))).toEqual([
      'City council approves the new budget',
      'Ferry workers join the harbour strike',
      'Storm closes schools across the region',
    ]);
  });

  it('reads a <footer> before the page footer as the content\'s, and a box classed "related-…" as related', () => {
    const card = (slug: string, t: string): string =>
      `<div class="card"><a href="/2024/03/19/${slug}"><img src="/i/${slug}.jpg" alt=""></a>
        <a href="/2024/03/19/${slug}">${t}</a> <a href="/author/jane">Jane Doe</a> <a href="/section/local">Local</a></div>`;
    const body = `<footer class="below-article"><section class="related-block">
        ${card('city-council-approves-new-budget', 'City council approves the new budget')}
        ${card('storm-closes-schools-across-region', 'Storm closes schools across the region')}</section></footer>
      <footer class="site"><ul><li>${story('our-newsroom-ethics-and-standards-policy', 'Our newsroom ethics and standards policy')}</li>
        <li><a href="/contact">Contact</a></li></ul></footer>`;
    expect(titles(related(body))).toEqual([
      'City council approves the new budget',
      'Storm closes schools across the region',
    ]);
  });
});
