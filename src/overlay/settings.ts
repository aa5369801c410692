/**
 * Reading settings: one StorageItem in storage.sync (they follow the user across devices), shared by
 * the overlay on pages and the library's reader. The type is derived from the defaults; values read
 * back are clamped to what the controls can produce (sync storage is user-writable and may hold
 * anything an older version wrote).
 */
import { StorageItem } from '../shell/storage.js';

export const THEMES = ['auto', 'light', 'sepia', 'dark'] as const;
/** Typefaces: a text serif, the system UI sans, a humanist (old-style) serif, a readable monospace. */
export const FONTS = ['serif', 'sans', 'humanist', 'mono'] as const;
export type Theme = (typeof THEMES)[number];
export type Font = (typeof FONTS)[number];

export const DEFAULT_READER_SETTINGS = {
  theme: 'auto' as Theme,
  font: 'serif' as Font,
  /** Body text size in CSS px. */
  fontSize: 19,
  /** Maximum line length in `ch` of the body font (54ch ≈ 62–68 characters of running text). */
  lineWidth: 54,
  /** Unitless line height. */
  lineHeight: 1.6,
};
export type ReaderSettings = typeof DEFAULT_READER_SETTINGS;

/** What the −/+ controls step through; also the clamp ranges. */
export const LIMITS = {
  fontSize: { min: 14, max: 30, step: 1 },
  lineWidth: { min: 44, max: 96, step: 8 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
} as const;

function clamp(n: unknown, { min, max }: { min: number; max: number }, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n * 10) / 10)) : fallback;
}

export function normalizeSettings(raw: Partial<Record<keyof ReaderSettings, unknown>>): ReaderSettings {
  const d = DEFAULT_READER_SETTINGS;
  return {
    theme: THEMES.includes(raw.theme as Theme) ? (raw.theme as Theme) : d.theme,
    font: FONTS.includes(raw.font as Font) ? (raw.font as Font) : d.font,
    fontSize: clamp(raw.fontSize, LIMITS.fontSize, d.fontSize),
    lineWidth: clamp(raw.lineWidth, LIMITS.lineWidth, d.lineWidth),
    lineHeight: clamp(raw.lineHeight, LIMITS.lineHeight, d.lineHeight),
  };
}

export const readerSettingsItem = new StorageItem<ReaderSettings>('readerSettings', DEFAULT_READER_SETTINGS, 'sync');

export async function loadReaderSettings(): Promise<ReaderSettings> {
  try {
    return normalizeSettings(await readerSettingsItem.get());
  } catch {
    // storage.sync can be unavailable (sync disabled by policy, quota errors): read with defaults.
    return { ...DEFAULT_READER_SETTINGS };
  }
}

/**
 * The stored settings, read on first use and then kept current from storage's change events until
 * `signal` aborts: a reopen of the reader does not wait for a storage read (issue #24).
 */
export function liveReaderSettings(signal: AbortSignal): () => Promise<ReaderSettings> {
  let current: Promise<ReaderSettings> | null = null;
  readerSettingsItem.onChanged((s) => (current = Promise.resolve(normalizeSettings(s))), signal);
  return () => (current ??= loadReaderSettings());
}

/**
 * Wires a mounted reader to storage: its control changes are saved, and changes made elsewhere
 * (another tab, the library) are applied live, until `signal` aborts.
 */
export function bindStoredSettings(
  reader: { applySettings(s: ReaderSettings): void },
  signal: AbortSignal,
): (s: ReaderSettings) => void {
  readerSettingsItem.onChanged((s) => reader.applySettings(normalizeSettings(s)), signal);
  return (s) => void readerSettingsItem.set(s).catch(() => {});
}
