/**
 * afterNextPaint(win, fn): runs `fn` once the next frame has been painted, for work the reader's first
 * paint does without (issue #24). A task queued from a requestAnimationFrame callback runs after that
 * frame's paint. A page that paints no frames (a hidden tab) gets `fn` after a short timeout instead.
 */
const HIDDEN_PAGE_MS = 200;

export function afterNextPaint(win: Window, fn: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    fn();
  };
  win.requestAnimationFrame(() => win.setTimeout(run, 0));
  win.setTimeout(run, HIDDEN_PAGE_MS);
}
