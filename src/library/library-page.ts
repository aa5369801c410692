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
 *   3. the search rows are read in chunks (search-cache.ts) into the in-memory index; a search typed
 *      meanwhile is answered on what is loaded and says so ("still loading"), and each chunk
 *      completes it: mark 'library:index-ready' when all are in.
 * For measurements (bench/library.bench.mjs, e2e specs) the page dispatches `library:rendered` on
 * the document after every list render ({count, shown, ms, partial}).
 */
import type { ReaderHandle } from '../overlay/index.js';
import { openLibrary, type LibraryDatabase } from '../store/database.js';
import { listArticles, getChanged, newestArticles, damagedIds } from '../store/read-articles.js';
import { loadSearchRows, packOf, stampOf, writeSearchPacks } from '../store/search-cache.js';
import { deleteArticles, restoreArticles, setRead } from '../store/edit-articles.js';
import {
  exportEntry, exportLibrary, importLibrary, LIBRARY_FILE_FORMAT, LIBRARY_FILE_VERSION, type ImportReport, type LibraryFileEntry,
} from '../store/library-file.js';
import { storageUse } from '../store/storage-use.js';
import { SearchIndex } from '../store/search-index.js';
import { onLibraryChange } from '../store/library-events.js';
import { librarySettingsItem } from '../store/library-settings.js';
import { LibraryError, libraryErrorMessage } from '../store/library-error.js';
import type { ArticleSummary, ImageMode } from '../store/record.js';
import { applyQuery, DEFAULT_QUERY, facets, type ListQuery, type SortKey } from './list-query.js';
import { listView, type RowAction } from './list-view.js';
import { undoToast } from './undo-toast.js';
import { openSavedArticle } from './saved-reader.js';
import { downloadFile } from './download.js';
import { byId, el } from './dom.js';
import { formatBytes, isoDay, plural } from './format.js';

/** Rows drawn per page of results: a screenful or three, so a keystroke redraws little. */
const PAGE = 50;

