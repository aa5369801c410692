/**
 * Messages of library sync (issue #25): the library page asks, the background (the only context
 * allowed to connect out) acts.
 */
import type { CheckResult, SyncServerConfig } from '../../sync/check-server.js';
import type { SyncConfig, SyncStatus } from '../../sync/sync-settings.js';

export type SyncToBackground = {
  /** "Test connection": what exactly is wrong, in plain words. */
  'sync:check': { request: { config: SyncServerConfig }; response: CheckResult };
  /** Create the missing database (after a `missing` check). */
  'sync:create-db': { request: { config: SyncServerConfig }; response: CheckResult };
  /** Save the configuration, turn sync on and run a first pass. */
  'sync:enable': { request: { config: Omit<SyncConfig, 'enabled'> }; response: SyncStatus };
  'sync:now': { request: Record<string, never>; response: SyncStatus };
  'sync:status': { request: Record<string, never>; response: SyncStatus };
  /** Stop syncing; the local library stays as it is. */
  'sync:disable': { request: Record<string, never>; response: SyncStatus };
  /** Re-encrypt the library on the server with a new passphrase (confirmed by the user first). */
  'sync:change-passphrase': { request: { passphrase: string }; response: CheckResult };
  /** Delete the database on the server (confirmed by the user first); turns sync off. */
  'sync:remove-from-server': { request: Record<string, never>; response: CheckResult };
};
