/**
 * Articles whose stored details the library cannot show (record-check.ts): listed mended, and
 * named in a banner with a way to keep a copy (their records exactly as stored) or delete them.
 * `startFailed()`: the list itself could not be drawn; the banner then offers the whole library.
 */
import type { LibraryDatabase } from '../store/database.js';
import { damagedIds } from '../store/read-articles.js';
import { deleteArticles } from '../store/edit-articles.js';
import {
  exportEntry,
  exportLibrary,
  LIBRARY_FILE_FORMAT,
  LIBRARY_FILE_VERSION,
  type LibraryFileEntry,
} from '../store/library-file.js';
import type { ArticleSummary } from '../store/record.js';
import { byId } from './dom.js';
import { isoDay, plural } from './format.js';

export interface RepairBanner {
  /** Shows (or hides) the banner for the damaged articles among `all`. */
  show(all: readonly ArticleSummary[]): void;
  startFailed(): void;
}

export interface RepairOptions {
  locale: string;
  report(text: string): void;
  download(name: string, data: unknown): void;
  /** Deletes with undo, as the list does. */
  remove(ids: string[]): Promise<void>;
}

export function repairBanner(doc: Document, db: LibraryDatabase, o: RepairOptions): RepairBanner {
  const box = byId(doc, 'repair');
  const text = byId(doc, 'repair-text');
  const exportBtn = byId<HTMLButtonElement>(doc, 'repair-export');
  const del = byId<HTMLButtonElement>(doc, 'repair-delete');
  let failed = false;
  let damaged: ArticleSummary[] = [];

  async function exportDamaged(): Promise<void> {
    if (failed) {
      const file = await exportLibrary(db);
      o.download(`dateline-library-${isoDay()}.json`, file);
      o.report(`Exported ${plural(file.articles.length, 'article', 'articles', o.locale)}.`);
      return;
    }
    const entries: LibraryFileEntry[] = [];
    for (const a of damaged) {
      const e = await exportEntry(db, a.id);
      if (e) entries.push(e);
    }
    const exportedAt = new Date().toISOString();
    const file = { format: LIBRARY_FILE_FORMAT, version: LIBRARY_FILE_VERSION, exportedAt, articles: entries };
    o.download(`dateline-library-damaged-${isoDay()}.json`, file);
    o.report(`Exported ${plural(entries.length, 'damaged article', 'damaged articles', o.locale)}.`);
  }

  async function deleteDamaged(): Promise<void> {
    const ids = failed ? await damagedIds(db) : damaged.map((a) => a.id);
    if (!ids.length) {
      o.report('No damaged article was found. Export the library to keep a copy, then reload this page.');
      return;
    }
    if (!failed) return o.remove(ids);
    await deleteArticles(db, ids);
    const n = plural(ids.length, 'damaged article', 'damaged articles', o.locale);
    o.report(`Deleted ${n}. Reload this page to see the library.`);
  }

  const run = (f: () => Promise<void>) => () =>
    void f().catch((e: unknown) => o.report(e instanceof Error ? e.message : String(e)));
  exportBtn.addEventListener('click', run(exportDamaged));
  del.addEventListener('click', run(deleteDamaged));

  return {
    show(all) {
      if (failed) return;
      damaged = all.filter((a) => a.problem);
      box.hidden = damaged.length === 0;
      if (!damaged.length) return;
      const one = damaged.length === 1;
      const first = damaged[0]!;
      text.textContent =
        `${plural(damaged.length, 'saved article has', 'saved articles have', o.locale)} damaged details` +
        ` (“${first.title || 'Untitled article'}”: ${first.problem}${one ? '' : '; …'}).` +
        ` ${one ? 'It is' : 'They are'} listed with what could be read. Export ${one ? 'it' : 'them'} to keep a copy` +
        ` exactly as stored, or delete ${one ? 'it' : 'them'}.`;
      exportBtn.textContent = one ? 'Export it (JSON)' : 'Export them (JSON)';
      del.textContent = one ? 'Delete it' : `Delete ${damaged.length}`;
    },
    startFailed() {
      failed = true;
      text.textContent =
        'Export the whole library to keep a copy of everything, or delete the articles the library cannot read.';
      exportBtn.textContent = 'Export library (JSON)';
      del.textContent = 'Delete damaged articles';
      box.hidden = false;
    },
  };
}
