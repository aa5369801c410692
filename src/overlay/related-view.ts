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

/** The instant a card's time names: its stated offset, or (none stated) the reader's clock, approximately. */
function instantOf(iso: string): { at: number; hasTime: boolean; label: string } | null {
  const s = parseStated(iso);
  if (!s) return null;
  const at =
    s.offset === null
      ? s.wall.getTime() + new Date(s.wall.getTime()).getTimezoneOffset() * 60_000
      : s.wall.getTime() - s.offset * 60_000;
  const opts: Intl.DateTimeFormatOptions = s.hasTime
    ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }
    : { dateStyle: 'medium', timeZone: 'UTC' };
  return { at, hasTime: s.hasTime, label: new Intl.DateTimeFormat('en', opts).format(s.wall) };
}

/**
 * "5 min ago", "2 h ago", "3 d ago" for the last week; older (or a day without a time) as the day
 * itself ("9 Mar 2024"). The absolute time stays in the <time>'s title and datetime.
 */
export function relativeTime(iso: string, now: number): { text: string; title: string } | null {
  const t = instantOf(iso);
  if (!t) return null;
  const min = Math.round((now - t.at) / 60_000);
  const dayOnly = t.label.replace(/,?\s+\d{1,2}:\d{2}.*$/, '');
  let text = dayOnly;
  if (t.hasTime && min >= 0 && min < 7 * 24 * 60) {
    if (min < 1) text = 'just now';
    else if (min < 60) text = `${min} min ago`;
    else if (min < 24 * 60) text = `${Math.floor(min / 60)} h ago`;
    else text = `${Math.floor(min / 1440)} d ago`;
  }
  return { text, title: t.label };
}

export function renderRelated(
  doc: Document,
  related: readonly RelatedHeadline[],
  opts: { locale?: string; dir?: string; lang?: string | null; now?: number },
): HTMLElement | null {
  const safe = related.filter((r) => /^https?:/i.test(r.url) && r.title.trim());
  if (!safe.length) return null;
  const now = opts.now ?? Date.now();
  // The page's own section names ("Most read", "Trending") are the headings; no umbrella heading above
  // them (one "Related headlines" over both hid that they are different lists).
  const aside = h(doc, 'aside', {
    class: 'related',
    'aria-label': 'Related headlines',
    dir: opts.dir,
    lang: opts.lang ?? undefined,
  });
  for (const group of groupRelated(safe)) {
    const list = h(doc, 'ol');
    for (const r of group.items) {
      const when = r.published ? relativeTime(r.published, now) : null;
      list.append(
        h(
          doc,
          'li',
          {},
          h(doc, 'a', { href: r.url, rel: 'noopener' }, h(doc, 'span', { class: 'headline', dir: 'auto' }, r.title)),
          when && r.published
            ? h(doc, 'time', { datetime: r.published, title: when.title, dir: 'ltr', lang: 'en' }, when.text)
            : null,
        ),
      );
    }
    aside.append(h(doc, 'section', {}, h(doc, 'h2', { dir: 'auto' }, group.section), list));
  }
  return aside;
}
