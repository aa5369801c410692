/**
 * The reader's own keys (issue #23), and the "?" dialog that lists them. Single keys without Ctrl,
 * Alt or Meta, only while focus is not in a text field; the page never sees them (mount-reader stops
 * every key at the host). "L" is reserved for Listen (src/overlay/listen/), which registers its own.
 */
import { h } from './dom.js';

export type ShortcutCommand =
  'larger' | 'smaller' | 'theme' | 'font' | 'save' | 'next-related' | 'previous-related' | 'contents' | 'zap' | 'help';

export interface Shortcut {
  keys: string[];
  label: string;
  command: ShortcutCommand | null;
}

/** What the help dialog lists, in its order; `command: null` rows are handled elsewhere (Esc, Tab). */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['+'], label: 'Larger text', command: 'larger' },
  { keys: ['−'], label: 'Smaller text', command: 'smaller' },
  { keys: ['T'], label: 'Next theme (auto, light, sepia, dark)', command: 'theme' },
  { keys: ['F'], label: 'Next typeface', command: 'font' },
  { keys: ['S'], label: 'Save to your library', command: 'save' },
  { keys: ['C'], label: 'Table of contents (long articles)', command: 'contents' },
  { keys: ['J'], label: 'Next related headline', command: 'next-related' },
  { keys: ['K'], label: 'Previous related headline', command: 'previous-related' },
  { keys: ['Z'], label: 'Remove blocks by clicking them (zap)', command: 'zap' },
  { keys: ['L'], label: 'Listen: read aloud, pause, resume', command: null },
  { keys: ['?'], label: 'This list of keys', command: 'help' },
  { keys: ['Space'], label: 'Scroll down (with Shift: up)', command: null },
  { keys: ['Esc'], label: 'Close menu, dialog or the reader', command: null },
];

/** The command for a key press, or null (unknown key, a modifier held, or typing in a field). */
export function commandFor(e: KeyboardEvent): ShortcutCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return null;
  const target = e.composedPath()[0] as Element | undefined;
  if (target && (/^(input|textarea|select)$/i.test(target.localName) || (target as HTMLElement).isContentEditable)) {
    // Radio groups in the settings panel keep their arrows; letters there are still ours.
    const control = target.localName === 'input' && /^(radio|checkbox|button)$/.test((target as HTMLInputElement).type);
    if (!control) return null;
  }
  switch (e.key) {
    case '+':
    case '=':
      return 'larger';
    case '-':
    case '_':
      return 'smaller';
    case 't':
    case 'T':
      return 'theme';
    case 'f':
    case 'F':
      return 'font';
    case 's':
    case 'S':
      return 'save';
    case 'c':
    case 'C':
      return 'contents';
    case 'j':
    case 'J':
      return 'next-related';
    case 'k':
    case 'K':
      return 'previous-related';
    case 'z':
    case 'Z':
      return 'zap';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** The "Keyboard shortcuts" dialog (hidden until asked for): a modal layer inside the reader. */
export function renderHelp(doc: Document): { dialog: HTMLElement; closeButton: HTMLButtonElement } {
  const closeButton = h(doc, 'button', { type: 'button', class: 'primary' }, 'Done');
  const rows = SHORTCUTS.map((s) =>
    h(
      doc,
      'div',
      { class: 'row' },
      h(doc, 'dt', {}, ...s.keys.flatMap((k, i) => [i ? ' or ' : null, h(doc, 'kbd', {}, k)])),
      h(doc, 'dd', {}, s.label),
    ),
  );
  const dialog = h(
    doc,
    'div',
    {
      class: 'help',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'dr-help-title',
      hidden: true,
    },
    h(doc, 'h2', { id: 'dr-help-title', tabindex: -1 }, 'Keyboard shortcuts'),
    h(doc, 'dl', {}, ...rows),
    h(doc, 'div', { class: 'row end' }, closeButton),
  );
  return { dialog, closeButton };
}
