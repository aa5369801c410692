/**
 * The two-way bridge between the library (Dexie, the truth the pages read) and the replication
 * mirror (a PouchDB database that CouchDB replication reads and writes; issue #25).
 *
 *   library → mirror  `pushLocal`: every article whose summary stamp (updatedAt, read, readAt,
 *                     versions) differs from the one last synced is encoded (encrypted with a
 *                     passphrase) and put; an article gone from the library becomes a tombstone.
 *   mirror → library  `applyIncoming`: the mirror's changes feed since the bridge's own checkpoint;
 *                     each document is decoded and written with the store's functions (search rows
 *                     included), merged with this device's unsynced edit or with conflicting
 *                     revisions (merge-articles.ts), the merge written back on the winning revision.
 *
 * No echo: the bridge's state (`_local/dateline-bridge` in the mirror: never replicated) keeps, per
 * document, the local id, the stamp and the revision it last wrote or applied; a change whose
 * revision is the bridge's own is skipped, an article whose stamp is unchanged is not pushed.
 * The state is saved after every batch, so a background stopped mid-way resumes where it was;
 * redoing a batch rewrites the same article under the same id (never a duplicate).
 * A document that cannot be decrypted stops the pass before anything is written or deleted.
 */
import type { LibraryDatabase } from '../store/database.js';
import type { ArticleRecord } from '../store/record.js';
import { deleteArticles } from '../store/edit-articles.js';
import { readSyncedArticle, writeSyncedArticle, type SyncedArticle } from '../store/synced-article.js';
import {
  decodeArticle,
  docIdFor,
  encodeArticle,
  stampOf,
  UnreadableArticleError,
  type ArticleDoc,
} from './article-doc.js';
import { mergeArticles } from './merge-articles.js';
import type { SyncKeys } from './sync-crypto.js';

/** The PouchDB methods the bridge uses (a PouchDB instance satisfies it). */
export interface MirrorDb {
  get(id: string, options?: Record<string, unknown>): Promise<unknown>;
  put(doc: object): Promise<{ rev: string }>;
  bulkDocs(docs: object[]): Promise<Array<{ ok?: boolean; rev?: string; error?: string }>>;
  changes(options: Record<string, unknown>): Promise<{
    results: Array<{ id: string; seq: number | string; deleted?: boolean; changes: Array<{ rev: string }> }>;
    last_seq: number | string;
  }>;
}

interface Mark {
  /** The article's id in this device's library. */
  id: string;
  stamp: string;
  rev: string;
}

interface BridgeState {
  _id: string;
  _rev?: string;
  seq: number | string;
  marks: Record<string, Mark>;
  /**
   * Library → mirror since-cursor: articles whose `changedAt` (stamped on every write, store/database.ts)
   * is at or after it may have changed since the last push; absent → read them all. Set to the scan's
   * start less CHANGED_MARGIN_MS, so a write whose transaction began before the scan is read again.
   */
  changedSince?: number;
  /** When every summary was last read (once a day, whatever the cursor says: a clock set back is caught). */
  fullScanAt?: number;
}

export interface SyncContext {
  db: LibraryDatabase;
  mirror: MirrorDb;
  keys: SyncKeys | null;
  /** This device's per-article image cap (library settings; 0 when images are kept as links only). */
  maxImageBytes?: number;
  /** Called with the ids of articles written or deleted (the library page refreshes them). */
  onLibraryChange?: (ids: string[]) => void;
}

const STATE_ID = '_local/dateline-bridge';
const BATCH = 25;
const CHANGED_MARGIN_MS = 60_000;
const FULL_SCAN_MS = 24 * 60 * 60 * 1000;

const isNotFound = (e: unknown): boolean => (e as { status?: number } | null)?.status === 404;

async function loadState(mirror: MirrorDb): Promise<BridgeState> {
  try {
    return (await mirror.get(STATE_ID)) as BridgeState;
  } catch (e) {
    if (isNotFound(e)) return { _id: STATE_ID, seq: 0, marks: {} };
    throw e;
  }
}

async function saveState(mirror: MirrorDb, state: BridgeState): Promise<void> {
  const { rev } = await mirror.put(state);
  state._rev = rev;
}

async function getDoc(mirror: MirrorDb, id: string, options: Record<string, unknown> = {}): Promise<ArticleDoc | null> {
  try {
    return (await mirror.get(id, options)) as ArticleDoc;
  } catch (e) {
    if (isNotFound(e)) return null;
    throw e;
  }
}

