/**
 * The library page: the list, search-as-you-type, filters, bulk actions, delete with undo,
 * export/import, storage use, and saved articles opened in the reader. One AbortController for the
 * page's lifetime.
 *
 * Opening is staged so that the size of the library never holds up the first screen:
 *   1. the newest PAGE summaries and the count (one indexed read, ~1 ms at any size) are drawn:
 *      <body data-state="loading">, mark 'library:first-rows';
 *   2. every summary is read (filters, sort, facets, storage use need them):
 *      <body data-state="ready">, mark 'library:ready';
 *   3. the search rows are read in chunks (search-session.ts) into the in-memory index; a search typed
 *      meanwhile is answered on what is loaded and says so ("still loading"), and each chunk
 *      completes it: mark 'library:index-ready' when all are in.
 * For measurements (bench/library.bench.mjs, e2e specs) the page dispatches `library:rendered` on
 * the document after every list render ({count, shown, ms, partial}).
 *
 * startLibraryPage runs named steps over one `Page` (the elements, the state, the parts): open the
 * database, build the parts, wire the controls, open in stages. Damaged records: repair.ts.
 */
import type { ReaderHandle } from '../overlay/index.js';
import { openLibrary, type LibraryDatabase } from '../store/database.js';
import { listArticles, getChanged, newestArticles } from '../store/read-articles.js';
import { deleteArticles, restoreArticles, setRead } from '../store/edit-articles.js';
import { exportLibrary, importLibrary, type ImportReport } from '../store/library-file.js';
import { storageUse } from '../store/storage-use.js';
import { onLibraryChange } from '../store/library-events.js';
import { librarySettingsItem } from '../store/library-settings.js';
import { LibraryError, libraryErrorMessage } from '../store/library-error.js';
import type { ArticleSummary, ImageMode } from '../store/record.js';
import { loadReaderSettings, readerSettingsItem } from '../overlay/settings.js';
import { activeFilters, applyQuery, DEFAULT_QUERY, facets, type ListQuery, type SortKey } from './list-query.js';
import { listView, type ListView, type RowAction } from './list-view.js';
import { listKeys, type ListKeys } from './keyboard.js';
import { searchSession, type SearchSession } from './search-session.js';
import { undoToast, type UndoToast } from './undo-toast.js';
import { openSavedArticle } from './saved-reader.js';
import { storedThumbnail } from './thumbnail.js';
import { downloadFile } from './download.js';
import { byId, el } from './dom.js';
import { formatBytes, isoDay, plural } from './format.js';
import { repairBanner, type RepairBanner } from './repair.js';

/** Rows drawn per page of results: a screenful or three, so a keystroke redraws little. */
const PAGE = 50;
const NOTHING_SAVED = 'Nothing saved yet. Open a news article in the reader and press Save (Alt+Shift+S).';

function elements(doc: Document) {
  const $ = <T extends HTMLElement>(id: string): T => byId<T>(doc, id);
  return {
    banner: $('banner'),
    report: $('report'),
    search: $<HTMLInputElement>('search'),
    shown: $('shown'),
    empty: $('empty'),
    more: $<HTMLButtonElement>('more'),
    list: $<HTMLOListElement>('list'),
    storage: $('storage'),
    selectAll: $<HTMLInputElement>('select-all'),
    bulkBox: $('bulk-actions'),
    bulk: {
      read: $<HTMLButtonElement>('bulk-read'),
      unread: $<HTMLButtonElement>('bulk-unread'),
      del: $<HTMLButtonElement>('bulk-delete'),
    },
    filterToggle: $<HTMLButtonElement>('filter-toggle'),
    filterCount: $('filter-count'),
    filterCountText: $('filter-count-text'),
    filterBox: $('filters'),
    filterClear: $<HTMLButtonElement>('filter-clear'),
    rangeLabel: $('range-label'),
    filters: {
      sort: $<HTMLSelectElement>('sort'),
      site: $<HTMLSelectElement>('site'),
      lang: $<HTMLSelectElement>('lang'),
      from: $<HTMLInputElement>('from'),
      to: $<HTMLInputElement>('to'),
      read: $<HTMLSelectElement>('read'),
    },
    exportBtn: $<HTMLButtonElement>('export'),
    importBtn: $<HTMLButtonElement>('import'),
    importFile: $<HTMLInputElement>('import-file'),
    imageMode: $<HTMLSelectElement>('image-mode'),
  };
}
type Elements = ReturnType<typeof elements>;

