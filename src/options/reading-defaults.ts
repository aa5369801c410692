/**
 * The options page's "Reading defaults": theme, font and text size, the same storage.sync settings
 * the reader's Aa menu writes (overlay/settings.ts). The page itself takes the chosen theme, and
 * follows changes made in a reader meanwhile.
 */
import {
  LIMITS,
  loadReaderSettings,
  normalizeSettings,
  readerSettingsItem,
  type ReaderSettings,
} from '../overlay/settings.js';

export function applyTheme(doc: Document, theme: string): void {
  if (theme === 'auto' || !theme) delete doc.documentElement.dataset.theme;
  else doc.documentElement.dataset.theme = theme;
}

export function setUpReadingDefaults(doc: Document): void {
  const radios = (name: string): HTMLInputElement[] =>
    Array.from(doc.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${name}"]`));
  const size = doc.getElementById('size') as HTMLOutputElement;
  const preview = doc.getElementById('preview') as HTMLElement;
  const down = doc.getElementById('size-down') as HTMLButtonElement;
  const up = doc.getElementById('size-up') as HTMLButtonElement;
  let current: ReaderSettings | null = null;

  const show = (s: ReaderSettings): void => {
    current = s;
    for (const r of radios('theme')) r.checked = r.value === s.theme;
    for (const r of radios('font')) r.checked = r.value === s.font;
    size.textContent = `${s.fontSize} px`;
    preview.style.fontSize = `${s.fontSize}px`;
    for (const f of ['sans', 'humanist', 'mono']) preview.classList.toggle(f, s.font === f);
    down.disabled = s.fontSize <= LIMITS.fontSize.min;
    up.disabled = s.fontSize >= LIMITS.fontSize.max;
    applyTheme(doc, s.theme);
  };
  const change = (patch: Partial<ReaderSettings>): void => {
    if (!current) return;
    const next = normalizeSettings({ ...current, ...patch });
    show(next);
    void readerSettingsItem.set(next).catch(() => undefined);
  };

  for (const r of radios('theme')) {
    r.addEventListener('change', () => change({ theme: r.value as ReaderSettings['theme'] }));
  }
  for (const r of radios('font')) {
    r.addEventListener('change', () => change({ font: r.value as ReaderSettings['font'] }));
  }
  down.addEventListener('click', () => current && change({ fontSize: current.fontSize - LIMITS.fontSize.step }));
  up.addEventListener('click', () => current && change({ fontSize: current.fontSize + LIMITS.fontSize.step }));
  void loadReaderSettings().then(show);
  try {
    readerSettingsItem.onChanged((s) => show(normalizeSettings(s)));
  } catch {
    // storage.sync unavailable: the controls still work for this page.
  }
}
