/**
 * The player: says a speech plan one item (sentence) at a time through a SpeechApi.
 *
 * Why one utterance at a time, each spoken only when the last one ended:
 * - the highlight follows the words without relying on `boundary` events (many voices send none);
 * - no utterance is long enough for Chrome's ~15 s cut-off (crbug.com/679437, see core/listen);
 * - pausing is ours: speechSynthesis.pause() is unreliable (Chrome on Linux ignores it for
 *   speech-dispatcher voices, and drops a paused remote voice after ~15 s), so pause cancels and
 *   remembers the sentence, and resume says that sentence again. Nothing is left in the engine while
 *   paused, so a tab switch, another tab speaking, or the engine's own state cannot lose our place.
 * Each utterance carries a generation number: events from one that was cancelled are ignored (Chrome
 * fires `end`, Firefox `error: interrupted`), and the utterance is kept referenced while it speaks
 * (Chrome drops the events of an utterance that was garbage-collected mid-speech).
 */
import { nextParagraph, previousParagraph, type SpeechPlan } from '../../core/listen/plan.js';
import type { SpeechApi, UtteranceLike, VoiceLike } from './speech-api.js';

export type PlayerStatus = 'idle' | 'playing' | 'paused' | 'ended';

export interface PlayerEvents {
  /** An item was handed to the engine: highlight it. */
  onItem(index: number): void;
  onStatus(status: PlayerStatus, note?: string): void;
  /** The engine started saying an item (its `start` event). */
  onStart?(index: number): void;
}

export interface Player {
  readonly status: PlayerStatus;
  readonly index: number;
  play(from?: number): void;
  pause(): void;
  next(): void;
  previous(): void;
  /** Applies a new rate or voice; the sentence being said starts again with it. */
  configure(opts: { rate?: number; voice?: VoiceLike | null }): void;
  /** Replaces the plan (the extras setting changed), keeping the place as near as possible. */
  replan(plan: SpeechPlan, index: number): void;
  stop(): void;
}

/** Errors an engine reports for an utterance we cancelled ourselves. */
const OWN_CANCEL = new Set(['interrupted', 'canceled']);

export function createPlayer(
  api: SpeechApi,
  initial: SpeechPlan,
  events: PlayerEvents,
  opts: { rate: number; voice: VoiceLike | null },
): Player {
  let plan = initial;
  let status: PlayerStatus = 'idle';
  let index = 0;
  let generation = 0;
  let rate = opts.rate;
  let voice = opts.voice;
  // Holds the utterance being spoken: Chrome can garbage-collect an unreferenced utterance mid-speech,
  // and its `end` event then never fires (a long-standing Chromium bug), which would stall the plan.
  const held: { speaking: UtteranceLike | null } = { speaking: null };

  const setStatus = (s: PlayerStatus, note?: string): void => {
    status = s;
    events.onStatus(s, note);
  };

  /** Empties the engine; events of what it held are ignored from now on. */
  function silence(): void {
    generation++;
    held.speaking = null;
    try {
      api.synth.cancel();
    } catch {
      // An engine that throws on cancel has nothing of ours queued.
    }
  }

  function speak(i: number): void {
    const item = plan.items[i];
    if (!item) {
      silence();
      index = plan.items.length;
      setStatus('ended');
      return;
    }
    index = i;
    const gen = ++generation;
    const u = api.createUtterance(item.text.replace(/\s+/g, ' ').trim());
    u.lang = plan.lang;
    u.rate = rate;
    if (voice) u.voice = voice;
    u.onstart = () => {
      if (gen === generation) events.onStart?.(i);
    };
    u.onend = () => {
      if (gen === generation) speak(i + 1);
    };
    u.onerror = (e) => {
      if (gen !== generation || OWN_CANCEL.has(e?.error ?? '')) return;
      generation++;
      held.speaking = null;
      // Chrome refuses speech until the user has interacted with the page (a shortcut from the
      // browser's UI does not count): say how to start instead of failing silently.
      const note =
        e?.error === 'not-allowed'
          ? 'The browser allows speech only after you interact with the page: press L or click Play.'
          : `Speech stopped (${e?.error ?? 'error'}).`;
      setStatus('paused', note);
    };
    held.speaking = u;
    events.onItem(i);
    api.synth.speak(u);
  }

  function play(from?: number): void {
    silence();
    // Chrome keeps the engine paused across pages if someone paused it: speak() would queue silently.
    try {
      if (api.synth.paused) api.synth.resume();
    } catch {
      /* not paused */
    }
    const start = from ?? (status === 'ended' ? 0 : index);
    setStatus('playing');
    speak(Math.max(0, Math.min(start, plan.items.length)));
  }

  return {
    get status() {
      return status;
    },
    get index() {
      return index;
    },
    play,
    pause() {
      if (status !== 'playing') return;
      silence();
      setStatus('paused');
    },
    next() {
      const to = nextParagraph(plan, index);
      if (status === 'playing') play(to);
      else {
        index = Math.min(to, Math.max(0, plan.items.length - 1));
        events.onItem(index);
      }
    },
    previous() {
      const to = previousParagraph(plan, index);
      if (status === 'playing') play(to);
      else {
        index = to;
        events.onItem(index);
      }
    },
    configure(o) {
      const changed =
        (o.rate !== undefined && o.rate !== rate) || (o.voice !== undefined && o.voice?.voiceURI !== voice?.voiceURI);
      if (o.rate !== undefined) rate = o.rate;
      if (o.voice !== undefined) voice = o.voice;
      if (changed && status === 'playing') play(index);
    },
    replan(p, i) {
      plan = p;
      index = Math.min(i, p.items.length);
      if (status === 'playing') play(index);
    },
    stop() {
      // Never cancel speech we did not start (the page may be speaking on its own).
      if (status === 'idle') return;
      silence();
      setStatus('idle');
    },
  };
}
