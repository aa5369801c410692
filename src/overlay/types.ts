/** The overlay's public types: what a caller (content script, library page) passes in and gets back. */
import type { ReaderSettings } from './settings.js';
import type { SpeechApi } from './listen/speech-api.js';
import type { ZapStore } from './zap.js';
import type { ReaderExtras } from './extras.js';
import type { RelatedHeadline } from '../core/types.js';
import type { SanitizedFragment } from '../core/sanitize.js';
import type { DatelineTimes } from './dateline-view.js';

/** The overlay's host element: hyphenated, never registered with customElements (null in content scripts). */
export const OVERLAY_TAG = 'dateline-reader';

/**
 * An extra button another feature contributes: "Save" (library) in the toolbar, "Always clean <site>" /
 * "Never on <site>" (auto-clean) in the site menu. `run` may return a short message, announced to the
 * user, or an outcome that also turns the button into its done state ("Saved ✓", which then opens
 * the library).
 */
export interface ReaderAction {
  id: string;
  label: string;
  /** Tooltip / accessible description. */
  title?: string;
  /** Where the button goes: the toolbar (default) or the menu behind the site's name. */
  placement?: 'toolbar' | 'site-menu';
  run(): void | string | ActionOutcome | Promise<void | string | ActionOutcome>;
}

export interface ActionOutcome {
  /** One short sentence, announced. */
  message: string;
  /** The button's state afterwards: its new label, and what it does when pressed again. */
  done?: { label: string; title?: string; run(): void | Promise<void> };
}

export interface MountOptions {
  settings: ReaderSettings;
  /** Called after a reading control changed (persist it here). */
  onSettingsChange?(settings: ReaderSettings): void;
  /** Called once, after the overlay closed and the page was restored. */
  onClose?(): void;
  actions?: readonly ReaderAction[];
  /** Show the reader even when the page does not look like an article (skips the notice). */
  force?: boolean;
  /** The reader's language and time zone (dateline and related times). Default: the browser's. */
  locale?: string;
  timeZone?: string;
  /**
   * The dateline's times formatted for the reader (formatDatelineTimes): given, shown as they are; a
   * promise, the line shows the plain numbers until it resolves (issue #24: no Intl object in the page
   * before the first paint); absent, formatted while mounting.
   */
  datelineTimes?: DatelineTimes | Promise<DatelineTimes>;
  /** Where blocks the user removed ("zap") are remembered per site; without it they are removed for this view only. */
  zaps?: ZapStore;
  /** "Now" for the related headlines' "2 h ago" (default: the clock). */
  now?: number;
  /** Called when the reader (not the notice) is on screen, with the ms spent in mountReader. */
  onShown?(ms: number): void;
  /** Listen's speech (issue #26). Default: the window's speechSynthesis; null: none (the control says so). */
  speech?: SpeechApi | null;
  /**
   * The parts the first paint does without (related headlines, Listen, zap, shortcuts help): given, they
   * are built with the rest; a promise (the content script's second script), they are filled in when it
   * resolves, the dialog `aria-busy` until then; absent, the reader goes without them.
   */
  extras?: ReaderExtras | Promise<ReaderExtras>;
  /**
   * The related headlines, asked for when they are rendered, with the extras (which carry the core's
   * related stage: extract's second phase); default `article.related`.
   */
  related?(extras: ReaderExtras): readonly RelatedHeadline[];
  /**
   * The sanitized tree `article.content` was serialized from (extract's first phase): adopted as it is
   * on a web page instead of sanitizing `article.content` a second time.
   */
  body?: SanitizedFragment | null;
  /**
   * Lock the page (scroll, `inert`) and move focus in after the reader's first paint instead of before
   * it (page-lock.ts): the content script's fast open; the modal contract holds by the time the user
   * can act.
   */
  lockAfterPaint?: boolean;
}

export interface ReaderHandle {
  readonly host: HTMLElement;
  readonly shadowRoot: ShadowRoot;
  /** 'notice' while the "not an article" notice shows, 'reader' once the article is on screen. */
  readonly mode: 'notice' | 'reader';
  close(): void;
  applySettings(settings: ReaderSettings): void;
  /** Shows a short message in the overlay's live region. */
  announce(message: string): void;
  /** Listen: start, pause or resume reading aloud (the L key, the browser shortcut). */
  toggleListen(): void;
  /** Aborted when the overlay closes: hang listeners and timers off it. */
  readonly signal: AbortSignal;
}
