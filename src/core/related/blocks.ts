/**
 * Where on the page a link sits, computed once per element and shared by all links below it:
 * inside navigation, a footer, a menu, a share bar, a tag list, a language switcher (excluded),
 * inside a paid widget (Outbrain, Taboola, "Sponsored"), and under which block heading ("Latest
 * News", "Mehr zum Thema"). Headings are found in one query; a heading labels the elements that
 * follow it (or its small wrapper) among their siblings, so two blocks in one sidebar keep
 * their own headings. Reads the DOM, never changes it.
 */
import { NOT_RELATED_HEADING, ON_TOPIC_HEADING, RELATED_HEADING } from '../text/lexicon/headings.js';
import { AD_SLOT_CLASS, SPONSORED_CLASS } from '../text/lexicon/sponsored.js';
import { collapse, collapsedLength, collapseRuns } from '../text/whitespace.js';
import { subtree } from './scan.js';
import { work } from '../work.js';
import type { UrlShape } from './url.js';

export interface BlockContext {
  /** Navigation, menu, share bar, tag list, language switcher, comments, breadcrumb. */
  excluded: boolean;
  /**
   * Inside an article's or content column's footer (a <footer> within an article, section, aside or
   * main; an "article__footer", "content-footer" class): the collector keeps only its story lists and
   * related-headed blocks. The page's own footer is `excluded`.
   */
  footer: boolean;
  /** A paid widget, or a block headed "Sponsored", "Anzeige", "Partner content". */
  sponsored: boolean;
  /** Text of the nearest block heading above, or null. */
  label: string | null;
  /** The heading element (identifies the block). */
  labelEl: Element | null;
  /** The heading announces related stories ("Related", "Most read", "関連記事"). */
  related: boolean;
}

const ROOT: BlockContext = {
  excluded: false,
  footer: false,
  sponsored: false,
  label: null,
  labelEl: null,
  related: false,
};

// Not <form>: ASP.NET WebForms pages wrap the whole page in one.
const EXCLUDED_TAGS = new Set(['nav', 'menu', 'select', 'button', 'dialog']);
const EXCLUDED_ROLES = /^(navigation|menubar|menu|contentinfo|search|dialog|tablist)$/;
/** Class/id tokens (a token ending in one of these words) of non-headline regions. */
const LANGUAGE_PICKER = '-?(menu|switch(er)?|select(or)?|list)';
const EXCLUDED_WORDS = [
  ...['nav', 'navbar', 'navi', 'navigation', 'menu', 'menus', 'mainmenu', 'megamenu', 'breadcrumbs?'],
  ...[
    'share',
    'shares',
    'sharing',
    'sharebar',
    'share-?tools',
    'social',
    'socials',
    'social-?(links|icons|share|media)',
  ],
  ...['tags', 'tag-?list', 'tags-?list', 'taglist', 'keywords', 'pagination', 'pager', 'paging'],
  ...['languages?', `lang${LANGUAGE_PICKER}`, `language${LANGUAGE_PICKER}`, 'comments?', 'comment-?list'],
  ...['subscribe', 'subscription', 'paywall', 'login', 'newsletter', 'cookies?', 'cookie-?banner', 'consent'],
  ...['skip-?links?', 'toolbar', 'topics', 'topic-?list', 'author-?bio', 'byline'],
];
const EXCLUDED_TOKEN = new RegExp(`(^|[_-])(${EXCLUDED_WORDS.join('|')})$`);
/**
 * Menu words after another word of a token: "mega-menu-content", "list_menu_spec", BEM
 * "b-mainnav__2level". Not first ("menu_oculto" wraps a ticker, "menu-options" a whole body), and
 * never on <body>/<html> (page-state classes such as "has-mega-menu").
 */
