/**
 * Sync's configuration and last status (issue #25), in storage.local: never storage.sync (the
 * password and passphrase must not travel through the browser vendor's account sync), never sent
 * anywhere but to the configured server (the password) or nowhere at all (the passphrase).
 */
import { StorageItem } from '../shell/storage.js';
import type { SyncServerConfig } from './check-server.js';
import type { SyncProgress } from './sync-once.js';

export interface SyncConfig extends SyncServerConfig {
  enabled: boolean;
  /** Empty: no end-to-end encryption. */
  passphrase: string;
}

export interface SyncState {
  lastSync: number | null;
  lastError: string | null;
  pending: number | null;
  /** The local mirror database last used ("Remove from server" deletes it too). */
  mirror: string | null;
  /** How far the running pass is (a first sync of a large library takes a while); null between passes. */
  progress?: SyncProgress | null;
}

export const DEFAULT_SYNC_CONFIG: SyncConfig = {
  enabled: false,
  url: '',
  database: 'dateline',
  user: '',
  password: '',
  passphrase: '',
};
export const DEFAULT_SYNC_STATE: SyncState = {
  lastSync: null,
  lastError: null,
  pending: null,
  mirror: null,
  progress: null,
};

export const syncConfigItem = new StorageItem<SyncConfig>('syncConfig', DEFAULT_SYNC_CONFIG, 'local');
export const syncStateItem = new StorageItem<SyncState>('syncState', DEFAULT_SYNC_STATE, 'local');

/** What the library page is shown (no secrets). */
export interface SyncStatus extends Omit<SyncState, 'mirror'> {
  enabled: boolean;
  url: string;
  database: string;
  user: string;
  encrypted: boolean;
  running: boolean;
}

export function statusOf(cfg: SyncConfig, state: SyncState, running: boolean): SyncStatus {
  const { mirror: _mirror, ...shown } = state;
  return {
    ...shown,
    enabled: cfg.enabled,
    url: cfg.url,
    database: cfg.database,
    user: cfg.user,
    encrypted: !!cfg.passphrase,
    running,
  };
}
