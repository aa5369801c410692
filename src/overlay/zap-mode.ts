/**
 * Zap mode in the open reader (zap.ts says what a block is and how it is remembered): a bar under
 * the toolbar says what a click does; the block under the pointer is outlined; a click removes it
 * (a link in it is not followed), remembered for the site through the ZapStore; Undo puts back this
 * view's last removal, "Restore all" everything removed on the site. Only the user's own clicks count.
 */
import { h } from './dom.js';
import { applyZaps, zapSignature, zapTarget, type ZapStore } from './zap.js';

export interface ZapMode {
  /** The bar, hidden until zap mode is on: put it under the toolbar. */
  bar: HTMLElement;
  isOn(): boolean;
  setOn(on: boolean): void;
}

interface ZapOptions {
  site: string;
  store?: ZapStore;
  signal: AbortSignal;
  /** Zap mode started (close menus) / ended (put focus back somewhere sensible). */
  onStart(): void;
  onEnd(): void;
}

export function createZapMode(doc: Document, body: HTMLElement, opts: ZapOptions): ZapMode {
  const { signal, site, store } = opts;
  let on = false;
  let remembered: string[] = [];
  const undoStack: { el: HTMLElement; sig: string | null }[] = [];

  const message = h(doc, 'p', { 'aria-live': 'polite' }, 'Click a block to remove it.');
  const undo = h(doc, 'button', { type: 'button', 'data-zap': 'undo', disabled: true }, 'Undo');
  const restore = h(doc, 'button', { type: 'button', 'data-zap': 'restore' }, 'Restore all');
  const done = h(doc, 'button', { type: 'button', class: 'primary', 'data-zap': 'done' }, 'Done');
  const bar = h(
    doc,
    'div',
    { class: 'zap-bar', role: 'region', 'aria-label': 'Remove blocks', hidden: true },
    message,
    h(doc, 'div', { class: 'row' }, undo, restore, done),
  );

  const persist = (): void => void store?.save(site, remembered).catch(() => {});
  const say = (text: string): void => {
    message.textContent = text;
  };

  let hovered: HTMLElement | null = null;
  const mark = (el: HTMLElement | null): void => {
    hovered?.classList.remove('zap-target');
    hovered = el;
    hovered?.classList.add('zap-target');
  };

  function zapBlock(el: HTMLElement): void {
    const sig = zapSignature(el);
    el.hidden = true;
    el.dataset.zapped = '';
    undoStack.push({ el, sig });
    if (sig && !remembered.includes(sig)) {
      remembered.push(sig);
      persist();
    }
    say(store && sig ? `Removed. It stays removed on ${site}.` : 'Removed.');
    undo.disabled = false;
  }

  function undoLast(): void {
    const last = undoStack.pop();
    if (!last) return;
    last.el.hidden = false;
    delete last.el.dataset.zapped;
    if (last.sig) {
      remembered = remembered.filter((s) => s !== last.sig);
      persist();
    }
    say('Put back.');
    undo.disabled = undoStack.length === 0;
  }

  function restoreAll(): void {
    for (const el of Array.from(body.querySelectorAll<HTMLElement>('[data-zapped]'))) {
      el.hidden = false;
      delete el.dataset.zapped;
    }
    undoStack.length = 0;
    remembered = [];
    persist();
    say(`Everything removed on ${site} is back.`);
    undo.disabled = true;
  }

  function setOn(next: boolean): void {
    on = next;
    bar.hidden = !on;
    body.classList.toggle('zapping', on);
    if (on) {
      opts.onStart();
      say('Click a block to remove it.');
      done.focus({ preventScroll: true });
    } else {
      mark(null);
      opts.onEnd();
    }
  }

  undo.addEventListener('click', undoLast, { signal });
  restore.addEventListener('click', restoreAll, { signal });
  done.addEventListener('click', () => setOn(false), { signal });
  body.addEventListener(
    'pointerover',
    (e) => {
      if (on) mark(zapTarget(e.target, body));
    },
    { signal },
  );
  body.addEventListener('pointerleave', () => mark(null), { signal });
  // Capture: in zap mode a click on a link removes its block instead of following it.
  body.addEventListener(
    'click',
    (e) => {
      if (!on || !e.isTrusted) return;
      const el = zapTarget(e.target, body);
      if (!el) return;
      e.preventDefault();
      e.stopPropagation();
      mark(null);
      zapBlock(el);
    },
    { capture: true, signal },
  );
  // The blocks removed earlier on this site, once storage answers.
  store
    ?.load(site)
    .then((sigs) => {
      if (signal.aborted) return;
      remembered = [...sigs];
      applyZaps(body, sigs);
    })
    .catch(() => {});

  return { bar, isOn: () => on, setOn };
}
