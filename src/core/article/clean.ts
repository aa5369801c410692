/**
 * What Readability leaves behind inside the article, removed; lazy images resolved; links and
 * images made absolute. Works in place on the extraction's own copy (Readability's article element,
 * which lives in the cloned document, never the caller's), in one recursive walk.
 *
 * Removed: ad labels ("Advertisement", "Anzeige", "Publicité", "広告", "إعلان"), share bars,
 * newsletter and subscription promos, "Read also" / "À lire aussi" / "Mehr zum Thema" lines,
 * inline related boxes, comment sections, breadcrumbs, the byline/date lines a reader shows on its
 * own (the seed's "15.11.2019 13:42 News >> …"), author bios at the end, and leftovers that cannot
 * be shown (scripts, forms, media players, empty wrappers).
 * Kept: figures and captions, tables, quotes, lists that are part of the text.
 *
 * Rules are general (class/role tokens, short-block text shapes, link density, position), never
 * site-specific, and every text rule only fires on short blocks so a real paragraph never goes.
 */

import { linkTextLength } from '../page/text-length.js';
import { PAYWALL_TEXT } from '../text/lexicon/paywall.js';
import { READ_ALSO_START } from '../text/lexicon/read-also.js';
import { AD_LABEL } from '../text/lexicon/sponsored.js';
import { CTA_START, CTA_VERB, NEWSLETTER, NEWSLETTER_STRONG } from '../text/lexicon/newsletter.js';
import { ALSO_IN, COMMENT_FORM, COMMENTS_MORE, READING_TIME } from '../text/lexicon/page-furniture.js';
import { collapse, collapsedLength, hasNonSpace } from '../text/whitespace.js';
import { removePageChrome } from './page-chrome.js';
import { headingLike } from './title.js';
import type { Removal } from '../types.js';
import { HEADING_TAGS } from '../page/walk.js';

/** Elements that cannot be shown in the reader (the sanitizer would drop them, but their text would count). */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'dialog',
  'link',
  'meta',
  'nav',
  'label',
]);
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'aside',
  'header',
  'footer',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'pre',
  'article',
  'main',
  'address',
  'details',
  'summary',
  'hr',
  'br',
  'center',
  'caption',
]);

/** Class/id/role tokens that name clutter, by kind. Matched as whole tokens of the attribute value. */
const CLUTTER_TOKENS: Record<string, string[]> = {
  share: [
    'share',
    'shares',
    'sharing',
    'sharebar',
    'social',
    'socials',
    'sociallinks',
    'addthis',
    'sharethis',
    'shareaholic',
  ],
  newsletter: ['newsletter', 'newsletters', 'signup', 'subscribe', 'subscription', 'optin', 'nl'],
  related: [
    'related',
    'recommended',
    'recommendations',
    'recirc',
    'recirculation',
    'outbrain',
    'taboola',
    'readmore',
    'readalso',
    'morestories',
    'moreon',
    'trending',
    'popular',
    'mostread',
    'mostpopular',
    'teaser',
    'teasers',
  ],
  comments: ['comments', 'comment', 'disqus', 'respond', 'replies', 'discussion'],
  breadcrumb: ['breadcrumb', 'breadcrumbs', 'crumbs'],
  ad: [
    'ad',
    'ads',
    'advert',
    'adverts',
    'advertisement',
    'advertising',
    'sponsor',
    'sponsored',
    'adslot',
    'adunit',
    'dfp',
    'gpt',
    'promo',
    'promoted',
  ],
  byline: [
    'byline',
    'bylines',
    'dateline',
    'timestamp',
    'published',
    'pubdate',
    'meta',
    'metadata',
    'author',
    'authors',
    'posted',
    'date',
  ],
  bio: ['bio', 'biography', 'authorbio', 'aboutauthor', 'contributor'],
  tags: ['tags', 'tag', 'taglist', 'keywords', 'topics'],
  caption: [
    'caption',
    'captions',
    'credit',
    'credits',
    'imagecredit',
    'photocredit',
    'wpcaptiontext',
    'imgcaption',
    'mediacaption',
    'figcaption',
  ],
  paywall: [
    'paywall',
    'regwall',
    'tpmodal',
    'subscriberonly',
    'premiumcontent',
    'meteredcontent',
    'subscriptionwall',
    'piano',
  ],
  skip: ['skip', 'skiplink', 'screenreader', 'sronly', 'visuallyhidden', 'print', 'toolbar', 'toolbox', 'actions'],
};
const TOKEN_KIND = new Map<string, string>();
for (const [kind, tokens] of Object.entries(CLUTTER_TOKENS)) for (const t of tokens) TOKEN_KIND.set(t, kind);
const SHARE_WORDS = new Set([
  'share',
  'shares',
  'shared',
  'sharing',
  'tweet',
  'facebook',
  'twitter',
  'x',
  'whatsapp',
  'email',
  'e',
  'mail',
  'print',
  'linkedin',
  'pinterest',
  'pin',
  'reddit',
  'copy',
  'link',
  'copied',
  'messenger',
  'telegram',
  'flipboard',
  'tumblr',
  'this',
  'article',
  'story',
  'on',
  'via',
  'comment',
  'comments',
  'save',
  'teilen',
  'partager',
  'compartir',
  'condividi',
  'compartilhar',
  'delen',
  'udostępnij',
  'поделиться',
  'シェア',
  'ツイート',
  '分享',
  'مشاركة',
  'شارك',
  'gmail',
  'sms',
  'line',
  'vk',
  'xing',
  'mastodon',
  'bluesky',
  'threads',
  'google',
  'plus',
  'the',
  'to',
  'and',
  'or',
  'by',
  'options',
  'more',
  'close',
  'url',
  'paylaş',
  'like',
  'it',
  'with',
  'friends',
  'a',
  'friend',
  'imprimer',
  'drucken',
  'stampa',
  'imprimir',
  'gift',
  'send',
  'bookmark',
  'follow',
  'us',
]);
const COMMENTS_HEADING =
  /^(?:\d+\s+)?(?:comments?|leave a (?:comment|reply)|post a comment|join the (?:conversation|discussion)|reader comments|kommentare?|kommentieren|commentaires?|réagissez|comentarios?|commenti|comentários|reacties|コメント|评论|댓글|التعليقات|تعليقات|yorumlar)\b/i;
