/**
 * Downloading an article's images so it reads offline. Runs in the background (Chrome's service
 * worker has no DOM, so image URLs are read from the sanitized HTML with a pattern: DOMPurify's
 * serialisation always writes `src="…"` with entities escaped).
 *
 * Which images can be downloaded without <all_urls> (see src/background/library.ts for the
 * design): the tab's own origin (activeTab grants it on the click, shortcut or menu that saved),
 * origins the user granted through optional_host_permissions, and any server that allows CORS.
 * Anything else fails and is kept as a link, with a note saying so. Per-article caps keep one
 * photo gallery from filling the disk.
 */
import type { ImageMode } from './record.js';

export interface ImageLimits {
  /** Total bytes stored per article. */
  maxBytes: number;
  /** Images per article. */
  maxCount: number;
  /** Per-image download timeout. */
  timeoutMs: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxBytes: 8 * 1024 * 1024, maxCount: 40, timeoutMs: 15_000 };

export type SkipReason = 'over-size-limit' | 'over-count-limit' | 'not-allowed' | 'failed' | 'not-an-image';

export interface FetchedImages {
  mode: ImageMode;
  images: Map<string, Blob>;
  skipped: Array<{ url: string; reason: SkipReason }>;
  /** For the reader when something was skipped. */
  note?: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

/** Absolute http(s) image URLs in the article (in order, once each), then the lead image. */
export function imageUrls(content: string, leadImage?: string | null): string[] {
  const urls = new Set<string>();
  for (const m of content.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/gi)) {
    const src = m[1]!.replace(/&(amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e);
    if (/^https?:\/\//i.test(src)) urls.add(src);
  }
  if (leadImage && /^https?:\/\//i.test(leadImage)) urls.add(leadImage);
  return [...urls];
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One sentence per reason, e.g. "2 images kept as links: over the 8 MB limit per article." */
export function skipNote(skipped: FetchedImages['skipped'], limits: ImageLimits, mode: ImageMode): string | undefined {
  if (mode === 'links')
    return skipped.length
      ? `Images are kept as links (${plural(skipped.length, 'image', 'images')}); they need a connection to show.`
      : undefined;
  if (!skipped.length) return undefined;
  const by = (r: SkipReason): number => skipped.filter((s) => s.reason === r).length;
  const parts: string[] = [];
  if (by('over-size-limit')) parts.push(`${by('over-size-limit')} over the ${mb(limits.maxBytes)} limit per article`);
  if (by('over-count-limit')) parts.push(`${by('over-count-limit')} over the ${limits.maxCount}-image limit`);
  if (by('not-allowed')) {
    const why = 'no permission for their site, the site refused, or the network failed';
    parts.push(`${by('not-allowed')} the extension may not download (${why})`);
  }
  if (by('failed')) parts.push(`${by('failed')} could not be downloaded`);
  if (by('not-an-image')) parts.push(`${by('not-an-image')} not an image`);
  const kept = `${plural(skipped.length, 'image', 'images')} kept as links`;
  return `${kept} (they need a connection to show): ${parts.join('; ')}.`;
}

/**
 * Downloads `urls` in order within the limits. `fetchImpl` is the context's fetch (the
 * background's, with its host permissions). Never throws: failures become skipped links.
 */
export async function fetchImages(
  urls: readonly string[],
  options: { mode: ImageMode; limits?: Partial<ImageLimits>; fetchImpl?: typeof fetch },
): Promise<FetchedImages> {
  const limits = { ...DEFAULT_IMAGE_LIMITS, ...options.limits };
  const images = new Map<string, Blob>();
  const skipped: FetchedImages['skipped'] = [];
  if (options.mode === 'links') {
    const all = urls.map((url) => ({ url, reason: 'not-allowed' as const }));
    return { mode: 'links', images, skipped: all, note: skipNote(all, limits, 'links') };
  }
  const doFetch = options.fetchImpl ?? fetch;
  const queue = urls.slice(0, limits.maxCount);
  for (const url of urls.slice(limits.maxCount)) skipped.push({ url, reason: 'over-count-limit' });
  // Download a few at a time, but decide the byte budget in document order so the first images win.
  const results = new Map<string, Blob | SkipReason>();
  const CONCURRENCY = 4;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length) {
      const url = queue[next++]!;
      results.set(url, await download(url, doFetch, limits));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  let bytes = 0;
  for (const url of queue) {
    const r = results.get(url)!;
    if (typeof r === 'string') skipped.push({ url, reason: r });
    else if (bytes + r.size > limits.maxBytes) skipped.push({ url, reason: 'over-size-limit' });
    else {
      bytes += r.size;
      images.set(url, r);
    }
  }
  const note = skipNote(skipped, limits, 'store');
  return { mode: 'store', images, skipped, ...(note ? { note } : {}) };
}

async function download(url: string, doFetch: typeof fetch, limits: ImageLimits): Promise<Blob | SkipReason> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    // No cookies, no referrer: the download must not tell the publisher more than the page view did.
    const res = await doFetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'force-cache',
      signal: controller.signal,
    });
    if (!res.ok) return 'failed';
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > limits.maxBytes) return 'over-size-limit';
    const blob = await res.blob();
    const type = (res.headers.get('content-type') ?? blob.type ?? '').split(';')[0]!.trim().toLowerCase();
    if (!type.startsWith('image/')) return 'not-an-image';
    return blob.type === type ? blob : new Blob([blob], { type });
  } catch (e) {
    // A CORS refusal and a missing host permission both surface as a TypeError from fetch.
    return e instanceof TypeError ? 'not-allowed' : 'failed';
  } finally {
    clearTimeout(timer);
  }
}
