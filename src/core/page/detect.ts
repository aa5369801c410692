/**
 * Is this page a news article? A score in 0..1 (isNews is score >= 0.5) and the human-readable
 * reasons behind it. Signals: JSON-LD types, og:type, a publication date, URL shape (dates, ids,
 * headline slugs vs site root, section fronts, search, shop and docs paths), a docs generator, and
 * text density measured as the largest block of running paragraphs (an article body keeps its
 * paragraphs together; a front page scatters one-line teasers over many cards).
 *
 * Cheap and standalone: no Readability import, because the auto-clean detector bundle (< 15 KB)
 * imports this file. Readability's own evidence (article length, its readerable check) is weighed
 * here too, by withArticleEvidence, once extract.ts has run Readability: the whole verdict (signals,
 * clamp, threshold) lives in this file.
 * Reads the document only (never mutates it), one pass over <p> and over h2/h3 headings.
 */
import { readPageMeta, typesOf, type PageMeta } from './page-meta.js';

export interface NewsVerdict {
  isNews: boolean;
  score: number;
  reasons: string[];
}

const NEWS_TYPES = new Set([
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'AskPublicNewsArticle',
  'SatiricalArticle',
  'LiveBlogPosting',
]);
const ARTICLE_TYPES = new Set(['Article', 'BlogPosting', 'Report', 'SocialMediaPosting', 'ScholarlyArticle']);
const PRODUCT_TYPES = new Set([
  'Product',
  'ProductGroup',
  'IndividualProduct',
  'ProductModel',
  'Offer',
  'AggregateOffer',
  'Car',
  'Vehicle',
]);
const DOCS_TYPES = new Set(['TechArticle', 'APIReference', 'SoftwareSourceCode', 'SoftwareApplication', 'HowTo']);
const LIST_TYPES = new Set(['CollectionPage', 'ItemList', 'SearchResultsPage', 'WebSite']);

/** /2024/03/12/ or /2024-3/: year, month and an optional day as path parts. */
const DATE_PARTS_IN_PATH = /\/(?:19|20)\d\d[/-](?:0?[1-9]|1[0-2])(?:[/-](?:0?[1-9]|[12]\d|3[01]))?(?:\/|$)/;
/** /20240312/ or /20240312-slug: the same as one run of digits. */
const DATE_RUN_IN_PATH = /\/(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\/|$|[-_])/;
const DATE_IN_PATH = new RegExp(`${DATE_PARTS_IN_PATH.source}|${DATE_RUN_IN_PATH.source}`);
const SEARCH_WORDS = [
  'search',
  'suche',
  'recherche',
  'buscar',
  'busca',
  'cerca',
  'ricerca',
  'zoeken',
  'szukaj',
  'poisk',
];
const SEARCH_PATH = new RegExp(
  String.raw`/(?:${[...SEARCH_WORDS, 'arama', 'bahth', 'kensaku', 'results?'].join('|')})(?:/|\.\w+$|$)`,
  'i',
);
const SEARCH_PARAMS = ['q', 's', 'query', 'search', 'keyword', 'keywords', 'k', 'searchTerm', 'text'];
const DOCS_FOLDERS = ['docs?', 'documentation', 'manual', 'reference', 'api', 'apidocs', 'guides?', 'tutorials?'];
const HELP_FOLDERS = ['handbook', 'wiki', String.raw`man\d?`, 'kb', 'knowledge-?base', 'help'];
const DOCS_PATH = new RegExp(`/(?:${[...DOCS_FOLDERS, ...HELP_FOLDERS].join('|')})(?:/|$)`, 'i');
const DOCS_HOST = /^(?:docs|doc|developer|developers|devdocs|help|support|wiki)\.|\.readthedocs\.io$|\.gitbook\.io$/i;
const DOCS_GENERATORS = ['docusaurus', 'sphinx', 'mkdocs', 'gitbook', 'vuepress', 'vitepress', 'hugo-book', 'docsify'];
const DOCS_GENERATOR = new RegExp(
  [...DOCS_GENERATORS, 'jekyll-doc', 'readthedocs', 'antora', 'mdbook', 'starlight'].join('|'),
  'i',
);
/**
 * A query parameter that names one story. Older CMSs keep the article's id in the query, often on the
 * site's root or one script for every story (`/?fSectionId=&fArticleId=nw20071228110755282C855390`,
 * `/index.jsp?storyID=331198`, `/section/story.cfm?c_id=4&objectid=10486931`, `/index.php?article=463501`):
 * a key that says id, or names an article, story, post… id, and a value that is a number or a token
 * with a long run of digits in it.
 */
const ID_PARAM_KEY = new RegExp(
  String.raw`^(?:id|idx|aid|nid|no|p|sn|seq|article|story|post)$` +
    String.raw`|(?:article|story|news|object|content|post|item|doc|entry)_?(?:id|no)$`,
  'i',
);
const ID_PARAM_VALUE = /^\d{3,}$|^[a-z]{0,4}\d{6,}[a-z\d]*$/i;
/** The reason given when the page's paragraphs hold little text (withArticleEvidence looks again). */
const LITTLE_TEXT = 'little running text';
const SHOP_PATH = /\/(?:products?|p|dp|item|items|shop|store|cart|checkout|buy|sku)(?:\/|$)/i;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/g;