const BYLINE_START =
  /^(?:by|von|par|por|di|door|av|af|przez|от|written by|words by|reporting by|story by|posted by|published by|text:|texte:|texto:)\s/i;
const DATE_WORDS =
  /\b(?:published|updated|posted|modified|last updated|first published|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|atualizado|gepubliceerd|opublikowano|обновлено|опубликовано|更新|公開|发布|نشر|تحديث|yayınlanma|güncelleme)\b|\d+\s+(?:minutes?|hours?|days?|min|hrs?)\s+ago\b/i;
const DATE_SHAPE =
  /\b(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|(?:19|20)\d\d[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}:\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\.?\s+(?:jan|feb|mär|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec|janv|févr|mars|avr|juin|juil|août|sept|déc)[a-zéû]*\.?(?:\s+\d{4})?|(?:19|20)\d\d年\d{1,2}月\d{1,2}日)/i;
/** A photo credit on its own line: "Image copyright Getty Images", "Photo: AP", "… / Reuters". */
const CREDIT_LINE =
  /^\(?(?:image|images|photo|photos|picture|foto|fotos|bild|photograph|illustration|graphic|video|credit|source|quelle|crédit|crédits)(?:\s+(?:copyright|credit|courtesy|source|caption))?\s*[:©]|^(?:image|photo|picture) (?:via|courtesy of) [A-Z]|^(?:image|photo) (?:copyright|credit|caption)\b|(?:getty(?: images)?|\bap(?: photo)?|reuters|afp|shutterstock|istock(?:photo)?|epa(?:-efe)?|dpa|imago|alamy|xinhua|pa(?: wire| images)?)\s*\)?$/i;
/**
 * Contact and follow lines printed after the story ("Have a tip? …", "Follow us on Twitter"). Staff
 * credits ("(Reporting by …; Editing by …)", "… contributed to this report", "… can be reached at …")
 * are not among them: both corpora's assessors count them as the article's text (removing them cost
 * recall on 15 pages), and the reader shows them nowhere else.
 */
const END_CREDIT = /^have a tip\b|^follow (?:us|him|her|them|\p{Lu}\w*) on (?:twitter|facebook|instagram|x)\b/iu;
/**
 * A copyright notice after the story: the publisher's (or the wire's) terms, printed with the article
 * (news-extraction's assessors count it in). Kept: removing it cost 0.003 recall there.
 */
const COPYRIGHT = /^(?:copyright|©|ⓒ|\(c\))\s|\ball rights reserved\b|무단전재|転載禁止|版权所有/i;
/** A promo line: "CLICK HERE TO GET THE APP", "Get access to … for as little as". */
const PROMO_LINE =
  /\bclick(?:ing)? here\b|\bdownload (?:the|our)(?: [\w&]+){0,3} app\b|\bget the \w+(?: \w+)? app\b|\bfor as little as\b/i;

