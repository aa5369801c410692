/**
 * Is this page an article worth opening in the reader by itself? The detector asks this on every
 * page of an enabled site, so it must be cheap (no Readability, a few selector queries) and it must
 * lean towards "no": opening the reader on a home page or a section front is far more annoying than
 * leaving an article for the user to open with one click.
 *
 * 1. URL shape, no DOM: the site root, search, video, live/TV, tag, topic, author and similar
 *    listing paths are never articles.
 * 2. Front-page shapes, unless the page declares itself an article: `og:type` of website/video,
 *    many teaser `<article>` cards, a short slug-less path (`/world/`).
 * 3. A page that declares itself an article (og:type / JSON-LD) at a story-shaped URL (date, id or
 *    headline slug) is taken at its word without measuring its text — the cheap common case.
 * 4. Everything else: core/page/detect.ts's verdict (JSON-LD, og:type, running text), the one extract uses.
 *
 * Pure (a Document and its URL in, a verdict out), so it runs under jsdom in unit tests.
 */
import { detectNews } from '../core/page/detect.js';

export interface ArticleVerdict {
  article: boolean;
  reason: string;
}

const NOT_ARTICLE_FOLDERS = [
  ...['search', 'suche', 'recherche', 'buscar', 'busca', 'cerca', 'zoeken', 'arama'],
  ...['video', 'videos', 'tv', 'live', 'livetv', 'watch', 'player', 'podcasts?', 'audio'],
  ...['tags?', 'topics?', 'themen?', 'category', 'categories', 'categorie', 'section', 'sections'],
  ...['author', 'authors', 'autor', 'auteur', 'people', 'profile'],
  ...['login', 'signin', 'register', 'subscribe', 'account', 'newsletters?', 'weather', 'wetter'],
];
const NOT_ARTICLE_PATH = new RegExp(`^/(?:[a-z]{2}(?:-[a-z]{2})?/)?(?:${NOT_ARTICLE_FOLDERS.join('|')})(?:/|$)`, 'i');
const NEWS_ARTICLE_TYPE = /^(?:News|Reportage|Analysis|Opinion|Background|Review)?NewsArticle$/;
const OTHER_ARTICLE_TYPE = /^(?:Article|BlogPosting|Report|LiveBlogPosting)$/;
const ARTICLE_TYPE = new RegExp(`${NEWS_ARTICLE_TYPE.source}|${OTHER_ARTICLE_TYPE.source}`);

/** Cheap URL-only gate: false for paths that are never articles. Exposed for the detector's SPA check. */
export function urlMayBeArticle(url: string): { ok: boolean; reason: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, reason: 'bad URL' };
  }
  const path = u.pathname.replace(/\/(index\.\w+)?$/i, '') || '/';
  if (path === '/') return { ok: false, reason: 'home page' };
  if (NOT_ARTICLE_PATH.test(path + '/')) return { ok: false, reason: 'search/video/live/listing path' };
  if (u.searchParams.has('q') || u.searchParams.has('query') || u.searchParams.has('s'))
    return { ok: false, reason: 'search query' };
  return { ok: true, reason: 'path may be an article' };
}

/** A short, slug-less, number-less path of one or two segments (`/world/`, `/news/politics/`): a section front. */
function sectionShaped(url: string): boolean {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  if (segments.length === 0 || segments.length > 2) return false;
  return segments.every((s) => !/\d/.test(s) && s.split(/[-_]/).length < 3 && !/\.(s?html?|php|aspx?)$/i.test(s));
}

function declaredArticle(doc: Document): boolean {
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const text = s.textContent ?? '';
    // Only parse what can contain a type of interest: most JSON-LD blocks are breadcrumbs/organisations.
    if (!/Article|BlogPosting|Report/.test(text)) continue;
    for (const m of text.matchAll(/"@type"\s*:\s*(?:\[\s*)?"([A-Za-z]+)"/g)) if (ARTICLE_TYPE.test(m[1]!)) return true;
  }
  return false;
}

/** A URL that looks like one story: a date in the path, a long numeric id, or a headline slug. */
function articleShapedUrl(url: string): boolean {
  const path = new URL(url).pathname;
  if (/\/(?:19|20)\d\d[/-]\d\d?(?:[/-]|$)|\/(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/.test(path))
    return true;
  const segments = path.split('/').filter(Boolean);
  const last = (segments[segments.length - 1] ?? '').replace(/\.(?:s?html?|php|aspx?|jsp|cms)$/i, '');
  return /\d{5,}/.test(last) || last.split(/[-_+]/).filter((w) => /\p{L}{2,}/u.test(w)).length >= 4;
}

/** Comments marked up as <article> (WordPress's article.comment-body): a thread under a story, not teasers. */
const COMMENT_MARK = /comment|repl(?:y|ies)|respon[sd]|discussion|disqus/i;

/** The <article> elements that can be teaser cards: not comments, nor inside a comment thread. */
function teaserCards(doc: Document): number {
  const all = doc.getElementsByTagName('article');
  if (all.length < 4) return all.length;
  let cards = 0;
  for (const a of Array.from(all)) {
    let comment = false;
    for (let e: Element | null = a; e && e !== doc.body && !comment; e = e.parentElement) {
      comment = COMMENT_MARK.test(`${e.getAttribute('class') ?? ''} ${e.id}`);
    }
    if (!comment) cards++;
  }
  return cards;
}

export function isArticlePage(doc: Document, url: string): ArticleVerdict {
  const gate = urlMayBeArticle(url);
  if (!gate.ok) return { article: false, reason: gate.reason };
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase() ?? '';
  const declared = og === 'article' || declaredArticle(doc);
  if (!declared && (og === 'website' || og.startsWith('video') || og.startsWith('music') || og === 'profile')) {
    return { article: false, reason: `og:type ${og}` };
  }
  const cards = teaserCards(doc);
  if (cards >= 4 && !declared) return { article: false, reason: `${cards} teaser <article> cards (a front page)` };
  if (sectionShaped(url) && !declared) return { article: false, reason: 'section-front URL without an article type' };
  // Fast path, the common case on a news site: the page says it is an article and its URL names one
  // story. Measuring the running text (core/page/detect.ts) costs more than everything above together,
  // so it is kept for the pages these cheap signals leave undecided.
  if (declared && cards < 4 && articleShapedUrl(url))
    return { article: true, reason: 'declared an article, at a story URL' };
  const verdict = detectNews(doc, url);
  return verdict.isNews
    ? { article: true, reason: verdict.reasons.join('; ') || 'news article' }
    : { article: false, reason: `not news (score ${verdict.score.toFixed(2)})` };
}
