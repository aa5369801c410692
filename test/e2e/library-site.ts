/**
 * A news site for the library specs, built in a temp dir: the seed page at its real path with one
 * photo added to the article body, the photo and the og:image lead picture as real PNGs. Served
 * from 127.0.0.1 and stopped mid-test to prove saved articles read offline.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { FIXTURES } from './harness';

export const ARTICLE_PATH = '/us-urges-haftar-led-forces-to-end-offensive-in-12618612/';
export const ARTICLE_TITLE = 'US Urges Haftar-Led Forces To End Offensive In Libya';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** A w×h RGB PNG filled with a horizontal gradient of `rgb` (so it is visibly a picture). */
export function makePng(w: number, h: number, rgb: [number, number, number]): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const f = 0.5 + (0.5 * x) / w;
      raw[o] = Math.round(rgb[0] * f);
      raw[o + 1] = Math.round(rgb[1] * f);
      raw[o + 2] = Math.round(rgb[2] * f);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export async function buildNewsSite(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dr-library-site-'));
  const seed = await readFile(path.join(FIXTURES, 'seed-haberler.html'), 'utf8');
  const withPhoto = seed.replace(
    '<p>Russia denies the existence of the group in Libya.</p>',
    '<p>Russia denies the existence of the group in Libya.</p>\n          <figure><img src="/images/body-12618612.png" alt="Tripoli skyline" width="320" height="180"><figcaption>Tripoli, the capital.</figcaption></figure>',
  );
  if (withPhoto === seed) throw new Error('seed page changed: could not add the body photo');
  await mkdir(path.join(dir, ARTICLE_PATH), { recursive: true });
  await writeFile(path.join(dir, ARTICLE_PATH, 'index.html'), withPhoto);
  await mkdir(path.join(dir, 'images/large'), { recursive: true });
  await writeFile(path.join(dir, 'images/body-12618612.png'), makePng(320, 180, [40, 110, 200]));
  await writeFile(path.join(dir, 'images/large/12618612.jpg'), makePng(64, 36, [200, 60, 40]));
  return dir;
}
