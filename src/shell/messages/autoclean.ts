/**
 * Messages of auto-clean (issue #6), all received by the background (the single writer of the
 * settings and the only context that registers scripts and opens the reader).
 *
 * From the detector / overlay (content scripts: untrusted, the background checks the sender's tab
 * and takes the page URL from `sender`, never from the payload):
 *   autoclean:article   the detector found an article → the background opens the reader, says "offer", or skips
 *   autoclean:open      the user accepted the detector's offer → open the reader
 *   autoclean:dismiss   the user closed the reader / the offer on this page → it stays original this session
 *   autoclean:site      the overlay asks about the page's site, to label "Always clean <site>" / "Never on <site>"
 *   autoclean:choose    the overlay's "Always clean" / "Never on" (always without permission opens the grant page)
 * From the options page (extension pages only):
 *   autoclean:state, autoclean:set-enabled, autoclean:set-mode, autoclean:remove, autoclean:add, autoclean:export
 */
import type { SiteMode, SiteRow } from '../../autoclean/settings.js';
import type { ListEntry } from '../../autoclean/list-text.js';

export type AutoCleanDecision = 'opened' | 'offer' | 'skipped';

export interface AutoCleanSiteInfo {
  /** The site the page belongs to (an enabled entry covering it, else its registrable domain), or null (not http). */
  site: string | null;
  display: string | null;
  mode: SiteMode | null;
  /** The extension holds host permission for it. */
  granted: boolean;
  enabled: boolean;
}

export interface AutoCleanState {
  enabled: boolean;
  rows: SiteRow[];
  /** Sites with always/ask but no permission (to grant all at once). */
  needsPermission: string[];
}

export type AutoCleanToBackground = {
  'autoclean:article': {
    request: { navigation: string; reason: string };
    response: { action: AutoCleanDecision; reason?: string };
  };
  'autoclean:open': { request: Record<string, never>; response: { opened: boolean } };
  'autoclean:dismiss': { request: Record<string, never>; response: void };
  'autoclean:site': { request: Record<string, never>; response: AutoCleanSiteInfo };
  'autoclean:choose': {
    request: { mode: 'always' | 'never' };
    response: { done: boolean; grantPageOpened: boolean; display: string };
  };
  'autoclean:state': { request: Record<string, never>; response: AutoCleanState };
  'autoclean:set-enabled': { request: { enabled: boolean }; response: AutoCleanState };
  'autoclean:set-mode': { request: { site: string; mode: SiteMode | null }; response: AutoCleanState };
  'autoclean:remove': { request: { site: string }; response: AutoCleanState };
  'autoclean:add': { request: { entries: ListEntry[] }; response: AutoCleanState & { added: number; changed: number } };
  'autoclean:export': { request: Record<string, never>; response: { text: string } };
};

type AcReq<K extends keyof AutoCleanToBackground> = AutoCleanToBackground[K]['request'];
type AcRes<K extends keyof AutoCleanToBackground> = AutoCleanToBackground[K]['response'];
type RuntimeLike = { id?: string; sendMessage(message: unknown): Promise<unknown> };

/**
 * The detector's sender: the same envelope and reply as shell/messages.ts's sendToBackground, but
 * over the bare `browser.runtime` (Firefox) / `chrome.runtime` (Chrome MV3, promise-returning) —
 * the detector runs on every page of an enabled site and has a 15 KB budget, and
 * webextension-polyfill alone is 10 KB. Throws when the extension context is gone (Chrome leaves
 * orphaned content scripts running after an update; their runtime.id is undefined).
 */
export async function sendFromDetector<K extends keyof AutoCleanToBackground>(
  type: K,
  payload: AcReq<K>,
): Promise<AcRes<K>> {
  const g = globalThis as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  if (!runtime?.id) throw new Error('extension context invalidated');
  const reply = (await runtime.sendMessage({ type, payload })) as
    { ok: true; value: AcRes<K> } | { ok: false; error: string } | undefined;
  if (!reply) throw new Error(`no handler for ${type}`);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
