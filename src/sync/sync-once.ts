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

/**
 * The PouchDB surface this module uses (PouchDB's own @types redeclare Node's global Buffer and
 * break the project's type-check, so they are not installed).
 */
export interface Pouch extends MirrorDb {
  replicate: {
    from(remote: Pouch, options?: Record<string, unknown>): Promise<ReplicationResult>;
    to(remote: Pouch, options?: Record<string, unknown>): Promise<ReplicationResult>;
  };
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  destroy(): Promise<unknown>;
  close(): Promise<unknown>;
}

export async function syncOnce(ctx: SyncContext & { mirror: Pouch }, remote: Pouch): Promise<SyncReport> {
  const pulled = await ctx.mirror.replicate.from(remote, { batch_size: 25 });
  const applied = await applyIncoming(ctx);
  const pushed = await pushLocal(ctx);
  const sent = await ctx.mirror.replicate.to(remote, { batch_size: 25 });
  return {
    received: pulled.docs_written,
    sent: sent.docs_written,
    ...applied,
    ...pushed,
    pending: await pendingChanges(ctx),
  };
}
