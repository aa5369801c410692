/**
 * Node CLI over the core (a stable contract: other tools depend on its JSON).
 *   node dist/cli.mjs extract <file.html | https://url> [--url <page url>] [--now <ISO time>]
 *   node dist/cli.mjs extract --batch <list.json>      list = [{"file": "...", "url": "..."}]
 * jsdom runs no page scripts and fetches no sub-resources. Bad input gets a one-line message on
 * stderr and a non-zero exit, never a stack trace.
 *
 * Output: one JSON object (pretty-printed) for a single page; one JSON line per entry, in order, for
 * --batch. A page the core refuses or finds no article in still prints its JSON (with `error`), then
 * the message on stderr and exit code 3. In a batch, a failed entry prints {"file", "error": "<message>"}
 * and the batch goes on; the exit code is 1 when any entry failed. Batch file paths are relative to
 * the list file. Exit 2: usage errors and unreadable input.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { JSDOM } from 'jsdom';
import { extract } from './core/extract.js';
import type { ExtractResult } from './core/types.js';

/** Refused before parsing: jsdom needs ~50× a page's size in memory and seconds per MB. */
const MAX_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 30_000;
const USAGE = `usage:
  dateline extract <file.html | https://url> [--url <page url>] [--now <ISO time>]
  dateline extract --batch <list.json>   (list: [{"file": "...", "url": "..."}])`;

class UserError extends Error {}

