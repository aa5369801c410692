/**
 * What can go wrong with the library, as one error type with a code and a message a user can act
 * on. Raw IndexedDB/Dexie errors are translated here, once: Dexie wraps the browser's DOMException
 * (`inner`), and a quota failure usually surfaces as an AbortError of the transaction whose inner
 * error is the QuotaExceededError, so the whole chain is inspected.
 */

export type LibraryErrorCode =
  | 'quota' // the origin's storage quota is used up
  | 'unavailable' // no IndexedDB here: private window, storage disabled, or an old browser
  | 'blocked' // an older library page still holds the database open, so it cannot be upgraded
  | 'version-change' // another context upgraded or deleted the database while this one had it open
  | 'invalid' // the input (an article, an import file) is not valid
  | 'not-found'
  | 'unknown';

const MESSAGES: Record<LibraryErrorCode, string> = {
  quota:
    'Your browser has no storage left for the library, so nothing was saved. ' +
    'Delete some saved articles, or save with images as links only.',
  unavailable:
    "This window can't store articles (private windows and some privacy settings turn off the storage the library " +
    'needs). Nothing was saved; open the article in a normal window to save it.',
  blocked:
    'The library is being upgraded but another library tab still has it open. ' +
    'Close the other library tabs and try again.',
  'version-change': 'The library was upgraded or reset in another tab. Reload this page to continue.',
  invalid: 'The data is not valid.',
  'not-found': 'That article is no longer in the library.',
  unknown: 'The library could not complete this.',
};

export class LibraryError extends Error {
  override readonly name = 'LibraryError';
  constructor(
    readonly code: LibraryErrorCode,
    message: string = MESSAGES[code],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function chain(e: unknown): Array<{ name?: string; message?: string }> {
  const out: Array<{ name?: string; message?: string }> = [];
  let cur: unknown = e;
  for (let i = 0; cur && typeof cur === 'object' && i < 6; i++) {
    out.push(cur as { name?: string; message?: string });
    const next = (cur as { inner?: unknown; cause?: unknown }).inner ?? (cur as { cause?: unknown }).cause;
    if (next === cur) break;
    cur = next;
  }
  return out;
}

/** Translates any error thrown by the database into a LibraryError (LibraryErrors pass through). */
export function toLibraryError(e: unknown): LibraryError {
  if (e instanceof LibraryError) return e;
  const links = chain(e);
  const names = links.map((l) => l.name ?? '');
  const text = links.map((l) => l.message ?? '').join(' | ');
  const has = (...n: string[]): boolean => names.some((x) => n.includes(x));
  if (has('QuotaExceededError') || /quota/i.test(text)) return new LibraryError('quota', MESSAGES.quota, { cause: e });
  if (
    has('MissingAPIError', 'SecurityError') ||
    /mutation operation was attempted|private (browsing|mode)|indexedDB (is )?(not available|undefined)/i.test(text)
  ) {
    return new LibraryError('unavailable', MESSAGES.unavailable, { cause: e });
  }
  // Firefox in permanent private browsing and with storage disabled throws InvalidStateError on open.
  if (has('InvalidStateError') && /open/i.test(text))
    return new LibraryError('unavailable', MESSAGES.unavailable, { cause: e });
  if (has('VersionError', 'DatabaseClosedError') || /versionchange|version change/i.test(text)) {
    return new LibraryError('version-change', MESSAGES['version-change'], { cause: e });
  }
  const detail = links[0]?.message ? `: ${links[0].message}` : '';
  return new LibraryError('unknown', `${MESSAGES.unknown}${detail}`, { cause: e });
}

export function libraryErrorMessage(code: LibraryErrorCode): string {
  return MESSAGES[code];
}
