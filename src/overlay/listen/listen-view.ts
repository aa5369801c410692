/**
 * Listen in the reader: the toolbar's "Listen" button (and the L key) and the bar it opens —
 * previous / play-pause / next paragraph, speed, a voice picker filtered by the article's language,
 * "captions and related headlines", a status line, and stop. It builds the speech plan from what the
 * reader shows, drives the player, highlights the sentence being said, and persists its settings.
 *
 * The overlay's guarantees hold here too: controls answer only trusted input (the shadow root's
 * guard in user-input.ts covers clicks and changes; the L key checks isTrusted itself); every
 * listener hangs off the reader's signal, and closing the reader cancels the speech we started.
 */
import type { ExtractResult } from '../../core/types.js';
import { buildSpeechPlan, type SpeechItem, type SpeechPlan } from '../../core/listen/plan.js';
import { baseLang } from '../../core/listen/words.js';
import { h } from '../dom.js';
import { articleBlocks, blockText, type ShownBlock } from './article-blocks.js';
import { createHighlighter } from './highlight.js';
import {
  DEFAULT_LISTEN_SETTINGS,
  RATES,
  loadListenSettings,
  saveListenSettings,
  type ListenSettings,
} from './listen-settings.js';
import { createPlayer, type Player, type PlayerStatus } from './player.js';
import type { SpeechApi, VoiceLike } from './speech-api.js';

export interface ListenContext {
  doc: Document;
  root: ShadowRoot;
  article: ExtractResult;
  /** The rendered head (h1, byline, dateline), body and related headlines. */
  head: HTMLElement;
  body: HTMLElement;
  related: HTMLElement | null;
  scroller: HTMLElement;
  speech: SpeechApi | null;
  signal: AbortSignal;
}

export interface ListenView {
  /** The toolbar button. */
  button: HTMLButtonElement;
  /** The bar under the toolbar (hidden until Listen is used). */
  bar: HTMLElement;
  /** What the L key and the browser shortcut do: start, pause or resume. */
  toggle(): void;
}

/** How long to wait for the engine's voice list (Chrome fills it asynchronously) before saying there is none. */
const VOICES_WAIT_MS = 1500;
/** The most voices the picker lists (best first). */
const MAX_VOICES = 60;
/**
 * With an empty voice list, how long to wait for the engine to start speaking before saying there is
 * no voice (speech-dispatcher may be spawned on the first utterance, which takes seconds).
 */
const NO_START_MS = 5000;
const NO_VOICES = 'No speech voices are installed on this device, so the article cannot be read aloud.';
const ONLINE_ONLY =
  'The only voices here are online voices, which would send the article away: ' +
  'install a voice on this device to listen.';

/**
 * Voices for a language, best first: the article's own region ("en-GB"), then the reader's
 * ("en-US" for a reader in the US when the article just says "en"), then the engine's default, then
 * local ones.
 */
export function voicesFor(all: readonly VoiceLike[], lang: string, readerLocale = ''): VoiceLike[] {
  const norm = (tag: string): string => tag.toLowerCase().replace('_', '-');
  const tag = norm(lang);
  const mine = norm(readerLocale);
  const base = baseLang(tag);
  const score = (v: VoiceLike): number =>
    (norm(v.lang) === tag ? 8 : 0) +
    (mine && norm(v.lang) === mine ? 4 : 0) +
    (v.default ? 2 : 0) +
    (v.localService ? 1 : 0);
  return all.filter((v) => baseLang(norm(v.lang)) === base).sort((a, b) => score(b) - score(a));
}

