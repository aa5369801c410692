/**
 * Two states of one article (this device's and another's, or two conflicting revisions) → one,
 * losing nothing (issue #25): the newest content (updatedAt) is the current one and the other, when
 * its text differs, is kept as an earlier version (the library already keeps those); the read state
 * of the latest change (readAt) wins; earlier versions and images are the union of both. Pure and
 * symmetric, so every device resolves the same conflict the same way.
 */
import type { SyncedArticle } from '../store/synced-article.js';

type Version = SyncedArticle['versions'][number];

const versionKey = (v: Pick<Version, 'savedAt' | 'article' | 'body'>): string =>
  `${v.savedAt}|${v.article.title}|${v.body.content.length}|${v.body.content.slice(0, 64)}`;

/** Which of the two is the current content: the later update; on a tie, a stable order of the texts. */
function newerFirst(a: SyncedArticle, b: SyncedArticle): [SyncedArticle, SyncedArticle] {
  if (a.record.updatedAt !== b.record.updatedAt) return a.record.updatedAt > b.record.updatedAt ? [a, b] : [b, a];
  return a.body.content >= b.body.content ? [a, b] : [b, a];
}

/** The result keeps `a`'s local id (callers pass this device's article first). */
export function mergeArticles(a: SyncedArticle, b: SyncedArticle): SyncedArticle {
  const [newer, older] = newerFirst(a, b);
  const versions = new Map<string, Version>();
  for (const v of [...a.versions, ...b.versions]) versions.set(versionKey(v), v);
  const sameText = newer.record.title === older.record.title && newer.body.content === older.body.content;
  if (!sameText) {
    const { id: _id, ...article } = older.record;
    const { id: _bid, ...body } = older.body;
    const v: Version = { articleId: a.record.id, savedAt: older.record.updatedAt, article, body };
    if (!versions.has(versionKey(v))) versions.set(versionKey(v), v);
  }
  const readA = a.record.readAt ?? 0;
  const readB = b.record.readAt ?? 0;
  const readFrom = readA === readB ? (a.record.read >= b.record.read ? a : b) : readA > readB ? a : b;
  const images = new Map(older.images.map((i) => [i.url, i] as const));
  for (const i of newer.images) images.set(i.url, i);
  const merged = [...versions.values()]
    .sort((x, y) => x.savedAt - y.savedAt)
    .map((v) => ({ ...v, articleId: a.record.id }));
  return {
    record: {
      ...newer.record,
      id: a.record.id,
      savedAt: Math.min(a.record.savedAt, b.record.savedAt),
      read: readFrom.record.read,
      ...(readFrom.record.readAt !== undefined ? { readAt: readFrom.record.readAt } : {}),
      versions: merged.length,
    },
    body: { ...newer.body, id: a.record.id },
    versions: merged,
    images: [...images.values()].map((i) => ({ ...i, articleId: a.record.id })),
  };
}
