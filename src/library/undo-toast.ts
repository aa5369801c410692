/**
 * "Deleted 3 articles — Undo". The delete has already happened (so closing the page keeps it);
 * Undo puts back exactly what was removed. One toast at a time: a newer delete makes the older one final.
 */
import { byId } from './dom.js';

export interface UndoToast {
  show(text: string, undo: () => Promise<void>): void;
  hide(): void;
}

export function undoToast(doc: Document, timeoutMs = 10_000): UndoToast {
  const box = byId<HTMLDivElement>(doc, 'toast');
  const label = byId<HTMLSpanElement>(doc, 'toast-text');
  const button = byId<HTMLButtonElement>(doc, 'toast-undo');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: (() => Promise<void>) | null = null;
  const hide = (): void => {
    clearTimeout(timer);
    pending = null;
    box.hidden = true;
  };
  button.addEventListener('click', () => {
    const undo = pending;
    hide();
    if (undo) void undo();
  });
  return {
    show(text, undo) {
      clearTimeout(timer);
      pending = undo;
      label.textContent = text;
      button.hidden = false;
      box.hidden = false;
      timer = setTimeout(hide, timeoutMs);
    },
    hide,
  };
}