const MENU_PART = /[_-](menu|menus|submenu|megamenu|mainmenu|mainnav|navbar)([_-]|$)/;
const PAGE_ROOTS = new Set(['html', 'body', 'main']);
const FOOTER_TOKEN = /(^|[_-])footer$/;
const RELATED_TOKEN = /^related([_-]|$)/;
const CONTENT_FOOTER_TOKEN = /^(article|content|post|entry|story|news)[_-]+footer$/;
const SECTIONING = new Set(['article', 'section', 'aside', 'main']);
/** A token naming a feature the block has ("td_with_ajax_pagination", "has-comments"), not what it is. */
const FEATURE_TOKEN = /(^|[_-])(with|has)[_-]/;
/** Elements whose class names the page's template or state ("ad-column-300", "section-in-nav"), not a region. */
const PAGE_TAGS = new Set(['html', 'body']);

/** Elements whose text is not page text. */
const UNREAD = new Set(['script', 'style', 'noscript', 'template']);

/** Text of an element if it is at most `limit` characters, else null; stops reading early. */
export function boundedText(el: Node, limit: number): string | null {
  if (
    el.nodeType === 1 &&
    !UNREAD.has((el as Element).localName) &&
    el.ownerDocument?.contentType === 'text/html' &&
    !(el as Element).querySelector('script, style, noscript, template')
  ) {
    // Nothing inside to leave out (and no CDATA sections, which an HTML parser never makes): the
    // text is textContent, read in one native call instead of a node-by-node walk.
    const raw = el.textContent ?? '';
    // The walk's early answer: a prefix whose collapsed text is already too long.
    if (raw.length > limit * 2 && collapsedLength(raw.slice(0, limit * 2 + 2)) > limit) return null;
    const t = collapse(raw);
    return t.length > limit ? null : t;
  }
  let out = '';
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      out += (n as Text).data;
      if (out.length > limit * 2) {
        // Keep the collapsed form (collapsing a prefix first gives the same final text), so a long
        // run of whitespace-only nodes is not collapsed again from the start at every node.
        out = collapseRuns(out);
        if (out.trim().length > limit) return null;
      }
      continue;
    }
    if (n.nodeType !== 1 && n.nodeType !== 9 && n.nodeType !== 11) continue;
    const tag = (n as Element).localName;
    if (UNREAD.has(tag)) continue;
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  const t = collapse(out);
  return t.length > limit ? null : t;
}

function tokens(el: Element): string[] {
  const c = `${el.getAttribute('class') ?? ''} ${el.id}`.toLowerCase().trim();
  return c ? c.split(/\s+/) : [];
}

/**
 * Labels: element → the heading element that governs it, from the heading-like elements of the scan.
 * `shapeOf` is urlShape of an href resolved against the page (null when it is no URL); the
 * collector passes its memoised one, so a story link is parsed once for both.
 */