/** Everything the steps share. `all`: every summary; `rows`: what the query and search keep. */
interface Page {
  doc: Document;
  win: Window & typeof globalThis;
  locale: string;
  signal: AbortSignal;
  db: LibraryDatabase;
  ui: Elements;
  state: {
    all: ArticleSummary[];
    rows: ArticleSummary[];
    query: ListQuery;
    limit: number;
    selected: Set<string>;
    reader: ReaderHandle | null;
    renderSeq: number;
    /** Resolves when `all` holds every summary (render waits: filters on a first page would lie). */
    listed: Promise<void>;
  };
  view: ListView;
  keys: ListKeys;
  search: SearchSession;
  toast: UndoToast;
  repair: RepairBanner;
  fail(e: unknown): void;
}

const searchText = (p: Page): string => p.ui.search.value.trim();

function rendered(p: Page, detail: { count: number; shown: number; ms: number; partial: boolean }): void {
  p.doc.dispatchEvent(new p.win.CustomEvent('library:rendered', { detail }));
}

/** Applies the query and the search to the summaries and redraws the list. */
async function render(p: Page): Promise<void> {
  const { state: s, ui } = p;
  const seq = ++s.renderSeq;
  const t0 = performance.now();
  await s.listed;
  if (seq !== s.renderSeq) return; // a newer keystroke already rendered
  const answer = p.search.query(searchText(p));
  s.rows = applyQuery(s.all, s.query, answer.hits);
  if (s.selected.size) {
    const present = new Set(s.all.map((a) => a.id));
    for (const id of s.selected) if (!present.has(id)) s.selected.delete(id);
  }
  p.view.render(s.rows, s.selected, s.limit);
  p.keys.refresh();
  ui.more.hidden = s.rows.length <= s.limit;
  ui.empty.hidden = s.rows.length > 0 || answer.partial;
  ui.empty.textContent = s.all.length === 0 ? NOTHING_SAVED : 'No saved article matches.';
  p.doc.body.classList.toggle('no-articles', s.all.length === 0);
  const total = plural(s.all.length, 'article', 'articles', p.locale);
  const count = s.rows.length === s.all.length ? total : `${s.rows.length} of ${total}`;
  // Said, not hidden: the answer so far covers only the articles whose text is loaded.
  ui.shown.textContent = answer.partial
    ? `${count} · still loading the search (${answer.searched} of ${s.all.length} searched)`
    : count;
  p.doc.body.classList.toggle('search-partial', answer.partial);
  updateBulk(p);
  p.repair.show(s.all);
  const ms = performance.now() - t0;
  rendered(p, { count: s.rows.length, shown: Math.min(s.rows.length, s.limit), ms, partial: answer.partial });
}

/** Step 1 of opening: the newest page of summaries, drawn before the rest is read. */
async function showFirstPage(p: Page): Promise<void> {
  const { state: s, ui } = p;
  const first = await newestArticles(p.db, PAGE);
  s.all = first.rows;
  s.rows = first.rows;
  p.view.render(s.rows, s.selected, s.limit);
  p.keys.refresh();
  ui.more.hidden = first.total <= s.limit;
  ui.empty.hidden = first.total > 0;
  ui.empty.textContent = NOTHING_SAVED;
  p.doc.body.classList.toggle('no-articles', first.total === 0);
  ui.shown.textContent = plural(first.total, 'article', 'articles', p.locale);
  rendered(p, { count: first.total, shown: s.rows.length, ms: 0, partial: false });
}