interface UrlShape {
  path: string;
  host: string;
  params: URLSearchParams;
}

function urlShape(url: string): UrlShape {
  try {
    const u = new URL(url);
    return { path: decodeURIComponent(u.pathname), host: u.hostname, params: u.searchParams };
  } catch {
    return { path: '/', host: '', params: new URLSearchParams() };
  }
}

/** Text weight of a paragraph: CJK characters carry about three Latin characters' worth of text. */
function weight(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  return text.length + 2 * cjk;
}

/**
 * The largest group of paragraphs sharing a container (parent, or grandparent when each paragraph
 * is wrapped alone), in weighted characters, and the number of paragraphs in it.
 */
function largestParagraphGroup(doc: Document): { chars: number; paragraphs: number } {
  const groups = new Map<Element, { chars: number; paragraphs: number }>();
  let best = { chars: 0, paragraphs: 0 };
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const text = (p.textContent ?? '').trim();
    if (text.length < 20) continue;
    const w = weight(text);
    if (w < 60) continue;
    let parent = p.parentElement;
    if (parent && parent.childElementCount === 1 && parent.parentElement) parent = parent.parentElement;
    if (!parent) continue;
    // A paragraph inside a link is a teaser card, not running text.
    if (p.closest('a')) continue;
    const g = groups.get(parent) ?? { chars: 0, paragraphs: 0 };
    g.chars += w;
    g.paragraphs += 1;
    groups.set(parent, g);
    if (g.chars > best.chars) best = g;
  }
  return best;
}

/** Links in h2/h3 headings and <article> cards: the shape of a front page or a list of results. */
function headlineCount(doc: Document): { headlines: number; cards: number } {
  let headlines = 0;
  // Static lists: iterating a live collection (getElementsByTagName) is quadratic in jsdom (the CLI).
  for (const tag of ['h2', 'h3', 'h4']) {
    for (const h of Array.from(doc.querySelectorAll(tag))) {
      if (h.querySelector('a') || h.closest('a')) headlines++;
    }
  }
  return { headlines, cards: doc.getElementsByTagName('article').length };
}

function hasSearchParam(params: URLSearchParams): string | null {
  for (const k of SEARCH_PARAMS) if (params.get(k)?.trim()) return k;
  return null;
}