const CRUMB_SEPARATOR = /\s(?:>>?|»|›|\/|\||→|::)\s|\s»|»\s|›/;
const BIO_START = /^(?:[\p{Lu}][\p{L}.'’-]+\s){1,3}(?:is|was|has been|joined|covers|writes|reports)\b/u;
const BIO_ROLE =
  /\b(?:reporter|writer|editor|correspondent|journalist|contributor|columnist|author|freelance|covers|staff|intern|producer|photographer|analyst)\b/i;
const PLACEHOLDER_SRC =
  /^data:|(?:^|[/_.-])(?:blank|placeholder|spacer|lazy|lazyload|loading|loader|grey|gray|transparent|pixel|1x1|dummy|empty)(?:[._-]|$)/i;
const LAZY_SRC_ATTRS = [
  'data-src',
  'data-lazy-src',
  'data-original',
  'data-lazy',
  'data-url',
  'data-hi-res-src',
  'data-full-src',
  'data-orig-src',
  'data-img-src',
  'data-actualsrc',
  'data-native-src',
  'data-echo',
];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];

export interface CleanContext {
  /** Absolute page URL, the base for relative links and images. */
  base: string;
  /** The article title, to recognise breadcrumbs and repeated headlines. */
  title: string;
  /**
   * What the reader shows on its own above the article (byline, dateline): a byline or date line
   * is removed from the body only when these show everything it says. Absent: lines are removed on
   * their shape alone.
   */
  shown?: {
    byline: string | null;
    dated: boolean;
    /** The dateline's published and modified times (ISO): a date line's numbers must be among theirs. */
    times?: Array<string | null>;
    agency: string | null;
    place: string | null;
    siteName: string | null;
  };
  /** Debugging: every removed block, with its rule's name (ExtractOptions.debug). */
  removed?: Removal[];
}

export interface CleanReport {
  /** What was removed, by kind (for debugging and tests): { "ad-label": 2, "share": 1, … }. */
  removed: Record<string, number>;
  /** Paywall markup or a paywall sentence was met inside the article. */
  paywallHint: boolean;
}

function norm(text: string | null | undefined): string {
  return collapse(text ?? '');
}

function tokensOf(el: Element): string[] {
  if (!el.hasAttributes()) return [];
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('role') ?? ''} ${el.getAttribute('data-component') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
  if (raw.length < 4) return [];
  // "article-share__button" → article, share, button; "relatedStories" → related, stories; plus the glued form.
  const out: string[] = [];
  for (const word of raw.split(/\s+/)) {
    if (!word) continue;
    const parts = word
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    out.push(...parts);
    if (parts.length > 1) out.push(parts.join(''));
    for (let i = 0; i + 1 < parts.length; i++) out.push(parts[i]! + parts[i + 1]!);
  }
  return out;
}

function clutterKind(el: Element): string | null {
  const tokens = tokensOf(el);
  if (tokens.length === 0) return null;
  for (const t of tokens) {
    const kind = TOKEN_KIND.get(t);
    if (kind) return kind;
  }
  return null;
}

/**
 * Best candidate of a srcset: the widest `w`, else the highest `x`, else the first. Parsed as the
 * HTML spec does: URLs may contain commas (CDN paths like w_400,h_300), so a comma ends a candidate
 * only after its URL's whitespace or descriptors.
 */
export function bestSrcsetCandidate(srcset: string): string | null {
  let best: string | null = null;
  let bestScore = -1;
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    let j = i;
    while (j < srcset.length && !/\s/.test(srcset[j]!)) j++;
    let url = srcset.slice(i, j);
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let k = j;
      while (k < srcset.length && srcset[k] !== ',') k++;
      descriptor = srcset.slice(j, k).trim();
      j = k;
    }
    i = j;
    if (!url || /^data:/i.test(url)) continue;
    const m = /^([\d.]+)([wx])$/i.exec(descriptor);
    const score = m ? Number(m[1]) * (m[2]!.toLowerCase() === 'x' ? 1000 : 1) : 0;
    if (score > bestScore) {
      best = url;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The href resolved against the page, whatever its scheme (page/read-page.ts httpUrl keeps http(s)
 * only): which schemes may stay in the article is the sanitizer's decision, not this one's.
 */
function resolveHref(href: string, base: string): string | null {
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

function isPlaceholder(img: Element): boolean {
  const src = img.getAttribute('src')?.trim() ?? '';
  if (!src) return true;
  if (/^data:image\/(?:png|jpe?g|webp|avif);base64,.{200,}/i.test(src)) return false; // a real inlined image
  const w = img.getAttribute('width');
  const h = img.getAttribute('height');
  if ((w === '1' || w === '0') && (h === '1' || h === '0')) return true;
  return PLACEHOLDER_SRC.test(src.replace(/^.*\//, '/'));
}

/** Resolves one lazy image in place: data-src and friends, srcset's best candidate, <picture> sources. */
function resolveImage(img: Element, base: string): void {
  if (isPlaceholder(img)) {
    const lazy = LAZY_SRC_ATTRS.map((a) => img.getAttribute(a)?.trim()).find((v) => v && !/^data:/i.test(v));
    if (lazy) img.setAttribute('src', lazy);
  }
  const srcset = LAZY_SRCSET_ATTRS.map((a) => img.getAttribute(a)).find(Boolean) ?? img.getAttribute('srcset');
  let best = srcset ? bestSrcsetCandidate(srcset) : null;
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : null;
  if (!best && picture && isPlaceholder(img)) {
    for (const source of Array.from(picture.querySelectorAll('source'))) {
      const s = source.getAttribute('srcset') ?? source.getAttribute('data-srcset');
      best = s ? bestSrcsetCandidate(s) : null;
      if (best) break;
    }
  }
  if (best && (isPlaceholder(img) || srcset)) img.setAttribute('src', best);
  // One absolute src: a relative srcset would resolve against the reader's page, not the publisher's.
  img.removeAttribute('srcset');
  img.removeAttribute('sizes');
  const src = img.getAttribute('src');
  const abs = src && !isPlaceholder(img) ? resolveHref(src, base) : null;
  if (abs) img.setAttribute('src', abs);
  else img.removeAttribute('src');
  if (picture) {
    for (const source of Array.from(picture.querySelectorAll('source'))) source.remove();
  }
}

interface Walk {
  ctx: CleanContext;
  report: CleanReport;
  /** Total text length of the article, to keep rules from removing a large part of it. */
  total: number;
  /** Text length seen so far (document order), to know whether a block is near the top. */
  seen: number;
  /** True until the first real paragraph of the article has been passed. */
  beforeBody: boolean;
  titleNorm: string;
  /** Captions met so far: a gallery repeats one caption or credit under every picture. */
  captions: Set<string>;
  /** Blocks already judged furniture with an earlier sibling (the rest of a run of headline links). */
  doomed: Set<Element>;
}

/** Has the article shown this caption already? (Records it when not.) */
function isRepeatedCaption(el: Element, w: Walk): boolean {
  const text = norm(el.textContent);
  if (!text) return false;
  if (w.captions.has(text)) return true;
  w.captions.add(text);
  return false;
}

function remove(el: Element, kind: string, w: Walk): void {
  w.report.removed[kind] = (w.report.removed[kind] ?? 0) + 1;
  w.ctx.removed?.push({ kind, text: collapse(el.textContent ?? '') });
  el.remove();
}

/** Japanese share buttons written as one word ("LINEで送る", "はてなブックマーク"), lower-cased. Lexicon candidate. */
const SHARE_MORE = new RegExp(
  [
    '^(?:line|facebook|x|twitter|mail|メール)?(?:で送る|でシェア|でシェアする|に投稿|でポスト)$',
    '^(?:はてなブックマーク|はてブ|ポスト|送る|いいね!?)$',
  ].join('|'),
  'u',
);
const SHARE_SPLIT = /[\s|·•/,:()-]+/;
const SHARE_COUNT = /^\d+[kKmM]?$/;

/** Does this short block look like a share bar: only share words (16 at most), counts and icons? */
function isShareBar(text: string): boolean {
  // Word by word, stopping at the first word that is not a share word (most blocks: the first).
  let words = 0;
  for (const word of text.toLowerCase().split(SHARE_SPLIT)) {
    if (!word || SHARE_COUNT.test(word)) continue;
    if (!(SHARE_WORDS.has(word) || SHARE_MORE.test(word)) || ++words > 16) return false;
  }
  return words > 0;
}

function isBreadcrumb(el: Element, text: string, w: Walk): boolean {
  if (!w.beforeBody || text.length > 200 || el.getElementsByTagName('a').length === 0) return false;
  if (!CRUMB_SEPARATOR.test(text)) return false;
  const pieces = text.split(/\s*(?:>>?|»|›|\/|\||→|::)\s*/).filter(Boolean);
  return pieces.length >= 2 && pieces.every((p) => p.length <= 120);
}

/** Path segments of a URL ("/web/1/http://a.example/x" → 5). */
function pathDepth(url: URL): number {
  return url.pathname.split('/').filter(Boolean).length;
}

/**
 * The site's logo or a blog's or section's name printed as a heading above the story (issue #20):
 * "<h2><a href="/">ArsTechnica</a></h2>", "<h2><a href="/thefeed/blog/index.html">TheFeed</a></h2>",
 * a logo link with its picture. The heading is one link, all its text, to a page of the same site
 * higher up than the story's own (fewer path segments): the home page or an index, not another story;
 * and it comes before any of the story's text (a writer's name linking to their page, in the author's
 * box after a story of short paragraphs, is author-box.ts's).
 */
function isSiteHeading(el: Element, text: string, w: Walk): boolean {
  // Above all of the story's text (a story of short paragraphs stays "before the body" to its end).
  if (w.seen > 0 || !HEADING_TAGS.has(el.localName) || text.length > 80 || text.toLowerCase() === w.titleNorm)
    return false;
  const links = el.getElementsByTagName('a');
  if (links.length !== 1 || norm(links[0]!.textContent) !== text) return false;
  const href = resolveHref(links[0]!.getAttribute('href') ?? '', w.ctx.base);
  if (!href) return false;
  try {
    const to = new URL(href);
    const here = new URL(w.ctx.base);
    return to.origin === here.origin && pathDepth(to) < pathDepth(here);
  } catch {
    return false;
  }
}

/** A short line of date, time and/or byline that the reader shows on its own, above the article. */
function isMetaLine(text: string, w: Walk): boolean {
  if (!w.beforeBody || text.length > 160) return false;
  if (/[.!?]["”»]?\s+\p{Lu}/u.test(text)) return false; // two sentences: prose
  const dated = DATE_SHAPE.test(text) || DATE_WORDS.test(text);
  if (BYLINE_START.test(text) && text.split(/\s+/).length <= 16) return true;
  return dated && text.split(/\s+/).length <= 14;
}

/**
 * Words a byline or date line holds besides names, dates and the agency: they say nothing the
 * header would lose ("By … and …, updated 3:05 p.m. ET Tuesday"). Lexicon candidate.
 */
const META_FILLER = new Set([
  'by',
  'von',
  'par',
  'por',
  'di',
  'door',
  'and',
  'und',
  'et',
  'y',
  'e',
  'with',
  'mit',
  'avec',
  'updated',
  'update',
  'published',
  'posted',
  'modified',
  'last',
  'first',
  'on',
  'at',
  'am',
  'um',
  'le',
  'el',
  'the',
  'of',
  'in',
  'from',
  'staff',
  'writer',
  'reporter',
  'correspondent',
  'editor',
  'senior',
  'chief',
  'contributor',
  'a',
  'm',
  'p',
  'est',
  'edt',
  'cst',
  'cdt',
  'pst',
  'pdt',
  'mst',
  'mdt',
  'gmt',
  'utc',
  'bst',
  'cet',
  'cest',
  'mez',
  'mesz',
  'ist',
  'uhr',
  'h',
  'min',
  'mins',
  'minutes',
  'hours',
  'hrs',
  'hr',
  'ago',
  'today',
  'yesterday',
  'read',
  'time',
  'stand',
  'veröffentlicht',
  'aktualisiert',
  'publié',
  'mis',
  'à',
  'jour',
  'publicado',
  'actualizado',
  'email',
  'mail',
  'follow',
]);
/** Months and weekdays (English, German, French, Spanish, abbreviated or not): date words. Lexicon candidate. */
const DATE_TOKEN = new RegExp(
  `^(?:${[
    'jan',
    'feb',
    'mar',
    'apr',
    'may',
    'jun',
    'jul',
    'aug',
    'sep',
    'oct',
    'nov',
    'dec',
    'mär',
    'mai',
    'okt',
    'dez',
    'janv',
    'févr',
    'avr',
    'juin',
    'juil',
    'août',
    'déc',
    'ene',
    'abr',
    'ago',
    'dic',
    'mon',
    'tue',
    'wed',
    'thu',
    'fri',
    'sat',
    'sun',
    'montag',
    'dienstag',
    'mittwoch',
    'donnerstag',
    'freitag',
    'samstag',
    'sonntag',
    'lundi',
    'mardi',
    'mercredi',
    'jeudi',
    'vendredi',
    'samedi',
    'dimanche',
  ].join('|')})\\p{L}*$`,
  'u',
);
/** Wire agencies a credit line names ("By JANE DOE, Associated Press"): shown when the dateline has an agency. */
const AGENCY_TOKEN = new Set([
  'associated',
  'press',
  'ap',
  'reuters',
  'afp',
  'agence',
  'france',
  'presse',
  'dpa',
  'upi',
  'bloomberg',
  'news',
  'xinhua',
  'kyodo',
  'efe',
  'ansa',
  'pti',
  'ians',
  'cnn',
  'wire',
  'service',
  'services',
]);

/**
 * Does the header show everything this byline/date line says? Its names must be in the byline (or
 * the site's or agency's name), its date must be in the dateline; anything else (a wire credit the
 * byline lacks, a place, a title) means the line stays in the body, or the reader would lose it.
 */
/** The numbers a date line for these times may print: year (4 and 2 digits), month, day, hour (24 h and 12 h), minute. */
function datelineNumbers(times: Array<string | null>): Set<number> {
  const out = new Set<number>();
  for (const t of times) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(t ?? '');
    if (!m) continue;
    const [, y, mo, d, hh, mi] = m.map(Number) as number[];
    for (const n of [y!, y! % 100, mo!, d!]) out.add(n);
    if (m[4] !== undefined) for (const n of [hh!, hh! % 12 || 12, mi!]) out.add(n);
  }
  return out;
}

/**
 * A numeric date ("09.03.2024", "2024-03-09") the dateline does not show: the page's own date line
 * stays in the body then, or the reader would lose it (issue #20).
 */
function otherDate(text: string, w: Walk): boolean {
  const times = w.ctx.shown?.times;
  const date = /\b(\d{1,4})[./-](\d{1,2})[./-](\d{2,4})\b/.exec(text);
  if (!times || !date) return false;
  const known = datelineNumbers(times);
  return known.size > 0 && date.slice(1).some((n) => !known.has(Number(n)));
}

function shownInHeader(text: string, w: Walk): boolean {
  const shown = w.ctx.shown;
  if (!shown) return true;
  const header = `${shown.byline ?? ''} ${shown.place ?? ''} ${shown.siteName ?? ''}`.toLowerCase();
  const known = new Set(header.match(/[\p{L}\p{N}]+/gu) ?? []);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (known.has(word) || META_FILLER.has(word)) continue;
    if (/^\d+(?:st|nd|rd|th)?$/.test(word) || DATE_TOKEN.test(word)) {
      // Another date than the dateline's (a "09.03." line over a story dated 12 March) stays (issue #20).
      const n = /^\d+/.exec(word)?.[0];
      if (shown.dated && (!n || !shown.times || datelineNumbers(shown.times).has(Number(n)))) continue;
      return false;
    }
    if (AGENCY_TOKEN.has(word) && shown.agency) continue;
    return false;
  }
  return true;
}

function isReadAlso(el: Element, text: string): boolean {
  if (text.length > 260) return false;
  const m = READ_ALSO_START.exec(text);
  if (!m) return false;
  const rest = text.slice(m[0].length).replace(/^[\s:：\-–—|»>]+/, '');
  // "Related stories" alone (a box heading), or "Read also: <a link>" (the rest is a link),
  // never "Related to this, the company said…".
  if (rest.length <= 3) return text.length < 60;
  if (!/^[\s:：\-–—|»>]/.test(text.slice(m[0].length)) && !/[:：]$/.test(m[0])) {
    // No separator after the phrase: only when what follows is a link.
    return linkTextLength(el) >= 0.6 * rest.length;
  }
  return linkTextLength(el) >= 0.5 * rest.length || (rest.length < 120 && el.getElementsByTagName('a').length > 0);
}

/** A sentence of the story: a capital (or digit) at the start, 60+ characters, ending like a sentence. */
const PROSE = /^["“„«‘'(]?[\p{Lu}\p{N}][^]{58,}[.!?…]["”»’')]?$/u;

/** A newsletter or subscription promo: the topic, and the shape of a call to action (not prose about a newsletter). */
function isNewsletterPromo(el: Element, text: string): boolean {
  if (text.length > 320 || !NEWSLETTER.test(text)) return false;
  // A sentence of the story that mentions signing up for something ("The Tesco website also lets you
  // sign up for stock alerts.") asks nothing of the reader: no call to action opens it, and it names
  // no newsletter or inbox.
  if (!CTA_START.test(text) && PROSE.test(text) && !/newsletter|\binbox\b/i.test(text)) return false;
  if (CTA_START.test(text) || el.getElementsByTagName('input').length > 0) return true;
  if (linkTextLength(el) > 0) return NEWSLETTER_STRONG.test(text) || CTA_VERB.test(text);
  return CTA_VERB.test(text) && NEWSLETTER_STRONG.test(text) && text.length < 160;
}

function isBio(el: Element, text: string, w: Walk): boolean {
  // Only near the end of the article, where bios are printed.
  if (text.length > 600 || w.seen < 0.6 * w.total) return false;
  return BIO_START.test(text) && BIO_ROLE.test(text.slice(0, 200)) && el.localName !== 'li';
}

/** Is this a box made of links (a related box, a menu, a tag list) rather than text? */
function isLinkBox(el: Element, text: string): boolean {
  const anchors = el.getElementsByTagName('a').length;
  if (anchors < 3 || text.length > 1500) return false;
  return linkTextLength(el) > 0.8 * text.length;
}

/** A paragraph of the story: a sentence (PROSE) that is mostly not link text. `text` is its norm()ed text. */
function isProse(p: Element, text: string): boolean {
  return PROSE.test(text) && linkTextLength(p) < 0.3 * text.length;
}

/**
 * Does this element hold paragraphs of the story? A page-wide <form> (ASP.NET wraps the whole body
 * in one) and wrappers named for the ad they interleave between paragraphs ("section-and-ad") hold
 * the article's own <p>s: they are containers, not controls or ads. An ad or a comment form holds
 * labels and links, not a linkless paragraph that reads as a sentence.
 */
function holdsProse(el: Element, w: Walk): boolean {
  const paragraphs = el.getElementsByTagName('p');
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]!;
    if (isProse(p, norm(p.textContent))) return true;
  }
  // A form around the whole story whose text sits in <div>s or <br>-separated runs, not <p>s.
  return el.localName === 'form' && collapsedLength(el.textContent ?? '') > 0.5 * w.total && w.total > 500;
}

const INLINE_PARENTS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'td',
  'th',
  'dd',
  'figcaption',
]);

/**
 * Is an element whose class/id names clutter really clutter? Each kind has its own shape, and none
 * may take a large part of the article: a wrapper that also holds the story
 * (class="story social-share-enabled", "related-content" around the body) must stay.
 */
function dropByKind(el: Element, kind: string, text: string, hasImage: () => boolean, w: Walk): boolean {
  if (text.length > 0.5 * w.total) return false;
  // Inside a paragraph, a "date" or "author" span is part of a sentence.
  if (el.parentElement && INLINE_PARENTS.has(el.parentElement.localName) && kind !== 'ad' && kind !== 'share')
    return false;
  const links = (): number => (text ? linkTextLength(el) / text.length : 0);
  switch (kind) {
    case 'share':
    case 'breadcrumb':
    case 'skip':
      return text.length < 300;
    case 'paywall':
      w.report.paywallHint = true;
      // A paragraph of the story marked as the metered part (a template that serves the whole story and
      // hides its second half from non-subscribers with a "paywall" class) is the story: only the box or
      // notice that asks for a subscription goes.
      if (!PAYWALL_TEXT.test(text) && (el.localName === 'p' ? isProse(el, text) : holdsProse(el, w))) return false;
      return text.length < 600;
    case 'caption':
      return false; // not clutter: turned into a <figcaption> by judge()
    case 'ad':
      return (
        text.length < 300 && !(hasImage() && el.getElementsByTagName('figcaption').length > 0) && !holdsProse(el, w)
      );
    case 'newsletter':
      return text.length < 600;
    // A short box of links is a related list; a short paragraph of the story's own prose with a "teaser"
    // class (a CMS's name for the lead paragraph) is not.
    case 'related':
      return (
        text.length < 2500 && (links() >= 0.35 || (text.length < 200 && !(el.localName === 'p' && PROSE.test(text))))
      );
    case 'comments':
      return text.length < 0.3 * w.total || w.seen > 0.7 * w.total;
    case 'byline':
      return w.beforeBody && text.length < 200 && !hasImage() && !/[.!?]\s+\p{Lu}/u.test(text) && !otherDate(text, w);
    case 'bio':
      return w.seen > 0.5 * w.total && text.length < 1000;
    case 'tags':
      return w.seen > 0.5 * w.total && isLinkBox(el, text);
    default:
      return false;
  }
}

const TEXT_BLOCKS = new Set([
  'p',
  'h1',
  'div',
  'section',
  'aside',
  'header',
  'footer',
  'li',
  'ul',
  'ol',
  'span',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'small',
  'blockquote',
  'dl',
  'dd',
  'table',
  'center',
  'font',
]);

function hasAncestor(el: Element, tag: string): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.localName === tag) return true;
  return false;
}

