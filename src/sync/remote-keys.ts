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
