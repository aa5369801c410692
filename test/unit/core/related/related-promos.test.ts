/**
 * Promos and service pages that pass as headlines one by one (issue #22, excluded links on the real
 * set): each case is a minimal page of one shape; the stories beside them must still come back.
 */
import { describe, expect, it } from 'vitest';
import { related } from './harbour-page.js';

const titles = (body: string): string[] =>
  related(body)
    .map((h) => h.title)
    .sort();

const STORIES = `<section><h2>Most read</h2><ul>
    <li><a href="/2024/03/19/city-council-approves-new-budget">City council approves the new budget</a></li>
    <li><a href="/2024/03/19/storm-closes-schools-across-region">Storm closes schools across the region</a></li>
  </ul></section>`;
const TITLES = ['City council approves the new budget', 'Storm closes schools across the region'];

describe('promos and service pages among headlines', () => {
  it('drops a branded list or card ("…-image-branded", "articulo_branded")', () => {
    const body = `${STORIES}
      <section class="article-list article-list--headline-image-branded"><ul>
        <li><a href="/reviews/br/holiday-br/best-sephora-black-friday-deals-2023">Best Sephora Black Friday deals 2023</a></li>
        <li><a href="/reviews/br/holiday-br/best-alexa-black-friday-deals-2023">Best Alexa Black Friday deals 2023</a></li></ul></section>
      <article class="articulo articulo_branded"><h2><a href="/economia/2020/01/28/actualidad/1580217248_253892.html">A la caza del mejor talento</a></h2></article>`;
    expect(titles(body)).toEqual(TITLES);
  });

  it("drops a paid box's pages wherever else they are linked, and their deep folder's other pages", () => {
    const guide = (slug: string, t: string): string =>
      `<li><a href="/reviews/br/apparel-br/holiday-br/${slug}">${t}</a></li>`;
    const body = `${STORIES}
      <section class="sponsored-picks"><ul>${guide('best-sephora-black-friday-deals-2023', 'Best Sephora Black Friday deals 2023')}</ul></section>
      <section><h2>Top picks to make everyone happy</h2><ul>
        ${guide('best-sephora-black-friday-deals-2023', 'Best Sephora Black Friday deals 2023')}
        ${guide('best-black-friday-vacuum-deals-2023', 'Best Black Friday vacuum deals 2023')}
        ${guide('best-black-friday-hot-tub-deals-2023', 'Best Black Friday hot tub deals 2023')}</ul></section>`;
    expect(titles(body)).toEqual(TITLES);
  });

  it('drops a long teaser of a page the menu links under a short label (a service page, not a story)', () => {
    const body = `<nav><ul><li><a href="/carros/tabela-fipe/">Tabela Fipe</a></li><li><a href="/carros/videos">Vídeos</a></li></ul></nav>
      ${STORIES}<section><h2>Top stories</h2><ul>
        <li><a href="/carros/tabela-fipe/">Tabela Fipe: veja valores para negociar carros, motos e caminhões</a></li></ul></section>`;
    expect(titles(body)).toEqual(TITLES);
  });

  it('drops a service page\'s name ("terms of use") and a box of staff biographies', () => {
    const body = `${STORIES}<table><tr><td><a href="/station/1012483/detail.html">terms of use</a></td>
        <td><a href="/2024/03/19/ferry-timetable-changes-for-the-summer">Ferry timetable changes for the summer</a></td></tr></table>
      <div><h3>BIOS</h3><ul><li><a href="/more/ctv-national-news-team">CTV National News Team</a></li>
        <li><a href="/more/meet-the-morning-show-hosts">Meet the morning show hosts</a></li></ul></div>`;
    expect(titles(body)).toEqual([...TITLES, 'Ferry timetable changes for the summer'].sort());
  });

  it('drops a name in a list of names (a people carousel)', () => {
    const person = (slug: string, name: string): string => `<li><a href="/stars_et_gotha/${slug}">${name}</a></li>`;
    const body = `${STORIES}<section class="peoplecarousel"><h2>Autour de Jacques Chirac</h2><ol>
        ${person('bernadette_chirac', 'Bernadette Chirac')}${person('alain_juppe', 'Alain Juppé')}
        ${person('valery_giscard_d_estaing', "Valéry Giscard d'Estaing")}${person('dominique_de_villepin', 'Dominique de Villepin')}
        ${person('christine_lagarde', 'Christine Lagarde')}</ol></section>`;
    expect(titles(body)).toEqual(TITLES);
  });

  it("drops an on-site link among a widget's links to other sites (ads and friends' sites)", () => {
    const off = (host: string, t: string): string => `<p><a href="https://${host}/2017/04/05/a-page">${t}</a></p>`;
    const body = `${STORIES}<div class="textwidget">
        ${off('motor-sales.example', 'Jual beli sepeda motor cash atau kredit')}${off('travel.example', 'Budget traveler: rekomendasi kuliner murah')}
        ${off('hajj-tours.example', 'Sejarah melempar jumrah di Mina')}${off('catering.example', 'Jual nasi kebuli untuk acara Anda')}
        <p><a href="/2015/11/11/buku-membangun-iman-di-zaman-modern">Buku “Membangun IMAN Di Zaman Modern” oleh Agus Nizami</a></p></div>`;
    expect(titles(body)).toEqual(TITLES);
  });

  it('drops a notice asking the reader to phone, dressed as a breaking-news headline', () => {
    const body = `${STORIES}<div class="ultimo-momento"><h2 class="titulo">
        <a href="/nota/2020-3-25-16-34-0-si-desea-recibir-el-diario-en-su-casa-llame-al-425-0101">Si desea recibir el diario EL DIA en su casa, llame al 425-0101</a></h2></div>`;
    expect(titles(body)).toEqual(TITLES);
  });

  it('drops a box headed as a service sign-up (browser push notifications, the app)', () => {
    const body = `${STORIES}<h3>Browser-Benachrichtigung</h3><div class="ed-widget"><ul class="media-list">
        <li><a href="/best-of-wirtschaft-so-aktiviert-ihr-die-browser-push-2018-10">NEU: Unsere spannendste Story täglich per Browser-Push – so einfach geht´s</a></li></ul></div>
      <h3>Get the app</h3><div><ul><li><a href="/2024/03/01/our-new-app-puts-the-news-in-your-pocket">Our new app puts the news in your pocket</a></li></ul></div>`;
    expect(titles(body)).toEqual(TITLES);
  });
});