/** Replaces the element by a <figcaption> holding its children (the running text leaves captions out). */
function asCaption(el: Element): Element {
  if (el.localName === 'figcaption') return el;
  const cap = el.ownerDocument.createElement('figcaption');
  while (el.firstChild) cap.append(el.firstChild);
  el.replaceWith(cap);
  return cap;
}

/** A bracketed label at the end of a list item: the source or place of a linked headline. */
const SOURCE_LABEL = /\s*[[(][^\])]{1,40}[\])]$/;

/**
 * A list of other stories' headlines: three items or more, each a link (a date or a source beside it
 * at most), none a sentence of its own. An article's own lists hold text, not only links.
 */
function isHeadlineList(el: Element): boolean {
  const items = el.children;
  if (items.length < 3 || items.length > 60) return false;
  let text = 0;
  let linked = 0;
  for (let i = 0; i < items.length; i++) {
    const li = items[i]!;
    if (li.localName !== 'li') return false;
    // A source label after the headline ("… [Birmingham]", "… (Reuters)") is not text of its own.
    const t = norm(li.textContent).replace(SOURCE_LABEL, '');
    if (!t) continue;
    const l = linkTextLength(li);
    if (t.length > 160 || l < 0.6 * t.length) return false;
    text += t.length;
    linked += l;
  }
  return text > 0 && linked >= 0.75 * text;
}

