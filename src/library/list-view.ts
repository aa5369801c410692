/**
 * The list of saved articles: one row per article (thumbnail, title, site, dateline, saved date,
 * reading time, a two-line excerpt, read state, selection, actions), rendered a page at a time so
 * 5,000 articles never become 5,000
 * rows on screen while typing a search. Clicks are delegated: one listener for the whole list.
 */
import type { ArticleSummary } from '../store/record.js';
import { el } from './dom.js';

export type RowAction = 'open' | 'select' | 'toggle-read' | 'delete' | 'menu';

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

/** One field of a row, isolated: an Arabic title never reorders the English details next to it. */
function field(doc: Document, cls: string, text: string, attrs: Record<string, string> = {}): HTMLElement {
  return el(doc, 'bdi', { class: cls, dir: 'auto', ...attrs }, text);
}

/** The row's actions: shown on hover and focus (quick), and in the row's ⋯ menu (touch, narrow screens). */
function actions(doc: Document, a: ArticleSummary, title: string): HTMLElement {
  const readLabel = a.read ? 'Mark unread' : 'Mark read';
  const menuId = `menu-${a.id}`;
  return el(
    doc,
    'div',
    { class: 'side' },
    el(
      doc,
      'span',
      { class: 'quick' },
      el(
        doc,
        'button',
        { type: 'button', 'data-act': 'toggle-read', 'aria-label': `${readLabel}: “${title}”` },
        readLabel,
      ),
      el(
        doc,
        'button',
        { type: 'button', class: 'danger', 'data-act': 'delete', 'aria-label': `Delete “${title}”` },
        'Delete',
      ),
    ),
    el(
      doc,
      'button',
      {
        type: 'button',
        class: 'menu-button',
        'data-act': 'menu',
        'aria-expanded': 'false',
        'aria-controls': menuId,
        'aria-label': `More actions for “${title}”`,
      },
      '⋯',
    ),
    el(
      doc,
      'div',
      { class: 'row-menu', id: menuId, hidden: true },
      el(doc, 'button', { type: 'button', 'data-act': 'open' }, 'Open'),
      el(doc, 'button', { type: 'button', 'data-act': 'toggle-read' }, readLabel),
      el(doc, 'button', { type: 'button', class: 'danger', 'data-act': 'delete' }, 'Delete'),
    ),
  );
}

/** The first letter of the site, for a row without a picture. */
const initial = (a: ArticleSummary): string => (a.siteName || a.site || '?').trim().charAt(0).toUpperCase();

/** `day` is created once per list: an Intl.DateTimeFormat costs ~1 ms to construct, 100 rows redraw per keystroke. */
function row(doc: Document, a: ArticleSummary, selected: boolean, day: Intl.DateTimeFormat): HTMLLIElement {
  const title = a.title || a.url || 'Untitled article';
  const dateline = a.dateline?.text || (a.publishedAt ? dayOf(day, a.publishedAt) : '');
  const saved = dayOf(day, a.savedAt);
  const li = el(doc, 'li', {
    class: `row${a.read ? ' read' : ''}${selected ? ' selected' : ''}`,
    'data-id': a.id,
    tabindex: -1,
  });
  const box = el(doc, 'input', { type: 'checkbox', 'data-act': 'select', 'aria-label': `Select “${title}”` });
  box.checked = selected;
  const n = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
  li.append(
    box,
    el(doc, 'div', { class: 'thumb', 'aria-hidden': 'true', 'data-thumb': a.leadImage ? '1' : undefined }, initial(a)),
    el(
      doc,
      'div',
      { class: 'body' },
      el(
        doc,
        'button',
        { type: 'button', class: 'title', 'data-act': 'open', dir: 'auto', lang: a.lang ?? undefined },
        a.read ? '' : el(doc, 'span', { class: 'unread-dot', title: 'Unread', 'aria-label': 'Unread', role: 'img' }),
        title,
      ),
      el(
        doc,
        'div',
        { class: 'meta' },
        field(doc, 'site', a.siteName || a.site),
        dateline ? field(doc, 'dateline', dateline) : null,
        saved ? field(doc, 'saved', `Saved ${saved}`) : null,
        a.problem ? field(doc, 'damaged', 'Damaged: some details could not be read', { title: a.problem }) : null,
        a.readingMinutes ? field(doc, 'minutes', `${a.readingMinutes} min read`) : null,
        a.versions ? field(doc, 'versions', `${n(a.versions, 'earlier version', 'earlier versions')}`) : null,
        a.images.skipped
          ? field(doc, 'images-note', n(a.images.skipped, 'image as links', 'images as links'), {
              title: a.images.note ?? '',
            })
          : null,
      ),
      a.excerpt ? el(doc, 'p', { class: 'excerpt', dir: 'auto', lang: a.lang ?? undefined }, a.excerpt) : null,
    ),
    actions(doc, a, title),
  );
  return li;
}

