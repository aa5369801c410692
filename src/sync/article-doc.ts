/**
 * One article ⇄ one replicated document (issue #25). The document id is a name derived from the
 * article's normalised URL (the same story saved on two devices is one document), so it reveals no
 * URL: an HMAC with the passphrase's key, else a SHA-256. Images travel as attachments named the
 * same way. With keys, the whole article (record, body, earlier versions, image list) is one AES-GCM
 * ciphertext `e` and every attachment is ciphertext too; without, the article is plain JSON `p`.
 */
import type { SyncedArticle } from '../store/synced-article.js';
import type { ArticleRecord, ImageRecord } from '../store/record.js';
import { checkBody, checkRecord } from '../store/record-check.js';
import { portableRecord } from '../store/article-record.js';
import {
  decryptBytes,
  decryptJson,
  encryptBytes,
  encryptJson,
  fromBase64,
  hmacName,
  plainName,
  toBase64,
  type SyncKeys,
} from './sync-crypto.js';

export const FORMAT = 1;

/** What a document carries (before encryption). Image bytes are in the attachments. */
export interface ArticlePayload {
  f: typeof FORMAT;
  record: ArticleRecord;
  body: SyncedArticle['body'];
  versions: SyncedArticle['versions'];
  images: Array<{ url: string; type: string; name: string }>;
}

export interface Attachment {
  content_type: string;
  data?: string;
  stub?: boolean;
  digest?: string;
}

export interface ArticleDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  /** Plain payload (no passphrase). */
  p?: ArticlePayload;
  /** Encrypted payload (base64 iv ‖ AES-GCM ciphertext). */
  e?: string;
  _attachments?: Record<string, Attachment>;
}

/** A document whose article the library could not show (another program wrote it, or it was altered). */
export class UnreadableArticleError extends Error {
  constructor(
    readonly docId: string,
    why: string,
  ) {
    super(`An article on the server could not be read (${why}); it was left out.`);
  }
}

/** Only image types become images: a stored blob is shown as a data: URL in an <img>. */
const IMAGE_TYPE = /^image\/(png|jpeg|gif|webp|avif|svg\+xml|bmp)$/;

export class NeedsPassphraseError extends Error {
  constructor() {
    super('The library on the server is encrypted: enter its passphrase in Sync settings to read it on this device.');
  }
}

export const docName = (keys: SyncKeys | null, text: string): Promise<string> =>
  keys ? hmacName(keys, text) : plainName(text);

export async function docIdFor(keys: SyncKeys | null, url: string): Promise<string> {
  return `a-${await docName(keys, url)}`;
}

/** What changes when an article changes in a way sync must carry (cheap: the summary row only). */
export function stampOf(r: Pick<ArticleRecord, 'updatedAt' | 'read' | 'readAt' | 'versions'>): string {
  return `${r.updatedAt}|${r.read}|${r.readAt ?? 0}|${r.versions}`;
}

async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * The document for an article. `existing`: the attachments of the document's current revision;
 * an image already there (same name) is sent as a stub, so a read-state change does not upload the
 * article's images again (their ciphertext differs at every encryption).
 */
export async function encodeArticle(
  a: SyncedArticle,
  keys: SyncKeys | null,
  existing: Record<string, Attachment> = {},
): Promise<ArticleDoc> {
  const _attachments: Record<string, Attachment> = {};
  const images: ArticlePayload['images'] = [];
  for (const img of a.images) {
    const name = await docName(keys, img.url);
    images.push({ url: img.url, type: img.type, name });
    const old = existing[name];
    if (old?.digest) {
      _attachments[name] = { stub: true, content_type: old.content_type, digest: old.digest };
      continue;
    }
    const bytes = await bytesOf(img.blob);
    _attachments[name] = keys
      ? { content_type: 'application/octet-stream', data: toBase64(await encryptBytes(keys, bytes)) }
      : { content_type: img.type || 'application/octet-stream', data: toBase64(bytes) };
  }
  // When this device last wrote the record is its own business (the since-cursor of its sync passes).
  const versions = a.versions.map((v) => ({ ...v, article: portableRecord(v.article) }));
  const payload: ArticlePayload = { f: FORMAT, record: portableRecord(a.record), body: a.body, versions, images };
  const doc: ArticleDoc = { _id: await docIdFor(keys, a.record.url) };
  if (keys) doc.e = await encryptJson(keys, payload);
  else doc.p = payload;
  if (Object.keys(_attachments).length) doc._attachments = _attachments;
  return doc;
}

/**
 * Reads a document fetched with `attachments: true` (base64 data).
 * Throws NeedsPassphraseError / WrongPassphraseError.
 */
export async function decodeArticle(
  doc: ArticleDoc,
  keys: SyncKeys | null,
  /** This device's cap on an article's stored images (its library settings); 0: links only. */
  maxImageBytes = Infinity,
): Promise<SyncedArticle> {
  let payload: ArticlePayload;
  if (doc.e !== undefined) {
    if (!keys) throw new NeedsPassphraseError();
    payload = await decryptJson<ArticlePayload>(keys, doc.e);
  } else if (doc.p) {
    payload = doc.p;
  } else {
    throw new Error(`Document ${doc._id} is not an article of this version of Dateline Reader.`);
  }
  if (!payload || typeof payload !== 'object') throw new UnreadableArticleError(doc._id, 'not an article');
  const why = checkRecord(payload.record, 'record') ?? checkBody(payload.body, 'body');
  if (why) throw new UnreadableArticleError(doc._id, why);
  if (!Array.isArray(payload.versions) || !Array.isArray(payload.images)) {
    throw new UnreadableArticleError(doc._id, 'versions or images are not lists');
  }
  const images: ImageRecord[] = [];
  let total = 0;
  for (const img of payload.images) {
    if (typeof img?.url !== 'string' || typeof img.name !== 'string' || !IMAGE_TYPE.test(String(img.type))) continue;
    const att = doc._attachments?.[img.name];
    if (!att?.data) continue;
    const raw = fromBase64(att.data);
    const bytes = doc.e !== undefined && keys ? await decryptBytes(keys, raw) : raw;
    if (total + bytes.length > maxImageBytes) continue; // kept as a link, as a save over the cap would
    total += bytes.length;
    const blob = new Blob([bytes as BlobPart], { type: img.type });
    images.push({ articleId: payload.record.id, url: img.url, blob, type: img.type, bytes: blob.size });
  }
  return { record: payload.record, body: payload.body, versions: payload.versions, images };
}
