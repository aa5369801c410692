/**
 * A failed sync pass in words a reader can act on (issue #25): PouchDB's HTTP errors carry the
 * server's status; the browser's network failures are TypeErrors; the sync's own errors (wrong
 * or missing passphrase, damaged documents) already say what to do.
 */
import type { SyncConfig } from './sync-settings.js';

/** A pass's failure in words a reader can act on. */
export function plainSyncError(e: unknown, cfg: Pick<SyncConfig, 'url' | 'database' | 'user'>): string {
  const status = (e as { status?: number } | null)?.status;
  if (status === 401) return 'The server refused the user name or password (401): check them in Sync settings.';
  if (status === 403) return `The user "${cfg.user}" may not use the database "${cfg.database}" (403).`;
  if (status === 404) return `The database "${cfg.database}" is no longer on the server.`;
  const message = e instanceof Error ? e.message : String(e ?? '');
  if (e instanceof TypeError || /fetch|network/i.test(message))
    return `Can't reach ${cfg.url}: the next sync will try again.`;
  return message || 'Sync failed for an unknown reason.';
}