/**
 * The row of an article whose record the list could not draw at all: still there, and still
 * deletable, so one bad record never hides the rest of the list.
 */
function fallbackRow(doc: Document, id: string): HTMLLIElement {
  return el(
    doc,
    'li',
    { class: 'row damaged-row', 'data-id': id },
    el(
      doc,
      'div',
      {},
      el(doc, 'button', { type: 'button', class: 'title', 'data-act': 'open' }, 'An article the library cannot show'),
      el(
        doc,
        'div',
        { class: 'meta' },
        el(doc, 'span', { class: 'damaged' }, 'Damaged: its details could not be read'),
      ),
    ),
    el(
      doc,
      'div',
      { class: 'side' },
      el(
        doc,
        'button',
        { type: 'button', class: 'danger', 'data-act': 'delete', 'aria-label': 'Delete the damaged article' },
        'Delete',
      ),
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

/** Closes every open row menu but `keep`; focus returns to the menu's button when it was inside. */
function closeMenus(list: HTMLElement, keep?: Element | null): void {
  for (const m of list.querySelectorAll<HTMLElement>('.row-menu:not([hidden])')) {
    if (m === keep) continue;
    const button = m.parentElement?.querySelector<HTMLElement>('.menu-button');
    const hadFocus = m.contains(m.ownerDocument.activeElement);
    m.hidden = true;
    button?.setAttribute('aria-expanded', 'false');
    if (hadFocus) button?.focus();
  }
}

function toggleMenu(list: HTMLElement, button: Element): void {
  const menu = button.parentElement?.querySelector<HTMLElement>('.row-menu');
  if (!menu) return;
  closeMenus(list, menu);
  menu.hidden = !menu.hidden;
  button.setAttribute('aria-expanded', String(!menu.hidden));
  if (!menu.hidden) menu.querySelector('button')?.focus();
}

/**
 * `thumbnail`: the article's stored lead image as a data: URL (never a remote load), or null. Asked
 * for the rows drawn, once per article version.
 */
export function listView(
  doc: Document,
  list: HTMLOListElement,
  onAction: (action: RowAction, id: string, event: Event) => void,
  locale: string,
  signal: AbortSignal,
  thumbnail: (a: ArticleSummary) => Promise<string | null> = async () => null,
): ListView {
  const handle = (event: Event): void => {
    const target = event.target as Element | null;
    const actor = target?.closest('[data-act]');
    const act = actor?.getAttribute('data-act') as RowAction | null;
    const id = target?.closest('li[data-id]')?.getAttribute('data-id');
    if (event.type === 'click' && act === 'menu') return toggleMenu(list, actor!);
    if (event.type === 'click') closeMenus(list);
    if (act && id && (event.type === 'click') === (act !== 'select')) onAction(act, id, event);
  };
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  list.addEventListener('click', handle, { signal });
  list.addEventListener('change', handle, { signal });
  doc.addEventListener(
    'click',
    (e) => {
      if (!list.contains(e.target as Node)) closeMenus(list);
    },
    { signal },
  );
  list.addEventListener(
    'keydown',
    (e) => {
      if (e.key === 'Escape' && list.querySelector('.row-menu:not([hidden])')) {
        e.preventDefault();
        e.stopPropagation();
        closeMenus(list);
      }
    },
    { signal },
  );
  // Tabbing out of an open menu closes it (focus stays where the user moved it).
  list.addEventListener(
    'focusout',
    (e) => {
      const menu = (e.target as Element).closest('.side');
      const to = (e as FocusEvent).relatedTarget as Node | null;
      if (menu && (!to || !menu.contains(to))) {
        const open = menu.querySelector<HTMLElement>('.row-menu:not([hidden])');
        if (open && to) {
          open.hidden = true;
          menu.querySelector('.menu-button')?.setAttribute('aria-expanded', 'false');
        }
      }
    },
    { signal },
  );
  const thumbs = new Map<string, Promise<string | null>>();
  const fillThumbs = (visible: readonly ArticleSummary[]): void => {
    for (const a of visible) {
      if (!a.leadImage) continue;
      const key = `${a.id}:${a.updatedAt}`;
      let url = thumbs.get(key);
      if (!url) thumbs.set(key, (url = thumbnail(a).catch(() => null)));
      void url.then((src) => {
        const li = Array.from(list.children).find((r) => r.getAttribute('data-id') === a.id);
        const box = li?.querySelector('.thumb');
        if (!src || !box || box.querySelector('img')) return;
        box.replaceChildren(el(doc, 'img', { src, alt: '', decoding: 'async' }));
      });
    }
  };
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
      fillThumbs(visible);
    },
  };
}
