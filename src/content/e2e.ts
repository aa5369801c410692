/**
 * The test build's content script (dist/*-e2e; build.mjs picks this entry for them): the real
 * content script, with Listen's speech routed through the page's main world when a test asks for it.
 *
 * Why a seam at all: the overlay runs in the content script's isolated world. In Chromium that world
 * shares the window's native objects but not the page's JavaScript, so a recording `speechSynthesis`
 * a test installs in the page (playwright addInitScript) is invisible to it; Firefox's Xray wrappers
 * hide page overrides the same way. The honest way to record what the player really does is to keep
 * all of our code as it ships and change only which world's `speechSynthesis` it talks to: this
 * file gives the player a SpeechApi whose `speechSynthesis` and utterances are stand-ins that forward
 * every call, synchronously, to `window.speechSynthesis` in the page's world (through DOM events,
 * which both worlds see), and bring the engine's events back. The page half is the test's init
 * script (test/e2e/speech-recorder.ts): it records the calls and forwards them to a fake engine, or to
 * the browser's real one.
 *
 * Only when the page answers the handshake (the test installed its half): on any other page this
 * build speaks through the window's own speechSynthesis, like the store build.
 */
import type { SpeechApi, SynthLike, UtteranceLike, VoiceLike } from '../overlay/listen/speech-api.js';
import { claimPage } from './load-once.js';
import { startReaderSession } from './reader-session.js';

const CALL = 'dateline-speech:call';
const REPLY = 'dateline-speech:reply';
const EVENT = 'dateline-speech:event';

function pageWorldSpeech(doc: Document): SpeechApi | null {
  /** Sends a call to the page's half; it answers (synchronously, inside dispatchEvent) with JSON. */
  const call = <T>(op: string, args: Record<string, unknown> = {}): T | undefined => {
    let reply: string | undefined;
    const onReply = (e: Event): void => {
      reply = String((e as CustomEvent).detail);
    };
    doc.addEventListener(REPLY, onReply);
    try {
      doc.dispatchEvent(new CustomEvent(CALL, { detail: JSON.stringify({ op, ...args }) }));
    } finally {
      doc.removeEventListener(REPLY, onReply);
    }
    return reply === undefined ? undefined : (JSON.parse(reply) as T);
  };
  if (call<boolean>('hello') !== true) return null;

  let nextId = 1;
  const utterances = new Map<number, UtteranceLike & { id: number }>();
  const voicesChanged = new Set<() => void>();
  doc.addEventListener(EVENT, (e) => {
    const ev = JSON.parse(String((e as CustomEvent).detail)) as { type: string; id?: number; error?: string };
    if (ev.type === 'voiceschanged') {
      for (const cb of Array.from(voicesChanged)) cb();
      return;
    }
    const u = ev.id === undefined ? undefined : utterances.get(ev.id);
    if (!u) return;
    if (ev.type === 'start') u.onstart?.({});
    if (ev.type === 'end' || ev.type === 'error') utterances.delete(u.id);
    if (ev.type === 'end') u.onend?.({});
    if (ev.type === 'error') u.onerror?.({ error: ev.error });
  });

  const synth: SynthLike = {
    get speaking() {
      return call<{ speaking: boolean }>('state')?.speaking ?? false;
    },
    get pending() {
      return call<{ pending: boolean }>('state')?.pending ?? false;
    },
    get paused() {
      return call<{ paused: boolean }>('state')?.paused ?? false;
    },
    speak(u) {
      const id = (u as UtteranceLike & { id: number }).id;
      utterances.set(id, u as UtteranceLike & { id: number });
      call('speak', { id, text: u.text, lang: u.lang, rate: u.rate, voiceURI: u.voice?.voiceURI ?? null });
    },
    cancel() {
      call('cancel');
    },
    resume() {
      call('resume');
    },
    getVoices() {
      return call<VoiceLike[]>('voices') ?? [];
    },
    addEventListener(_type, listener, options) {
      const cb = options?.once
        ? (): void => {
            voicesChanged.delete(cb);
            listener();
          }
        : listener;
      voicesChanged.add(cb);
      options?.signal?.addEventListener('abort', () => voicesChanged.delete(cb), { once: true });
    },
  };
  return {
    synth,
    createUtterance: (text) =>
      ({
        id: nextId++,
        text,
        lang: '',
        rate: 1,
        voice: null,
        onstart: null,
        onend: null,
        onerror: null,
      }) as UtteranceLike,
  };
}

const lifetime = claimPage(document);
if (lifetime) startReaderSession(document, lifetime, { speech: pageWorldSpeech(document) ?? undefined });
