/**
 * The content script's reader: answers the background's toggle/save messages, extracts the page once
 * per open, mounts the overlay, keeps the badge in sync and wires the settings to storage.
 * Everything hangs off `lifetime` (aborted when a newer copy of the script takes over).
 *
 * The extraction runs in steps, the main thread handed back to the page between them (extractArticleInSteps
 * with yieldToPage: no long task on the click, issue #24), and the overlay is built in a task of its own.
 * A fresh copy starts extracting in its first task, before the background's message arrives: the
 * background injects content.js only to open the reader or save (toggle/save right after injection),
 * and extraction is pure (it reads the page and changes nothing), so the extraction overlaps the
 * executeScript → sendMessage round trip instead of following it (issue #9: ~10 ms of the cold open).
 * The head start is used by the first open within PREFETCH_TTL_MS and then dropped; every later open
 * extracts the page as it is then, unless nothing in the page changed since the reader closed (a
 * MutationObserver watches from the close): a reopen then shows the same extraction again (issue #24).
 */
import { emptyResult, extractArticleInSteps, type PhasedExtraction } from '../core/extract.js';
import type { Dateline, ExtractResult } from '../core/types.js';
import type { DatelineTimes } from '../overlay/dateline-view.js';
import { bindStoredSettings, liveReaderSettings, type ReaderSettings } from '../overlay/settings.js';
import { mountReader } from '../overlay/mount-reader.js';
import { storedZaps } from '../overlay/zap-store.js';
import { afterNextPaint } from '../overlay/after-paint.js';
import type { ReaderExtras } from '../overlay/extras.js';
import type { ReaderHandle } from '../overlay/types.js';
import { browser } from '../shell/browser.js';
import { keepSyncLive } from '../shell/sync-live.js';
import { handleMessages, sendToBackground, type Handlers, type ToContent } from '../shell/messages.js';
import { yieldToPage } from '../shell/platform.js';
import { actionsFor } from './actions.js';
import { saveArticle } from './save-action.js';
import type { SpeechApi } from '../overlay/listen/speech-api.js';
import { providedExtras } from './extras-slot.js';

export interface SessionOptions {
  /** Listen's speech; default the window's speechSynthesis (the e2e build passes a recordable one). */
  speech?: SpeechApi | null;
}

/**
 * extract() is pure and tested on thousands of pages, but the web is larger: if it ever throws, the
 * user gets the reader's polite notice, never a dead button or a stack trace.
 */
async function safeExtract(
  doc: Document,
  url: string,
  locale: string,
  datedAt: (times: Pick<Dateline, 'published' | 'modified'>) => void,
): Promise<PhasedExtraction> {
  try {
    // In steps, the main thread handed back to the page between them: no long task on the click (issue #24).
    // The reader's clock is the runtime's own: its offset from Date, with no Intl object to name its zone.
    const utcOffset = (epoch: number): number => -new Date(epoch).getTimezoneOffset();
    return await extractArticleInSteps(doc, { url, now: new Date(), locale, utcOffset }, yieldToPage, datedAt);
  } catch (e) {
    console.warn('Dateline Reader: extraction failed', e);
    const message = 'Something on this page kept the reader from reading it.';
    return { result: { ...emptyResult(url, 'no-article', message), title: doc.title }, body: null, relatedInput: null };
  }
}

/**
 * True in test builds only (scripts/build-defines.mjs), where the benchmark's timing entries are
 * written: a store build writes nothing to the page's performance timeline, which the page can read
 * (it would reveal the extension and time the user's reading). Tested at each use, so that esbuild
 * drops the code from store builds.
 */
declare const __DATELINE_BENCH__: boolean | undefined;

/** How long a head-start extraction stays usable: the message follows the injection within milliseconds. */
const PREFETCH_TTL_MS = 2000;
/**
 * How long a reopen may show the last open's extraction again, when the page has not changed at all
 * since the reader closed (no mutation anywhere in the document): reading it again would give the same.
 */
const REOPEN_TTL_MS = 5 * 60_000;

interface Extraction {
  /**
   * extract's first phase (the related headlines come after the first paint, with the extras; the
   * dateline's `text` is formatted when the article is saved).
   */
  phased: PhasedExtraction;
  /** The dateline's times formatted by the background (asked for while the page is read), once here. */
  times: { ready: DatelineTimes | null; coming: Promise<DatelineTimes> };
  /** performance.now() when it started and ended (for the benchmark's measures). */
  start: number;
  end: number;
}