export function headingLabels(
  headings: Element[],
  shapeOf: (href: string) => UrlShape | null,
): Map<Element, { el: Element; text: string }> {
  const labels = new Map<Element, { el: Element; text: string }>();
  const wrappers: Array<{ wrapper: Element; heading: Element; text: string }> = [];
  const seen = new Set<Element>();
  for (const h of headings) {
    if (h.closest('a')) continue;
    const text = boundedText(h, 60);
    if (!text || text.length < 2) continue;
    const words = text.split(' ').length;
    if (words > 8) continue;
    // A card's own title (a heading holding a link to a story) labels nothing.
    const storyLink = subtree(h, 50).some(
      (e) => e.localName === 'a' && e.hasAttribute('href') && shapeOf(e.getAttribute('href')!) === 'article',
    );
    if (storyLink) continue;
    let wrapper: Element = h;
    for (let i = 0; i < 3; i++) {
      const p = wrapper.parentElement;
      if (!p || p.localName === 'body' || p.children.length > 4 || boundedText(p, text.length + 40) === null) break;
      wrapper = p;
    }
    if (seen.has(wrapper)) continue;
    seen.add(wrapper);
    wrappers.push({ wrapper, heading: h, text: text.replace(/[\s:：»›>|•·\-–—]+$/, '').trim() });
  }
  // A paid or non-headline label ("PUBLICIDADE" over an ad slot, "newsletter" over a form) heads its own
  // box: its walk stops at a sibling that holds a heading of its own (the next block), instead of
  // marking the rest of the page paid. Elements holding a wrapper, marked up to the first already marked.
  const holdsHeading = new Set<Element>();
  for (const { wrapper } of wrappers)
    for (let p = wrapper.parentElement; p && !holdsHeading.has(p); p = p.parentElement) holdsHeading.add(p);
  // Each walk runs along one row of siblings up to the next wrapper. A sibling that already has a label
  // was reached by an earlier walk along the same row, which labelled everything from there to that
  // same stop: the walk can end there. (Walking on made N headings that each end a paragraph label
  // the N paragraphs after theirs: N² steps.)
  const labelFrom = (first: Element | null, heading: Element, text: string): boolean => {
    let any = false;
    const paid = NOT_RELATED_HEADING.test(text);
    for (let s = first; s && !seen.has(s); s = s.nextElementSibling) {
      work();
      any = true;
      if (paid && holdsHeading.has(s)) break;
      if (labels.has(s)) break;
      labels.set(s, { el: heading, text });
    }
    return any;
  };
  for (const { wrapper, heading, text } of wrappers) {
    const labelled = labelFrom(wrapper.nextElementSibling, heading, text);
    // A heading alone at the end of its wrapper (<header><h2>Most read</h2></header><ol>…) labels what
    // follows the wrapper.
    if (!labelled && wrapper.parentElement) labelFrom(wrapper.parentElement.nextElementSibling, heading, text);
  }
  return labels;
}

/** Words of a previous/next story pager ("entry-nav", "post-navigation", "entryPrev", "article-next-menu"). */
const PAGER_WORDS = /prev|next|entry|post-?nav|article-?nav|story-?nav/;
const NAV_TOKEN = /(^|[_-])(nav|navi|navigation|menu)$/;

/**
 * Previous/next story links under their headlines (WordPress' nav.post-navigation, "Next story"
 * menus): a navigation element or class named so, holding one or two of the site's stories and
 * nothing else a menu would hold. Its links are related headlines; a pager of page numbers holds none.
 */
function storyPager(el: Element, tag: string, role: string, tk: string[], storiesIn: (el: Element) => number): boolean {
  if (!(tag === 'nav' || role === 'navigation' || tk.some((t) => NAV_TOKEN.test(t)))) return false;
  if (tk.some((t) => EXCLUDED_TOKEN.test(t) && !NAV_TOKEN.test(t))) return false;
  if (!PAGER_WORDS.test(`${tk.join(' ')} ${el.getAttribute('aria-label') ?? ''}`.toLowerCase())) return false;
  const n = storiesIn(el);
  return n >= 1 && n <= 2;
}

/** A box the page names a menu of its stories ("stories-menu", "post_nav"), not of its sections. */
const STORY_MENU_TOKEN = /^(stor(y|ies)|articles?|posts?|headlines?)[_-]?(menu|nav)$/;

/** A story box named so, holding three or more of the site's stories under headline text. */
const storyMenu = (tk: string[], el: Element, storiesIn: (el: Element) => number): boolean =>
  tk.some((t) => STORY_MENU_TOKEN.test(t)) && storiesIn(el) >= 3;