function updateBulk(p: Page): void {
  const { state: s, ui } = p;
  const n = s.selected.size;
  for (const b of Object.values(ui.bulk)) b.disabled = n === 0;
  ui.bulkBox.hidden = n === 0;
  ui.bulk.del.textContent = n ? `Delete ${n}` : 'Delete';
  const visible = s.rows.slice(0, s.limit);
  ui.selectAll.checked = visible.length > 0 && visible.every((a) => s.selected.has(a.id));
  ui.selectAll.indeterminate = !ui.selectAll.checked && visible.some((a) => s.selected.has(a.id));
}

function fillSelect(
  doc: Document,
  select: HTMLSelectElement,
  values: Array<[string, number]>,
  allLabel: string,
  label: (v: string) => string,
): void {
  const current = select.value;
  select.replaceChildren(
    el(doc, 'option', { value: '' }, allLabel),
    ...values.map(([v, n]) => el(doc, 'option', { value: v }, `${label(v)} (${n})`)),
  );
  select.value = values.some(([v]) => v === current) ? current : '';
}

function fillFacets(p: Page): void {
  const f = facets(p.state.all);
  const names = (() => {
    try {
      return new Intl.DisplayNames([p.locale], { type: 'language' });
    } catch {
      return null;
    }
  })();
  const langName = (code: string): string => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
  fillSelect(p.doc, p.ui.filters.site, f.sites, 'All sites', (v) => v);
  fillSelect(p.doc, p.ui.filters.lang, f.langs, 'All languages', langName);
  p.state.query = { ...p.state.query, site: p.ui.filters.site.value, lang: p.ui.filters.lang.value };
  showFilterCount(p);
}

/** Re-reads every summary; `searchChanged`: articles were added, replaced or deleted (not just marked read). */
async function refresh(p: Page, searchChanged = true): Promise<void> {
  const reading = listArticles(p.db).then((list) => {
    p.state.all = list;
  });
  p.state.listed = reading.catch(() => undefined);
  await reading;
  // The search keeps answering from the index it has until the rebuild (cache-fast) replaces it.
  if (searchChanged) p.search.rebuild();
  fillFacets(p);
  await render(p);
  void showStorage(p);
}

/**
 * A save from another tab: update just those articles. Re-reading 5,000 summaries per save would
 * also hold up the next save (its write waits for this page's read), measured at seconds.
 */
async function applyChanges(p: Page, ids: string[]): Promise<void> {
  if (!ids.length) return refresh(p);
  const { summaries, search: rowsChanged } = await getChanged(p.db, ids);
  const byKey = new Map(p.state.all.map((a) => [a.id, a] as const));
  ids.forEach((id, i) => {
    const s = summaries[i];
    if (s) byKey.set(id, s);
    else byKey.delete(id);
  });
  p.state.all = [...byKey.values()].sort((a, b) => b.savedAt - a.savedAt);
  p.search.apply(ids, summaries, rowsChanged);
  fillFacets(p);
  await render(p);
  void showStorage(p);
}

async function showStorage(p: Page): Promise<void> {
  const u = await storageUse(p.db, p.win.navigator.storage, p.state.all);
  const size = (n: number): string => formatBytes(n, p.locale);
  const parts = [
    plural(u.articles, 'article', 'articles', p.locale),
    plural(u.images, 'image', 'images', p.locale),
    `${size(u.textBytes + u.imageBytes)} (text ${size(u.textBytes)}, images ${size(u.imageBytes)})`,
  ];
  if (u.usage !== null && u.quota !== null) parts.push(`browser storage: ${size(u.usage)} used of ${size(u.quota)}`);
  if (u.persisted) parts.push('kept under storage pressure');
  p.ui.storage.textContent = parts.join(' · ');
}

async function remove(p: Page, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const titles = p.state.all.filter((a) => ids.includes(a.id)).map((a) => a.title);
  const deleted = await deleteArticles(p.db, ids);
  for (const id of ids) p.state.selected.delete(id);
  await refresh(p);
  p.toast.show(ids.length === 1 ? `Deleted “${titles[0] ?? ''}”` : `Deleted ${ids.length} articles`, async () => {
    try {
      await restoreArticles(p.db, deleted);
      await refresh(p);
    } catch (e) {
      p.fail(e);
    }
  });
}

