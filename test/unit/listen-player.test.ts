// @vitest-environment jsdom
/**
 * Listen in the reader under jsdom, with a recording SpeechApi (the real-browser behaviour, with
 * the engine in the page's world and a real voice, is test/e2e/listen.spec.ts): the order of what
 * is said, the highlight following it, pause / resume / next / previous, the L key answering only
 * trusted input, no voices → the control says so, closing the reader → cancel and silence.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/shell/browser.js', () => ({ browser: { runtime: { id: 'test' } } }));

const { mountReader, DEFAULT_READER_SETTINGS } = await import('../../src/overlay/index.js');
import type { ExtractResult } from '../../src/core/types.js';
import type { SpeechApi, UtteranceLike, VoiceLike } from '../../src/overlay/listen/speech-api.js';

function article(over: Partial<ExtractResult> = {}): ExtractResult {
  return {
    url: 'https://news.example/2024/03/12/storm',
    canonicalUrl: null,
    isNews: true,
    newsScore: 0.9,
    newsReasons: [],
    title: 'Storm Closes Harbour',
    byline: 'Dana Reyes',
    siteName: 'Coast Daily',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: null,
    favicon: null,
    content:
      '<p>Ferries stayed in port. The U.S. Coast Guard said so.</p>' +
      '<figure><img src="https://news.example/a.jpg" alt=""><figcaption>A ferry.</figcaption></figure>' +
      '<p>Second paragraph.</p>',
    textContent: '',
    wordCount: 12,
    readingMinutes: 1,
    paywalled: false,
    dateline: {
      published: '2024-03-12T14:05-04:00',
      modified: null,
      precision: 'minute',
      place: 'Washington',
      agency: 'AP',
      text: '',
      source: 'json-ld',
    },
    related: [],
    ...over,
  };
}

interface Rec {
  api: SpeechApi;
  log: string[];
  current(): UtteranceLike | null;
  finish(): void;
  voices: VoiceLike[];
}

const EN: VoiceLike[] = [{ name: 'En', lang: 'en-US', voiceURI: 'en', localService: true, default: true }];

/** A recording engine; `mute`: one with no voice at all, which never starts an utterance. */
function recorder(voices: VoiceLike[] = EN, mute = false): Rec {
  const log: string[] = [];
  let current: UtteranceLike | null = null;
  const rec: Rec = {
    log,
    voices,
    current: () => current,
    finish() {
      const u = current;
      current = null;
      u?.onend?.({});
    },
    api: {
      synth: {
        get speaking() {
          return !!current;
        },
        pending: false,
        paused: false,
        speak(u) {
          log.push(`speak:${u.text}`);
          current = u;
          if (!mute) u.onstart?.({});
        },
        cancel() {
          log.push('cancel');
          const u = current;
          current = null;
          u?.onerror?.({ error: 'interrupted' });
        },
        resume() {
          log.push('resume');
        },
        getVoices: () => rec.voices,
        addEventListener() {},
      },
      createUtterance: (text) => ({ text, lang: '', rate: 1, voice: null, onstart: null, onend: null, onerror: null }),
    },
  };
  return rec;
}

const settings = { ...DEFAULT_READER_SETTINGS };
const spoken = (r: Rec): string[] => r.log.filter((l) => l.startsWith('speak:')).map((l) => l.slice(6));
const highlighted = (root: ShadowRoot): string | null =>
  root.querySelector('[data-listen="current"]')?.textContent ?? null;
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  document.documentElement.querySelectorAll(':scope > dateline-reader').forEach((e) => e.remove());
  document.body.innerHTML = '<p>page</p>';
});