/** A task queued behind the ones waiting already (a reply from the background among them). */
const afterQueuedTasks = (doc: Document): Promise<void> =>
  new Promise((resolve) => doc.defaultView!.setTimeout(resolve, 0));

/**
 * Reads the page; its dateline's times are formatted by the background meanwhile (the page's first Intl
 * object costs ~20 ms, issue #24), asked for as soon as the dateline is found.
 */
async function extractPage(doc: Document): Promise<Extraction> {
  const start = performance.now();
  const win = doc.defaultView!;
  const locale = win.navigator.language;
  let ask: (t: Pick<Dateline, 'published' | 'modified'>) => void = () => {};
  const times: Extraction['times'] = {
    ready: null,
    coming: new Promise<DatelineTimes>((resolve, reject) => {
      ask = (t) => {
        if (!t.published && !t.modified) return resolve({ published: null, local: null, modified: null });
        sendToBackground('reader:dateline', { ...t, locale }).then(resolve, reject);
      };
    }),
  };
  times.coming.then((t) => (times.ready = t)).catch(() => {});
  const phased = await safeExtract(doc, win.location.href, locale, (t) => ask(t));
  return { phased, times, start, end: performance.now() };
}

export function startReaderSession(
  doc: Document,
  lifetime: AbortController,
  sessionOptions: SessionOptions = {},
): void {
  let reader: ReaderHandle | null = null;
  let article: ExtractResult | null = null;
  /** The open reader's extraction, whose related headlines may still be to come (addRelated). */
  let phased: PhasedExtraction | null = null;
  let opening: Promise<void> | null = null;
  /** The head-start extraction and the settings read started with it, for the first open. */
  let headStart: { extraction: Promise<Extraction>; settings: Promise<ReaderSettings> } | null = null;
  const loadReaderSettings = liveReaderSettings(lifetime.signal);

  // A task, not a microtask: the script's evaluation must end first, so that executeScript resolves in
  // the background and its message travels while we extract.
  const prefetch = setTimeout(() => {
    if (lifetime.signal.aborted || reader || opening) return;
    const settings = loadReaderSettings(); // read from storage while the page is extracted
    headStart = { settings, extraction: extractPage(doc) };
  }, 0);
  lifetime.signal.addEventListener('abort', () => clearTimeout(prefetch), { once: true });

  /** The head start's extraction (waited for when still running), unless it is too old to use. */
  const takeHeadStart = async (): Promise<{ extraction: Extraction; settings: Promise<ReaderSettings> } | null> => {
    const early = headStart;
    headStart = null;
    if (!early) return null;
    const extraction = await early.extraction;
    return performance.now() - extraction.end < PREFETCH_TTL_MS ? { extraction, settings: early.settings } : null;
  };

  /**
   * The reader's second script (content-later.js), asked of the background once per page lifetime and
   * only after a first paint: its code is neither parsed nor run on the click (issue #24).
   */
  let extrasLoading: Promise<ReaderExtras> | null = null;
  const loadExtras = (): Promise<ReaderExtras> =>
    (extrasLoading ??= sendToBackground('reader:extras', {}).then(() => {
      const extras = providedExtras();
      if (!extras) throw new Error('the reader’s second script did not load');
      return extras;
    }));
  const extrasAfterPaint = (): Promise<ReaderExtras> =>
    new Promise<void>((resolve) => afterNextPaint(doc.defaultView!, resolve)).then(loadExtras);

  /** The last open's extraction, for a reopen, with the watch that drops it at the page's first change. */
  let kept: { extraction: Extraction; url: string; until: number; watch: MutationObserver } | null = null;
  const keepWhileUnchanged = (extraction: Extraction): void => {
    const watch = new MutationObserver(() => {
      watch.disconnect();
      if (kept?.watch === watch) kept = null;
    });
    watch.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    kept = { extraction, url: doc.defaultView!.location.href, until: performance.now() + REOPEN_TTL_MS, watch };
  };
  const takeKept = (): Extraction | null => {
    const k = kept;
    kept = null;
    if (!k) return null;
    const changed = k.watch.takeRecords().length > 0;
    k.watch.disconnect();
    if (changed || performance.now() > k.until || k.url !== doc.defaultView!.location.href) return null;
    const now = performance.now();
    return { ...k.extraction, start: now, end: now };
  };
  lifetime.signal.addEventListener('abort', () => kept?.watch.disconnect(), { once: true });

  const report = (open: boolean): void => {
    // The badge is a courtesy: an orphaned script (extension reloaded) cannot reach the background.
    sendToBackground('reader:state', { open }).catch(() => {});
  };

  async function open(force: boolean): Promise<void> {
    const early = await takeHeadStart();
    const settingsLoading = early?.settings ?? loadReaderSettings();
    const reopened = early ? null : takeKept();
    const x = early?.extraction ?? reopened ?? (await extractPage(doc));
    // The overlay is built in a task of its own, not in the extraction's last. The background's formatted
    // dateline is usually back by now (it answers in ~2 ms) but waits in the task queue behind the
    // extraction's steps (scheduler.yield runs ahead of queued tasks): a plain task lets it in first.
    if (!reopened) {
      await (x.times.ready ? yieldToPage() : Promise.race([x.times.coming.catch(() => {}), afterQueuedTasks(doc)]));
    }
    const t0 = x.start;
    const extracted = x.end;
    const win = doc.defaultView!;
    article = x.phased.result;
    phased = x.phased;
    const settings = await settingsLoading;
    const settled = performance.now();
    if (lifetime.signal.aborted || reader) return;
    const session = new AbortController();
    let persist: (s: typeof settings) => void = () => {};
    reader = mountReader(doc, article, {
      settings,
      force,
      datelineTimes: x.times.ready ?? x.times.coming,
      speech: sessionOptions.speech,
      actions: actionsFor({ article, url: win.location.href }),
      zaps: storedZaps,
      body: x.phased.body,
      extras: extrasAfterPaint(),
      related: (extras) => extras.addRelated(x.phased),
      lockAfterPaint: true,
      onSettingsChange: (s) => persist(s),
      onClose: () => {
        session.abort();
        reader = null;
        report(false);
        if (!lifetime.signal.aborted) keepWhileUnchanged(x);
      },
    });
    persist = bindStoredSettings(reader, session.signal);
    // With sync on, the library follows the server while the reader is open (a save from another device lands).
    keepSyncLive(session.signal);
    if (typeof __DATELINE_BENCH__ !== 'undefined' && __DATELINE_BENCH__) {
      // For bench:browser, in test builds only: the page's performance timeline is the page's too.
      const shown = performance.now();
      performance.measure?.('dateline-reader:open', { start: t0, end: shown, detail: { ...article.timings } });
      performance.measure?.('dateline-reader:extract', { start: t0, end: extracted });
      performance.measure?.('dateline-reader:mount', { start: settled, end: shown });
      if (!x.times.ready) performance.mark?.('dateline-reader:dateline-late');
    }
    report(true);
  }

  async function toggle(force: boolean | undefined): Promise<{ open: boolean }> {
    if (opening) await opening;
    if (reader && force !== true) {
      reader.close();
      return { open: false };
    }
    if (!reader && force !== false) {
      opening = open(force === true).finally(() => (opening = null));
      await opening;
    }
    return { open: !!reader };
  }

  const handlers: Handlers<ToContent> = {
    'reader:toggle': (payload) => toggle(typeof payload?.force === 'boolean' ? payload.force : undefined),
    'reader:listen': async () => {
      // The browser's Listen shortcut: open the reader if needed, then start or pause reading aloud.
      if (!reader) await toggle(true);
      reader?.toggleListen();
      return { open: !!reader };
    },
    'reader:save': async () => {
      if (!reader) await toggle(true);
      if (!article || !article.content) return { saved: false, message: 'Nothing to save on this page.' };
      try {
        // Saved with its related headlines: the shortcut can come before the reader filled them in.
        if (phased?.relatedInput) (await loadExtras()).addRelated(phased);
        const message = await saveArticle(article);
        reader?.announce(message);
        return { saved: true, message };
      } catch (e) {
        const message = `Could not save: ${e instanceof Error ? e.message : String(e)}`;
        reader?.announce(message);
        return { saved: false, message };
      }
    },
  };
  const unregister = handleMessages<ToContent>(
    handlers,
    (_type, sender) => sender.id === browser.runtime.id && !sender.tab,
  );
  lifetime.signal.addEventListener(
    'abort',
    () => {
      try {
        unregister();
      } catch {
        /* orphan: the runtime is gone */
      }
      reader?.close();
    },
    { once: true },
  );
}
