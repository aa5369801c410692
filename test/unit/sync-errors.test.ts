/** A failed sync pass is told in plain words (issue #25). */
import { describe, expect, it } from 'vitest';
import { plainSyncError } from '../../src/sync/plain-error.js';
import { WrongPassphraseError } from '../../src/sync/sync-crypto.js';
import { NeedsPassphraseError } from '../../src/sync/article-doc.js';

const cfg = { url: 'https://couch.example.org', database: 'dateline', user: 'ann' };

describe('plainSyncError', () => {
  it('names the cause and what to do', () => {
    expect(plainSyncError({ status: 401 }, cfg)).toMatch(/refused the user name or password \(401\)/);
    expect(plainSyncError({ status: 403 }, cfg)).toMatch(/"ann" may not use the database "dateline" \(403\)/);
    expect(plainSyncError({ status: 404 }, cfg)).toMatch(/no longer on the server/);
    expect(plainSyncError(new TypeError('Failed to fetch'), cfg)).toMatch(/Can't reach https:\/\/couch\.example\.org/);
    expect(plainSyncError(new WrongPassphraseError(), cfg)).toMatch(/passphrase does not open/);
    expect(plainSyncError(new NeedsPassphraseError(), cfg)).toMatch(/enter its passphrase/);
    expect(plainSyncError(undefined, cfg)).toMatch(/unknown reason/);
  });
});
