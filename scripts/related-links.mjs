/**
 * Labelling aid for the real related-headlines set (issue #22; protocol in
 * test/fixtures/related/real/PROTOCOL.md). Lists, for one corpus page, every <a href> with its visible
 * text, title attribute / image alt, and its block: the nearest list/landmark/id'd or named container,
 * its class/id chain, its heading, and the landmark it sits in (nav/header/footer/aside/main/article).
 * It reads the page only: it never runs src/core, so labels are written from the page, not the tool.
 *   node scripts/related-links.mjs <corpus> <file> [--full]    (--full: no compression of menu blocks)
 * Block ids (B#) and link ids (L#) are stable for a page; scripts/related-label.mjs resolves them.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { getDomain } from 'tldts';
import { fileURLToPath } from 'node:url';
import { loadCorpusPage } from '../bench/lib/corpus.mjs';

const BLOCK_TAGS = new Set(['UL', 'OL', 'NAV', 'ASIDE', 'SECTION', 'HEADER', 'FOOTER', 'TABLE', 'DL', 'FORM']);
const NAMED_PARTS = [
  'related',
  'latest',
  'popular',
  'most',
  'read',
  'more',
  'recirc',
  'teaser',
  'widget',
  'module',
  'box',
  'list',
  'sidebar',
  'rail',
  'promo',
  'sponsor',
  'outbrain',
  'taboola',
  'nav',
  'menu',
  'foot',
  'head',
  'social',
  'share',
  'tag',
  'topic',
  'author',
  'breadcrumb',
  'comment',
  'story',
  'stories',
  'news',
  'article',
  'top',
  'trend',
  'also',
  'similar',
  'recommend',
  'partner',
  'ad[sv]?\\b',
  'anzeige',
  'meist',
  'weitere',
  'lire',
  'leia',
  'leggi',
  'ver-tambien',
  'mas-',
];
const NAMED = new RegExp(NAMED_PARTS.join('|'), 'i');
const INLINE = new Set([
  'LI',
  'ARTICLE',
  'A',
  'SPAN',
  'B',
  'STRONG',
  'EM',
  'I',
  'SMALL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'FIGURE',
  'PICTURE',
  'TIME',
  'DT',
  'DD',
  'TD',
  'TR',
  'TBODY',
  'P',
]);
const LANDMARK = { NAV: 'nav', HEADER: 'header', FOOTER: 'footer', ASIDE: 'aside', MAIN: 'main', ARTICLE: 'article' };
const ROLE = { navigation: 'nav', banner: 'header', contentinfo: 'footer', complementary: 'aside', main: 'main' };
export const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

export function normUrl(u) {
  try {
    const x = new URL(u);
    x.hash = '';
    for (const k of [...x.searchParams.keys()])
      if (/^(utm_|at_|ito$|icid$|ref$|cmpid$|ns_|xtor$|fbclid$)/i.test(k)) x.searchParams.delete(k);
    let s = x.href;
    if (x.pathname.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
    return s;
  } catch {
    return null;
  }
}

function desc(el) {
  const cls = (el.getAttribute('class') ?? '')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((c) => c.slice(0, 24));
  return el.tagName.toLowerCase() + (el.id ? `#${el.id.slice(0, 24)}` : '') + cls.map((c) => `.${c}`).join('');
}

function headingFor(block, firstLink) {
  for (const h of block.querySelectorAll('h2,h3,h4,h5,h6,[class*="title" i],[class*="head" i]')) {
    if (h.contains(firstLink) || h.querySelector('a')) continue;
    const t = squash(h.textContent);
    if (t && t.length < 80 && h.compareDocumentPosition(firstLink) & 4) return t;
  }
  let el = block;
  for (let up = 0; up < 3 && el; up++, el = el.parentElement) {
    let s = el.previousElementSibling;
    for (let n = 0; s && n < 2; n++, s = s.previousElementSibling) {
      const h = /^H[2-6]$/.test(s.tagName) ? s : s.querySelector('h2,h3,h4,h5,h6');
      if (h && !h.querySelector('a') && squash(h.textContent).length < 80) return squash(h.textContent);
      if (s.querySelector('a')) break;
    }
  }
  return '';
}

/** {page, doc, blocks: [{id, el, landmark, chain, heading, links: [{id, url, text, title, alt, self, off}]}], links} */
export function listLinks(corpus, file) {
  const page = loadCorpusPage(corpus, file);
  let dom;
  try {
    dom = new JSDOM(page.html, { url: page.url, virtualConsole: new VirtualConsole() });
  } catch {
    dom = new JSDOM(page.html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2'), {
      url: page.url,
      virtualConsole: new VirtualConsole(),
    });
  }
  const doc = dom.window.document;
  const canon = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const selfs = new Set([normUrl(page.url), canon && normUrl(new URL(canon, page.url).href)].filter(Boolean));
  const pageDomain = getDomain(page.url);
  const blocks = [];
  const byEl = new Map();
  const links = [];
  const targetMemo = new Map();
  const distinctTargets = (e) => {
    if (!targetMemo.has(e))
      targetMemo.set(
        e,
        new Set(Array.from(e.querySelectorAll('a[href]'), (x) => x.getAttribute('href').replace(/#.*$/, ''))).size,
      );
    return targetMemo.get(e);
  };
  for (const a of doc.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href').trim();
    if (!href || /^(javascript|mailto|tel|data):/i.test(href) || href.startsWith('#')) continue;
    let abs;
    try {
      abs = new URL(href, page.url).href;
    } catch {
      continue;
    }
    if (!/^https?:/.test(abs)) continue;
    let el = a.parentElement;
    let landmark = '';
    let blockEl = null;
    let lastCand = null;
    for (let e = a.parentElement; e && e.tagName !== 'BODY' && e.tagName !== 'HTML'; e = e.parentElement) {
      // The lowest list/landmark/named container that holds more than this one link target.
      if (
        !blockEl &&
        !INLINE.has(e.tagName) &&
        (BLOCK_TAGS.has(e.tagName) || e.id || NAMED.test(e.getAttribute('class') ?? ''))
      ) {
        lastCand = e;
        if (distinctTargets(e) >= 2) blockEl = e;
      }
      if (!landmark) landmark = LANDMARK[e.tagName] ?? ROLE[e.getAttribute('role') ?? ''] ?? '';
    }
    blockEl ??= lastCand;
    blockEl ??= doc.body ?? a.parentElement;
    el = blockEl;
    let b = byEl.get(el);
    if (!b) {
      const chain = [];
      for (let e = el, n = 0; e && n < 3 && e.tagName !== 'BODY'; e = e.parentElement, n++) chain.unshift(desc(e));
      b = {
        id: `B${blocks.length + 1}`,
        el,
        landmark,
        chain: chain.join(' > '),
        heading: headingFor(el, a),
        links: [],
      };
      blocks.push(b);
      byEl.set(el, b);
    }
    const url = normUrl(abs);
    const img = a.querySelector('img');
    const l = {
      id: `L${links.length + 1}`,
      block: b.id,
      url,
      text: squash(a.textContent),
      title: squash(a.getAttribute('title')),
      alt: squash(img?.getAttribute('alt')),
      self: selfs.has(url),
      off: getDomain(abs) !== pageDomain,
      heads: !!a.closest('h1,h2,h3,h4,h5,h6') || !!a.querySelector('h1,h2,h3,h4,h5,h6'),
      htext: squash(a.querySelector('h1,h2,h3,h4,h5,h6')?.textContent),
    };
    b.links.push(l);
    links.push(l);
  }
  const title = squash(doc.querySelector('h1')?.textContent) || squash(doc.title);
  return { page, doc, lang: doc.documentElement.getAttribute('lang') ?? '', title, canon, blocks, links };
}

function short(u, pageUrl) {
  const x = new URL(u);
  const p = new URL(pageUrl);
  const s = x.host === p.host ? x.pathname + x.search : x.host + x.pathname + x.search;
  return s.length > 90 ? s.slice(0, 87) + '...' : s;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [corpus, file] = process.argv.slice(2).filter((x) => !x.startsWith('--'));
  const full = process.argv.includes('--full');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1].split(',')) : null;
  const r = listLinks(corpus, file);
  console.log(
    `# ${corpus}/${file}\n# url ${r.page.url}\n# canonical ${r.canon ?? '-'}  lang ${r.lang}  links ${r.links.length}  blocks ${r.blocks.length}\n# h1/title: ${r.title.slice(0, 140)}`,
  );
  for (const b of r.blocks) {
    if (only && !only.has(b.id)) continue;
    const words = b.links.map((l) => (l.text || l.alt).split(' ').length);
    const menuish =
      !full && b.links.length >= 4 && Math.max(...words) <= 3 && b.links.every((l) => (l.text || l.alt).length <= 18);
    console.log(
      `${b.id} [${b.landmark || '-'}] ${b.chain}${b.heading ? `  «${b.heading.slice(0, 60)}»` : ''}  (${b.links.length})`,
    );
    if (menuish) {
      console.log(
        '   ' +
          b.links
            .map(
              (l) =>
                `${l.id.slice(1)}:${(l.text || l.alt || '∅').slice(0, 22)}${l.off ? '↗' : ''}${l.self ? '=self' : ''}`,
            )
            .join(' | '),
      );
      continue;
    }
    for (const l of b.links) {
      const extra = [
        l.self ? 'SELF' : '',
        l.off ? '↗' : '',
        l.heads ? 'h' : '',
        l.alt && l.alt !== l.text ? `alt=${l.alt.slice(0, 50)}` : '',
        l.title && l.title !== l.text ? `t=${l.title.slice(0, 60)}` : '',
      ]
        .filter(Boolean)
        .join(' ');
      console.log(
        `  ${l.id} ${(l.text || '∅').slice(0, 110)} | ${short(l.url, r.page.url)}${extra ? '  {' + extra + '}' : ''}`,
      );
    }
  }
}
