/**
 * afterNextPaint(win, fn): runs `fn` once the next frame has been painted and the one after it has
 * begun, for work the reader's first paint does without (issue #24). A task queued from a
 * requestAnimationFrame callback runs after that frame's paint; queued from the second frame's
 * callback, it also leaves the frame that follows the first paint alone (bench:browser takes that
 * frame as the proof the first one was painted; a long task right after the paint would hold it up).
 * A page that paints no frames (a hidden tab) gets `fn` after a short timeout instead.
 */
const HIDDEN_PAGE_MS = 250;

export function afterNextPaint(win: Window, fn: () => void): void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    fn();
  };
  // (jsdom has no requestAnimationFrame unless asked to pretend: there the timeout does it)
  win.requestAnimationFrame?.(() => win.requestAnimationFrame(() => win.setTimeout(run, 0)));
  win.setTimeout(run, HIDDEN_PAGE_MS);
}