export function renderListen(ctx: ListenContext): ListenView {
  const { doc, article, signal } = ctx;
  const lang = article.lang || 'en';
  let settings: ListenSettings = structuredClone(DEFAULT_LISTEN_SETTINGS);
  const blocks: ShownBlock[] = articleBlocks(ctx.body, ctx.related);
  const title = ctx.head.querySelector('h1');
  const planFor = (s: ListenSettings): SpeechPlan =>
    buildSpeechPlan(
      {
        title: title ? blockText(title) : article.title,
        byline: article.byline,
        dateline: article.dateline,
        lang: article.lang,
        blocks,
      },
      { extras: s.extras },
    );
  // The plan is made on the first Listen, not on the click that opens the reader: it segments every
  // paragraph (Intl.Segmenter) and formats the dateline in words (Intl), ~5–10 ms of a cold first open
  // (issue #24). The blocks above are still taken at mount, so the plan says what the reader showed then.
  let planned: SpeechPlan | null = null;
  const currentPlan = (): SpeechPlan => (planned ??= planFor(settings));
  const highlighter = createHighlighter(ctx.scroller);
  let player: Player | null = null;
  let voices: VoiceLike[] = [];
  /** Said with "Reading aloud" while it applies: no voice for the article's language. */
  let voiceNote = '';

  const button = h(
    doc,
    'button',
    {
      type: 'button',
      class: 'listen',
      'aria-pressed': 'false',
      'aria-controls': 'dr-listen',
      title: 'Listen (L)',
    },
    'Listen',
  );
  const ctl = (name: string, label: string, text: string): HTMLButtonElement =>
    h(
      doc,
      'button',
      {
        type: 'button',
        class: 'icon',
        'data-listen-control': name,
        'aria-label': label,
        title: label,
      },
      text,
    );
  // U+FE0E: the text form of these symbols (some systems draw them as coloured emoji otherwise).
  const prev = ctl('previous', 'Previous paragraph', '⏮\uFE0E');
  const play = ctl('play', 'Play', '▶\uFE0E');
  play.setAttribute('aria-pressed', 'false');
  const next = ctl('next', 'Next paragraph', '⏭\uFE0E');
  const stop = ctl('stop', 'Stop listening', '■\uFE0E');
  const rate = h(
    doc,
    'select',
    { 'data-listen-control': 'rate' },
    ...RATES.map((r) => h(doc, 'option', { value: String(r) }, `${r}×`)),
  );
  const voice = h(doc, 'select', { 'data-listen-control': 'voice' });
  const extras = h(doc, 'input', { type: 'checkbox', 'data-listen-control': 'extras' });
  // A live region without role="status": the reader's own status line is the dialog's role="status".
  const status = h(doc, 'span', { class: 'listen-status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const bar = h(
    doc,
    'div',
    {
      class: 'listen-bar',
      id: 'dr-listen',
      role: 'region',
      'aria-label': 'Listen',
      hidden: true,
    },
    prev,
    play,
    next,
    h(doc, 'label', {}, h(doc, 'span', {}, 'Speed'), rate),
    h(doc, 'label', {}, h(doc, 'span', {}, 'Voice'), voice),
    h(doc, 'label', { class: 'listen-extras' }, extras, h(doc, 'span', {}, 'Captions and related')),
    status,
    stop,
  );

  const say = (text: string): void => {
    status.textContent = text;
  };

  function showSettings(): void {
    rate.value = String(settings.rate);
    if (!RATES.some((r) => r === settings.rate)) rate.value = '1';
    extras.checked = settings.extras;
  }

  function chosenVoice(): VoiceLike | null {
    return voices.find((v) => v.voiceURI === voice.value) ?? null;
  }

  /** Fills the picker from the engine; returns how many voices the engine lists at all. */
  function refreshVoices(): number {
    const listed = ctx.speech?.synth.getVoices() ?? [];
    // Only voices on this device: an online voice (Chrome's "Google …" voices, localService false)
    // sends the text to a server, and nothing is to leave the browser.
    const all = listed.filter((v) => v.localService);
    const matching = voicesFor(all, lang, doc.defaultView?.navigator.language);
    // Capped: espeak-ng offers hundreds of variants per language, a list nobody can scroll.
    voices = (matching.length ? matching : [...all]).slice(0, MAX_VOICES);
    const stored = all.find((v) => v.voiceURI === settings.voices[baseLang(lang)]);
    if (stored && !voices.includes(stored)) voices.unshift(stored);
    const options = voices.map((v) => h(doc, 'option', { value: v.voiceURI }, `${v.name} (${v.lang})`));
    // No voice for the article's language: the engine picks one from the utterance's language by
    // default (an English voice reading Arabic letters would be worse); the others stay choosable.
    if (!matching.length) options.unshift(h(doc, 'option', { value: '' }, 'Browser default'));
    voice.replaceChildren(...options);
    voice.value = (stored ?? (matching.length ? voices[0] : null))?.voiceURI ?? '';
    voice.disabled = !voices.length;
    voiceNote =
      all.length && !matching.length
        ? `No voice for this article’s language (${lang}) on this device: the browser’s default reads it.`
        : '';
    if (voiceNote && player?.status !== 'playing') say(voiceNote);
    return listed.length;
  }

  function waitForVoices(): Promise<number> {
    const synth = ctx.speech?.synth;
    if (!synth) return Promise.resolve(0);
    const listed = refreshVoices();
    if (listed) return Promise.resolve(listed);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        resolve(refreshVoices());
      };
      // A bound for the UI, not a test wait: an engine without voices may never fire voiceschanged.
      const timer = setTimeout(done, VOICES_WAIT_MS);
      synth.addEventListener('voiceschanged', done, { once: true, signal });
    });
  }

  function itemElement(item: SpeechItem): Element | null {
    if (item.source === 'title') return title;
    if (item.source === 'dateline') return ctx.head.querySelector('.dateline') ?? title;
    if (item.source === 'byline') return ctx.head.querySelector('.byline') ?? title;
    return blocks[item.source]?.el ?? null;
  }

  function onStatus(s: PlayerStatus, note?: string): void {
    const playing = s === 'playing';
    button.setAttribute('aria-pressed', String(playing));
    play.setAttribute('aria-pressed', String(playing));
    play.textContent = playing ? '⏸\uFE0E' : '▶\uFE0E';
    play.setAttribute('aria-label', playing ? 'Pause' : 'Play');
    play.title = playing ? 'Pause (L)' : 'Play (L)';
    if (s === 'idle') highlighter.clear();
    say(note ?? { idle: '', playing: voiceNote || 'Reading aloud', paused: 'Paused', ended: 'Finished' }[s]);
  }

  function ensurePlayer(): Player {
    player ??= createPlayer(
      ctx.speech!,
      currentPlan(),
      {
        onItem: (i) => {
          const item = currentPlan().items[i];
          const el = item && itemElement(item);
          if (el && item) highlighter.show(el, item.range);
        },
        onStatus,
        onStart: () => {
          if (!started && status.textContent === NO_VOICES) say('Reading aloud');
          started = true;
        },
      },
      { rate: settings.rate, voice: chosenVoice() },
    );
    return player;
  }

  let starting = false;
  /** Has the engine ever started an utterance of ours? */
  let started = false;
  async function start(): Promise<void> {
    bar.hidden = false;
    if (!ctx.speech) {
      say('Reading aloud is not available in this browser.');
      return;
    }
    if (starting) return;
    starting = true;
    try {
      const voiceCount = await waitForVoices();
      if (signal.aborted) return;
      if (voiceCount && !voices.length) {
        say(ONLINE_ONLY);
        return;
      }
      const p = ensurePlayer();
      p.configure({ voice: chosenVoice() });
      p.play();
      if (!voiceCount && !started) {
        // An empty list does not always mean no voice: Chromium on Linux lists speech-dispatcher's
        // voices only after it has spoken once. So try, and say there is none only if nothing starts.
        say('Looking for a voice…');
        // The utterance stays queued: a slow engine that starts after all corrects the message.
        const timer = setTimeout(() => {
          if (!started && !signal.aborted && p.status === 'playing') say(NO_VOICES);
        }, NO_START_MS);
        signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      }
    } finally {
      starting = false;
    }
  }

  function toggle(): void {
    if (player?.status === 'playing') player.pause();
    else void start();
  }

  function persist(): void {
    saveListenSettings(settings);
  }

  button.addEventListener('click', toggle, { signal });
  play.addEventListener('click', toggle, { signal });
  next.addEventListener('click', () => player?.next(), { signal });
  prev.addEventListener('click', () => player?.previous(), { signal });
  stop.addEventListener(
    'click',
    () => {
      player?.stop();
      highlighter.clear();
      bar.hidden = true;
      button.focus();
    },
    { signal },
  );
  rate.addEventListener(
    'change',
    () => {
      settings = { ...settings, rate: Number(rate.value) };
      player?.configure({ rate: settings.rate });
      persist();
    },
    { signal },
  );
  voice.addEventListener(
    'change',
    () => {
      settings = { ...settings, voices: { ...settings.voices, [baseLang(lang)]: voice.value } };
      player?.configure({ voice: chosenVoice() });
      persist();
    },
    { signal },
  );
  extras.addEventListener(
    'change',
    () => {
      settings = { ...settings, extras: extras.checked };
      replan();
      persist();
    },
    { signal },
  );

  /** The extras setting changed: a new plan, resumed at the same words (or the next paragraph said). */
  function replan(): void {
    if (!player) {
      planned = null; // made again, with these settings, when the user first listens
      return;
    }
    const current = currentPlan().items[player.index];
    const plan = (planned = planFor(settings));
    const same = current
      ? plan.items.findIndex((i) => i.source === current.source && i.range?.start === current.range?.start)
      : 0;
    player.replan(plan, same >= 0 ? same : 0);
  }

  // L reads aloud / pauses, wherever focus is in the reader except where L is typed or chosen.
  ctx.root.addEventListener(
    'keydown',
    (e) => {
      const ke = e as KeyboardEvent;
      if (!ke.isTrusted || ke.key.toLowerCase() !== 'l' || ke.defaultPrevented) return;
      if (ke.ctrlKey || ke.metaKey || ke.altKey) return;
      const target = ke.composedPath()[0] as Element | undefined;
      if (target && /^(input|select|textarea)$/.test(target.localName ?? '')) return;
      ke.preventDefault();
      toggle();
    },
    { signal },
  );

  // Closing the reader (or leaving the page) silences what we started and removes the highlight.
  const end = (): void => {
    player?.stop();
    highlighter.clear();
  };
  signal.addEventListener('abort', end, { once: true });
  doc.defaultView?.addEventListener('pagehide', end, { signal });

  showSettings();
  void loadListenSettings().then((s) => {
    if (signal.aborted) return;
    const extrasChanged = s.extras !== settings.extras;
    settings = s;
    showSettings();
    if (ctx.speech) refreshVoices();
    if (extrasChanged) replan();
    player?.configure({ rate: s.rate, voice: chosenVoice() });
  });
  if (ctx.speech) {
    refreshVoices();
    ctx.speech.synth.addEventListener('voiceschanged', () => refreshVoices(), { signal });
  }
  return { button, bar, toggle };
}