/** The longest card for another story: a headline and a line or two of teaser. */
const MAX_CARD = 400;

/** A card for another story: an <article> inside the article whose heading is a link, with a short teaser at most. */
function isTeaserCard(el: Element): boolean {
  if (el.localName !== 'article') return false;
  const text = norm(el.textContent);
  if (!text || text.length > MAX_CARD) return false;
  const heading = el.querySelector('h2, h3, h4, h5, h6');
  const h = heading ? collapsedLength(heading.textContent ?? '') : 0;
  return h > 0 && linkTextLength(heading!) >= 0.9 * h;
}

/**
 * A list of other stories as cards (issue #20: a "related" grid Readability joins to the story):
 * three <article> children or more, each a linked headline with a short teaser, holding nearly all
 * of the block's text. A story's own sections are not <article>s with linked headings.
 */
function isCardList(el: Element): boolean {
  let articles = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'article') articles++;
  if (articles < 3) return false;
  let inCards = 0;
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (c.localName !== 'article') continue;
    if (!isTeaserCard(c)) return false;
    inCards += collapsedLength(c.textContent ?? '');
  }
  return inCards >= 0.8 * collapsedLength(el.textContent ?? '');
}

/** A list's title: one short line, not a sentence ("Today's Top Stories", "Read more from Yahoo News:"). */
function isListLabel(el: Element): boolean {
  if (!TEXT_BLOCKS.has(el.localName) && !HEADING_TAGS.has(el.localName)) return false;
  const t = norm(el.textContent);
  return t.length > 0 && t.length <= 60 && !/[.!?]["”»’']?$/.test(t) && el.getElementsByTagName('img').length === 0;
}

/** Blocks that stand as a line of their own (inline wrappers inside a sentence do not). */
const LINE_BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'section']);