async function openArticle(p: Page, id: string): Promise<void> {
  const { win } = p;
  p.state.reader?.close();
  p.state.reader = await openSavedArticle(p.doc, p.db, id, {
    onClose: () => {
      p.state.reader = null;
      if (win.location.hash) win.history.replaceState(null, '', win.location.pathname);
    },
    onChanged: () => void refresh(p, false).catch(p.fail),
    onDelete: (gone) => void remove(p, [gone]).catch(p.fail),
  });
  if (win.location.hash !== `#article=${id}`) {
    win.history.replaceState(null, '', `#article=${encodeURIComponent(id)}`);
  }
}

async function onRow(p: Page, act: RowAction, id: string, event: Event): Promise<void> {
  if (act === 'open') return openArticle(p, id);
  if (act === 'delete') return remove(p, [id]);
  if (act === 'toggle-read') {
    const a = p.state.all.find((x) => x.id === id);
    await setRead(p.db, [id], !a?.read);
    return refresh(p, false);
  }
  if (act === 'select') {
    if ((event.target as HTMLInputElement).checked) p.state.selected.add(id);
    else p.state.selected.delete(id);
    (event.target as Element).closest('li')?.classList.toggle('selected', p.state.selected.has(id));
    updateBulk(p);
  }
}

function describeImport(r: ImportReport, locale: string): string {
  const lines = [`Imported ${r.imported}, replaced ${r.replaced} older, ${r.unchanged} already in the library.`];
  const list = (items: ImportReport['problems']): void => {
    for (const x of items.slice(0, 50)) {
      lines.push(`  #${x.index + 1}${x.title ? ` “${x.title}”` : ''}: ${x.reason}`);
    }
    if (items.length > 50) lines.push(`  … and ${items.length - 50} more`);
  };
  if (r.renamed.length) {
    const n = plural(r.renamed.length, 'entry was', 'entries were', locale);
    lines.push(`${n} imported as a separate article (nothing was replaced):`);
    list(r.renamed);
  }
  if (r.problems.length) {
    lines.push(`${plural(r.problems.length, 'entry', 'entries', locale)} could not be imported:`);
    list(r.problems);
  }
  return lines.join('\n');
}

const on = <K extends keyof HTMLElementEventMap>(
  p: Page,
  target: HTMLElement | Document,
  type: K,
  f: (e: HTMLElementEventMap[K]) => unknown,
): void =>
  target.addEventListener(type, (e) => void Promise.resolve(f(e as HTMLElementEventMap[K])).catch(p.fail), {
    signal: p.signal,
  });

function showFilterCount(p: Page): void {
  const n = activeFilters(p.state.query);
  p.ui.filterCount.hidden = n === 0;
  p.ui.filterCount.textContent = String(n);
  p.ui.filterCountText.textContent = n ? ` (${n} active)` : '';
  p.ui.filterClear.disabled = n === 0 && p.state.query.sort === DEFAULT_QUERY.sort;
}

/** The search box and the filters, which live behind one "Filter" button (with the count of those in use). */
function wireSearchAndFilters(p: Page): void {
  const { ui } = p;
  on(p, ui.search, 'input', () => {
    p.state.limit = PAGE;
    return render(p);
  });
  const readFilters = (): void => {
    const f = ui.filters;
    p.state.query = {
      sort: f.sort.value as SortKey,
      site: f.site.value,
      lang: f.lang.value,
      from: f.from.value,
      to: f.to.value,
      read: f.read.value as ListQuery['read'],
    };
    ui.rangeLabel.textContent = p.state.query.sort === 'saved' ? 'Saved' : 'Published';
    showFilterCount(p);
    p.state.limit = PAGE;
  };
  for (const key of ['sort', 'site', 'lang', 'from', 'to', 'read'] as const) {
    on(p, ui.filters[key], 'change', () => {
      readFilters();
      return render(p);
    });
  }
  on(p, ui.filterToggle, 'click', () => {
    ui.filterBox.hidden = !ui.filterBox.hidden;
    ui.filterToggle.setAttribute('aria-expanded', String(!ui.filterBox.hidden));
    if (!ui.filterBox.hidden) ui.filters.sort.focus();
  });
  on(p, ui.filterClear, 'click', () => {
    ui.filters.sort.value = DEFAULT_QUERY.sort;
    ui.filters.read.value = DEFAULT_QUERY.read;
    for (const key of ['site', 'lang', 'from', 'to'] as const) ui.filters[key].value = '';
    readFilters();
    return render(p);
  });
  showFilterCount(p);
}

