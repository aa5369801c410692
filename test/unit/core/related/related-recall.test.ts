/**
 * Story blocks of real pages missed by earlier rules (issue #22, recall on the labelled real set):
 * each case is a minimal page of one markup shape; the headlines a reader sees there must come back,
 * and the menu, front or promo links beside them must not.
 */
import { describe, expect, it } from 'vitest';
import { related } from './harbour-page.js';

const titles = (hs: Array<{ title: string }>): string[] => hs.map((h) => h.title).sort();

describe('story blocks of real pages (recall)', () => {
  it("takes a rail's lead card whose links sit deep in wrappers, in a content footer", () => {
    const lead = (slug: string, t: string): string => `<li><div class="teaser">
        <div class="image-wrapper"><div class="image"><a href="/world/${slug}-1.4693661"><img src="/i.jpg" alt=""></a></div></div>
        <div class="text"><div class="headline"><h2 class="title"><a href="/world/${slug}-1.4693661">${t}</a></h2></div>
          <div class="count"></div></div></div></li>`;
    const item = (slug: string, t: string): string => `<li><a href="/world/${slug}-1.4693603">${t}</a></li>`;
    const body = `<div class="content-footer"><div class="list"><h3><a href="/world">WORLD</a></h3><ul>
        ${lead('nato-ministers-gather-amid-tensions-with-france', 'NATO ministers gather amid tensions with France')}
        ${item('bushfires-threaten-south-australia-and-victoria', 'Bushfires threaten South Australia and Victoria')}
        ${item('israel-strikes-targets-in-syria-eleven-killed', 'Israel strikes targets in Syria; 11 reported killed')}
      </ul></div></div>`;
    expect(titles(related(body))).toEqual([
      'Bushfires threaten South Australia and Victoria',
      'Israel strikes targets in Syria; 11 reported killed',
      'NATO ministers gather amid tensions with France',
    ]);
  });

  it('reads a video story named by an id parameter (/video?clipId=…) as its own story, not a collection (binId)', () => {
    const body = `<section><h2>Top Video</h2><ul>
        <li><a href="/video?playlistId=1.4691331">'He strangled me': Canadian speaks about hotel attack</a></li>
        <li><a href="/video?playlistId=1.4653956">Here's what we know so far about the next cabinet</a></li>
        <li><a href="/video?clipId=1833115">Ottawa woman recovering from a brutal beating</a></li>
      </ul></section>
      <section><h2>Video sections</h2><ul>
        <li><a href="/video?binId=1.2991703">CTV News on the Go</a></li>
        <li><a href="/video?binId=1.811496">Lifestyle videos of the week here</a></li>
      </ul></section>`;
    expect(titles(related(body))).toEqual([
      "'He strangled me': Canadian speaks about hotel attack",
      "Here's what we know so far about the next cabinet",
      'Ottawa woman recovering from a brutal beating',
    ]);
  });

  it('takes a box the page names a menu of its stories ("stories-menu"), not a menu of sections', () => {
    const story = (slug: string, t: string): string =>
      `<li><a href="/p/pagesix/${slug}_n0LuD4XXWkgKKwtNuvfYMM">${t}</a></li>`;
    const body = `<div id="stories-menu"><ul class="story-list">
        ${story('kim_excited_to_see_kris', 'Kim K excited to see Kris Humphries in court')}
        ${story('selena_gomez_on_mission', 'Selena Gomez on a mission to hook up with Bieber')}
        ${story('bradley_cooper_visits_victim', 'Bradley Cooper visits Boston Marathon bombing victim')}
      </ul></div>
      <div id="sections-menu"><ul>
        <li><a href="/p/news/local/the_news_desk_of_the_city_x7GqP2mzLk">The news desk of the city</a></li>
        <li><a href="/sports">Sports</a></li><li><a href="/opinion">Opinion</a></li></ul></div>`;
    expect(titles(related(body))).toEqual([
      'Bradley Cooper visits Boston Marathon bombing victim',
      'Kim K excited to see Kris Humphries in court',
      'Selena Gomez on a mission to hook up with Bieber',
    ]);
  });

  it("takes a sister site's stories of another URL form from a list shared with the site's own, not alone", () => {
    const url = 'https://nymag.example.com/daily/intelligencer/2013/12/obamacare-still-alive.html';
    const body = `<header><a href="https://www.vulture.example/">Vulture</a></header>
      <section><h3>Most Popular Stories</h3><ul>
        <li><a href="https://www.vulture.example/2013/12/the-sound-of-music-live-highs-lows.html">The highs and lows of the Sound of Music</a></li>
        <li><a href="/thecut/2013/07/texting-exes-social-media-generation.html">All my exes live in text messages</a></li>
        <li><a href="https://www.vulture.example/2013/11/joe-jonas-talks-jonas-brothers.html">Joe Jonas: my life as a Jonas brother</a></li>
      </ul></section>
      <div class="jobs"><ul><li><a href="https://www.vulture.example/2013/12/senior-editor-wanted-in-new-york.html">Senior editor wanted in New York</a></li></ul></div>
      <footer><a href="https://www.vulture.example/">Vulture</a></footer>`;
    expect(titles(related(body, url))).toEqual([
      'All my exes live in text messages',
      'Joe Jonas: my life as a Jonas brother',
      'The highs and lows of the Sound of Music',
    ]);
  });

  it('takes a "Dans la même rubrique" list in a box named a menu, with SPIP\'s bare ids (spip.php?article719)', () => {
    const url = 'http://radio.example.org/spip.php?article717';
    const item = (n: number, t: string): string => `<li><a href="spip.php?article${n}">${t}</a></li>`;
    const body = `<div class="menu rubriques"><h2>Rubriques</h2><ul>
        <li><a href="spip.php?rubrique3">Chroniques</a></li><li><a href="spip.php?rubrique1">Emissions</a></li>
        <li><a href="spip.php?rubrique5">Reportages</a></li></ul></div>
      <div class="menu"><h2><a href="spip.php?rubrique1">Dans la même rubrique</a></h2><ul>
        ${item(719, 'Le meilleur des oreilles (toujours) loin du front !')}
        ${item(717, 'The article about the harbour strike')}
        ${item(715, 'Naissance d’une pratique sociale élémentaire avec le sociologue')}
        ${item(714, 'Jeunes, jolies et sous-traitées : les hôtesses d’accueil')}
      </ul></div>`;
    expect(titles(related(body, url))).toEqual([
      'Jeunes, jolies et sous-traitées : les hôtesses d’accueil',
      'Le meilleur des oreilles (toujours) loin du front !',
      'Naissance d’une pratique sociale élémentaire avec le sociologue',
    ]);
  });

  it('takes a Japanese "人気記事" (popular) list of short-slug posts, whose titles have no spaces', () => {
    const url = 'https://blog.example.jp/blog/decision-info/index-2726.html';
    const post = (n: number, t: string): string =>
      `<li><a href="/blog/trademark/index-${n}.html" title="${t}"><img src="/i/${n}.jpg" alt="${t}"></a>
        <a href="/blog/trademark/index-${n}.html" title="${t}">${t}</a></li>`;
    const body = `<aside><section class="widget popular-posts"><h2>人気記事</h2><ul>
        ${post(575, '「®」と「TM」の違いは？－商標登録Ｑ＆Ａシリーズ')}${post(2567, '商標のライセンスって？')}
        ${post(356, '「ローズオニールキューピー」事件')}${post(424, 'ウォシュレット－身近な商標シリーズ')}
      </ul></section></aside>`;
    expect(titles(related(body, url))).toEqual(
      [
        '「®」と「TM」の違いは？－商標登録Ｑ＆Ａシリーズ',
        '商標のライセンスって？',
        '「ローズオニールキューピー」事件',
        'ウォシュレット－身近な商標シリーズ',
      ].sort(),
    );
  });

  it("takes a sister site's stories when a box links its home page once and two of its stories in the article's URL form", () => {
    const six = 'https://pagesix.example';
    const body = `<div class="box module"><h3><a href="${six}/">Page Six</a></h3><ul>
        <li><a href="${six}/2024/03/19/chris-bosh-and-wife-welcome-baby-girl/">Chris Bosh and wife welcome baby girl</a></li>
        <li><a href="${six}/2024/03/19/kerkorian-ex-in-bitter-new-divorce-battle/">Kerkorian ex in bitter new divorce battle</a></li>
      </ul></div>
      <div class="box"><h3><a href="https://jobs.example/">Jobs</a></h3><ul>
        <li><a href="https://jobs.example/offre/un-vendeur-menuiserie-35133">Un vendeur menuiserie en CDI à Rennes</a></li>
        <li><a href="https://jobs.example/offre/une-caissiere-a-temps-partiel-35134">Une caissière à temps partiel à Brest</a></li>
      </ul></div>
      <div class="box"><h3><a href="https://blog.example/">A friend's blog</a></h3><ul>
        <li><a href="https://blog.example/2024/03/18/my-week-at-the-harbour-strike/">My week at the harbour strike, a diary</a></li></ul></div>`;
    expect(titles(related(body))).toEqual([
      'Chris Bosh and wife welcome baby girl',
      'Kerkorian ex in bitter new divorce battle',
    ]);
  });
});