function ownContext(
  el: Element,
  labels: Map<Element, { el: Element; text: string }>,
  storiesIn: (el: Element) => number,
): Partial<BlockContext> & { onTopic?: boolean } {
  const own: Partial<BlockContext> & { onTopic?: boolean } = {};
  const tag = el.localName;
  // Many block elements have no attributes at all: then role, class, id, aria-label and the paid
  // widgets' data attributes are all absent, which one call tells.
  const attrs = el.hasAttributes();
  const role = attrs ? (el.getAttribute('role') ?? '') : '';
  const tk = attrs && !PAGE_TAGS.has(tag) ? tokens(el).filter((t) => !FEATURE_TOKEN.test(t)) : [];
  if (
    EXCLUDED_TAGS.has(tag) ||
    EXCLUDED_ROLES.test(role) ||
    tk.some((t) => EXCLUDED_TOKEN.test(t) || (MENU_PART.test(t) && !PAGE_ROOTS.has(tag)))
  )
    own.excluded = !storyPager(el, tag, role, tk, storiesIn) && !storyMenu(tk, el, storiesIn);
  if (tag === 'footer' || tk.some((t) => FOOTER_TOKEN.test(t))) {
    // A <footer> belongs to its nearest sectioning element (HTML), or to the page when there is none;
    // the page has one footer, its last: a <footer> before another one closes the content above it.
    let inSection = tk.some((t) => CONTENT_FOOTER_TOKEN.test(t));
    for (let p = el.parentElement; p && !inSection; p = p.parentElement) inSection = SECTIONING.has(p.localName);
    if (!inSection && tag === 'footer') {
      const all = el.ownerDocument.getElementsByTagName('footer');
      const last = all[all.length - 1]!;
      inSection = last !== el && !el.contains(last) && !!(el.compareDocumentPosition(last) & 4);
    }
    if (inSection) own.footer = true;
    else own.excluded = true;
  }
  if (
    attrs &&
    (tk.some((t) => SPONSORED_CLASS.test(t)) ||
      el.hasAttribute('data-outbrain-src') ||
      el.hasAttribute('data-ob-template') ||
      // An ad slot holds no list of the site's own stories; a region named after its ad does.
      (tk.some((t) => AD_SLOT_CLASS.test(t)) && storiesIn(el) < 2))
  )
    own.sponsored = true;
  const aria = attrs ? el.getAttribute('aria-label') : null;
  const label = labels.get(el);
  const text =
    label?.text ?? (aria && /^(section|aside|div|ul|ol)$/.test(tag) && aria.length <= 60 ? aria.trim() : null);
  if (text) {
    own.label = text;
    own.labelEl = label?.el ?? el;
    own.related = RELATED_HEADING.test(text);
    if (NOT_RELATED_HEADING.test(text)) own.sponsored = true;
    // A list headed as the article's own subject or section ("Dans la même rubrique", "Related") in a
    // box named a menu (SPIP's div.menu) is that list, when it holds the site's stories.
    else if (ON_TOPIC_HEADING.test(text) && storiesIn(el) >= 3) own.onTopic = true;
  } else if (tk.some((t) => RELATED_TOKEN.test(t))) {
    // An unheaded box the page names so ("related-block", "related-posts") announces related stories.
    own.related = true;
  }
  return own;
}

/**
 * Block context of elements, memoised: each element is classified once however many links it holds.
 * `storiesIn` counts the site's stories an element links under headline text, up to 3 (asked only of
 * elements with an ad slot's class and of previous/next navigation).
 */
export function blockContexts(
  labels: Map<Element, { el: Element; text: string }>,
  storiesIn: (el: Element) => number,
): (el: Element) => BlockContext {
  const memo = new Map<Element, BlockContext>();
  return (start: Element): BlockContext => {
    const chain: Element[] = [];
    let parentCtx: BlockContext = ROOT;
    for (let el: Element | null = start; el; el = el.parentElement) {
      const hit = memo.get(el);
      if (hit) {
        parentCtx = hit;
        break;
      }
      chain.push(el);
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i]!;
      const own = ownContext(el, labels, storiesIn);
      const ctx: BlockContext = {
        excluded: (parentCtx.excluded && !own.onTopic) || !!own.excluded,
        footer: parentCtx.footer || !!own.footer,
        sponsored: parentCtx.sponsored || !!own.sponsored,
        label: own.label ?? parentCtx.label,
        labelEl: own.labelEl ?? parentCtx.labelEl,
        related: own.label !== undefined ? !!own.related : own.related || parentCtx.related,
      };
      memo.set(el, ctx);
      parentCtx = ctx;
    }
    return parentCtx;
  };
}