async function localArticleFor(ctx: SyncContext, mark: Mark | undefined, url: string): Promise<SyncedArticle | null> {
  if (mark) {
    const byMark = await readSyncedArticle(ctx.db, mark.id);
    if (byMark) return byMark;
  }
  const byUrl = await ctx.db.articles.where('url').equals(url).first();
  return byUrl ? readSyncedArticle(ctx.db, byUrl.id) : null;
}

/** Another device's article id may already name a different article here: then it gets a new one. */
async function freeId(ctx: SyncContext, a: SyncedArticle): Promise<SyncedArticle> {
  const taken = await ctx.db.articles.get(a.record.id);
  if (!taken || taken.url === a.record.url) return a;
  const id = crypto.randomUUID();
  return mergeArticles({ ...a, record: { ...a.record, id } }, { ...a, record: { ...a.record, id } });
}

async function applyOne(ctx: SyncContext, state: BridgeState, docId: string): Promise<string | null> {
  const doc = await getDoc(ctx.mirror, docId, { attachments: true, conflicts: true });
  if (!doc) return null;
  const conflicts = doc._conflicts ?? [];
  if (!conflicts.length && doc._rev === state.marks[docId]?.rev) return null;
  let incoming = await decodeArticle(doc, ctx.keys, ctx.maxImageBytes);
  for (const rev of conflicts) {
    const other = await getDoc(ctx.mirror, docId, { rev, attachments: true });
    if (other) incoming = mergeArticles(incoming, await decodeArticle(other, ctx.keys, ctx.maxImageBytes));
  }
  const mark = state.marks[docId];
  const local = await localArticleFor(ctx, mark, incoming.record.url);
  let result: SyncedArticle;
  if (!local) result = await freeId(ctx, incoming);
  else if (mark && mark.id === local.record.id && stampOf(local.record) === mark.stamp) {
    // Unchanged here since the last sync: the other device's state replaces it (keeping the local id
    // and the images stored here: a device with a smaller image cap sends the article without some).
    const own = { ...incoming, record: { ...incoming.record, id: local.record.id } };
    result = mergeArticles(own, { ...incoming, images: local.images });
  } else result = mergeArticles(local, incoming);
  await writeSyncedArticle(ctx.db, result);
  let rev = doc._rev!;
  const differs = stampOf(result.record) !== stampOf(incoming.record) || result.body.content !== incoming.body.content;
  if (conflicts.length || differs) {
    // Write the resolution on the winning revision and close the losing ones: every device converges.
    const merged = { ...(await encodeArticle(result, ctx.keys, doc._attachments)), _rev: doc._rev };
    const losers = conflicts.map((r) => ({ _id: docId, _rev: r, _deleted: true }));
    const [written] = await ctx.mirror.bulkDocs([merged, ...losers]);
    if (written?.rev) rev = written.rev;
  }
  state.marks[docId] = { id: result.record.id, stamp: stampOf(result.record), rev };
  return result.record.id;
}

async function applyDelete(ctx: SyncContext, state: BridgeState, docId: string): Promise<string | null> {
  const mark = state.marks[docId];
  if (!mark) return null;
  delete state.marks[docId];
  const local = await ctx.db.articles.get(mark.id);
  // Edited here after the last sync: the edit wins over the other device's delete (nothing lost);
  // without a mark the next push sends it again.
  if (!local || stampOf(local) !== mark.stamp) return null;
  await deleteArticles(ctx.db, [mark.id]);
  return mark.id;
}

export interface ApplyReport {
  written: number;
  deleted: number;
  /** Documents left out because their article could not be read (never because of the passphrase). */
  unreadable: number;
}

/** Mirror → library: everything the mirror received since the last pass. */
export async function applyIncoming(ctx: SyncContext): Promise<ApplyReport> {
  const state = await loadState(ctx.mirror);
  const report: ApplyReport = { written: 0, deleted: 0, unreadable: 0 };
  for (;;) {
    const feed = await ctx.mirror.changes({ since: state.seq, limit: BATCH, style: 'all_docs' });
    const changed: string[] = [];
    for (const change of feed.results) {
      if (!change.id.startsWith('a-')) continue;
      const mark = state.marks[change.id];
      // The bridge's own write, alone (with every leaf listed: a conflict with it must still be resolved).
      if (mark && change.changes.length === 1 && change.changes[0]!.rev === mark.rev) continue;
      let id: string | null;
      try {
        id = change.deleted ? await applyDelete(ctx, state, change.id) : await applyOne(ctx, state, change.id);
      } catch (e) {
        // A damaged document is skipped (and counted); a wrong passphrase or a failing library stops the pass.
        if (!(e instanceof UnreadableArticleError)) throw e;
        report.unreadable++;
        continue;
      }
      if (!id) continue;
      changed.push(id);
      if (change.deleted) report.deleted++;
      else report.written++;
    }
    state.seq = feed.last_seq;
    await saveState(ctx.mirror, state);
    if (changed.length) ctx.onLibraryChange?.(changed);
    if (feed.results.length < BATCH) return report;
  }
}

