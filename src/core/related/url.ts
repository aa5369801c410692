/**
 * URLs of related headlines: which site a link belongs to, whether its path looks like an article
 * (a slug, an id, a date) rather than a section front, tag, author or service page, and one
 * normalised form per story so the same story under another URL form (trailing slash, tracking
 * query, www/m/amp host, /amp path) dedupes and the current article is recognised.
 *
 * Pure string work on URL objects; no DOM. Which site a host belongs to is page/site.ts.
 */

/** What normalizeUrl and urlShape read of a URL (a URL, or the collector's parse-free form of a plain path). */
export type UrlParts = Pick<URL, 'hostname' | 'pathname' | 'search' | 'searchParams'>;

const AMP_OR_INDEX = /amp|index\./i;

/** Query parameters that identify a story (article.php?id=123); every other parameter is tracking or view state. */
const ID_NAMES =
  /^(id|p|story|storyid|article|articleid|artid|aid|newsid|news_id|nid|sid|cid|no|idx|contentid|docid)$/i;
/**
 * A camel-case id of a kind of item ("playlistId", "clipId", "videoId"): a video story on
 * /video?clipId=1833115. Not an id of the reader, the visit or the campaign (tracking), nor of a
 * collection of items ("binId", "sectionId", "channelId": a front).
 */
const CAMEL_ID = /^[a-z]{2,}Id$/;
const NOT_ITEM_ID = new RegExp(
  '^(user|session|visitor|client|device|campaign|partner|affiliate|ad|click|placement|ref|referrer|source|' +
    'tracking|bin|collection|category|cat|section|channel|list|tag|topic|show|series|program|programme|' +
    'folder|group|feed|page|site|edition|region|zone|team|league|menu|menuItem|nav)Id$',
);
const idName = (k: string): boolean => ID_NAMES.test(k) || (CAMEL_ID.test(k) && !NOT_ITEM_ID.test(k));
/** A bare query of a name and its number, no value (SPIP's spip.php?article719, ?rubrique3). */
const BARE_ID = /^([a-z]+)(\d+)$/i;

/**
 * A query value that is itself a dated story path (Telegraph's old main.jhtml?xml=/news/2007/12/28/x.xml):
 * it names the story, as an id parameter does. Read after DATE_IN_PATH is defined (called, not run, here).
 */
const pathParam = (v: string): boolean => v.startsWith('/') && v.length > 12 && DATE_IN_PATH.test(v);

