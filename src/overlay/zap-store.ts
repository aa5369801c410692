/**
 * The zapped blocks of each site, in storage.local (they are about this browser's reading, not
 * settings to sync): { "news.example": ["p:sign up for our newsletter…", …] }. At most 100 per site;
 * the oldest go first.
 */
import { StorageItem } from '../shell/storage.js';
import type { ZapStore } from './zap.js';

const MAX_PER_SITE = 100;
const zappedItem = new StorageItem<Record<string, string[]>>('zappedBlocks', {}, 'local');

export const storedZaps: ZapStore = {
  async load(site) {
    const all = await zappedItem.get();
    const list = all[site];
    return Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : [];
  },
  async save(site, signatures) {
    const all = { ...(await zappedItem.get()) };
    if (signatures.length) all[site] = signatures.slice(-MAX_PER_SITE);
    else delete all[site];
    await zappedItem.set(all);
  },
};
