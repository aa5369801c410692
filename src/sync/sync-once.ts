/**
 * One sync pass (issue #25): server → mirror (CouchDB replication), mirror → library, library →
 * mirror, mirror → server. Replication keeps its checkpoints in `_local` documents on both sides,
 * so a pass interrupted by the background being stopped resumes from there, and the bridge keeps
 * its own (bridge.ts). Works with any PouchDB pair: IndexedDB mirror + HTTP remote in the
 * extension, memory + HTTP in the tests.
 */
import { applyIncoming, pendingChanges, pushLocal, type MirrorDb, type SyncContext } from './bridge.js';

export interface SyncReport {
  /** Documents received from / sent to the server. */
  received: number;
  sent: number;
  /** Articles written into / deleted from the library. */
  written: number;
  deleted: number;
  /** Documents left out: their article could not be read. */
  unreadable: number;
  /** Library changes put into the mirror (and sent). */
  put: number;
  removed: number;
  pending: number;
}

interface ReplicationResult {
  docs_written: number;
}

/** PouchDB's replication: a promise that also emits each batch written. */
interface Replication extends Promise<ReplicationResult> {
  on(event: 'change', listener: (info: ReplicationResult) => void): Replication;
}

/** Where a pass is, for the status line ("Sent 120 of 400 articles…"); `total` when known. */
export interface SyncProgress {
  phase: 'receive' | 'send';
  done: number;
  total?: number;
}

/** "Received 120 of 400 articles…", "Sent 120 of 400 articles…" (counts of server documents). */
export function describeProgress(p: SyncProgress, locale?: string): string {
  const n = (x: number): string => x.toLocaleString(locale);
  const verb = p.phase === 'receive' ? 'Received' : 'Sent';
  return p.total ? `${verb} ${n(p.done)} of ${n(p.total)} articles…` : `${verb} ${n(p.done)} articles…`;
}

/**
 * The PouchDB surface this module uses (PouchDB's own @types redeclare Node's global Buffer and
 * break the project's type-check, so they are not installed).
 */
export interface Pouch extends MirrorDb {
  replicate: {
    from(remote: Pouch, options?: Record<string, unknown>): Replication;
    to(remote: Pouch, options?: Record<string, unknown>): Replication;
  };
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  allDocs(options: Record<string, unknown>): Promise<{ rows: Array<{ id: string; value: { rev: string } }> }>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

export async function syncOnce(
  ctx: SyncContext & { mirror: Pouch },
  remote: Pouch,
  onProgress?: (p: SyncProgress) => void,
): Promise<SyncReport> {
  // Into an empty mirror (a first sync) everything on the server comes: that is the total.
  const first = onProgress && (await ctx.mirror.info()).update_seq === 0;
  const incoming = first ? (await remote.info()).doc_count : undefined;
  const pulled = await ctx.mirror.replicate
    .from(remote, { batch_size: 25 })
    .on('change', (i) => onProgress?.({ phase: 'receive', done: i.docs_written, total: incoming }));
  const applied = await applyIncoming(ctx);
  const pushed = await pushLocal(ctx);
  const outgoing = pushed.put + pushed.removed;
  const sent = await ctx.mirror.replicate
    .to(remote, { batch_size: 25 })
    .on('change', (i) =>
      onProgress?.({ phase: 'send', done: i.docs_written, total: Math.max(outgoing, i.docs_written) }),
    );
  return {
    received: pulled.docs_written,
    sent: sent.docs_written,
    ...applied,
    ...pushed,
    pending: await pendingChanges(ctx),
  };
}
