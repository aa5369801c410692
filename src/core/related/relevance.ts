/**
 * The order of related headlines: how close each is to the article's subject, and what kind of box
 * the site put it in.
 *
 *   subject  rank.ts's term match (5-character stems, inflected short words, CJK bigrams) against
 *            the article's title, its stated topics (meta keywords, JSON-LD `keywords` and
 *            `articleSection`, the URL's section path), lead and body.
 *   box      a box the site filled for this article ("Related", "Read also", "More on …") raises
 *            the score most, a box named after the article's section ("Cronaca" on a Cronaca story)
 *            less; among equal scores, a box of no stated kind comes before the latest stories,
 *            and those before the most read (`tier`), then page order.
 */
import type { JsonLdNode } from '../page/page-meta.js';
import { ON_TOPIC_HEADING } from '../text/lexicon/headings.js';
import { LATEST_HEADING, POPULAR_HEADING } from '../text/lexicon/list-kinds.js';
import { articleProfile, neededTerms, terms, termsRelevance } from './rank.js';

/**
 * A box the site filled for this article raises a headline's relevance by a noisy-OR with this
 * weight (an unrelated story there still scores 0.5), a box named after the article's section by
 * SAME_SECTION_BOX: the score stays in 0..1.
 */
const ON_TOPIC_BOX = 0.5;
const SAME_SECTION_BOX = 0.3;

type BoxKind = 'onTopic' | 'sameSection' | 'other' | 'latest' | 'popular';
/** Order among equal scores (lower first). */
const TIER: Record<BoxKind, number> = { onTopic: 0, sameSection: 1, other: 2, latest: 3, popular: 4 };

interface ArticleSubject {
  title: string;
  lead: string;
  body: string;
  lang: string | null;
  /** Keywords, tags and section names the page states for the article, and its URL's section path. */
  topics: string;
  /** The article's section names (meta, JSON-LD, URL path), for boxes named after its section. */
  sections: string;
}

const textsOf = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Words of a URL path that name a section ("/politics/elections/2024/05/story-slug"): not the slug, no numbers. */
function pathSections(url: string): string[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  // The last part is the story's own slug or id.
  return path
    .split('/')
    .filter(Boolean)
    .slice(0, -1)
    .filter((p) => p.length <= 30 && !/\d/.test(p) && !p.includes('.'))
    .map((p) => p.replace(/[-_]+/g, ' '));
}

/** The article's stated topics and sections, from its meta tags, JSON-LD and URL. */
export function articleTopics(
  meta: ReadonlyMap<string, string>,
  jsonLd: readonly JsonLdNode[],
  url: string,
): { topics: string; sections: string } {
  const sections = [meta.get('article:section') ?? '', ...pathSections(url)];
  const topics = [meta.get('keywords') ?? '', meta.get('news_keywords') ?? '', meta.get('article:tag') ?? ''];
  for (const node of jsonLd) {
    // The article's node (it has a headline or a section), not the site's or the breadcrumb's.
    if (!('headline' in node) && !('articleSection' in node)) continue;
    sections.push(...textsOf(node.articleSection));
    topics.push(...textsOf(node.keywords));
  }
  const s = sections.filter(Boolean).join(' ; ').slice(0, 500);
  return { topics: [...topics.filter(Boolean), s].join(' ; ').slice(0, 2000), sections: s };
}

function boxKind(heading: string | null, sectionTerms: ReadonlySet<string>, lang: string | null): BoxKind {
  if (!heading) return 'other';
  if (ON_TOPIC_HEADING.test(heading)) return 'onTopic';
  if (sectionTerms.size && terms(heading, lang).some((t) => sectionTerms.has(t))) return 'sameSection';
  if (POPULAR_HEADING.test(heading)) return 'popular';
  if (LATEST_HEADING.test(heading)) return 'latest';
  return 'other';
}

interface Scorable {
  title: string;
  /** Heading of the box the headline came from (null: none). */
  section: string | null;
}

interface HeadlineScore {
  /** 0..1, 3 decimals. */
  score: number;
  /** Order among equal scores, lower first (the kind of box). */
  tier: number;
}

/** Each headline's score and tier, in the order given. */
export function scoreHeadlines(items: readonly Scorable[], article: ArticleSubject): HeadlineScore[] {
  // Each headline's terms once; the article is weighed only on terms some headline needs.
  const headTerms = items.map((m) => new Set(terms(m.title, article.lang)));
  const profile = articleProfile(
    article.title,
    article.lead,
    article.body,
    article.lang,
    neededTerms(headTerms),
    article.topics,
  );
  const sectionTerms = new Set(terms(article.sections, article.lang));
  const kinds = new Map<string | null, BoxKind>();
  return items.map((m, i) => {
    let kind = kinds.get(m.section);
    if (!kind) {
      kind = boxKind(m.section, sectionTerms, article.lang);
      kinds.set(m.section, kind);
    }
    let r = termsRelevance(headTerms[i]!, profile);
    if (kind === 'onTopic') r = 1 - (1 - r) * (1 - ON_TOPIC_BOX);
    else if (kind === 'sameSection') r = 1 - (1 - r) * (1 - SAME_SECTION_BOX);
    return { score: Math.round(r * 1000) / 1000, tier: TIER[kind] };
  });
}