/** A Wayback Machine capture: /web/<timestamp>[flags]/<archived URL> on an archive.org host. */
const ARCHIVE_PATH = /^\/web\/\d{4,14}(?:[a-z]{2}_)?\/((?:https?:\/\/?)?[^/?#]+.*)$/i;

/**
 * The page a Wayback Machine capture archived (its links point at other captures), or null for any
 * other URL: the capture is the same story as the archived page under another timestamp, and its
 * site is the archived page's, not archive.org.
 */
export function archivedUrl(u: UrlParts): URL | null {
  if (!u.hostname.endsWith('archive.org') || !u.pathname.startsWith('/web/')) return null;
  const m = ARCHIVE_PATH.exec(u.pathname);
  if (!m) return null;
  try {
    const inner = /^https?:/i.test(m[1]!) ? m[1]!.replace(/^(https?:)\/(?!\/)/i, '$1//') : `http://${m[1]!}`;
    return new URL(inner + u.search);
  } catch {
    return null;
  }
}

/**
 * One string per story: host without www/m/amp, path without trailing slash, index.html or AMP
 * suffix, only id-like query parameters, no fragment, scheme ignored; a Wayback capture as the
 * page it archived.
 */
export function normalizeUrl(u: UrlParts): string {
  const archived = archivedUrl(u);
  if (archived) return normalizeUrl(archived);
  const host = u.hostname.toLowerCase().replace(/^(www\d?|m|mobile|amp)\./, '');
  let path = u.pathname;
  // Cheap tests first: without '%' decoding changes nothing, and every AMP/index form below
  // contains "amp" or "index."; an empty search has no parameters.
  if (path.includes('%')) {
    try {
      path = decodeURI(path);
    } catch {
      /* keep it encoded */
    }
  }
  if (AMP_OR_INDEX.test(path)) {
    path = path
      .replace(/\/amp(\.html?)?\/?$/i, '')
      .replace(/^\/amp\//i, '/')
      .replace(/\.amp(\.html?)?$/i, '$1')
      .replace(/\/index\.(html?|php|shtml)$/i, '/');
  }
  if (path.endsWith('/')) path = path.replace(/\/+$/, '');
  const keep: string[] = [];
  if (u.search)
    for (const [k, v] of u.searchParams) {
      if ((idName(k) && v) || pathParam(v)) keep.push(`${k.toLowerCase()}=${v}`);
      else if (!v && BARE_ID.test(k)) keep.push(k.toLowerCase());
    }
  keep.sort();
  return host + path + (keep.length ? `?${keep.join('&')}` : '');
}

/** Whole path segments that name pages which are not stories (tags, authors, services, legal). */
const NOT_STORY_SEGMENT = new RegExp(
  '^(' +
    [
      'tags?',
      'topics?',
      'themen?',
      'thema',
      'theme',
      'sujets?',
      'mot-cle',
      'mots-cles',
      'etiquetas?',
      'temas?',
      'argomenti',
      'keywords?',
      'schlagwort',
      'authors?',
      'autor(en)?',
      'auteurs?',
      'autore',
      'autores',
      'autori',
      'writers?',
      'reporters?',
      'profile',
      'profil',
      'people',
      'journalist(en)?',
      'signataires',
      'category',
      'categories',
      'categoria',
      'categorie',
      'categorias',
      'kategorie',
      'search',
      'suche',
      'recherche',
      'buscar',
      'busqueda',
      'cerca',
      'login',
      'signin',
      'sign-in',
      'logout',
      'register',
      'registrieren',
      'connexion',
      'subscribe',
      'subscription',
      'subscriptions',
      'abo',
      'abonnement',
      'abonnements',
      'suscripcion',
      'suscripciones',
      'abbonamenti',
      'account',
      'konto',
      'mon-compte',
      'my-account',
      'newsletters?',
      'comments?',
      'kommentare',
      'commentaires',
      'print',
      'rss',
      'feeds?',
      'about',
      'about-us',
      'contact',
      'contact-us',
      'kontakt',
      'privacy',
      'privacy-policy',
      'impressum',
      'datenschutz',
      'terms',
      'terms-of-use',
      'terms-of-service',
      'cookies',
      'cookie-policy',
      'legal',
      'mentions-legales',
      'aviso-legal',
      'jobs',
      'careers',
      'karriere',
      'advertise',
      'advertising',
      'mediadaten',
      'shop',
      'help',
      'hilfe',
      'faq',
      'sponsored',
      'sponsor',
      'anzeige',
      'anzeigen',
      'advertorial',
      'partner',
      'partners',
      'paid-content',
      'paidpost',
      'brandstudio',
      'brand-studio',
      'ads',
      'tieup',
      'native',
      // Press releases, quizzes and puzzles: the publisher's service pages, not its stories.
      'pressrelease',
      'press-releases?',
      'comunicati-stampa',
      'pressemitteilungen',
      'quiz',
      'quizzes',
      'kuis',
      'puzzles?',
      'crosswords?',
      'sudoku',
      // Terms of sale and use, sign-up, contests and app pages.
      'cgv',
      'cgu',
      'agb',
      'conditions-generales(-de-vente|-d-utilisation)?',
      'terms-and-conditions',
      'terms-conditions',
      'nutzungsbedingungen',
      'signup',
      'sign-up',
      'registration',
      'inscription',
      'contests?',
      'gewinnspiele?',
      'concours',
      'sweepstakes',
      'giveaways?',
    ].join('|') +
    ')$',
  'i',
);

const MEDIA_FILE = /\.(jpe?g|png|gif|webp|svg|pdf|mp3|mp4|m4a|xml|rss|json|zip|ics|docx?|xlsx?|pptx?|odt|epub)$/i;
const MONTH = '(0?[1-9]|1[0-2]|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
/** 2024/03/12, 2024-mar: year, month and an optional day as separate parts. */
const DATE_PARTS = String.raw`(^|[/_-])(19|20)\d{2}([/_-])${MONTH}([/_-]\d{1,2})?([/_.-]|$)`;
/** 20240312: the same as one run of digits. */
const DATE_RUN = String.raw`(^|[/_-])(19|20)\d{2}(0[1-9]|1[0-2])([0-3]\d)([/_.-]|$)`;
const DATE_IN_PATH = new RegExp(`${DATE_PARTS}|${DATE_RUN}`, 'i');

/**
 * How much a URL looks like a story page:
 * - `article`: a long slug, a numeric or alphanumeric id, or a date plus something after it;
 * - `maybe`: a short slug or a deep path (accepted only inside a headline block);
 * - `no`: a site root, a section front (/news/, /world/europe/), a tag/author/service page, a file.
 */
// Module level: the build lowers a `\p{…}` literal to `new RegExp()`, which in a function runs per call.
const ASCII_LETTER = /[a-z]/i;
const LETTER = /\p{L}/u;
const THREE_LETTERS = /\p{L}{3}/u;

export type UrlShape = 'article' | 'maybe' | 'no';

export function urlShape(u: UrlParts): UrlShape {
  const archived = archivedUrl(u);
  if (archived) return urlShape(archived);
  let path = u.pathname;
  if (path.includes('%')) {
    try {
      path = decodeURIComponent(path);
    } catch {
      /* keep it encoded */
    }
  }
  if (MEDIA_FILE.test(path)) return 'no';
  const segments = path.split('/').filter(Boolean);
  if (segments.some((s) => NOT_STORY_SEGMENT.test(s))) return 'no';
  const query = u.search !== '';
  if (/(^|\/)page\/\d+\/?$/i.test(path) || (query && u.searchParams.has('page'))) return 'no';
  const idParam =
    query &&
    [...u.searchParams].some(
      ([k, v]) => (idName(k) && /\d{3,}/.test(v)) || pathParam(v) || (!v && idName(BARE_ID.exec(k)?.[1] ?? '')),
    );
  if (segments.length === 0) return idParam ? 'article' : 'no';
  const last = segments[segments.length - 1]!.replace(/\.(s?html?|php|aspx?|cms)$/i, '');
  const dated = DATE_IN_PATH.exec(path);
  // An archive page (/2024/03/12/) is a date with nothing after it.
  if (dated && path.slice(dated.index + dated[0].length).replace(/[/_.-]/g, '').length > 0) return 'article';
  if (dated && /[a-z]{3,}.*[-_].*[a-z]{3,}/i.test(last)) return 'article';
  if (idParam || segments.some((s) => /\d{5,}/.test(s))) return 'article';
  // Alphanumeric ids: Asahi's ASS3D4TXYS3DUHBI00M, BBC's /articles/c4gq2e8y0x7o/simp.
  if (segments.some((seg) => /^(?=.*\d.*\d)(?=.*[a-z].*[a-z])[a-z0-9]{10,}(\.s?html?)?$/i.test(seg))) return 'article';
  // Short ids under an article folder: ynet's /economy/article/hjk8a2b3c, /story/8f3k2.
  const folder = segments.findIndex((seg) =>
    /^(article|articles|story|stories|artikel|articolo|noticia|post|posts|a|p)$/i.test(seg),
  );
  if (
    folder >= 0 &&
    folder < segments.length - 1 &&
    /\d/.test(segments[folder + 1]!) &&
    segments[folder + 1]!.length >= 5
  )
    return 'article';
  const words = last.split(/[-_+.,]+/).filter((w) => ASCII_LETTER.test(w) || LETTER.test(w));
  if (words.length >= 4) return 'article';
  if (words.length >= 2 || (segments.length >= 3 && THREE_LETTERS.test(last))) return 'maybe';
  return 'no';
}

/**
 * The form of a story URL's path, one letter per segment: a year (Y), a short number (N), a long
 * number or id (I), a slug of three or more words (S), a word (W). Sites of one publisher built on
 * one system share it (nypost.com and pagesix.com: /2017/10/20/<slug> → YNNS).
 */
export function pathForm(u: Pick<URL, 'pathname'>): string {
  return u.pathname
    .split('/')
    .filter(Boolean)
    .map((seg) => {
      const s = seg.replace(/\.(s?html?|php|aspx?|cms)$/i, '');
      if (/^(19|20)\d{2}$/.test(s)) return 'Y';
      if (/^\d{1,2}$/.test(s)) return 'N';
      if (/\d{5,}/.test(s) && !/[a-z]{3,}.*[-_].*[a-z]{3,}/i.test(s)) return 'I';
      return s.split(/[-_]+/).filter(Boolean).length >= 3 ? 'S' : 'W';
    })
    .join('');
}

/** "-p2", "_2", "/2", "-page-3" at the end of a path (before any extension): a page of a paged article. */
const PAGE_SUFFIX = /([-_/](p|page|seite|pagina)?-?\d{1,2})(?=(\.[a-z]{2,5})?$)/i;

/**
 * Another page of the current article (its gallery's next picture, page 2): the normalised URL
 * without its page number is one of the article's own. (Not two numbered URLs compared without
 * their numbers: "trial-day-2" is another story than "trial-day-3".)
 */
export function isOwnPage(key: string, self: ReadonlySet<string>): boolean {
  const m = PAGE_SUFFIX.exec(key);
  if (!m) return false;
  return self.has(key.slice(0, m.index) + key.slice(m.index + m[1]!.length));
}

/**
 * The current article under the URL forms that mean the same page: the page URL and the canonical
 * (normalised, which already folds AMP paths and hosts, trailing slashes and tracking queries).
 */
export function selfKeys(urls: Array<string | null | undefined>): Set<string> {
  const keys = new Set<string>();
  for (const raw of urls) {
    if (!raw) continue;
    try {
      keys.add(normalizeUrl(new URL(raw)));
    } catch {
      /* not a URL */
    }
  }
  return keys;
}
