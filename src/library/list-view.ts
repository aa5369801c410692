/**
 * The list of saved articles: one row per article (title, site, dateline, saved date, reading
 * time, read state, selection), rendered a page at a time so 5,000 articles never become 5,000
 * rows on screen while typing a search. Clicks are delegated: one listener for the whole list.
 */
import type { ArticleSummary } from '../store/record.js';
import { el } from './dom.js';

export type RowAction = 'open' | 'select' | 'toggle-read' | 'delete';

export interface ListView {
  render(rows: readonly ArticleSummary[], selected: ReadonlySet<string>, limit: number): void;
}

/** `day` is created once per list: an Intl.DateTimeFormat costs ~1 ms to construct, 100 rows redraw per keystroke. */
function row(doc: Document, a: ArticleSummary, selected: boolean, day: Intl.DateTimeFormat): HTMLLIElement {
  const title = a.title || a.url;
  const dateline = a.dateline?.text || (a.publishedAt ? day.format(a.publishedAt) : '');
  const li = el(doc, 'li', { class: `row${a.read ? ' read' : ''}${selected ? ' selected' : ''}`, 'data-id': a.id, lang: a.lang ?? undefined, dir: a.dir });
  const box = el(doc, 'input', { type: 'checkbox', 'data-act': 'select', 'aria-label': `Select “${title}”` });
  box.checked = selected;
  li.append(
    box,
    el(doc, 'div', {},
      el(doc, 'button', { type: 'button', class: 'title', 'data-act': 'open' }, a.read ? '' : el(doc, 'span', { class: 'unread-dot', title: 'Unread' }), title),
      el(doc, 'div', { class: 'meta' },
        el(doc, 'span', { class: 'site' }, a.siteName || a.site),
        dateline ? el(doc, 'span', { class: 'dateline' }, dateline) : null,
        el(doc, 'span', { class: 'saved' }, `Saved ${day.format(a.savedAt)}`),
        a.readingMinutes ? el(doc, 'span', { class: 'minutes' }, `${a.readingMinutes} min read`) : null,
        a.versions ? el(doc, 'span', { class: 'versions' }, `${a.versions} earlier version${a.versions === 1 ? '' : 's'}`) : null,
        a.images.skipped ? el(doc, 'span', { class: 'images-note', title: a.images.note ?? '' }, `${a.images.skipped} image${a.images.skipped === 1 ? '' : 's'} as links`) : null,
      ),
    ),
    el(doc, 'div', { class: 'side' },
      el(doc, 'button', { type: 'button', 'data-act': 'toggle-read' }, a.read ? 'Mark unread' : 'Mark read'),
      el(doc, 'button', { type: 'button', class: 'danger', 'data-act': 'delete', 'aria-label': `Delete “${title}”` }, 'Delete'),
    ),
  );
  return li;
}

export function listView(
  doc: Document,
  list: HTMLOListElement,
  onAction: (action: RowAction, id: string, event: Event) => void,
  locale: string,
  signal: AbortSignal,
): ListView {
  const handle = (event: Event): void => {
    const target = event.target as Element | null;
    const act = target?.closest('[data-act]')?.getAttribute('data-act') as RowAction | null;
    const id = target?.closest('li[data-id]')?.getAttribute('data-id');
    if (act && id && (event.type === 'click') === (act !== 'select')) onAction(act, id, event);
  };
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  list.addEventListener('click', handle, { signal });
  list.addEventListener('change', handle, { signal });
  // What is on screen, so a keystroke that does not change the result touches no DOM at all.
  let shownKey = '';
  return {
    render(rows, selected, limit) {
      const visible = rows.slice(0, limit);
      const key = visible.map((a) => `${a.id}:${a.read}:${a.updatedAt}:${selected.has(a.id) ? 1 : 0}`).join('|');
      if (key === shownKey && list.childElementCount === visible.length) return;
      shownKey = key;
      const frag = doc.createDocumentFragment();
      for (const a of visible) frag.append(row(doc, a, selected.has(a.id), day));
      list.replaceChildren(frag);
    },
  };
}
