/**
 * A tally of the work the core's scans do (nodes visited, characters scanned, matches compared), for
 * tests that hold that work linear in page size by counting it instead of timing it (issue #17: a
 * page built to make a scan quadratic froze its own tab). Adding to a number is all it costs; nothing
 * reads it outside tests, and it says nothing about the page that the page does not already know.
 */
export const workTally = { count: 0 };

/** Counts `n` units of work (an iteration, a comparison, a character read). */
export function work(n = 1): void {
  workTally.count += n;
}
