/**
 * A saved article in the same reader view as on the page (the overlay's mountReader, same themes and
 * settings, live-synced), offline: stored images are inlined as data: URLs. Its toolbar adds what
 * only the library can do: export it, mark it unread, show the earlier version, delete it.
 */
import {
  bindStoredSettings,
  loadReaderSettings,
  mountReader,
  type ReaderAction,
  type ReaderHandle,
} from '../overlay/index.js';
import type { LibraryDatabase } from '../store/database.js';
import { getFullArticle, listVersions } from '../store/read-articles.js';
import { offlineContent } from '../store/offline-content.js';
import { toExtractResult } from '../store/article-record.js';
import { articleToHtml, exportFileName } from '../store/export-html.js';
import { articleToMarkdown } from '../store/export-markdown.js';
import { setRead } from '../store/edit-articles.js';
import type { FullArticle } from '../store/record.js';
import { mendBody, mendRecord } from '../store/record-check.js';
import { downloadFile } from './download.js';
import { formatDay } from './format.js';

export interface SavedReaderHooks {
  onClose(): void;
  /** The article changed (read state): refresh the list. */
  onChanged(): void;
  /** Delete was chosen in the reader (the reader is already closing). */
  onDelete(id: string): void;
}

export async function openSavedArticle(
  doc: Document,
  db: LibraryDatabase,
  id: string,
  hooks: SavedReaderHooks,
  version?: number,
): Promise<ReaderHandle> {
  const current = await getFullArticle(db, id);
  let full: FullArticle = current;
  let label = '';
  if (version !== undefined) {
    const v = (await listVersions(db, id))[version];
    if (v) {
      full = { record: mendRecord({ ...v.article, id }), body: mendBody({ ...v.body, id }), images: current.images };
      const day = formatDay(v.savedAt, doc.defaultView?.navigator.language);
      label = `Earlier version, saved ${day || 'at an unknown date'}`;
    }
  }
  const content = await offlineContent(full, doc);
  // The favicon was not stored: showing the publisher's would contact it from the library.
  const article = { ...toExtractResult(full.record, full.body), content, favicon: null };
  const settings = await loadReaderSettings();
  if (!current.record.read) {
    await setRead(db, [id], true);
    hooks.onChanged();
  }
  let persist: (s: typeof settings) => void = () => {};
  const actions: ReaderAction[] = [
    {
      id: 'export-html',
      label: 'Export HTML',
      title: 'Download this article as one HTML file, images included',
      run: async () => {
        downloadFile(
          doc,
          exportFileName(full.record.title, 'html'),
          new Blob([await articleToHtml(full, doc)], { type: 'text/html' }),
        );
        return 'HTML file downloaded';
      },
    },
    {
      id: 'export-md',
      label: 'Export Markdown',
      title: 'Download this article as Markdown with front matter',
      run: () => {
        downloadFile(
          doc,
          exportFileName(full.record.title, 'md'),
          new Blob([articleToMarkdown(full, doc)], { type: 'text/markdown' }),
        );
        return 'Markdown file downloaded';
      },
    },
    {
      id: 'mark-unread',
      label: 'Mark unread',
      run: async () => {
        await setRead(db, [id], false);
        hooks.onChanged();
        return 'Marked unread';
      },
    },
  ];
  if (version === undefined && current.record.versions > 0) {
    actions.push({
      id: 'earlier-version',
      label: 'Earlier version',
      title: `This article was saved again; show the text as it was before (${current.record.versions} kept)`,
      run: async () => {
        handle.close();
        await openSavedArticle(doc, db, id, hooks, 0);
      },
    });
  }
  actions.push({
    id: 'delete',
    label: 'Delete',
    run: () => {
      handle.close();
      hooks.onDelete(id);
    },
  });
  const handle = mountReader(doc, article, {
    settings,
    force: true,
    actions,
    onSettingsChange: (s) => persist(s),
    onClose: hooks.onClose,
  });
  persist = bindStoredSettings(handle, handle.signal);
  const note = [label, full.record.images.note].filter(Boolean).join(' — ');
  if (note) handle.announce(note);
  return handle;
}
