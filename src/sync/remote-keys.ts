/**
 * The server side of encryption (issue #25): the parameters in the remote database's
 * `_local/dateline-crypto` document (never replicated, readable by every device that has the
 * database's credentials). The first device with a passphrase creates them; every other device
 * derives the same keys from its passphrase and checks them before syncing.
 */
import { NeedsPassphraseError } from './article-doc.js';
import { newCryptoParams, openCryptoParams, type CryptoParams, type SyncKeys } from './sync-crypto.js';

export const CRYPTO_DOC = '_local/dateline-crypto';

interface RemoteLike {
  get(id: string): Promise<unknown>;
  put(doc: object): Promise<unknown>;
}

/** What a passphrase change needs of the server database besides get/put (a PouchDB satisfies it). */
interface RemoteDocs extends RemoteLike {
  allDocs(options: Record<string, unknown>): Promise<{ rows: Array<{ id: string; value: { rev: string } }> }>;
  bulkDocs(docs: object[]): Promise<unknown>;
}

export class PassphraseMismatchError extends Error {
  constructor() {
    super(
      'The library on the server is not encrypted, but this device has a passphrase: ' +
        'remove it, or sync to a new database.',
    );
  }
}

async function readParams(remote: RemoteLike): Promise<CryptoParams | null> {
  try {
    return (await remote.get(CRYPTO_DOC)) as CryptoParams;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null;
    throw e;
  }
}

/**
 * The keys for this remote database, or null for a library synced without a passphrase.
 * `isEmpty`: whether the database holds no article yet (a passphrase may only start encrypting a
 * database that has no plain articles in it).
 */
export async function keysForRemote(
  remote: RemoteLike,
  passphrase: string,
  isEmpty: () => Promise<boolean>,
): Promise<SyncKeys | null> {
  const params = await readParams(remote);
  if (params && !passphrase) throw new NeedsPassphraseError();
  if (params) return openCryptoParams(passphrase, params);
  if (!passphrase) return null;
  if (!(await isEmpty())) throw new PassphraseMismatchError();
  const created = await newCryptoParams(passphrase);
  await remote.put({ _id: CRYPTO_DOC, ...created.params });
  return created.keys;
}

/**
 * A new passphrase for the library on the server (or a first one for a plain library): `current`
 * must open it. New parameters (salt, key check) come first, so every other device stops at its
 * key check ("the passphrase does not open this library") before it could pull anything; then
 * every article document, encrypted (or named) with the old key, becomes a tombstone, and the
 * caller's next pass, with a new mirror, sends the library again under the new key. Interrupted
 * between the two, it is simply done again with the new passphrase as `current`.
 */
export async function changePassphrase(
  remote: RemoteDocs,
  current: string,
  next: string,
  isEmpty: () => Promise<boolean>,
): Promise<void> {
  if (!next) throw new Error('Enter the new passphrase first.');
  const old = await readParams(remote);
  if (old)
    await openCryptoParams(current, old); // WrongPassphraseError
  else if (current) await keysForRemote(remote, current, isEmpty); // PassphraseMismatchError
  const params = await readParams(remote);
  const created = await newCryptoParams(next);
  const rev = (params as { _rev?: string } | null)?._rev;
  await remote.put({ _id: CRYPTO_DOC, ...(rev ? { _rev: rev } : {}), ...created.params });
  const { rows } = await remote.allDocs({ startkey: 'a-', endkey: 'a-\uffff' });
  for (let i = 0; i < rows.length; i += 100) {
    await remote.bulkDocs(rows.slice(i, i + 100).map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true })));
  }
}
