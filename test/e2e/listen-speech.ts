/**
 * Shared helpers for the Listen specs (Chromium and Firefox): reading the recorder's log and the
 * highlight from the page's main world, and a private speech-dispatcher setup for a real voice.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { SpeechLogEntry } from './speech-recorder.js';

export interface Heard {
  log: SpeechLogEntry[];
  /** What the engine is saying now (fake mode). */
  current: string | null;
  /** The text of the CSS Custom Highlight (null when the API is missing), and of the block marked current. */
  highlight: string | null;
  block: string | null;
  status: string;
  playPressed: string | null;
}

export function heard(page: Page | PuppeteerPage): Promise<Heard> {
  return (page as Page).evaluate(() => {
    const s = (window as unknown as { __speech?: { log: unknown[]; current: string | null } }).__speech;
    const host = document.documentElement.querySelector(':scope > dateline-reader');
    const root = host?.shadowRoot;
    const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, Iterable<Range>> } }).CSS?.highlights;
    const hl = reg?.get('dateline-listen');
    const text = (x: string | null | undefined): string | null => (x == null ? null : x.replace(/\s+/g, ' ').trim());
    return {
      log: JSON.parse(JSON.stringify(s?.log ?? [])),
      current: s?.current ?? null,
      highlight: hl
        ? text(
            Array.from(hl)
              .map((r) => r.toString())
              .join(' '),
          )
        : null,
      block: text(root?.querySelector('[data-listen="current"]')?.textContent),
      status: root?.querySelector('.listen-status')?.textContent ?? '',
      playPressed: root?.querySelector('[data-listen-control="play"]')?.getAttribute('aria-pressed') ?? null,
    };
  });
}

export const spoken = (h: Heard): string[] => h.log.filter((e) => e.op === 'speak').map((e) => e.text ?? '');

/** Fake mode: ends the utterance being said; false when nothing is being said. */
export function finish(page: Page | PuppeteerPage): Promise<boolean> {
  return (page as Page).evaluate(() => (window as unknown as { __speech: { finish(): boolean } }).__speech.finish());
}

/**
 * A HOME for the browser in which speech-dispatcher (spawned by Chromium's --enable-speech-dispatcher)
 * uses espeak-ng and writes audio to ALSA's null device: these machines have no sound card and no
 * PulseAudio, where the default output would hang after `start`. null when they are not installed
 * (`apt-get install -y speech-dispatcher espeak-ng`).
 */
export async function speechHome(): Promise<string | null> {
  if (!existsSync('/usr/bin/speech-dispatcher') || !existsSync('/usr/bin/espeak-ng')) return null;
  const home = await mkdtemp(path.join(tmpdir(), 'dr-speech-'));
  const conf = (await readFile('/etc/speech-dispatcher/speechd.conf', 'utf8'))
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'))
    .map((l) => l.replace('Include "clients/*.conf"', 'Include "/etc/speech-dispatcher/clients/*.conf"'));
  conf.push(
    'AudioOutputMethod "alsa"',
    'AddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"',
    'DefaultModule espeak-ng',
  );
  await mkdir(path.join(home, '.config/speech-dispatcher'), { recursive: true });
  await mkdir(path.join(home, 'run'), { recursive: true, mode: 0o700 });
  await writeFile(path.join(home, '.config/speech-dispatcher/speechd.conf'), conf.join('\n') + '\n');
  await writeFile(path.join(home, '.asoundrc'), 'pcm.!default { type null }\n');
  return home;
}

/**
 * Ends the speech-dispatcher the browser spawned for `home` (it would linger for its idle timeout):
 * found by its socket path, which only our temp HOME has, and ended by its process id.
 */
export function stopSpeechDispatcher(home: string): void {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.startsWith('/usr/bin/speech-dispatcher') && cmd.includes(`${home}/run/`)) process.kill(Number(pid));
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
}
