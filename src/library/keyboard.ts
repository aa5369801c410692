/**
 * The library's keyboard: j/k (or ↓/↑) move between rows, Enter opens the current one, Delete or #
 * deletes it (the undo toast follows), / goes to the search, Esc leaves the search for the list.
 * `keyCommand` is the pure mapping (unit-tested); `listKeys` keeps one row focusable at a time
 * (roving tabindex) and moves focus between rows.
 */

export type KeyCommand =
  { kind: 'move'; by: 1 | -1 } | { kind: 'open' } | { kind: 'delete' } | { kind: 'search' } | { kind: 'leave-search' };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** What has focus: typing in a field never triggers a command (except Esc from the search). */
  target: { tagName?: string; isContentEditable?: boolean; id?: string; type?: string } | null;
  /** Focus is on a row itself (not on a button inside it): Enter opens, Delete deletes. */
  onRow: boolean;
}

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function keyCommand(e: KeyInput): KeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const t = e.target;
  const typing = Boolean(
    t && (t.isContentEditable || (t.tagName && TYPING.has(t.tagName.toUpperCase()) && t.type !== 'checkbox')),
  );
  if (typing) return e.key === 'Escape' && t?.id === 'search' ? { kind: 'leave-search' } : null;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return { kind: 'move', by: 1 };
    case 'k':
    case 'ArrowUp':
      return { kind: 'move', by: -1 };
    case '/':
      return { kind: 'search' };
    case 'Enter':
      return e.onRow ? { kind: 'open' } : null;
    case 'Delete':
    case '#':
      return { kind: 'delete' };
    default:
      return null;
  }
}

/** The index a move lands on: clamped to the list; from nowhere (-1), down starts at the first row. */
export function nextIndex(current: number, by: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (current < 0) return by > 0 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + by));
}

export interface ListKeys {
  /** The id of the row the keyboard is on (null: none). */
  current(): string | null;
  /** After a redraw: keep the current row focusable (or the first). */
  refresh(): void;
}

export function listKeys(
  doc: Document,
  list: HTMLElement,
  search: HTMLInputElement,
  act: (command: 'open' | 'delete', id: string) => void,
  signal: AbortSignal,
): ListKeys {
  let currentId: string | null = null;
  const rows = (): HTMLElement[] => Array.from(list.querySelectorAll<HTMLElement>(':scope > li[data-id]'));

  function focusRow(li: HTMLElement | undefined, focus = true): void {
    for (const r of rows()) {
      r.tabIndex = r === li ? 0 : -1;
      r.classList.toggle('current', r === li);
    }
    currentId = li?.dataset.id ?? null;
    if (li && focus) {
      li.focus();
      li.scrollIntoView?.({ block: 'nearest' });
    }
  }

  doc.addEventListener(
    'keydown',
    (e) => {
      if (e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      const rowOf = target?.closest?.('#list > li[data-id]') as HTMLElement | null;
      const command = keyCommand({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        target: target && target !== doc.body ? (target as KeyInput['target']) : null,
        onRow: rowOf !== null && rowOf === target,
      });
      if (!command) return;
      // While the reader is open over the list (it lives in this document), keys are its own.
      if (target?.closest?.('dateline-reader') || doc.querySelector('dateline-reader')) return;
      e.preventDefault();
      const all = rows();
      const at = all.findIndex((r) => r.dataset.id === (rowOf?.dataset.id ?? currentId));
      if (command.kind === 'move') focusRow(all[nextIndex(at, command.by, all.length)]);
      else if (command.kind === 'search') search.focus();
      else if (command.kind === 'leave-search') focusRow(all[Math.max(0, at)]);
      else if (at >= 0) {
        // After a delete the keyboard stays in the list: on the next row, or the one before.
        if (command.kind === 'delete') currentId = (all[at + 1] ?? all[at - 1])?.dataset.id ?? null;
        act(command.kind, all[at]!.dataset.id!);
      }
    },
    { signal },
  );

  list.addEventListener(
    'focusin',
    (e) => {
      const li = (e.target as HTMLElement).closest('#list > li[data-id]') as HTMLElement | null;
      if (li && li.dataset.id !== currentId) focusRow(li, false);
    },
    { signal },
  );

  return {
    current: () => currentId,
    refresh() {
      const all = rows();
      const li = all.find((r) => r.dataset.id === currentId);
      // Focus lost with a redrawn row (a delete): back to the row the keyboard is on.
      const lost = doc.activeElement === doc.body || doc.activeElement === null;
      if (li) focusRow(li, lost);
      else if (all[0]) {
        all[0].tabIndex = 0;
        for (const r of all.slice(1)) r.tabIndex = -1;
      }
    },
  };
}
