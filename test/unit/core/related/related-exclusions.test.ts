/**
 * Links that read like headlines but are not stories, on minimal pages of the shapes real pages use
 * (issue #22, excluded links): menus named inside a class token, footer directories of topics,
 * section fronts, menu items repeated in a box, promos, press releases, partner content, a Wayback
 * capture's links to other captures, the article's own next page; and sister sites learned from the
 * page (their home page linked from the menu and footer), only for stories of the article's URL form.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { findRelated } from '../../../../src/core/related/index.js';
import { urlShape } from '../../../../src/core/related/url.js';

const PAGE = 'https://news.example/2024/05/01/the-article-itself';
const now = new Date('2024-05-01T12:00:00Z');

function related(body: string, url = PAGE, bodyAttrs = ''): string[] {
  const html = `<!doctype html><html lang="en"><body ${bodyAttrs}>${body}</body></html>`;
  const doc = new JSDOM(html, { url }).window.document;
  return findRelated(doc, { url, canonicalUrl: null, now, lang: 'en', title: 'The article', text: '' }).map(
    (h) => h.title,
  );
}

/** A box of real stories, to show the rule leaves stories alone. */
const STORIES = `<aside><h3>Most read</h3><ul>
  <li><a href="/2024/04/30/council-votes-on-new-budget">Council votes on the new budget for schools</a></li>
  <li><a href="/2024/04/30/storm-closes-coastal-roads">Storm closes coastal roads across the region</a></li></ul></aside>`;
const STORY_TITLES = ['Council votes on the new budget for schools', 'Storm closes coastal roads across the region'];

