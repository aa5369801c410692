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

/** A date, or '' when `ms` is not one a DateTimeFormat can print (it throws RangeError). */
function dayOf(day: Intl.DateTimeFormat, ms: unknown): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '';
  try {
    return day.format(ms);
  } catch {
    return '';
  }
}

/** `day` is created once per list: an Intl.DateTimeFormat costs ~1 ms to construct, 100 rows redraw per keystroke. */
function row(doc: Document, a: ArticleSummary, selected: boolean, day: Intl.DateTimeFormat): HTMLLIElement {
  const title = a.title || a.url || 'Untitled article';
  const dateline = a.dateline?.text || (a.publishedAt ? dayOf(day, a.publishedAt) : '');
  const saved = dayOf(day, a.savedAt);
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
        saved ? el(doc, 'span', { class: 'saved' }, `Saved ${saved}`) : null,
        a.problem
          ? el(doc, 'span', { class: 'damaged', title: a.problem }, 'Damaged: some details could not be read')
          : null,
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

/**
 * The row of an article whose record the list could not draw at all: still there, and still
 * deletable, so one bad record never hides the rest of the list.
 */
function fallbackRow(doc: Document, id: string): HTMLLIElement {
  return el(doc, 'li', { class: 'row damaged-row', 'data-id': id },
    el(doc, 'div', {},
      el(doc, 'button', { type: 'button', class: 'title', 'data-act': 'open' }, 'An article the library cannot show'),
      el(doc, 'div', { class: 'meta' },
        el(doc, 'span', { class: 'damaged' }, 'Damaged: its details could not be read')),
    ),
    el(doc, 'div', { class: 'side' },
      el(doc, 'button',
        { type: 'button', class: 'danger', 'data-act': 'delete', 'aria-label': 'Delete the damaged article' }, 'Delete'),
    ),
  );
}

function safeRow(doc: Document, a: ArticleSummary, selected: boolean, day: Intl.DateTimeFormat): HTMLLIElement {
  try {
    return row(doc, a, selected, day);
  } catch {
    return fallbackRow(doc, String(a.id));
  }
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
      for (const a of visible) frag.append(safeRow(doc, a, selected.has(a.id), day));
      list.replaceChildren(frag);
    },
  };
}
