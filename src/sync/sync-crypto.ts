/**
 * End-to-end encryption of the synced library (issue #25), WebCrypto only. With a passphrase, one
 * AES-GCM key (documents and attachments) and one HMAC key (document and attachment names) are
 * derived from it with PBKDF2-SHA-256 and a random per-database salt. The salt, the iteration count
 * and a "key check" (a known text encrypted with the key) live on the server in a `_local` document,
 * which is never replicated: a device with the wrong passphrase finds out before it reads or writes
 * anything, and a device without one is told that the library there is encrypted.
 */
export const MIN_ITERATIONS = 310_000;
const CHECK_TEXT = 'dateline-reader key check v1';

export interface SyncKeys {
  aes: CryptoKey;
  mac: CryptoKey;
}

/** What the server keeps about the encryption (`_local/dateline-crypto`). */
export interface CryptoParams {
  salt: string;
  iterations: number;
  /** CHECK_TEXT encrypted with the derived key (base64 of iv ‖ ciphertext). */
  check: string;
}

export class WrongPassphraseError extends Error {
  constructor() {
    super('The passphrase does not open this library: it was encrypted with another passphrase.');
  }
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export async function deriveKeys(passphrase: string, salt: Uint8Array, iterations: number): Promise<SyncKeys> {
  if (iterations < MIN_ITERATIONS)
    throw new Error(`Refusing a key derivation of ${iterations} iterations (minimum ${MIN_ITERATIONS}).`);
  const base = await crypto.subtle.importKey('raw', enc.encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
      base,
      512,
    ),
  );
  const aes = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, ['encrypt', 'decrypt']);
  const mac = await crypto.subtle.importKey('raw', bits.slice(32), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { aes, mac };
}

export async function encryptBytes(keys: SyncKeys, plain: Uint8Array): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, keys.aes, plain as BufferSource));
  const out = new Uint8Array(12 + ct.length);
  out.set(iv);
  out.set(ct, 12);
  return out;
}

/** Throws WrongPassphraseError when the bytes were not encrypted with these keys (or were altered). */
export async function decryptBytes(keys: SyncKeys, data: Uint8Array): Promise<Uint8Array> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: data.slice(0, 12) }, keys.aes, data.slice(12));
    return new Uint8Array(plain);
  } catch {
    throw new WrongPassphraseError();
  }
}

export async function encryptJson(keys: SyncKeys, value: unknown): Promise<string> {
  return toBase64(await encryptBytes(keys, enc.encode(JSON.stringify(value))));
}

export async function decryptJson<T>(keys: SyncKeys, b64: string): Promise<T> {
  return JSON.parse(dec.decode(await decryptBytes(keys, fromBase64(b64)))) as T;
}

/** A name that reveals nothing about `text` (an article's URL, an image's URL) to the server. */
export async function hmacName(keys: SyncKeys, text: string): Promise<string> {
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', keys.mac, enc.encode(text)));
  return [...sig.subarray(0, 20)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 name, for libraries synced without a passphrase (their content is readable anyway). */
export async function plainName(text: string): Promise<string> {
  const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(text)));
  return [...sum.subarray(0, 20)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** New encryption parameters for a database that has none yet. */
export async function newCryptoParams(
  passphrase: string,
  iterations = MIN_ITERATIONS,
): Promise<{ params: CryptoParams; keys: SyncKeys }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const keys = await deriveKeys(passphrase, salt, iterations);
  return { params: { salt: toBase64(salt), iterations, check: await encryptJson(keys, CHECK_TEXT) }, keys };
}

/** The keys for existing parameters; WrongPassphraseError when the passphrase is not the one used. */
export async function openCryptoParams(passphrase: string, params: CryptoParams): Promise<SyncKeys> {
  const keys = await deriveKeys(passphrase, fromBase64(params.salt), params.iterations);
  if ((await decryptJson<string>(keys, params.check)) !== CHECK_TEXT) throw new WrongPassphraseError();
  return keys;
}
