/**
 * A row's picture: the article's lead image as stored with it, read from the library as a data: URL.
 * Never a remote load: an article saved with images as links only has no picture in the list.
 */
import type { LibraryDatabase } from '../store/database.js';
import type { ArticleSummary } from '../store/record.js';

/** Bigger pictures are not worth a data: URL per row (the reader still shows them). */
const MAX_BYTES = 3 * 1024 * 1024;

export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'));
    reader.readAsDataURL(blob);
  });
}

export async function storedThumbnail(db: LibraryDatabase, a: ArticleSummary): Promise<string | null> {
  const url = a.leadImage;
  if (!url) return null;
  if (/^data:image\//i.test(url)) return url;
  const image = await db.images.get([a.id, url]);
  if (!image || !/^image\//i.test(image.type) || image.blob.size > MAX_BYTES) return null;
  return blobToDataUrl(image.blob);
}