export function detectNews(doc: Document, url: string, pageMeta: PageMeta = readPageMeta(doc)): NewsVerdict {
  const reasons: string[] = [];
  let score = 0.3;
  const add = (delta: number, reason: string): void => {
    score += delta;
    reasons.push(reason);
  };

  const types = new Set(pageMeta.jsonLd.flatMap(typesOf));
  const newsType = [...types].find((t) => NEWS_TYPES.has(t));
  const articleType = [...types].find((t) => ARTICLE_TYPES.has(t));
  const productType = [...types].find((t) => PRODUCT_TYPES.has(t));
  const docsType = [...types].find((t) => DOCS_TYPES.has(t));
  if (newsType) add(0.45, `JSON-LD type ${newsType}`);
  else if (articleType) add(0.3, `JSON-LD type ${articleType}`);
  if (productType) add(-0.6, `JSON-LD type ${productType}: a product page`);
  if (docsType && !newsType) add(-0.45, `JSON-LD type ${docsType}: documentation`);
  if (types.has('SearchResultsPage')) add(-0.6, 'JSON-LD type SearchResultsPage: a search page');
  else if (!newsType && !articleType && [...types].some((t) => LIST_TYPES.has(t) && t !== 'WebSite')) {
    add(-0.25, `JSON-LD type ${[...types].find((t) => LIST_TYPES.has(t))}: a list of pages`);
  }

  const og = pageMeta.meta.get('og:type')?.toLowerCase() ?? '';
  if (og === 'article' || og.startsWith('article')) add(0.2, `og:type ${og}`);
  else if (og.startsWith('product') || og === 'og:product') add(-0.5, `og:type ${og}: a product page`);
  else if (og === 'website') add(-0.05, 'og:type website');
  if (pageMeta.meta.has('product:price:amount') || pageMeta.meta.has('og:price:amount'))
    add(-0.3, 'declares a product price');

  const published =
    pageMeta.meta.get('article:published_time') ??
    pageMeta.jsonLd.find((n) => typeof n.datePublished === 'string')?.datePublished;
  if (published) add(0.1, 'declares a publication date');

  const generator = pageMeta.meta.get('generator') ?? '';
  if (DOCS_GENERATOR.test(generator)) add(-0.4, `built with ${generator.split(/\s/)[0]} (a documentation generator)`);

  const { path, host, params } = urlShape(url);
  const segments = path.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  const lastStem = last.replace(/\.(?:s?html?|php|aspx?|jsp|cms)$/i, '');
  const searchParam = hasSearchParam(params);
  // forEach, not [...params.entries()]: in a Firefox content script that iterator is not iterable (threw
  // "params.entries() is not iterable", so every page got the "not an article" notice there).
  let idParam: [string, string] | undefined;
  /** The story's own path carried in the query (`main.jhtml?xml=/news/2007/12/29/nlily129.xml`). */
  let datedPathParam = false;
  params.forEach((v, k) => {
    if (!idParam && ID_PARAM_KEY.test(k) && ID_PARAM_VALUE.test(v)) idParam = [k, v];
    if (v.includes('/') && DATE_IN_PATH.test(v) && /[^/\d]\w*(?:\.\w+)?$/.test(v)) datedPathParam = true;
  });
  const isRoot =
    segments.length === 0 || (segments.length === 1 && /^(?:index\.\w+|home|[a-z]{2}(?:-[a-z]{2})?)$/i.test(last));
  let urlShaped = false;
  /** The path already told what kind of non-article page this is. */
  let pathKind = false;
  // The root with a story's id in the query is that story (a CMS that serves every article from "/").
  if (isRoot && !searchParam && !idParam && !datedPathParam) {
    add(-0.5, 'URL is the site root (a home page)');
    pathKind = true;
  }
  if (SEARCH_PATH.test(path) || (searchParam && (isRoot || segments.length <= 1))) {
    add(-0.5, `URL is a search page${searchParam ? ` (?${searchParam}=)` : ''}`);
    pathKind = true;
  }
  if (DOCS_PATH.test(path) || DOCS_HOST.test(host)) {
    add(-0.45, 'URL looks like documentation');
    pathKind = true;
  }
  if (SHOP_PATH.test(path)) {
    add(-0.3, 'URL looks like a shop page');
    pathKind = true;
  }
  if (DATE_IN_PATH.test(path) || datedPathParam) {
    add(0.2, 'URL has a date in it');
    urlShaped = true;
  }
  if (/\d{5,}/.test(lastStem) || (/^\d{4,}$/.test(segments[segments.length - 2] ?? '') && segments.length >= 2)) {
    add(0.15, 'URL ends in an article id');
    urlShaped = true;
  }
  if (lastStem.split(/[-_+]/).filter((w) => /\p{L}{2,}/u.test(w)).length >= 4) {
    add(0.15, 'URL has a headline slug');
    urlShaped = true;
  }
  if (idParam && !urlShaped) {
    add(0.15, `URL has an article id (?${idParam[0]}=)`);
    urlShaped = true;
  }
  if (
    !pathKind &&
    !urlShaped &&
    last === lastStem &&
    segments.length <= 3 &&
    segments.every((s) => s.length <= 24 && !/\d/.test(s) && (s.match(/-/g)?.length ?? 0) <= 1)
  ) {
    add(-0.25, `URL looks like a section front (/${segments.join('/')}/)`);
  }

  const text = largestParagraphGroup(doc);
  if (text.chars >= 1500) add(0.25, `${text.paragraphs} paragraphs of running text`);
  else if (text.chars >= 500) add(0.15, `${text.paragraphs} paragraphs of running text (short)`);
  else if (text.chars < 250) add(-0.15, LITTLE_TEXT);

  const { headlines, cards } = headlineCount(doc);
  if ((headlines >= 12 || cards >= 6) && text.chars < 2 * (headlines + cards) * 60) {
    add(-0.3, `lists ${Math.max(headlines, cards)} headlines with little running text (a front page)`);
  }
  if (doc.getElementsByTagName('pre').length >= 3 && !newsType) add(-0.1, 'several code blocks (documentation-like)');

  return settle(score, reasons);
}

/** The one clamp to 0..1 (rounded to hundredths) and the one isNews threshold. */
function settle(score: number, reasons: string[]): NewsVerdict {
  const clamped = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
  return { isNews: clamped >= 0.5, score: clamped, reasons };
}

/**
 * The page's verdict with Readability's evidence added: the length of the article it found (the
 * best text-density signal: it also sees text outside <p>) and, to break ties only, its
 * readerable check (it misses short and CJK articles and passes docs pages), called only then.
 */
export function withArticleEvidence(page: NewsVerdict, words: number, readerable: () => boolean): NewsVerdict {
  const reasons = [...page.reasons];
  let score = page.score;
  const add = (delta: number, reason: string): void => {
    score += delta;
    reasons.push(reason);
  };
  if (words >= 120 && reasons.includes(LITTLE_TEXT)) {
    // The page's <p> elements held little text, yet Readability found an article: its text is set
    // outside them (lines in <div>s or between <br>s, as older templates and wire feeds print a story).
    add(0.15, 'its running text is outside <p> elements');
  }
  if (words >= 300) add(0.2, `Readability found an article of ${words} words`);
  else if (words >= 120) add(0.1, `Readability found an article of ${words} words`);
  else if (words < 40) add(-0.2, 'Readability found little or no article text');
  if (score >= 0.35 && score < 0.65 && words >= 40) {
    if (readerable()) add(0.1, 'Readability: probably readerable');
    else reasons.push('Readability: not readerable by its own check');
  }
  return settle(score, reasons);
}