/**
 * One other story's headline as a block of its own: a short line that is all link ("Fans really want
 * The Doobie Brothers in the Rock Hall", "<ul><li><h4><a>…"). Alone it may be the story's own pointer;
 * three in a row are a related box written without a list.
 */
function isLinkLine(el: Element, text: string): boolean {
  if (text.length < 12 || text.length > 160 || !LINE_BLOCKS.has(el.localName)) return false;
  return linkTextLength(el) >= 0.9 * text.length;
}

/** Siblings after `el` that are headline links too (the run `el` opens), or null when under three in all. */
function headlineRun(el: Element): Element[] | null {
  const run: Element[] = [];
  for (let s = el.nextElementSibling; s && s.localName !== 'br'; s = s.nextElementSibling) {
    if (!isLinkLine(s, norm(s.textContent))) break;
    run.push(s);
  }
  return run.length >= 2 ? run : null;
}

/**
 * Headlines stacked in one block, a line each ("China furious at Macron [INSIGHT]<br>Lakers vs
 * Nets … [VIDEO]<br>…"): three links or more of headline length, line breaks between, little else.
 */
function isStackedHeadlines(el: Element, text: string): boolean {
  if (text.length > 320 || el.getElementsByTagName('br').length < 2) return false;
  const anchors = el.querySelectorAll('a');
  if (anchors.length < 3) return false;
  let linked = 0;
  for (let i = 0; i < anchors.length; i++) {
    const n = collapsedLength(anchors[i]!.textContent ?? '');
    if (n < 15) return false;
    linked += n;
  }
  return linked >= 0.75 * text.length;
}

/** A headline-only link in capitals between paragraphs: a teaser for another story ("SEAN SPICER ELIMINATED…"). */
function isShoutedTeaser(el: Element, text: string): boolean {
  if (text.length < 20 || text.length > 160) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 12 || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return false;
  return linkTextLength(el) >= 0.9 * text.length;
}

