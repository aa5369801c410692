/**
 * Related headlines, grouped as the page grouped them ("Latest News", "Most Read"), the group holding
 * the most relevant headline first and each group in relevance order (the core sorts by score).
 * Each headline is a plain link: it opens in the same tab, like a link on the page would.
 */
import type { RelatedHeadline } from '../core/types.js';
import { h } from './dom.js';
import { parseStated } from './dateline-view.js';

/** Groups by section, keeping first-appearance order of the score-sorted list. */
export function groupRelated(related: readonly RelatedHeadline[]): { section: string; items: RelatedHeadline[] }[] {
  const sorted = [...related].sort((a, b) => b.score - a.score);
  const groups = new Map<string, RelatedHeadline[]>();
  for (const r of sorted) {
    const key = r.section?.trim() || 'Related';
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(r);
  }
  return [...groups].map(([section, items]) => ({ section, items }));
}

function shortTime(iso: string, locale?: string): string | null {
  const s = parseStated(iso);
  if (!s) return null;
  const opts: Intl.DateTimeFormatOptions = s.hasTime
    ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }
    : { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' };
  try {
    return new Intl.DateTimeFormat(locale, opts).format(s.wall);
  } catch {
    return new Intl.DateTimeFormat('en', opts).format(s.wall);
  }
}

export function renderRelated(
  doc: Document,
  related: readonly RelatedHeadline[],
  opts: { locale?: string; dir?: string; lang?: string | null },
): HTMLElement | null {
  const safe = related.filter((r) => /^https?:/i.test(r.url) && r.title.trim());
  if (!safe.length) return null;
  const aside = h(doc, 'aside', { class: 'related', 'aria-labelledby': 'dr-related-title', dir: opts.dir, lang: opts.lang ?? undefined },
    h(doc, 'h2', { id: 'dr-related-title' }, 'Related headlines'));
  for (const group of groupRelated(safe)) {
    const list = h(doc, 'ol');
    for (const r of group.items) {
      const when = r.published ? shortTime(r.published, opts.locale) : null;
      list.append(h(doc, 'li', {},
        h(doc, 'a', { href: r.url, rel: 'noopener' },
          h(doc, 'span', { class: 'headline' }, r.title),
          when && r.published ? h(doc, 'time', { datetime: r.published }, when) : null)));
    }
    aside.append(h(doc, 'section', {}, h(doc, 'h3', {}, group.section), list));
  }
  return aside;
}
