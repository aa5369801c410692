// @vitest-environment jsdom
/**
 * The library's keyboard (keyboard.ts): the key map (typing in a field is never a command, Esc leaves
 * the search), moves clamp to the list, and on a drawn list j/k move focus row by row (one row in the
 * tab order), Enter opens and Delete/# delete the row the keyboard is on, then it stays on the next one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { keyCommand, listKeys, nextIndex } from '../../src/library/keyboard.js';

const body = { tagName: 'BODY' };

describe('keyCommand', () => {
  it('maps j/k, arrows, /, Enter and Delete/# outside fields', () => {
    expect(keyCommand({ key: 'j', target: body, onRow: false })).toEqual({ kind: 'move', by: 1 });
    expect(keyCommand({ key: 'ArrowDown', target: body, onRow: true })).toEqual({ kind: 'move', by: 1 });
    expect(keyCommand({ key: 'k', target: null, onRow: false })).toEqual({ kind: 'move', by: -1 });
    expect(keyCommand({ key: '/', target: body, onRow: false })).toEqual({ kind: 'search' });
    expect(keyCommand({ key: 'Enter', target: { tagName: 'LI' }, onRow: true })).toEqual({ kind: 'open' });
    expect(keyCommand({ key: 'Delete', target: { tagName: 'LI' }, onRow: true })).toEqual({ kind: 'delete' });
    expect(keyCommand({ key: '#', target: { tagName: 'BUTTON' }, onRow: false })).toEqual({ kind: 'delete' });
  });

  it('leaves Enter on a button to the button, and modified keys to the browser', () => {
    expect(keyCommand({ key: 'Enter', target: { tagName: 'BUTTON' }, onRow: false })).toBeNull();
    expect(keyCommand({ key: 'j', ctrlKey: true, target: body, onRow: false })).toBeNull();
    expect(keyCommand({ key: 'k', metaKey: true, target: body, onRow: false })).toBeNull();
    expect(keyCommand({ key: '/', altKey: true, target: body, onRow: false })).toBeNull();
  });

  it('never takes keys typed into a field; Esc in the search goes back to the list', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) {
      for (const key of ['j', 'k', '/', '#', 'Delete', 'Enter']) {
        expect(keyCommand({ key, target: { tagName, type: 'text' }, onRow: false }), `${key} in ${tagName}`).toBeNull();
      }
    }
    expect(keyCommand({ key: 'j', target: { tagName: 'DIV', isContentEditable: true }, onRow: false })).toBeNull();
    expect(
      keyCommand({ key: 'Escape', target: { tagName: 'INPUT', id: 'search', type: 'search' }, onRow: false }),
    ).toEqual({ kind: 'leave-search' });
    expect(
      keyCommand({ key: 'Escape', target: { tagName: 'INPUT', id: 'from', type: 'date' }, onRow: false }),
    ).toBeNull();
    // A row's checkbox is not a text field: j still moves.
    expect(keyCommand({ key: 'j', target: { tagName: 'INPUT', type: 'checkbox' }, onRow: false })).toEqual({
      kind: 'move',
      by: 1,
    });
  });
});

describe('nextIndex', () => {
  it('starts at the first (down) or last (up) row, and stops at the ends', () => {
    expect(nextIndex(-1, 1, 5)).toBe(0);
    expect(nextIndex(-1, -1, 5)).toBe(4);
    expect(nextIndex(0, -1, 5)).toBe(0);
    expect(nextIndex(4, 1, 5)).toBe(4);
    expect(nextIndex(2, 1, 5)).toBe(3);
    expect(nextIndex(-1, 1, 0)).toBe(-1);
  });
});

describe('listKeys on a list', () => {
  let stop: AbortController;
  afterEach(() => stop.abort());

  function setUp(n: number) {
    document.body.innerHTML = `<input id="search" type="search"><ol id="list">${Array.from(
      { length: n },
      (_, i) => `<li data-id="a${i}" tabindex="-1"><button class="title">Title ${i}</button></li>`,
    ).join('')}</ol>`;
    const list = document.getElementById('list')!;
    const search = document.getElementById('search') as HTMLInputElement;
    const acts: string[] = [];
    stop = new AbortController();
    const keys = listKeys(document, list, search, (act, id) => acts.push(`${act}:${id}`), stop.signal);
    keys.refresh();
    const press = (key: string, target: Element = document.activeElement ?? document.body): void => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    };
    const focused = (): string | undefined => (document.activeElement as HTMLElement | null)?.dataset?.id;
    return { list, search, acts, keys, press, focused };
  }

  it('keeps one row in the tab order and moves focus with j/k', () => {
    const t = setUp(3);
    expect(Array.from(t.list.children).map((li) => (li as HTMLElement).tabIndex)).toEqual([0, -1, -1]);
    t.press('j');
    expect(t.focused()).toBe('a0');
    t.press('j');
    t.press('j');
    t.press('j');
    expect(t.focused()).toBe('a2');
    t.press('k');
    expect(t.focused()).toBe('a1');
    expect(Array.from(t.list.children).map((li) => (li as HTMLElement).tabIndex)).toEqual([-1, 0, -1]);
    expect(t.keys.current()).toBe('a1');
  });

  it('Enter opens, Delete deletes the current row and the keyboard stays on the next one', () => {
    const t = setUp(3);
    t.press('j');
    t.press('j');
    t.press('Enter');
    expect(t.acts).toEqual(['open:a1']);
    t.press('Delete');
    expect(t.acts).toEqual(['open:a1', 'delete:a1']);
    // The page redraws without the deleted row; focus was lost with it.
    t.list.querySelector('[data-id="a1"]')!.remove();
    t.keys.refresh();
    expect(t.focused()).toBe('a2');
    t.press('#');
    expect(t.acts.at(-1)).toBe('delete:a2');
  });

  it('/ goes to the search, typing there is not a command, Esc comes back to the list', () => {
    const t = setUp(2);
    t.press('j');
    t.press('/');
    expect(document.activeElement).toBe(t.search);
    t.press('j', t.search);
    expect(document.activeElement).toBe(t.search);
    t.press('Escape', t.search);
    expect(t.focused()).toBe('a0');
  });

  it("while the reader is open over the list, keys are the reader's", () => {
    const t = setUp(2);
    const reader = document.createElement('dateline-reader');
    document.documentElement.append(reader);
    t.press('j', document.body);
    t.press('Delete', document.body);
    expect(t.focused()).toBeUndefined();
    expect(t.acts).toEqual([]);
    reader.remove();
    t.press('j', document.body);
    expect(t.focused()).toBe('a0');
  });

  it('a redraw while typing in the search does not take the focus', () => {
    const t = setUp(2);
    t.press('j');
    t.search.focus();
    t.keys.refresh();
    expect(document.activeElement).toBe(t.search);
  });
});