/** Decodes page bytes the way a browser would: BOM, strict UTF-8, <meta charset>, then windows-1252. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new UserError('the file is empty');
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) throw new UserError('this is a binary file, not an HTML page');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    /* not UTF-8 */
  }
  const ascii = new TextDecoder('latin1').decode(head);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(ascii);
  for (const label of [m?.[1], 'windows-1252']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      /* unknown label */
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

const tooLarge = (what: string): UserError =>
  new UserError(`${what} is too large (over ${MAX_BYTES / 1048576} MB, the limit)`);

/**
 * The response body, read as it streams in and abandoned as soon as it passes MAX_BYTES: a server
 * can send an endless or huge body (reading it whole first made 200 MB cost 700 MB of memory), and
 * a declared Content-Length over the limit is refused before any of it is read.
 */
async function readLimited(res: Response, source: string): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_BYTES) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge('the page');
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body?.getReader();
  if (!reader) return new Uint8Array(0);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_BYTES) {
        await reader.cancel().catch(() => {});
        throw tooLarge('the page');
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`could not fetch ${source}: ${(e as Error).message}`);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function load(source: string): Promise<{ html: string; url: string }> {
  if (/^https?:\/\//i.test(source)) {
    let res: Response;
    try {
      res = await fetch(source, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (e) {
      throw new UserError(`could not fetch ${source}: ${(e as Error).message}`);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      throw new UserError(`could not fetch ${source}: HTTP ${res.status}`);
    }
    return { html: decodeHtml(await readLimited(res, source)), url: res.url || source };
  }
  let info;
  try {
    info = await stat(source);
  } catch {
    throw new UserError(`no such file: ${source}`);
  }
  if (info.isDirectory()) throw new UserError(`${source} is a directory, not an HTML file`);
  if (info.size > MAX_BYTES)
    throw new UserError(
      `the file is too large (${(info.size / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB)`,
    );
  let bytes: Uint8Array;
  try {
    bytes = await readFile(source);
  } catch (e) {
    throw new UserError(`cannot read ${source}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return { html: decodeHtml(bytes), url: pathToFileURL(path.resolve(source)).href };
}

/**
 * jsdom with a silent console (broken CSS and markup in real pages should not spam stderr). jsdom
 * 29 throws from its constructor on some real stylesheets (`calc(($a - $b) / 16)` left by a SCSS
 * build); styles play no part in extraction, so such a page is parsed again with <style> emptied.
 */
async function parseHtml(html: string, url: string): Promise<JSDOM> {
  // Loaded only once the input is known to be HTML: bad input fails fast, without jsdom's start-up.
  const { JSDOM, VirtualConsole } = await import('jsdom');
  try {
    return new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  } catch {
    try {
      return new JSDOM(html.replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2'), {
        url,
        virtualConsole: new VirtualConsole(),
      });
    } catch (e) {
      throw new UserError(`this HTML could not be parsed: ${(e as Error).message.split('\n')[0]}`);
    }
  }
}

export async function extractSource(source: string, opts: { url?: string; now?: string }): Promise<ExtractResult> {
  const { html, url: loadedUrl } = await load(source);
  const url = opts.url ?? loadedUrl;
  if (!/<[a-z!]/i.test(html)) throw new UserError('this does not look like an HTML page');
  if (opts.url !== undefined && !/^(?:https?|file):\/\//i.test(opts.url))
    throw new UserError(`--url must be an http(s) URL: ${opts.url}`);
  const dom = await parseHtml(html, url);
  try {
    return extract(dom.window.document, { url, now: opts.now });
  } finally {
    dom.window.close();
  }
}

function parseArgs(argv: string[]): { cmd?: string; source?: string; url?: string; now?: string; batch?: string } {
  const out: ReturnType<typeof parseArgs> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UserError(`${a} needs a value\n${USAGE}`);
      return v;
    };
    if (a === '--url') out.url = value();
    else if (a === '--now') out.now = value();
    else if (a === '--batch') out.batch = value();
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new UserError(`unknown option ${a}\n${USAGE}`);
    else rest.push(a);
  }
  out.cmd = rest[0];
  out.source = rest[1];
  if (out.now !== undefined && Number.isNaN(new Date(out.now).getTime()))
    throw new UserError(`--now is not a valid time: ${out.now}`);
  return out;
}

async function runBatch(listFile: string, now?: string): Promise<number> {
  const listDir = path.dirname(path.resolve(listFile));
  let list: unknown;
  try {
    list = JSON.parse(await readFile(listFile, 'utf8'));
  } catch (e) {
    throw new UserError(`cannot read the batch list ${listFile}: ${(e as Error).message}`);
  }
  if (!Array.isArray(list)) throw new UserError('the batch list must be a JSON array of {"file": ..., "url": ...}');
  let failures = 0;
  for (const entry of list as Array<{ file?: unknown; url?: unknown }>) {
    const file = typeof entry?.file === 'string' ? entry.file : undefined;
    try {
      if (!file) throw new UserError('entry has no "file"');
      const source = /^https?:\/\//i.test(file) ? file : path.resolve(listDir, file);
      const result = await extractSource(source, { url: typeof entry.url === 'string' ? entry.url : undefined, now });
      if (result.error) throw new UserError(result.error.message);
      delete result.timings;
      process.stdout.write(JSON.stringify({ file, ...result }) + '\n');
    } catch (e) {
      failures++;
      process.stdout.write(
        JSON.stringify({
          file: file ?? null,
          error: e instanceof UserError ? e.message : `extraction failed: ${(e as Error).message}`,
        }) + '\n',
      );
    }
  }
  return failures;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.cmd !== 'extract') throw new UserError(USAGE);
  if (args.batch) {
    if (args.source || args.url)
      throw new UserError(`--batch takes no file or --url (each entry has its own)\n${USAGE}`);
    const failures = await runBatch(args.batch, args.now);
    if (failures > 0) process.exitCode = 1;
    return;
  }
  if (!args.source) throw new UserError(`extract needs a file or URL\n${USAGE}`);
  const result = await extractSource(args.source, { url: args.url, now: args.now });
  delete result.timings;
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  if (result.error) {
    process.stderr.write(`dateline: ${result.error.message}\n`);
    process.exitCode = 3;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(
    `dateline: ${e instanceof UserError ? e.message : `unexpected error: ${(e as Error)?.message ?? e}`}\n`,
  );
  process.exit(2);
});