/** A caption's closing credit in brackets: "(AP Photo/Alan Diaz, File)", "(Image: © NASA)", "(Photo : TRT World)". */
const BRACKET_CREDIT = /\((?:[^()]*\b(?:photo|image|picture|foto|credit)s?\b[^()]*)\)$/i;

/**
 * A picture's caption printed as a plain block: it ends with the picture's credit in brackets, or it
 * repeats the picture's alt text right under it.
 */
function isLooseCaption(el: Element, text: string): boolean {
  if (text.length < 12) return false;
  if (BRACKET_CREDIT.test(text)) return true;
  const prev = el.previousElementSibling;
  const img = prev && (prev.localName === 'img' ? prev : prev.querySelector('img'));
  return !!img && norm(img.getAttribute('alt')).toLowerCase() === text.toLowerCase();
}

/** Raw characters normalized to decide that a block without a clutter kind is too long for any text rule. */
const NORM_PREFIX = 480;

/** Decides about one element; returns true when it was removed. */
function judge(el: Element, w: Walk): boolean {
  const tag = el.localName;
  if (DROP_TAGS.has(tag) && !(tag === 'form' && holdsProse(el, w))) {
    remove(el, 'unshowable', w);
    return true;
  }
  if (tag === 'figcaption' && isRepeatedCaption(el, w)) {
    remove(el, 'caption-duplicate', w);
    return true;
  }
  // A layout table's cell holding only the headline, above the story: the title shows it already.
  if (
    (tag === 'td' || tag === 'th') &&
    w.beforeBody &&
    w.titleNorm &&
    norm(el.textContent).toLowerCase() === w.titleNorm
  ) {
    remove(el, 'title', w);
    return true;
  }
  if (
    tag === 'img' ||
    tag === 'figure' ||
    tag === 'figcaption' ||
    tag === 'picture' ||
    tag === 'table' ||
    tag === 'tr' ||
    tag === 'td' ||
    tag === 'th' ||
    tag === 'pre'
  )
    return false;
  // Computed only when a rule needs them: both walk the element's subtree.
  let images: boolean | undefined;
  const hasImage = (): boolean => (images ??= el.getElementsByTagName('img').length > 0);

  const kind = clutterKind(el);
  const isText = TEXT_BLOCKS.has(tag) || HEADING_TAGS.has(tag);
  if (isText && isCardList(el)) {
    remove(el, 'teaser-cards', w);
    return true;
  }
  if (!kind && !isText) return false;
  if ((tag === 'ul' || tag === 'ol') && isHeadlineList(el)) {
    // Its title ("Today's Top Stories", "Read more from …:") goes with it.
    const label = el.previousElementSibling;
    if (label && isListLabel(label)) remove(label, 'headline-list', w);
    remove(el, 'headline-list', w);
    return true;
  }
  const raw = el.textContent ?? '';
  // Without a clutter kind, every rule below needs a block of at most 320 normalized characters
  // (the caption rule, which could go up to 400, needs under 160 without a kind), so a longer block
  // is let through on a prefix: normalizing a prefix never yields more characters than normalizing
  // the whole. Spares a regex pass over every paragraph of the story, and one over the whole
  // article per level of the wrappers around it.
  if (!kind && raw.length > 320 && collapsedLength(raw.length > NORM_PREFIX ? raw.slice(0, NORM_PREFIX) : raw) > 320)
    return false;
  const text = norm(raw);
  if (
    kind === 'caption' ||
    (text.length < 160 && CREDIT_LINE.test(text) && !/[.!?]\s+\p{Lu}/u.test(text)) ||
    (text.length < 400 && isLooseCaption(el, text))
  ) {
    // A caption or photo credit outside <figure>: kept with the images, but not running text.
    if (text && text.length < 400 && !hasAncestor(el, 'figcaption') && !hasImage()) {
      if (isRepeatedCaption(el, w)) {
        remove(el, 'caption-duplicate', w);
        return true;
      }
      stripAttributes(el);
      walk(asCaption(el), w);
      return true;
    }
  }
  if (kind && dropByKind(el, kind, text, hasImage, w)) {
    remove(el, kind, w);
    return true;
  }
  if (!isText) return false;
  if (!text) {
    if (tag !== 'br' && tag !== 'hr' && !hasImage()) {
      remove(el, 'empty', w);
      return true;
    }
    return false;
  }
  if (text.length > 320) return false;
  if (isSiteHeading(el, text, w)) {
    // Its logo picture, if any, goes with it.
    remove(el, 'site-heading', w);
    return true;
  }
  if (text.length <= 60 && AD_LABEL.test(text.replace(/[\s:\-–—.·|]+$/, '').replace(/^[\s\-–—·|]+/, ''))) {
    remove(el, 'ad-label', w);
    return true;
  }
  if (w.doomed.has(el)) {
    remove(el, 'headline-run', w);
    return true;
  }
  const run = isLinkLine(el, text) ? headlineRun(el) : null;
  if (run || isStackedHeadlines(el, text)) {
    // Its title ("ALSO", "More:") goes with it, as with a headline <ul>.
    const label = el.previousElementSibling;
    if (label && isListLabel(label)) remove(label, 'headline-run', w);
    for (const s of run ?? []) w.doomed.add(s);
    remove(el, 'headline-run', w);
    return true;
  }
  if (isReadAlso(el, text)) {
    // A heading of a related box takes the box (the list right after it) with it.
    const next = el.nextElementSibling;
    if (HEADING_TAGS.has(tag) && next && isLinkBox(next, norm(next.textContent))) remove(next, 'related', w);
    remove(el, 'read-also', w);
    return true;
  }
  if (text.length < 60 && ALSO_IN.test(text)) {
    // "Also in Business" and the headline list under it (its own block, or the rest of this one).
    const next = el.nextElementSibling;
    if (next && isLinkBox(next, norm(next.textContent))) remove(next, 'related', w);
    remove(el, 'read-also', w);
    return true;
  }
  if (PAYWALL_TEXT.test(text) && text.length < 300) {
    // "Subscribe to continue reading": the notice goes, and the article is flagged as a preview.
    w.report.paywallHint = true;
    remove(el, 'paywall', w);
    return true;
  }
  if (
    (COMMENTS_HEADING.test(text) || COMMENTS_MORE.test(text)) &&
    text.length < 60 &&
    (HEADING_TAGS.has(tag) || tag === 'div' || tag === 'p')
  ) {
    remove(el, 'comments', w);
    return true;
  }
  if (text.length < 300 && w.seen > 0.5 * w.total && COMMENT_FORM.test(text) && !hasImage()) {
    remove(el, 'comment-form', w);
    return true;
  }
  if (w.beforeBody && text.length < 40 && READING_TIME.test(text) && !hasImage()) {
    remove(el, 'meta-line', w);
    return true;
  }
  if (text.length < 200 && isShareBar(text) && !hasImage()) {
    remove(el, 'share', w);
    return true;
  }
  if (isNewsletterPromo(el, text) && !hasImage()) {
    remove(el, 'newsletter', w);
    return true;
  }
  if (isBreadcrumb(el, text, w) && !hasImage()) {
    remove(el, 'breadcrumb', w);
    return true;
  }
  if (!HEADING_TAGS.has(tag) && isMetaLine(text, w) && !hasImage() && shownInHeader(text, w)) {
    remove(el, 'meta-line', w);
    return true;
  }
  if (isBio(el, text, w) && !hasImage()) {
    remove(el, 'bio', w);
    return true;
  }
  if (text.length < 300 && w.seen > 0.5 * w.total && END_CREDIT.test(text) && !COPYRIGHT.test(text) && !hasImage()) {
    remove(el, 'credits', w);
    return true;
  }
  if (text.length < 160 && PROMO_LINE.test(text) && !hasImage()) {
    remove(el, 'promo', w);
    return true;
  }
  if (isShoutedTeaser(el, text) && !hasImage()) {
    remove(el, 'related', w);
    return true;
  }
  if (w.beforeBody && text.toLowerCase() === w.titleNorm && headingLike(el)) {
    remove(el, 'title', w);
    return true;
  }
  return false;
}