function wireListActions(p: Page): void {
  const { ui, state: s } = p;
  on(p, ui.more, 'click', () => {
    s.limit += PAGE * 5;
    return render(p);
  });
  on(p, ui.selectAll, 'change', () => {
    for (const a of s.rows.slice(0, s.limit)) {
      if (ui.selectAll.checked) s.selected.add(a.id);
      else s.selected.delete(a.id);
    }
    return render(p);
  });
  on(p, ui.bulk.read, 'click', async () => {
    await setRead(p.db, [...s.selected], true);
    await refresh(p, false);
  });
  on(p, ui.bulk.unread, 'click', async () => {
    await setRead(p.db, [...s.selected], false);
    await refresh(p, false);
  });
  on(p, ui.bulk.del, 'click', () => remove(p, [...s.selected]));
}

function downloadJson(doc: Document, name: string, data: unknown): void {
  downloadFile(doc, name, new Blob([JSON.stringify(data)], { type: 'application/json' }));
}

function wireFiles(p: Page): void {
  const { ui } = p;
  on(p, ui.exportBtn, 'click', async () => {
    const file = await exportLibrary(p.db);
    downloadJson(p.doc, `dateline-library-${isoDay()}.json`, file);
    ui.report.textContent = `Exported ${plural(file.articles.length, 'article', 'articles', p.locale)}.`;
  });
  on(p, ui.importBtn, 'click', () => ui.importFile.click());
  on(p, ui.importFile, 'change', async () => {
    const file = ui.importFile.files?.[0];
    ui.importFile.value = '';
    if (!file) return;
    ui.report.textContent = `Importing ${file.name}…`;
    try {
      ui.report.textContent = describeImport(await importLibrary(p.db, await file.text()), p.locale);
    } catch (e) {
      ui.report.textContent = e instanceof LibraryError ? e.message : `Import failed: ${String(e)}`;
    }
    await refresh(p);
  });
  void librarySettingsItem.get().then(
    (s) => (ui.imageMode.value = s.images),
    () => undefined,
  );
  on(p, ui.imageMode, 'change', () => librarySettingsItem.update({ images: ui.imageMode.value as ImageMode }));
}

/** Saves from other tabs arrive in bursts (a shortcut held down, an import elsewhere): refresh once. */
function followChanges(p: Page): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changed = new Set<string>();
  onLibraryChange((ids) => {
    ids.forEach((id) => changed.add(id));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const batch = [...changed];
      changed.clear();
      void applyChanges(p, batch).catch(p.fail);
    }, 300);
  }, p.signal);
}

/** The page takes the reader's theme (light, sepia, dark or the system's), and follows changes to it. */
function followTheme(p: Page): void {
  const apply = (theme: string): void => {
    if (theme === 'auto') delete p.doc.documentElement.dataset.theme;
    else p.doc.documentElement.dataset.theme = theme;
  };
  void loadReaderSettings().then(
    (s) => apply(s.theme),
    () => undefined,
  );
  try {
    readerSettingsItem.onChanged((s) => apply(String(s.theme ?? 'auto')), p.signal);
  } catch {
    // storage.sync unavailable: the system's theme.
  }
}

