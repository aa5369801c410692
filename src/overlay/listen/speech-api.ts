/**
 * The seam between Listen and the browser's speech: exactly the two globals the player uses,
 * `speechSynthesis` and `SpeechSynthesisUtterance`, as one object. In the extension they are the
 * window's own (nativeSpeech). The e2e build's content script passes a stand-in that forwards to the
 * page's main world, where a test can record them (src/content/e2e.ts explains why that is needed).
 * No network: only the voices the browser and the OS provide.
 */

/** The part of SpeechSynthesis the player uses. */
export interface SynthLike {
  readonly speaking: boolean;
  readonly pending: boolean;
  readonly paused: boolean;
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  resume(): void;
  getVoices(): VoiceLike[];
  addEventListener(type: 'voiceschanged', listener: () => void, options?: AddEventListenerOptions): void;
}

export interface VoiceLike {
  readonly name: string;
  readonly lang: string;
  readonly voiceURI: string;
  readonly localService: boolean;
  readonly default: boolean;
}

/** The part of SpeechSynthesisUtterance the player uses. */
export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onstart: ((e: unknown) => void) | null;
  onend: ((e: unknown) => void) | null;
  onerror: ((e: { error?: string }) => void) | null;
}

export interface SpeechApi {
  synth: SynthLike;
  createUtterance(text: string): UtteranceLike;
}

/** The window's speechSynthesis, or null where the browser has none (the control then says so). */
export function nativeSpeech(win: Window): SpeechApi | null {
  const w = win as Window & { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance };
  const synth = w.speechSynthesis;
  const Utterance = w.SpeechSynthesisUtterance;
  if (!synth || typeof Utterance !== 'function') return null;
  return {
    synth: synth as unknown as SynthLike,
    createUtterance: (text) => new Utterance(text) as unknown as UtteranceLike,
  };
}
