// @vitest-environment jsdom
/**
 * The content script's load-once guard: executeScript can run content.js again on the same page
 * (racing clicks, auto-clean, a restarted service worker) and the second copy must stay out of the
 * way; after an extension reload Chrome leaves the old copy running as an orphan, and the new copy
 * must take over so the orphan closes its overlay and restores the page (no stacked overlays).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const runtime = { id: 'ext' as string | undefined };
vi.mock('../../src/shell/browser.js', () => ({ browser: { runtime } }));
const { claimPage, TAKEOVER_EVENT } = await import('../../src/content/load-once.js');

beforeEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('dateline-reader/content')];
  runtime.id = 'ext';
});

describe('claimPage', () => {
  it('a second copy on the same page does nothing while the first is alive', () => {
    const first = claimPage(document);
    expect(first).not.toBeNull();
    expect(claimPage(document)).toBeNull();
    expect(first!.signal.aborted).toBe(false);
  });

  it('a copy whose extension context died (Chrome orphan after a reload) is disposed and replaced', () => {
    const orphan = claimPage(document)!;
    runtime.id = undefined; // what Chrome does to an orphaned content script
    const next = claimPage(document);
    runtime.id = 'ext';
    expect(orphan.signal.aborted).toBe(true);
    expect(next).not.toBeNull();
    expect(next!.signal.aborted).toBe(false);
  });

  it('a copy in another world hears the takeover event and ends; the new copy does not end itself', () => {
    const other = new AbortController();
    document.addEventListener(TAKEOVER_EVENT, () => other.abort(), { signal: other.signal });
    const next = claimPage(document)!;
    expect(other.signal.aborted).toBe(true);
    expect(next.signal.aborted).toBe(false);
    // …and a later takeover ends this one once it is an orphan itself.
    runtime.id = undefined;
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    expect(next.signal.aborted).toBe(true);
  });

  it('a takeover event from page script does not end a live copy (the page cannot close the reader)', () => {
    const live = claimPage(document)!;
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    document.documentElement.dispatchEvent(new CustomEvent(TAKEOVER_EVENT, { bubbles: true }));
    expect(live.signal.aborted).toBe(false);
    // The same event ends it once Chrome has orphaned it (extension reloaded: runtime.id is gone).
    runtime.id = undefined;
    document.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    expect(live.signal.aborted).toBe(true);
  });
});
