// @vitest-environment jsdom
/**
 * The delete toast (undo-toast.ts): it goes after its time unless the pointer is over it or focus is
 * in it (time to reach Undo, WCAG 2.2.1); once both have left, it stays its full time again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { undoToast } from '../../src/library/undo-toast.js';

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML =
    '<button id="elsewhere">x</button><div id="toast" hidden><span id="toast-text"></span>' +
    '<button id="toast-undo" type="button">Undo</button></div>';
});
afterEach(() => vi.useRealTimers());

const box = (): HTMLElement => document.getElementById('toast')!;
const undoButton = (): HTMLButtonElement => document.getElementById('toast-undo') as HTMLButtonElement;

describe('undo toast', () => {
  it('goes after its time when nobody is near it', () => {
    const toast = undoToast(document, 10_000);
    toast.show('Deleted 1 article', async () => {});
    vi.advanceTimersByTime(9_999);
    expect(box().hidden).toBe(false);
    vi.advanceTimersByTime(1);
    expect(box().hidden).toBe(true);
  });

  it('stays while Undo has focus or the pointer is over it, and Undo still works', async () => {
    const undo = vi.fn(async () => {});
    const toast = undoToast(document, 10_000);
    toast.show('Deleted 1 article', undo);
    undoButton().focus();
    vi.advanceTimersByTime(60_000);
    expect(box().hidden).toBe(false);
    box().dispatchEvent(new Event('pointerenter'));
    document.getElementById('elsewhere')!.focus();
    vi.advanceTimersByTime(60_000);
    expect(box().hidden).toBe(false);
    box().dispatchEvent(new Event('pointerleave'));
    vi.advanceTimersByTime(9_999);
    expect(box().hidden).toBe(false);
    undoButton().click();
    expect(undo).toHaveBeenCalledOnce();
    expect(box().hidden).toBe(true);
  });

  it('after both have left it goes after its full time again', () => {
    const toast = undoToast(document, 10_000);
    toast.show('Deleted 1 article', async () => {});
    vi.advanceTimersByTime(8_000);
    undoButton().focus();
    document.getElementById('elsewhere')!.focus();
    vi.advanceTimersByTime(9_999);
    expect(box().hidden).toBe(false);
    vi.advanceTimersByTime(1);
    expect(box().hidden).toBe(true);
  });
});