async function openDatabase(ui: Elements): Promise<LibraryDatabase | null> {
  try {
    return await openLibrary({
      onVersionChange: () => (ui.banner.textContent = libraryErrorMessage('version-change')),
    });
  } catch (e) {
    ui.banner.textContent = e instanceof Error ? e.message : String(e);
    return null;
  }
}

function makePage(doc: Document, db: LibraryDatabase, ui: Elements, signal: AbortSignal): Page {
  const win = doc.defaultView!;
  const fail = (e: unknown): void => {
    ui.banner.textContent = e instanceof Error ? e.message : String(e);
  };
  const p = { doc, win, locale: win.navigator.language, signal, db, ui, fail } as unknown as Page;
  p.state = {
    all: [],
    rows: [],
    query: { ...DEFAULT_QUERY },
    limit: PAGE,
    selected: new Set(),
    reader: null,
    renderSeq: 0,
    listed: new Promise<void>(() => undefined),
  };
  p.toast = undoToast(doc);
  p.view = listView(
    doc,
    ui.list,
    (act, id, event) => void onRow(p, act, id, event).catch(fail),
    p.locale,
    signal,
    (a) => storedThumbnail(db, a),
  );
  p.keys = listKeys(doc, ui.list, ui.search, (act, id) => void onRow(p, act, id, new Event('key')).catch(fail), signal);
  p.search = searchSession({
    db,
    signal,
    summaries: () => p.state.all,
    // A search typed during the first build is answered on what is in so far: complete it.
    onProgress: () => void (searchText(p) ? render(p).catch(fail) : undefined),
    onComplete: async () => {
      if (!performance.getEntriesByName('library:index-ready').length) performance.mark('library:index-ready');
      if (searchText(p)) await render(p);
    },
    onError: fail,
  });
  p.repair = repairBanner(doc, db, {
    locale: p.locale,
    report: (text) => (ui.report.textContent = text),
    download: (name, data) => downloadJson(doc, name, data),
    remove: (ids) => remove(p, ids),
  });
  return p;
}

/** Steps 1–3 of opening (see the top of this file). */
async function openInStages(p: Page): Promise<void> {
  const { doc, win } = p;
  let opening: Promise<void> | null = null;
  let markListed!: () => void;
  p.state.listed = new Promise<void>((resolve) => (markListed = resolve));
  try {
    await showFirstPage(p);
    doc.body.dataset.state = 'loading';
    performance.mark('library:first-rows');
    const deep = /^#article=(.+)$/.exec(win.location.hash);
    opening = deep ? openArticle(p, decodeURIComponent(deep[1]!)).catch(p.fail) : null;
    await refresh(p, false).finally(markListed);
  } catch (e) {
    // Never stuck "loading" with nothing said: say what failed and offer the way out.
    doc.body.dataset.state = 'error';
    const why = e instanceof Error ? e.message : String(e);
    p.ui.banner.textContent = `The library could not be listed. Your saved articles are still stored. (${why})`;
    p.repair.startFailed();
    return;
  }
  doc.body.dataset.state = 'ready';
  performance.mark('library:ready');
  await opening;
  // Load the search now, not on the first keystroke: it reads in chunks, so the page stays
  // responsive meanwhile (waiting for an idle period cost up to 300 ms on a busy machine).
  p.search.warm();
}

export async function startLibraryPage(doc: Document, signal: AbortSignal): Promise<void> {
  const ui = elements(doc);
  const db = await openDatabase(ui);
  if (!db) {
    doc.body.dataset.state = 'error';
    return;
  }
  signal.addEventListener('abort', () => db.close(), { once: true });
  // Ask the browser not to evict the library under storage pressure (unlimitedStorage already
  // exempts it in Chrome; Firefox may show nothing or grant silently for extensions).
  void doc.defaultView!.navigator.storage?.persist?.().catch(() => false);
  const page = makePage(doc, db, ui, signal);
  followTheme(page);
  wireSearchAndFilters(page);
  wireListActions(page);
  wireFiles(page);
  followChanges(page);
  await openInStages(page);
}