describe('Listen in the reader', () => {
  it('says title, dateline in words, byline, then the body sentence by sentence (captions skipped), highlighting each', async () => {
    const rec = recorder();
    const r = mountReader(document, article(), { settings, speech: rec.api, timeZone: 'UTC' });
    const button = r.shadowRoot.querySelector('button.listen')!;
    expect(button.textContent).toBe('Listen');
    expect(button.getAttribute('aria-pressed')).toBe('false');
    r.toggleListen();
    await vi.waitFor(() => expect(spoken(rec)).toHaveLength(1));
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(highlighted(r.shadowRoot)).toBe('Storm Closes Harbour');
    const seen: (string | null)[] = [];
    while (rec.current()) {
      seen.push(highlighted(r.shadowRoot));
      rec.finish();
    }
    expect(spoken(rec)).toEqual([
      'Storm Closes Harbour',
      'Washington, Associated Press.',
      expect.stringMatching(/^Tuesday, March 12, 2024.*2:05\sPM Eastern Time\.$/),
      'By Dana Reyes',
      'Ferries stayed in port.',
      'The U.S. Coast Guard said so.',
      'Second paragraph.',
    ]);
    const first = 'Ferries stayed in port. The U.S. Coast Guard said so.';
    expect(seen.slice(4)).toEqual([first, first, 'Second paragraph.']);
    expect(r.shadowRoot.querySelector('.listen-status')!.textContent).toBe('Finished');
    r.close();
  });

  it('pause cancels and remembers the sentence; resume says it again; next skips to the next paragraph', async () => {
    const rec = recorder();
    const r = mountReader(document, article(), { settings, speech: rec.api });
    r.toggleListen();
    await vi.waitFor(() => expect(spoken(rec)).toHaveLength(1));
    for (let i = 0; i < 4; i++) rec.finish(); // title, dateline ×2, byline
    expect(rec.current()!.text).toBe('Ferries stayed in port.');
    r.toggleListen(); // pause
    expect(rec.log.at(-1)).toBe('cancel');
    expect(rec.current()).toBeNull();
    expect(r.shadowRoot.querySelector('.listen-status')!.textContent).toBe('Paused');
    r.toggleListen(); // resume
    await vi.waitFor(() => expect(rec.current()?.text).toBe('Ferries stayed in port.'));
    r.shadowRoot.querySelector('[data-listen-control="next"]')!.dispatchEvent(new MouseEvent('click'));
    // Untrusted: the page's synthetic click does nothing.
    expect(rec.current()!.text).toBe('Ferries stayed in port.');
    r.close();
    expect(rec.log.at(-1)).toBe('cancel');
    const count = rec.log.length;
    rec.finish();
    expect(rec.log).toHaveLength(count); // nothing more is said after closing
  });

  it('with no voices the control says so instead of doing nothing; without speechSynthesis too', async () => {
    const rec = recorder([], true);
    const r = mountReader(document, article(), { settings, speech: rec.api });
    r.toggleListen();
    const status = r.shadowRoot.querySelector('.listen-status')!;
    await vi.waitFor(() => expect(status.textContent).toMatch(/No speech voices/), { timeout: 10_000 });
    expect(r.shadowRoot.querySelector<HTMLElement>('.listen-bar')!.hidden).toBe(false);
    // It tried (an empty list is not always no voice: an engine may start late, and then it reads).
    expect(rec.log).toEqual(['cancel', 'speak:Storm Closes Harbour']);
    r.close();
    expect(rec.log).toEqual(['cancel', 'speak:Storm Closes Harbour', 'cancel']);

    const none = mountReader(document, article(), { settings, speech: null });
    none.toggleListen();
    await flush();
    expect(none.shadowRoot.querySelector('.listen-status')!.textContent).toMatch(/not available/);
    none.close();
  });

  it('an engine that lists no voices but speaks (Chromium + speech-dispatcher before its first utterance) is used', async () => {
    const rec = recorder([]);
    const r = mountReader(document, article(), { settings, speech: rec.api });
    r.toggleListen();
    await vi.waitFor(() => expect(spoken(rec)).toEqual(['Storm Closes Harbour']), { timeout: 4000 });
    rec.finish();
    expect(spoken(rec)).toEqual(['Storm Closes Harbour', 'Washington, Associated Press.']);
    r.close();
  });

  it('online voices are never used: with only those, the control says why it does not read', async () => {
    const rec = recorder([
      { name: 'Google US English', lang: 'en-US', voiceURI: 'g', localService: false, default: true },
    ]);
    const r = mountReader(document, article(), { settings, speech: rec.api });
    r.toggleListen();
    await vi.waitFor(() => expect(r.shadowRoot.querySelector('.listen-status')!.textContent).toMatch(/online voices/));
    expect(rec.log).toEqual([]);
    r.close();
  });

  it('the voice picker lists the article’s language first and picks the same region', async () => {
    const rec = recorder([
      { name: 'Deutsch', lang: 'de-DE', voiceURI: 'de', localService: true, default: true },
      { name: 'US', lang: 'en-US', voiceURI: 'en-us', localService: true, default: false },
      { name: 'UK', lang: 'en-GB', voiceURI: 'en-gb', localService: true, default: false },
    ]);
    const r = mountReader(document, article({ lang: 'en-GB' }), { settings, speech: rec.api });
    const options = Array.from(r.shadowRoot.querySelectorAll('[data-listen-control="voice"] option')).map((o) =>
      o.getAttribute('value'),
    );
    expect(options).toEqual(['en-gb', 'en-us']);
    r.close();
  });

  it('no voice for the article’s language: the engine’s default for that language, not an English voice', async () => {
    const rec = recorder();
    let lang = '';
    let voice: VoiceLike | null = null;
    const speak = rec.api.synth.speak.bind(rec.api.synth);
    rec.api.synth.speak = (u) => {
      lang = u.lang;
      voice = u.voice;
      speak(u);
    };
    const r = mountReader(document, article({ lang: 'ar', dir: 'rtl', title: 'عنوان' }), { settings, speech: rec.api });
    const options = Array.from(r.shadowRoot.querySelectorAll('[data-listen-control="voice"] option')).map(
      (o) => o.textContent,
    );
    expect(options).toEqual(['Browser default', 'En (en-US)']);
    r.toggleListen();
    await vi.waitFor(() => expect(spoken(rec)).toEqual(['عنوان']));
    expect(lang).toBe('ar');
    expect(voice).toBeNull();
    expect(r.shadowRoot.querySelector('.listen-status')!.textContent).toMatch(
      /No voice for this article’s language \(ar\)/,
    );
    r.close();
  });

  it('the L key reads aloud only on the user’s own keypress', async () => {
    const rec = recorder();
    const r = mountReader(document, article(), { settings, speech: rec.api });
    const key = new KeyboardEvent('keydown', { key: 'l', bubbles: true, composed: true });
    r.shadowRoot.querySelector('.scroller')!.dispatchEvent(key);
    await flush();
    expect(spoken(rec)).toEqual([]);
    r.close();
  });
});

describe('rangeFor', () => {
  it('maps a sentence’s offsets onto the text nodes it spans (links and emphasis inside a paragraph)', async () => {
    const { rangeFor } = await import('../../src/overlay/listen/highlight.js');
    const p = document.createElement('p');
    p.innerHTML = 'First <em>one</em>. Second <a href="#">link</a> here. Third.';
    const text = p.textContent!;
    const start = text.indexOf('Second');
    const end = text.indexOf('here.') + 'here.'.length;
    expect(rangeFor(p, { start, end }).toString()).toBe('Second link here.');
    expect(rangeFor(p, { start: 0, end: 10 }).toString()).toBe('First one.');
    expect(rangeFor(p, null).toString()).toBe(text);
  });
});
