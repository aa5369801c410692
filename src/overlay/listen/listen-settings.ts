/**
 * Listen's settings: one typed StorageItem in storage.sync beside the reading settings (same
 * pattern as ../settings.ts: the type derived from the defaults, values read back clamped), kept
 * in its own key so the reading settings' shape and panel stay as they are.
 */
import { StorageItem } from '../../shell/storage.js';

export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

export const DEFAULT_LISTEN_SETTINGS = {
  /** Speaking rate, 0.5–3×. */
  rate: 1,
  /** Chosen voice (voiceURI) per article language (base subtag: "en", "de"). */
  voices: {} as Record<string, string>,
  /** Also read figure captions and the related headlines. */
  extras: false,
};
export type ListenSettings = typeof DEFAULT_LISTEN_SETTINGS;

export function normalizeListenSettings(raw: Partial<Record<keyof ListenSettings, unknown>>): ListenSettings {
  const rate = typeof raw.rate === 'number' && Number.isFinite(raw.rate) ? Math.min(3, Math.max(0.5, raw.rate)) : 1;
  const voices: Record<string, string> = {};
  if (raw.voices && typeof raw.voices === 'object') {
    for (const [lang, uri] of Object.entries(raw.voices as Record<string, unknown>)) {
      if (typeof uri === 'string' && uri.length < 300 && /^[a-z]{2,3}$/.test(lang)) voices[lang] = uri;
    }
  }
  return { rate, voices, extras: raw.extras === true };
}

export const listenSettingsItem = new StorageItem<ListenSettings>('listenSettings', DEFAULT_LISTEN_SETTINGS, 'sync');

export async function loadListenSettings(): Promise<ListenSettings> {
  try {
    return normalizeListenSettings(await listenSettingsItem.get());
  } catch {
    // No storage (sync disabled by policy, a page without the extension API in unit tests): defaults.
    return structuredClone(DEFAULT_LISTEN_SETTINGS);
  }
}

export function saveListenSettings(s: ListenSettings): void {
  try {
    void listenSettingsItem.set(s).catch(() => {});
  } catch {
    // As above: nothing to persist to.
  }
}