describe('links that are not stories', () => {
  it('leaves out a menu named inside a class token, but not a page whose body class names a menu', () => {
    const menu = `<div class="mega-menu-content"><ul><li><a href="/2024/04/29/special-report-on-the-election-campaign">Special report on the election campaign</a></li></ul></div>
      <div class="b-mainnav__2level"><ul><li><a href="/radio_the_critical_hour_show/">The Critical Hour radio show</a></li></ul></div>`;
    expect(related(menu + STORIES).sort()).toEqual(STORY_TITLES);
    expect(related(STORIES, PAGE, 'class="menu-options"').sort()).toEqual(STORY_TITLES);
  });

  it('leaves out a directory of topics (single links, many of them tags or sections) and the lists beside it', () => {
    const topic = (slug: string, t: string): string => `<li><a href="/${slug}-6030131180507777c">${t}</a></li>`;
    const tag = (t: string): string => `<li><a href="/tag/${encodeURIComponent(t)}">${t}</a></li>`;
    const dir = (items: string): string => `<div class="x1"><ul>${items}</ul></div>`;
    const footer = `<div class="grid">
      ${dir(topic('wojna-w-ukrainie-konflikt', 'Wojna w Ukrainie') + topic('jak-glosowac-za-granica-wybory', 'Jak głosować za granicą') + tag('policja') + tag('wypadek') + topic('okregi-wyborcze-do-sejmu', 'Okręgi wyborcze 2023'))}
      ${dir(topic('jaroslaw-kaczynski-prezes', 'Jarosław Kaczyński') + topic('mateusz-morawiecki-premier-rzadu', 'Mateusz Morawiecki') + tag('przemysław czarnek') + tag('łukasz mejza'))}
      ${dir(topic('parlament-europejski-pe-unia', 'Parlament Europejski') + topic('ministerstwo-obrony-narodowej', 'Ministerstwo Obrony Narodowej') + tag('nato') + tag('onz'))}
      ${dir(topic('program-wyborczy-pis-to-propozycje', 'PiS program wyborczy 2023') + topic('koalicja-obywatelska-program-ko', 'KO program wyborczy 2023') + topic('lewica-program-wyborczy-liczy-punktow', 'Lewica program wyborczy 2023') + topic('konfederacja-program-wyborczy-2023', 'Konfederacja program wyborczy 2023'))}
    </div>`;
    expect(related(footer + STORIES).sort()).toEqual(STORY_TITLES);
  });

  it('keeps a list of stories that holds one paid link', () => {
    const list = `<section><h2>Meistgelesen</h2><ol>
      <li><a href="/2024/04/30/taurus-affaere-was-wir-wissen">Was wir über das Leak bisher wissen</a></li>
      <li><a href="/2024/04/30/wetter-fruehling-kommt">Der Frühling kommt mit bis zu 20 Grad</a></li>
      <li><a href="/2024/04/30/bayern-tuchel-nachfolger">Wer folgt beim FC Bayern auf Tuchel?</a></li>
      <li><a href="/partner/urlaub-mit-der-bahn-ostsee">Mit der Bahn an die Ostsee: die schönsten Ziele</a></li></ol></section>`;
    expect(related(list)).toHaveLength(3);
  });

  it('leaves out a section front: the folder of other stories on the page, or of the article itself', () => {
    const box = `<div class="widget"><a href="/come-cucinare-guide-pratiche-vegane">Guide di base per cucinare</a><ul>
      <li><a href="/come-cucinare-guide-pratiche-vegane/cosa-mangiare-al-posto-della-carne">Cosa mangiare al posto della carne?</a></li>
      <li><a href="/come-cucinare-guide-pratiche-vegane/come-fare-gli-hamburger-vegani">Come fare gli hamburger vegani a casa</a></li></ul></div>`;
    expect(related(box)).toEqual(['Cosa mangiare al posto della carne?', 'Come fare gli hamburger vegani a casa']);
    const own = 'https://radio.example/radio_the_critical_hour/202004281079127690-lockdowns-lifted/';
    const show = `<aside><h3>Related</h3><ul><li><a href="/radio_the_critical_hour/">The Critical Hour with the hosts</a></li>
      <li><a href="/us/202004291079133053-biden-accuser-rips-clinton">Biden accuser rips Clinton for the endorsement</a></li></ul></aside>`;
    expect(related(show, own)).toEqual(['Biden accuser rips Clinton for the endorsement']);
  });

  it("leaves out a short link the page's navigation also links (a section named on a card)", () => {
    const page = `<nav><a href="/economy-business">Economy &amp; Business</a></nav>
      <section><h2>Most Popular</h2><article><a href="/economy-business">Economy &amp; Business</a>
      <a href="/2019/11/paul-krugman-always-wrong-never-in-doubt">Paul Krugman: Always Wrong, Never in Doubt</a></article></section>`;
    expect(related(page)).toEqual(['Paul Krugman: Always Wrong, Never in Doubt']);
  });

  it('leaves out newsletter sign-ups, press releases, partner content, #tags and quizzes', () => {
    const page = `<aside><h3>Gefällt Ihnen tell?</h3><ul><li><a href="/abonnieren-sie-unseren-newsletter/">Newsletter abonnieren</a></li></ul></aside>
      <section><h2>Press Release</h2><ul><li><a href="/pressrelease/sport/2020/06/18/european-championships-2022">European Championships 2022 set to welcome nine disciplines</a></li></ul></section>
      <section><h2>Kumppaniblogit</h2><ul><li><a href="/studiovieras/autotalli-unelma-auton-voi-hankkia">Unelma-auton voi hankkia myös leasingilla</a></li></ul></section>
      <section><h2>Latest</h2><ul><li><div><span>Kaupallinen yhteistyö</span><a href="/2024/04/30/unelma-auton-leasing-bmw">Samin valinta oli BMW:n 2-sarja leasingilla</a></div></li>
      <li><a href="/ru/selskoe-hozyaystvo_t3219">#Сельское хозяйство региона</a></li>
      <li><a href="/kuis/tts/147/tts-teka-teki-santuy-eps-119">TTS - Teka - Teki Santuy Eps 119</a></li></ul></section>`;
    expect(related(page + STORIES).sort()).toEqual(STORY_TITLES);
  });

  it("leaves out a Wayback capture's links to other captures of the article and of site fronts", () => {
    const url = 'https://web.archive.org/web/20131116120142/http://nypost.com/2013/11/16/the-article-itself/';
    const page = `<table><tr><td class="n"><a href="https://web-beta.archive.org/web/20131116120142/http://nypost.com/2013/11/16/the-article-itself/">12:01:42 Nov 16, 2013 capture</a></td></tr></table>
      <div><a href="/web/20131116120142/http://nypost.com/">New York Post front page</a></div>
      <aside><h3>Most read</h3><ul><li><a href="/web/20131116120142/http://nypost.com/2013/11/05/nazi-art-cache-found-in-munich-home/">$1.3B Nazi art cache found in Munich home</a></li></ul></aside>`;
    expect(related(page, url)).toEqual(['$1.3B Nazi art cache found in Munich home']);
  });

  it('leaves out a row of short labels under a teaser (section and region), keeping the teaser', () => {
    const card = (slug: string, t: string): string => `<li><a href="/ru/${slug}_a3725092">${t}</a>
      <div class="foot"><a href="/ru/regiony_g5">Регионы</a> <a href="/ru/severo-kazahstanskaya-obl_s20786">Северо-Казахстанская обл.</a> <a href="/ru/${slug}_a3725092"><img src="/i.jpg"></a></div></li>`;
    const list = `<ul>${card('shest-sibirskih-kosul-otstrelili', 'Шесть сибирских косуль отстрелили браконьеры в СКО')}${card('prognoz-pogody-na-dekabr', 'Прогноз погоды на декабрь дали синоптики СКО')}</ul>`;
    expect(related(list, 'https://kz.example/ru/polnost-obespechit-region_a3725000').sort()).toEqual([
      'Прогноз погоды на декабрь дали синоптики СКО',
      'Шесть сибирских косуль отстрелили браконьеры в СКО',
    ]);
  });

  it('reads terms of sale, sign-up, contest pages and office documents as no stories', () => {
    for (const u of [
      'https://lgc.example/cgv/abonnement-papier-et-numerique-2024',
      'https://paper.example/account/registration/create-your-free-account',
      'https://paper.example/contests/win-tickets-to-the-summer-festival-2024',
      'https://paper.example/uploads/2024/05/council-minutes-of-the-meeting.docx',
    ])
      expect(urlShape(new URL(u)), u).toBe('no');
    expect(urlShape(new URL('https://paper.example/2024/05/01/council-adopts-new-registration-rules'))).toBe('article');
  });

  it("leaves out the article's own next page (a gallery's next picture)", () => {
    const url = 'https://gallery.example/yikilan-binalar-izmirden-goruntuler-2196g.htm';
    const page = `<div class="image"><a href="/yikilan-binalar-izmirden-goruntuler-2196g-p2.htm" title="Sonraki resim için tıklayınız"><img src="/1.jpg"></a></div>
      <div class="image"><a href="/yikilan-binalar-izmirden-goruntuler-2196g-p3.htm">Sonraki resim için tıklayınız lütfen</a></div>`;
    expect(related(page, url)).toEqual([]);
  });
});

describe('sister sites learned from the page', () => {
  const nav = `<header><ul class="site"><li><a href="https://pagesix.com/">Page Six</a></li><li><a href="https://jobs-paper.example/">Jobs</a></li></ul></header>
    <footer><a href="https://pagesix.com/">Page Six</a> <a href="https://jobs-paper.example/">Jobs</a> <a href="https://www.facebook.com/">Facebook</a></footer>`;
  const box = `<aside><h3>Trending Now</h3><ul>
    <li><a href="https://pagesix.com/2024/04/30/katy-perry-gets-stuck-in-the-air">Katy Perry gets stuck suspended in air during concert</a></li>
    <li><a href="https://jobs-paper.example/offre-d-emploi/un-vendeur-menuiserie-35133">Un vendeur menuiserie en CDI à Rennes</a></li>
    <li><a href="https://other.example/2024/04/30/a-story-elsewhere-today">A story from another publisher today</a></li></ul></aside>`;

  it('takes stories of a site whose home page the page links twice, in the URL form of its own stories', () => {
    expect(related(nav + box)).toEqual(['Katy Perry gets stuck suspended in air during concert']);
  });

  it('takes none without such links', () => {
    expect(related(box)).toEqual([]);
  });
});
