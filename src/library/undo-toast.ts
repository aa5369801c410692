/**
 * "Deleted 3 articles — Undo". The delete has already happened (so closing the page keeps it);
 * Undo puts back exactly what was removed. One toast at a time: a newer delete makes the older one final.
 * The countdown waits while the pointer is over the toast or focus is in it (time to reach Undo,
 * WCAG 2.2.1), and starts again in full when both have left.
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
  let hovered = false;
  let focused = false;
  const hide = (): void => {
    clearTimeout(timer);
    pending = null;
    box.hidden = true;
  };
  const countdown = (): void => {
    clearTimeout(timer);
    if (!hovered && !focused) timer = setTimeout(hide, timeoutMs);
  };
  const holding = (set: (on: boolean) => void, on: boolean) => (): void => {
    set(on);
    if (pending) countdown();
  };
  box.addEventListener(
    'pointerenter',
    holding((on) => (hovered = on), true),
  );
  box.addEventListener(
    'pointerleave',
    holding((on) => (hovered = on), false),
  );
  box.addEventListener(
    'focusin',
    holding((on) => (focused = on), true),
  );
  box.addEventListener(
    'focusout',
    holding((on) => (focused = on), false),
  );
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
      countdown();
    },
    hide,
  };
}