export interface PushReport {
  put: number;
  removed: number;
}

type Summary = ArticleRecord;

/**
 * The summaries that may differ from their marks: every one on a full scan; else those written since
 * the cursor and those without a mark (a key read only: cheap). Plus every id in the library.
 */
async function candidates(
  db: LibraryDatabase,
  state: BridgeState,
  now: number,
): Promise<{ ids: Set<string>; summaries: Summary[]; full: boolean }> {
  const since = state.changedSince;
  const full =
    since === undefined || since > now || state.fullScanAt === undefined || now - state.fullScanAt > FULL_SCAN_MS;
  if (full) {
    const summaries = await db.articles.toArray();
    return { ids: new Set(summaries.map((r) => r.id)), summaries, full };
  }
  const ids = new Set(await db.articles.toCollection().primaryKeys());
  const marked = new Set(Object.values(state.marks).map((m) => m.id));
  const written = await db.articles.where('changedAt').aboveOrEqual(since).toArray();
  const seen = new Set(written.map((r) => r.id));
  const unmarked = [...ids].filter((id) => !marked.has(id) && !seen.has(id));
  const others = (await db.articles.bulkGet(unmarked)).filter((r): r is Summary => !!r);
  return { ids, summaries: [...written, ...others], full };
}

/** Library → mirror: articles changed or deleted here since they were last synced. */
export async function pushLocal(ctx: SyncContext): Promise<PushReport> {
  const state = await loadState(ctx.mirror);
  const byLocalId = new Map(Object.entries(state.marks).map(([docId, m]) => [m.id, docId] as const));
  const report: PushReport = { put: 0, removed: 0 };
  const scanStart = Date.now();
  const { ids, summaries, full } = await candidates(ctx.db, state, scanStart);
  let unsaved = 0;
  const checkpoint = async (): Promise<void> => {
    if (++unsaved >= BATCH) {
      await saveState(ctx.mirror, state);
      unsaved = 0;
    }
  };
  for (const r of summaries) {
    const known = byLocalId.get(r.id);
    if (known && state.marks[known]?.stamp === stampOf(r)) continue;
    const full = await readSyncedArticle(ctx.db, r.id);
    if (!full) continue;
    const docId = known ?? (await docIdFor(ctx.keys, r.url));
    const current = await getDoc(ctx.mirror, docId);
    const doc = await encodeArticle(full, ctx.keys, current?._attachments);
    const { rev } = await ctx.mirror.put(current ? { ...doc, _rev: current._rev } : doc);
    state.marks[docId] = { id: r.id, stamp: stampOf(full.record), rev };
    report.put++;
    await checkpoint();
  }
  for (const [docId, mark] of Object.entries(state.marks)) {
    if (ids.has(mark.id)) continue;
    const current = await getDoc(ctx.mirror, docId);
    if (current) await ctx.mirror.put({ _id: docId, _rev: current._rev, _deleted: true });
    delete state.marks[docId];
    report.removed++;
    await checkpoint();
  }
  state.changedSince = scanStart - CHANGED_MARGIN_MS;
  if (full) state.fullScanAt = scanStart;
  await saveState(ctx.mirror, state);
  return report;
}

/** How many library changes are not in the mirror yet (the status line's "pending"). */
export async function pendingChanges(ctx: Pick<SyncContext, 'db' | 'mirror'>): Promise<number> {
  const state = await loadState(ctx.mirror);
  const stamps = new Map(Object.values(state.marks).map((m) => [m.id, m.stamp] as const));
  const { ids, summaries } = await candidates(ctx.db, state, Date.now());
  let pending = summaries.filter((r) => stamps.get(r.id) !== stampOf(r)).length;
  for (const id of stamps.keys()) if (!ids.has(id)) pending++;
  return pending;
}