export async function startLibraryPage(doc: Document, signal: AbortSignal): Promise<void> {
  const win = doc.defaultView!;
  const locale = win.navigator.language;
  const $ = <T extends HTMLElement>(id: string): T => byId<T>(doc, id);
  const banner = $('banner');
  const report = $('report');
  const search = $<HTMLInputElement>('search');
  const shown = $('shown');
  const empty = $('empty');
  const more = $<HTMLButtonElement>('more');
  const selectAll = $<HTMLInputElement>('select-all');
  const bulk = { read: $<HTMLButtonElement>('bulk-read'), unread: $<HTMLButtonElement>('bulk-unread'), del: $<HTMLButtonElement>('bulk-delete') };
  const filters = {
    sort: $<HTMLSelectElement>('sort'), site: $<HTMLSelectElement>('site'), lang: $<HTMLSelectElement>('lang'),
    from: $<HTMLInputElement>('from'), to: $<HTMLInputElement>('to'), read: $<HTMLSelectElement>('read'),
  };
  const repair = {
    box: $('repair'), text: $('repair-text'),
    exportBtn: $<HTMLButtonElement>('repair-export'), del: $<HTMLButtonElement>('repair-delete'),
  };
  const downloadJson = (name: string, data: unknown): void =>
    downloadFile(doc, name, new Blob([JSON.stringify(data)], { type: 'application/json' }));
  const fail = (e: unknown): void => {
    banner.textContent = e instanceof Error ? e.message : String(e);
  };

  let db: LibraryDatabase;
  try {
    db = await openLibrary({ onVersionChange: () => (banner.textContent = libraryErrorMessage('version-change')) });
  } catch (e) {
    fail(e);
    doc.body.dataset.state = 'error';
    return;
  }
  signal.addEventListener('abort', () => db.close(), { once: true });
  // Ask the browser not to evict the library under storage pressure (unlimitedStorage already
  // exempts it in Chrome; Firefox may show nothing or grant silently for extensions).
  void win.navigator.storage?.persist?.().catch(() => false);

  let all: ArticleSummary[] = [];
  let rows: ArticleSummary[] = [];
  let query: ListQuery = { ...DEFAULT_QUERY };
  let limit = PAGE;
  const selected = new Set<string>();
  let renderSeq = 0;
  let reader: ReaderHandle | null = null;
  const toast = undoToast(doc);
  /** Resolves when `all` holds every summary (render waits for it: filters on a first page would lie). */
  let markListed!: () => void;
  let listed = new Promise<void>((resolve) => (markListed = resolve));

  /**
   * The search: `index` is complete for the articles it was built from (kept, and updated in
   * place, while a rebuild runs); `building` grows chunk by chunk and answers until the first
   * index is complete. `stamps` say which version of each article a row came from (the cache
   * written back must not pair a new stamp with old text).
   */
  interface Search { index: SearchIndex; stamps: Map<string, string> }
  let index: Search | null = null;
  let building: { search: Search; stop: AbortController; done: Promise<void> } | null = null;
  const dirtyPacks = new Set<number>();
  const idle = (f: () => void, timeout: number): void => {
    const ric = (win as Window & { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    if (ric) ric(f, { timeout });
    else setTimeout(f, 200);
  };

  /** (Re)builds the search from the summaries now in `all`; a running build is abandoned. */
  function buildSearch(): Promise<void> {
    building?.stop.abort();
    const stop = new AbortController();
    const stopped = AbortSignal.any([signal, stop.signal]);
    const search: Search = { index: new SearchIndex([]), stamps: new Map() };
    const from = all;
    const done = (async () => {
      const dirty = await loadSearchRows(db, from, {
        signal: stopped,
        onRows: (chunk) => {
          for (const c of chunk) search.stamps.set(c.row.id, c.stamp);
          search.index.addNew(chunk.map((c) => c.row));
          // A search typed during the first build is answered on what is in so far: complete it.
          if (!index && searchText()) void render().catch(fail);
        },
      });
      if (stopped.aborted) return;
      building = null;
      index = search;
      dirty.forEach((k) => dirtyPacks.add(k));
      if (!performance.getEntriesByName('library:index-ready').length) performance.mark('library:index-ready');
      if (searchText()) await render();
      saveCacheSoon();
    })().catch((e: unknown) => {
      // Not stuck "still loading" after a failed read: the next search starts a new build.
      if (building?.stop === stop) building = null;
      throw e;
    });
    building = { search, stop, done };
    return done;
  }

  /**
   * Writes the packs that no longer match what the page holds, when the page is idle (a cache: failure
   * is harmless).
   */
  function saveCacheSoon(): void {
    if (!dirtyPacks.size) return;
    idle(() => {
      if (!index || building || !dirtyPacks.size || signal.aborted) return;
      const packs = [...dirtyPacks];
      dirtyPacks.clear();
      const held = index;
      const rowsOut = (function* () {
        for (const row of held.index.rows()) {
          const stamp = held.stamps.get(row.id);
          if (stamp !== undefined) yield { row, stamp };
        }
      })();
      void writeSearchPacks(db, packs, rowsOut).catch(() => packs.forEach((k) => dirtyPacks.add(k)));
    }, 2000);
  }

  const searchText = (): string => search.value.trim();

  const view = listView(doc, $<HTMLOListElement>('list'), (act, id, event) => void onRow(act, id, event).catch(fail), locale, signal);

  function fillSelect(select: HTMLSelectElement, values: Array<[string, number]>, allLabel: string, label: (v: string) => string): void {
    const current = select.value;
    select.replaceChildren(el(doc, 'option', { value: '' }, allLabel), ...values.map(([v, n]) => el(doc, 'option', { value: v }, `${label(v)} (${n})`)));
    select.value = values.some(([v]) => v === current) ? current : '';
  }

  const langName = (code: string): string => {
    try {
      return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };

  /** Applies the query and the search to the summaries and redraws the list. */
  async function render(): Promise<void> {
    const seq = ++renderSeq;
    const t0 = performance.now();
    await listed;
    if (seq !== renderSeq) return; // a newer keystroke already rendered
    const text = searchText();
    if (text && !index && !building) void buildSearch().catch(fail);
    const searching = index ?? building?.search ?? null;
    const hits = text ? searching!.index.query(text) : null;
    const partial = Boolean(text && !index);
    rows = applyQuery(all, query, hits);
    if (selected.size) {
      const present = new Set(all.map((a) => a.id));
      for (const id of selected) if (!present.has(id)) selected.delete(id);
    }
    view.render(rows, selected, limit);
    more.hidden = rows.length <= limit;
    empty.hidden = rows.length > 0 || partial;
    empty.textContent = all.length === 0 ? 'Nothing saved yet. Open a news article in the reader and press Save (Alt+Shift+S).' : 'No saved article matches.';
    const count = rows.length === all.length ? plural(all.length, 'article', 'articles', locale) : `${rows.length} of ${plural(all.length, 'article', 'articles', locale)}`;
    // Said, not hidden: the answer so far covers only the articles whose text is loaded.
    shown.textContent = partial ? `${count} · still loading the search (${searching!.index.size} of ${all.length} searched)` : count;
    doc.body.classList.toggle('search-partial', partial);
    updateBulk();
    showRepair();
    const ms = performance.now() - t0;
    doc.dispatchEvent(new win.CustomEvent('library:rendered', { detail: { count: rows.length, shown: Math.min(rows.length, limit), ms, partial } }));
  }

  /** Step 1 of opening: the newest page of summaries, drawn before the rest is read. */
  async function showFirstPage(): Promise<void> {
    const first = await newestArticles(db, PAGE);
    all = first.rows;
    rows = first.rows;
    view.render(rows, selected, limit);
    more.hidden = first.total <= limit;
    empty.hidden = first.total > 0;
    empty.textContent = 'Nothing saved yet. Open a news article in the reader and press Save (Alt+Shift+S).';
    shown.textContent = plural(first.total, 'article', 'articles', locale);
    doc.dispatchEvent(new win.CustomEvent('library:rendered', { detail: { count: first.total, shown: rows.length, ms: 0, partial: false } }));
  }

  function updateBulk(): void {
    const n = selected.size;
    for (const b of Object.values(bulk)) b.disabled = n === 0;
    bulk.del.textContent = n ? `Delete ${n}` : 'Delete';
    const visible = rows.slice(0, limit);
    selectAll.checked = visible.length > 0 && visible.every((a) => selected.has(a.id));
    selectAll.indeterminate = !selectAll.checked && visible.some((a) => selected.has(a.id));
  }

  /** Re-reads every summary; `searchChanged`: articles were added, replaced or deleted (not just marked read). */
  async function refresh(searchChanged = true): Promise<void> {
    const reading = listArticles(db).then((list) => {
      all = list;
    });
    listed = reading.catch(() => undefined);
    await reading;
    // The search keeps answering from the index it has until the rebuild (cache-fast) replaces it.
    if (searchChanged && (index || building)) void buildSearch().catch(fail);
    const f = facets(all);
    fillSelect(filters.site, f.sites, 'All sites', (s) => s);
    fillSelect(filters.lang, f.langs, 'All languages', langName);
    query = { ...query, site: filters.site.value, lang: filters.lang.value };
    await render();
    void showStorage();
  }

  /**
   * A save from another tab: update just those articles. Re-reading 5,000 summaries per save would
   * also hold up the next save (its write waits for this page's read), measured at seconds.
   */
  async function applyChanges(ids: string[]): Promise<void> {
    if (!ids.length) return refresh();
    const { summaries, search: rowsChanged } = await getChanged(db, ids);
    const byId = new Map(all.map((a) => [a.id, a] as const));
    ids.forEach((id, i) => {
      const s = summaries[i];
      if (s) byId.set(id, s);
      else byId.delete(id);
    });
    all = [...byId.values()].sort((a, b) => b.savedAt - a.savedAt);
    if (building) {
      // Its rows were checked against the summaries it started from: start again from these.
      void buildSearch().catch(fail);
    } else if (index) {
      const held = index;
      ids.forEach((id, i) => {
        const row = rowsChanged[i];
        const summary = summaries[i];
        if (row && summary) {
          held.index.upsert(row);
          held.stamps.set(id, stampOf(summary));
        } else {
          held.index.remove(id);
          held.stamps.delete(id);
        }
        dirtyPacks.add(packOf(id));
      });
      saveCacheSoon();
    }
    const f = facets(all);
    fillSelect(filters.site, f.sites, 'All sites', (s) => s);
    fillSelect(filters.lang, f.langs, 'All languages', langName);
    await render();
    void showStorage();
  }

  async function showStorage(): Promise<void> {
    const u = await storageUse(db, win.navigator.storage, all);
    const parts = [
      plural(u.articles, 'article', 'articles', locale),
      plural(u.images, 'image', 'images', locale),
      `${formatBytes(u.textBytes + u.imageBytes, locale)} ` +
        `(text ${formatBytes(u.textBytes, locale)}, images ${formatBytes(u.imageBytes, locale)})`,
    ];
    if (u.usage !== null && u.quota !== null) parts.push(`browser storage: ${formatBytes(u.usage, locale)} used of ${formatBytes(u.quota, locale)}`);
    if (u.persisted) parts.push('kept under storage pressure');
    $('storage').textContent = parts.join(' · ');
  }

  async function remove(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const titles = all.filter((a) => ids.includes(a.id)).map((a) => a.title);
    const deleted = await deleteArticles(db, ids);
    for (const id of ids) selected.delete(id);
    await refresh();
    toast.show(ids.length === 1 ? `Deleted “${titles[0] ?? ''}”` : `Deleted ${ids.length} articles`, async () => {
      try {
        await restoreArticles(db, deleted);
        await refresh();
      } catch (e) {
        fail(e);
      }
    });
  }

  async function open(id: string): Promise<void> {
    reader?.close();
    reader = await openSavedArticle(doc, db, id, {
      onClose: () => {
        reader = null;
        if (win.location.hash) win.history.replaceState(null, '', win.location.pathname);
      },
      onChanged: () => void refresh(false).catch(fail),
      onDelete: (gone) => void remove([gone]).catch(fail),
    });
    if (win.location.hash !== `#article=${id}`) win.history.replaceState(null, '', `#article=${encodeURIComponent(id)}`);
  }

  async function onRow(act: RowAction, id: string, event: Event): Promise<void> {
    if (act === 'open') return open(id);
    if (act === 'delete') return remove([id]);
    if (act === 'toggle-read') {
      const a = all.find((x) => x.id === id);
      await setRead(db, [id], !a?.read);
      return refresh(false);
    }
    if (act === 'select') {
      if ((event.target as HTMLInputElement).checked) selected.add(id);
      else selected.delete(id);
      (event.target as Element).closest('li')?.classList.toggle('selected', selected.has(id));
      updateBulk();
    }
  }

  /**
   * Articles whose stored details the library cannot show (record-check.ts): listed mended, and
   * named here with a way to keep a copy (their records exactly as stored) or delete them.
   * `startFailed`: the list itself could not be drawn; the banner then offers the whole library.
   */
  let startFailed = false;
  function showRepair(): void {
    if (startFailed) return;
    const damaged = all.filter((a) => a.problem);
    repair.box.hidden = damaged.length === 0;
    if (!damaged.length) return;
    const one = damaged.length === 1;
    const first = damaged[0]!;
    repair.text.textContent =
      `${plural(damaged.length, 'saved article has', 'saved articles have', locale)} damaged details` +
      ` (“${first.title || 'Untitled article'}”: ${first.problem}${one ? '' : '; …'}).` +
      ` ${one ? 'It is' : 'They are'} listed with what could be read. Export ${one ? 'it' : 'them'} to keep a copy` +
      ` exactly as stored, or delete ${one ? 'it' : 'them'}.`;
    repair.exportBtn.textContent = one ? 'Export it (JSON)' : 'Export them (JSON)';
    repair.del.textContent = one ? 'Delete it' : `Delete ${damaged.length}`;
  }

  async function exportDamaged(): Promise<void> {
    if (startFailed) {
      const file = await exportLibrary(db);
      downloadJson(`dateline-library-${isoDay()}.json`, file);
      report.textContent = `Exported ${plural(file.articles.length, 'article', 'articles', locale)}.`;
      return;
    }
    const entries: LibraryFileEntry[] = [];
    for (const a of all.filter((x) => x.problem)) {
      const e = await exportEntry(db, a.id);
      if (e) entries.push(e);
    }
    const exportedAt = new Date().toISOString();
    const file = { format: LIBRARY_FILE_FORMAT, version: LIBRARY_FILE_VERSION, exportedAt, articles: entries };
    downloadJson(`dateline-library-damaged-${isoDay()}.json`, file);
    report.textContent = `Exported ${plural(entries.length, 'damaged article', 'damaged articles', locale)}.`;
  }

  async function deleteDamaged(): Promise<void> {
    const ids = startFailed ? await damagedIds(db) : all.filter((a) => a.problem).map((a) => a.id);
    if (!ids.length) {
      report.textContent = 'No damaged article was found. Export the library to keep a copy, then reload this page.';
      return;
    }
    if (!startFailed) return remove(ids);
    await deleteArticles(db, ids);
    const n = plural(ids.length, 'damaged article', 'damaged articles', locale);
    report.textContent = `Deleted ${n}. Reload this page to see the library.`;
  }

  function describe(r: ImportReport): string {
    const lines = [`Imported ${r.imported}, replaced ${r.replaced} older, ${r.unchanged} already in the library.`];
    if (r.renamed.length) {
      const n = plural(r.renamed.length, 'entry was', 'entries were', locale);
      lines.push(`${n} imported as a separate article (nothing was replaced):`);
      for (const p of r.renamed.slice(0, 50)) lines.push(`  #${p.index + 1}${p.title ? ` “${p.title}”` : ''}: ${p.reason}`);
      if (r.renamed.length > 50) lines.push(`  … and ${r.renamed.length - 50} more`);
    }
    if (r.problems.length) {
      lines.push(`${plural(r.problems.length, 'entry', 'entries', locale)} could not be imported:`);
      for (const p of r.problems.slice(0, 50)) lines.push(`  #${p.index + 1}${p.title ? ` “${p.title}”` : ''}: ${p.reason}`);
      if (r.problems.length > 50) lines.push(`  … and ${r.problems.length - 50} more`);
    }
    return lines.join('\n');
  }

  // ---- wiring ----
  const on = <K extends keyof HTMLElementEventMap>(target: HTMLElement, type: K, f: (e: HTMLElementEventMap[K]) => unknown): void =>
    target.addEventListener(type, (e) => void Promise.resolve(f(e)).catch(fail), { signal });

  on(search, 'input', () => {
    limit = PAGE;
    return render();
  });
  for (const key of ['sort', 'site', 'lang', 'from', 'to', 'read'] as const) {
    on(filters[key], 'change', () => {
      query = { sort: filters.sort.value as SortKey, site: filters.site.value, lang: filters.lang.value, from: filters.from.value, to: filters.to.value, read: filters.read.value as ListQuery['read'] };
      $('range-label').textContent = query.sort === 'saved' ? 'Saved' : 'Published';
      limit = PAGE;
      return render();
    });
  }
  on(more, 'click', () => {
    limit += PAGE * 5;
    return render();
  });
  on(selectAll, 'change', () => {
    for (const a of rows.slice(0, limit)) {
      if (selectAll.checked) selected.add(a.id);
      else selected.delete(a.id);
    }
    return render();
  });
  on(bulk.read, 'click', async () => {
    await setRead(db, [...selected], true);
    await refresh(false);
  });
  on(bulk.unread, 'click', async () => {
    await setRead(db, [...selected], false);
    await refresh(false);
  });
  on(bulk.del, 'click', () => remove([...selected]));
  on(repair.exportBtn, 'click', exportDamaged);
  on(repair.del, 'click', deleteDamaged);
  on($('export'), 'click', async () => {
    const file = await exportLibrary(db);
    downloadJson(`dateline-library-${isoDay()}.json`, file);
    report.textContent = `Exported ${plural(file.articles.length, 'article', 'articles', locale)}.`;
  });
  const fileInput = $<HTMLInputElement>('import-file');
  on($('import'), 'click', () => fileInput.click());
  on(fileInput, 'change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    report.textContent = `Importing ${file.name}…`;
    try {
      const r = await importLibrary(db, await file.text());
      report.textContent = describe(r);
    } catch (e) {
      report.textContent = e instanceof LibraryError ? e.message : `Import failed: ${String(e)}`;
    }
    await refresh();
  });
  const imageMode = $<HTMLSelectElement>('image-mode');
  void librarySettingsItem.get().then((s) => (imageMode.value = s.images), () => undefined);
  on(imageMode, 'change', () => librarySettingsItem.update({ images: imageMode.value as ImageMode }));
  // Saves from other tabs arrive in bursts (a shortcut held down, an import elsewhere): refresh once.
  let changeTimer: ReturnType<typeof setTimeout> | undefined;
  const changed = new Set<string>();
  onLibraryChange((ids) => {
    ids.forEach((id) => changed.add(id));
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => {
      const batch = [...changed];
      changed.clear();
      void applyChanges(batch).catch(fail);
    }, 300);
  }, signal);

  let opening: Promise<void> | null = null;
  try {
    await showFirstPage();
    doc.body.dataset.state = 'loading';
    performance.mark('library:first-rows');
    const deep = /^#article=(.+)$/.exec(win.location.hash);
    opening = deep ? open(decodeURIComponent(deep[1]!)).catch(fail) : null;
    await refresh(false).finally(markListed);
  } catch (e) {
    // Never stuck "loading" with nothing said: say what failed and offer the way out.
    startFailed = true;
    doc.body.dataset.state = 'error';
    const why = e instanceof Error ? e.message : String(e);
    banner.textContent = `The library could not be listed. Your saved articles are still stored. (${why})`;
    repair.text.textContent =
      'Export the whole library to keep a copy of everything, or delete the articles the library cannot read.';
    repair.exportBtn.textContent = 'Export library (JSON)';
    repair.del.textContent = 'Delete damaged articles';
    repair.box.hidden = false;
    return;
  }
  doc.body.dataset.state = 'ready';
  performance.mark('library:ready');
  await opening;
  // Load the search now, not on the first keystroke: it reads in chunks, so the page stays
  // responsive meanwhile (waiting for an idle period cost up to 300 ms on a busy machine).
  if (!index && !building) void buildSearch().catch(fail);
}
