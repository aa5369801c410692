// @vitest-environment jsdom
// @vitest-environment-options { "url": "https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/" }
/**
 * The content script's reader session (issue #24): the article is painted first and the related
 * headlines come with the second script; a reopen shows the last extraction again only while the page
 * has not changed since the reader closed — a page that changed in between is read again.
 */
import { describe, expect, it, vi } from 'vitest';

type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;
const storageListeners = new Set<StorageListener>();
const storageArea = { get: async () => ({}), set: async () => {} };
vi.mock('../../src/shell/browser.js', () => ({
  browser: {
    runtime: { id: 'ext' },
    storage: {
      sync: storageArea,
      local: storageArea,
      onChanged: {
        addListener: (l: StorageListener) => storageListeners.add(l),
        removeListener: (l: StorageListener) => storageListeners.delete(l),
      },
    },
  },
}));
type Handler = (payload: unknown) => Promise<unknown>;
const handlers: Record<string, Handler> = {};
vi.mock('../../src/shell/messages.js', () => ({
  handleMessages: (h: Record<string, Handler>) => {
    Object.assign(handlers, h);
    return () => {};
  },
  // The background's side of 'reader:extras': it runs content-later.js, which provides the extras; of
  // 'reader:dateline': it formats the dateline's times; of 'library:save': it keeps the article.
  sendToBackground: async (type: string, payload: { locale: string; article: ExtractResult }) => {
    if (type === 'reader:extras') provideExtras(READER_EXTRAS);
    if (type === 'reader:dateline') return formatDatelineTimes(payload as unknown as Dateline, payload);
    if (type === 'library:save') {
      saved.push(structuredClone(payload.article));
      return { updated: false, imagesSkipped: 0 };
    }
  },
}));
// The pause between the open's steps, as a plain task: the page's tasks queued before it run first.
vi.mock('../../src/shell/platform.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/shell/platform.js')>()),
  yieldToPage: () => new Promise<void>((resolve) => setTimeout(resolve, 0)),
}));
const saved: ExtractResult[] = [];
const { startReaderSession } = await import('../../src/content/reader-session.js');
const { formatDatelineTimes } = await import('../../src/overlay/dateline-view.js');
const { provideExtras } = await import('../../src/content/extras-slot.js');
const { READER_EXTRAS } = await import('../../src/overlay/extras.js');
const { OVERLAY_TAG } = await import('../../src/overlay/types.js');
const { PAGES } = await import('./extract-fixture.js');
import type { Dateline, ExtractResult } from '../../src/core/types.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The seed page as this window's own document (the session, the overlay and the page in one realm). */
function loadSeed(): Document {
  const html = readFileSync(path.join(PAGES, 'seed-haberler.html'), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.replaceChild(document.adoptNode(parsed.documentElement), document.documentElement);
  return document;
}
const toggle = (): Promise<unknown> => handlers['reader:toggle']!({});
const shadow = (doc: Document): ShadowRoot => doc.documentElement.querySelector(`:scope > ${OVERLAY_TAG}`)!.shadowRoot!;
const articleText = (doc: Document): string => shadow(doc).querySelector('.article-body')!.textContent ?? '';
/** Until the dialog is no longer aria-busy: the extras are in (jsdom paints no frames: a timeout stands in). */
async function filledIn(doc: Document): Promise<void> {
  for (let i = 0; i < 100 && shadow(doc).querySelector('[aria-busy="true"]'); i++)
    await new Promise((r) => setTimeout(r, 20));
}

describe('reader session', () => {
  it('opens with the article, adds the related headlines after; a reopen reads a page that changed again', async () => {
    const doc = loadSeed();
    const lifetime = new AbortController();
    startReaderSession(doc, lifetime);

    expect(await toggle()).toEqual({ open: true });
    expect(articleText(doc)).toContain('Libya has since seen the emergence of two rival seats of power');
    await filledIn(doc);
    expect(shadow(doc).querySelectorAll('.related a')).toHaveLength(14);
    expect(await toggle()).toEqual({ open: false });

    // Unchanged page: the same article again.
    expect(await toggle()).toEqual({ open: true });
    expect(articleText(doc)).toContain('Libya has since seen the emergence of two rival seats of power');
    await filledIn(doc);
    expect(shadow(doc).querySelectorAll('.related a')).toHaveLength(14);
    expect(await toggle()).toEqual({ open: false });

    // The page changes while the reader is closed: the reopen shows the page as it is now.
    const paragraph = Array.from(doc.querySelectorAll('p')).find((p) =>
      p.textContent?.includes('Libya has since seen the emergence'),
    )!;
    paragraph.textContent = 'Libya has since seen a correction published by the newsroom, replacing this paragraph.';
    expect(await toggle()).toEqual({ open: true });
    expect(articleText(doc)).toContain('a correction published by the newsroom');
    expect(articleText(doc)).not.toContain('two rival seats of power');
    await filledIn(doc);
    expect(await toggle()).toEqual({ open: false });

    // Reading settings changed elsewhere (another tab, the options page) while closed: the reopen has them.
    for (const l of storageListeners) l({ readerSettings: { newValue: { theme: 'dark', fontSize: 24 } } }, 'sync');
    expect(await toggle()).toEqual({ open: true });
    const dialog = shadow(doc).querySelector<HTMLElement>('.reader')!;
    expect(dialog.dataset.theme).toBe('dark');
    expect(dialog.style.getPropertyValue('--size')).toBe('24px');
    await filledIn(doc);
    lifetime.abort();
  });

  it('hands the page its main thread back while it reads: a task of the page runs before the reader shows', async () => {
    const doc = loadSeed();
    const lifetime = new AbortController();
    startReaderSession(doc, lifetime);
    // The page's own work (a click handler, a timer) queued as the user clicks the toolbar button.
    let readerThereWhenPageRan: boolean | null = null;
    setTimeout(() => (readerThereWhenPageRan = !!doc.documentElement.querySelector(`:scope > ${OVERLAY_TAG}`)), 0);
    expect(await toggle()).toEqual({ open: true });
    expect(readerThereWhenPageRan).toBe(false);
    expect(articleText(doc)).toContain('Libya has since seen the emergence of two rival seats of power');
    await filledIn(doc);
    lifetime.abort();
  });

  it('the dateline formatted by the background on an open; the saved article has its line of text', async () => {
    const doc = loadSeed();
    const lifetime = new AbortController();
    startReaderSession(doc, lifetime);
    expect(await toggle()).toEqual({ open: true });
    await filledIn(doc);
    const line = (shadow(doc).querySelector('.dateline')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    expect(line).toBe(`Published ${formatDatelineTimes({ published: '2019-11-15T13:42', modified: null }).published}`);
    expect(line).toMatch(/2019/);
    saved.length = 0;
    expect(await handlers['reader:save']!({})).toMatchObject({ saved: true });
    // Formatted for the library when saved (the open itself formats no line of text, issue #24).
    expect(saved[0]!.dateline.text).toMatch(/^15 Nov 2019, 13:42$|^Nov 15, 2019, 1:42\s?PM$/);
    lifetime.abort();
  });
});