/**
 * Attributes the reader keeps (the sanitizer's allow-list is narrower still and has the last word).
 * Dropping the rest here (class, style, data-*, tracking attributes) makes the HTML handed to the
 * sanitizer smaller and spares it one hook call per attribute.
 */
const KEEP_ATTRS = new Set([
  'href',
  'src',
  'alt',
  'title',
  'width',
  'height',
  'colspan',
  'rowspan',
  'scope',
  'headers',
  'datetime',
  'lang',
  'dir',
  'cite',
  'start',
  'reversed',
  'type',
  'value',
  'span',
  'open',
  'abbr',
  'hreflang',
]);

function stripAttributes(el: Element): void {
  // A <picture>'s sources are read (then removed) when its <img> is resolved.
  if (el.localName === 'source' || !el.hasAttributes()) return;
  const attrs = el.attributes;
  for (let i = attrs.length - 1; i >= 0; i--) {
    const name = attrs[i]!.name;
    if (!KEEP_ATTRS.has(name) && !name.startsWith('aria-')) el.removeAttribute(name);
  }
}

function walk(el: Element, w: Walk): void {
  for (let child = el.firstElementChild; child;) {
    const next = child.nextElementSibling;
    if (child.localName === 'img') resolveImage(child, w.ctx.base);
    else if (child.localName === 'a') {
      const href = child.getAttribute('href');
      const abs = href ? resolveHref(href, w.ctx.base) : null;
      if (abs && !/^javascript:/i.test(abs)) child.setAttribute('href', abs);
      else child.removeAttribute('href');
    }
    if (!judge(child, w)) {
      stripAttributes(child);
      walk(child, w);
      if (child.localName === 'p' || child.localName === 'li' || HEADING_TAGS.has(child.localName)) {
        const len = collapsedLength(child.textContent ?? '');
        w.seen += len;
        if (child.localName === 'p' && len >= 120) w.beforeBody = false;
      }
      // A wrapper emptied by the rules above goes too (unless it holds an image).
      if (
        !child.firstElementChild &&
        !hasNonSpace(child.textContent ?? '') &&
        BLOCK_TAGS.has(child.localName) &&
        child.localName !== 'br' &&
        child.localName !== 'hr'
      ) {
        remove(child, 'empty', w);
      }
    }
    child = next;
  }
}

/** Cleans Readability's article element in place (the extraction's own copy, never the caller's page). */
export function cleanArticle(root: Element, ctx: CleanContext): CleanReport {
  const report: CleanReport = { removed: {}, paywallHint: false };
  removePageChrome(root, ctx);
  const total = collapsedLength(root.textContent ?? '');
  walk(root, {
    ctx,
    report,
    total,
    seen: 0,
    beforeBody: true,
    titleNorm: norm(ctx.title).toLowerCase(),
    captions: new Set(),
    doomed: new Set(),
  });
  return report;
}

/** Captions and credits: shown with their figure, but not part of the running text a reader reads. */
const NOT_RUNNING_TEXT = new Set(['figcaption', 'script', 'style', 'noscript', 'template']);

/**
 * The article's running text: blocks separated by blank lines, words inside a block by single
 * spaces (textContent alone glues "heading" and "Paragraph" into "headingParagraph").
 * Captions are left out: they stay in `content` with their figures, but are not read as the story
 * and do not count towards the reading time.
 */
export function runningText(root: Node): string {
  const blocks: string[] = [];
  let line = '';
  const flush = (): void => {
    const t = collapse(line);
    if (t) blocks.push(t);
    line = '';
  };
  const visit = (node: Node): void => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        line += c.nodeValue ?? '';
        continue;
      }
      if (c.nodeType !== 1) continue;
      const tag = (c as Element).localName;
      if (NOT_RUNNING_TEXT.has(tag)) continue;
      if (tag === 'br') {
        line += '\n';
        continue;
      }
      if (BLOCK_TAGS.has(tag) || tag === 'td' || tag === 'th') {
        flush();
        visit(c);
        flush();
      } else {
        visit(c);
      }
    }
  };
  visit(root);
  flush();
  return blocks.join('\n\n');
}
