/**
 * Typed storage, one item per key (after fregante/webext-storage's StorageItem<T>): each setting
 * is declared once with its default, its type is derived from the default, and reads always
 * return a complete value (stored fields over defaults, so adding a field needs no migration).
 * Small settings live in storage.sync (they follow the user); articles never do (IndexedDB).
 */
import { browser } from './browser.js';

type Area = 'sync' | 'local' | 'session';

export class StorageItem<T> {
  constructor(
    readonly key: string,
    readonly defaults: T,
    readonly area: Area = 'sync',
  ) {}

  private get store() {
    // storage.session is Chrome 102+/Firefox 115+; both targets have it.
    return browser.storage[this.area];
  }

  private merge(stored: unknown): T {
    if (stored === undefined || stored === null) return structuredClone(this.defaults);
    if (
      typeof this.defaults === 'object' &&
      this.defaults !== null &&
      !Array.isArray(this.defaults) &&
      typeof stored === 'object'
    ) {
      return { ...structuredClone(this.defaults), ...(stored as object) } as T;
    }
    return stored as T;
  }

  async get(): Promise<T> {
    const got = await this.store.get(this.key);
    return this.merge(got[this.key]);
  }

  async set(value: T): Promise<void> {
    await this.store.set({ [this.key]: value });
  }

  /** Shallow update of an object item. */
  async update(patch: Partial<T>): Promise<T> {
    const next = { ...(await this.get()), ...patch } as T;
    await this.set(next);
    return next;
  }

  async remove(): Promise<void> {
    await this.store.remove(this.key);
  }

  /** Calls back with the new value whenever it changes (in any context); stops when `signal` aborts. */
  onChanged(callback: (value: T) => void, signal?: AbortSignal): void {
    const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string): void => {
      if (areaName === this.area && this.key in changes) callback(this.merge(changes[this.key]!.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
  }
}
