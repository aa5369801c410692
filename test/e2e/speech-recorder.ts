/**
 * The page half of Listen's e2e seam (the content half and the reason are in src/content/e2e.ts):
 * an init script, installed before the page loads (playwright addInitScript in Chromium, puppeteer
 * evaluateOnNewDocument in Firefox), that answers the e2e content script's calls.
 *
 * mode 'fake': window.speechSynthesis and SpeechSynthesisUtterance are replaced by a recording fake
 *   with two voices; an utterance starts at once and ends only when the test says so
 *   (`__speech.finish()`), so tests wait for conditions, never for time.
 * mode 'real': the browser's own speechSynthesis speaks (e.g. espeak-ng through speech-dispatcher);
 *   calls and the engine's events are still recorded.
 * Either way `window.__speech.log` lists every call (speak / cancel / resume) and engine event, in order.
 */
export type SpeechMode = 'fake' | 'real';

export interface SpeechLogEntry {
  op: 'speak' | 'cancel' | 'resume' | 'start' | 'end' | 'error';
  id?: number;
  text?: string;
  lang?: string;
  rate?: number;
  voiceURI?: string | null;
  error?: string;
}

/** The script's source (it runs in the page; nothing here may refer to the test's scope). */
export function speechRecorderScript(mode: SpeechMode): string {
  return `(${install.toString()})(${JSON.stringify(mode)});`;
}

function install(mode: SpeechMode): void {
  const w = window as unknown as Record<string, unknown>;
  const log: SpeechLogEntry[] = [];
  const state = { current: null as null | FakeUtterance, queue: [] as FakeUtterance[], paused: false };

  class FakeUtterance extends EventTarget {
    text: string;
    lang = '';
    rate = 1;
    voice: unknown = null;
    onstart: ((e: Event) => void) | null = null;
    onend: ((e: Event) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    constructor(text: string) {
      super();
      this.text = text;
    }
    fire(type: 'start' | 'end' | 'error', error?: string): void {
      const e = new Event(type);
      if (error) Object.defineProperty(e, 'error', { value: error });
      this.dispatchEvent(e);
      (this as unknown as Record<string, ((e: Event) => void) | null>)[`on${type}`]?.(e);
    }
  }
  const fakeVoices = [
    { name: 'Test English', lang: 'en-US', voiceURI: 'test-en-us', localService: true, default: true },
    { name: 'Test English (UK)', lang: 'en-GB', voiceURI: 'test-en-gb', localService: true, default: false },
    { name: 'Test Deutsch', lang: 'de-DE', voiceURI: 'test-de', localService: true, default: false },
  ];
  const startNext = (): void => {
    if (state.current || state.paused) return;
    const u = state.queue.shift();
    if (!u) return;
    state.current = u;
    setTimeout(() => {
      if (state.current === u) u.fire('start');
    }, 0);
  };
  const fake = Object.assign(new EventTarget(), {
    get speaking() {
      return !!state.current;
    },
    get pending() {
      return state.queue.length > 0;
    },
    get paused() {
      return state.paused;
    },
    speak(u: FakeUtterance) {
      const voiceURI = (u.voice as { voiceURI?: string } | null)?.voiceURI ?? null;
      log.push({ op: 'speak', text: u.text, lang: u.lang, rate: u.rate, voiceURI });
      state.queue.push(u);
      startNext();
    },
    cancel() {
      log.push({ op: 'cancel' });
      const dropped = [state.current, ...state.queue].filter(Boolean) as FakeUtterance[];
      state.current = null;
      state.queue = [];
      for (const u of dropped) setTimeout(() => u.fire('error', 'interrupted'), 0);
    },
    pause() {
      state.paused = true;
    },
    resume() {
      log.push({ op: 'resume' });
      state.paused = false;
      startNext();
    },
    getVoices() {
      return fakeVoices;
    },
  });
  if (mode === 'fake') {
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true });
  }

  const synth = (): SpeechSynthesis => w.speechSynthesis as SpeechSynthesis;
  type UtteranceCtor = typeof SpeechSynthesisUtterance;
  const Utterance = (): UtteranceCtor => w.SpeechSynthesisUtterance as UtteranceCtor;
  const voiceInfo = (v: SpeechSynthesisVoice): object => ({
    name: v.name,
    lang: v.lang,
    voiceURI: v.voiceURI,
    localService: v.localService,
    default: v.default,
  });
  const emit = (detail: object): void => {
    document.dispatchEvent(new CustomEvent('dateline-speech:event', { detail: JSON.stringify(detail) }));
  };
  const live = new Map<number, unknown>(); // keeps utterances referenced while they speak (Chrome drops GC'd ones)
  synth().addEventListener?.('voiceschanged', () => emit({ type: 'voiceschanged' }));

  document.addEventListener('dateline-speech:call', (e) => {
    const call = JSON.parse(String((e as CustomEvent).detail)) as {
      op: string;
      id?: number;
      text?: string;
      lang?: string;
      rate?: number;
      voiceURI?: string | null;
    };
    let reply: unknown = null;
    switch (call.op) {
      case 'hello':
        reply = true;
        break;
      case 'state':
        reply = { speaking: synth().speaking, pending: synth().pending, paused: synth().paused };
        break;
      case 'voices':
        reply = synth().getVoices().map(voiceInfo);
        break;
      // (The fake records its own calls, also when a page in this world uses it directly: the library.)
      case 'cancel':
        if (mode === 'real') log.push({ op: 'cancel' });
        synth().cancel();
        break;
      case 'resume':
        if (mode === 'real') log.push({ op: 'resume' });
        synth().resume();
        break;
      case 'speak': {
        const id = call.id!;
        const { text, lang, rate, voiceURI } = call;
        if (mode === 'real') log.push({ op: 'speak', id, text, lang, rate, voiceURI });
        const u = new (Utterance())(call.text ?? '');
        u.lang = call.lang ?? '';
        u.rate = call.rate ?? 1;
        const voice = synth()
          .getVoices()
          .find((v) => v.voiceURI === call.voiceURI);
        if (voice) u.voice = voice;
        live.set(id, u);
        u.addEventListener('start', () => {
          log.push({ op: 'start', id });
          emit({ type: 'start', id });
        });
        u.addEventListener('end', () => {
          live.delete(id);
          log.push({ op: 'end', id });
          emit({ type: 'end', id });
        });
        u.addEventListener('error', (ev) => {
          live.delete(id);
          const error = (ev as SpeechSynthesisErrorEvent).error;
          log.push({ op: 'error', id, error });
          emit({ type: 'error', id, error });
        });
        synth().speak(u);
        break;
      }
    }
    document.dispatchEvent(new CustomEvent('dateline-speech:reply', { detail: JSON.stringify(reply) }));
  });

  w.__speech = {
    log,
    mode,
    /** Fake mode: the utterance being said ends now (the engine moves on to the next one). */
    finish() {
      const u = state.current;
      if (!u) return false;
      state.current = null;
      u.fire('end');
      startNext();
      return true;
    },
    get current() {
      return state.current?.text ?? null;
    },
  };
}
