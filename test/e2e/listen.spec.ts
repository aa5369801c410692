/**
 * Listen (issue #26) in real Chromium with the built extension (dist/chrome-e2e).
 *
 * The speech is recorded in the page's main world (test/e2e/speech-recorder.ts, installed with
 * addInitScript before the page loads); the e2e content script routes the player's speechSynthesis
 * calls there (src/content/e2e.ts says why: the overlay's isolated world cannot see a page override).
 * With the fake engine an utterance ends only when the test says so: every wait is for a condition.
 * The last tests use a real voice: espeak-ng through speech-dispatcher (--enable-speech-dispatcher),
 * once through the same recorder and once through the store build's path (no seam at all).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import {
  FIXTURES,
  OVERLAY_TAG,
  clickAction,
  launchChromium,
  serveDir,
  waitForOverlay,
  type ChromiumSession,
  type Served,
} from './harness.js';
import { speechRecorderScript, type SpeechMode } from './speech-recorder.js';
import { finish, heard, speechHome, spoken, stopSpeechDispatcher } from './listen-speech.js';

declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const LOPEZ = 'Dr. Maria Lopez, who advised the committee, said the bill would pay for new radar at forty ports.';
const TITLE = 'Senate Passes Harbour Safety Bill After Long Debate';

let chromium: ChromiumSession;
let server: Served;
/** expect.poll with room for a loaded machine (2 cores, other browsers running): conditions, never sleeps. */
const poll = <T>(fn: () => Promise<T> | T, opts: { timeout?: number } = {}) =>
  expect.poll(fn, { timeout: 10_000, ...opts });
let home: string | null = null;
const opened: Page[] = [];

beforeAll(async () => {
  home = await speechHome();
  [server, chromium] = await Promise.all([
    serveDir(FIXTURES),
    launchChromium({
      args: home ? ['--enable-speech-dispatcher'] : [],
      env: home ? { HOME: home, XDG_RUNTIME_DIR: `${home}/run` } : undefined,
    }),
  ]);
});
afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (home) {
    stopSpeechDispatcher(home);
    await rm(home, { recursive: true, force: true }).catch(() => {});
  }
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close().catch(() => {})));
});

async function openReader(mode: SpeechMode | null, file = 'listen-en.html'): Promise<Page> {
  const page = await chromium.ctx.newPage();
  opened.push(page);
  if (mode) await page.addInitScript(speechRecorderScript(mode));
  await page.goto(`${server.url}/${file}`);
  await clickAction(chromium.ctx, page, chromium.extensionId);
  return page;
}

const reader = (page: Page) => page.locator(`${OVERLAY_TAG} .reader`);
const listenButton = (page: Page) => reader(page).getByRole('button', { name: 'Listen', exact: true });

type Seen = { text: string; highlight: string | null; block: string | null };

/**
 * Fake mode: lets each utterance finish, `count` of them (or all, until the reader says "Finished"),
 * and returns what was highlighted while each was being said.
 */
async function speakThrough(page: Page, count = Infinity): Promise<Seen[]> {
  const seen: Seen[] = [];
  while (seen.length < count) {
    await poll(async () => {
      const h = await heard(page);
      return h.current !== null || h.status === 'Finished';
    }).toBe(true);
    const h = await heard(page);
    if (h.current === null) break;
    seen.push({ text: h.current, highlight: h.highlight, block: h.block });
    await finish(page);
  }
  return seen;
}

describe('Listen in Chromium', () => {
  it('reads the title, the dateline in words, the byline, then the body sentence by sentence, highlighting each', async () => {
    await chromium.sw.evaluate(() => chrome.storage.sync.remove('listenSettings'));
    const page = await openReader('fake');
    expect(await listenButton(page).getAttribute('aria-pressed')).toBe('false');
    await listenButton(page).click();
    await poll(() => listenButton(page).getAttribute('aria-pressed')).toBe('true');
    const seen = await speakThrough(page);
    expect(seen.map((s) => s.text)).toEqual([
      'Senate Passes Harbour Safety Bill After Long Debate',
      'Washington, Associated Press.',
      expect.stringMatching(/^Tuesday, March 12, 2024(,| at) 2:05\sPM Eastern Time\.$/),
      expect.stringMatching(/^Updated 4:30\sPM Eastern Time\.$/),
      'By Dana Reyes',
      'The U.S. Senate passed a harbour safety bill on Tuesday after a debate that lasted most of the day, ' +
        'sending the measure to the president, who is expected to sign it.',
      'Dr. Maria Lopez, who advised the committee, said the bill would pay for new radar at forty ports.',
      'She called it overdue.',
      'Critics said the cost was too high.',
      // The caption is skipped; a sentence too long to say in ~12 s is cut at a clause mark (Chrome
      // stops some voices after ~15 s of one utterance).
      'The House approved its version last month by a wide margin, and the two texts were reconciled in a ' +
        'conference committee that met over three weeks,',
      'according to aides who spoke on condition of anonymity.',
      'Ports will have two years to install the equipment.',
      'Smaller ports can ask for an extension of one more year.',
    ]);
    // The highlight is the sentence being said, in the title and body; the dateline and byline are
    // said in other words than shown, so their whole line is marked.
    expect(seen[0]!.highlight).toBe('Senate Passes Harbour Safety Bill After Long Debate');
    expect(seen[1]!.block).toMatch(/Washington/);
    expect(seen[4]!.block).toBe('By Dana Reyes');
    for (const i of [5, 6, 7, 8, 9, 10, 11, 12]) expect(seen[i]!.highlight).toBe(seen[i]!.text);
    expect(seen[7]!.block).toMatch(/^Dr\. Maria Lopez.*too high\.$/);
    const end = await heard(page);
    expect(end.current).toBeNull();
    expect(end.status).toBe('Finished');
    // Every utterance in the article's language, at the default rate, with an English voice.
    const speaks = end.log.filter((e) => e.op === 'speak');
    expect(new Set(speaks.map((e) => `${e.lang} ${e.rate} ${e.voiceURI}`))).toEqual(new Set(['en-US 1 test-en-us']));
    // Related headlines are not read.
    expect(spoken(end).join(' ')).not.toMatch(/Ports funding vote delayed/);
  });

  it('L pauses and resumes across a tab switch; next / previous paragraph; closing the reader stops everything', async () => {
    const page = await openReader('fake');
    await page.keyboard.press('l');
    await speakThrough(page, 6); // title, dateline ×3, byline, first body paragraph
    await poll(async () => (await heard(page)).current).toBe(LOPEZ);
    await page.keyboard.press('l');
    let h = await heard(page);
    expect(h.log.at(-1)?.op === 'cancel' || h.log.at(-2)?.op === 'cancel').toBe(true);
    expect(h.current).toBeNull();
    expect(h.status).toBe('Paused');
    expect(h.playPressed).toBe('false');
    // Another tab in front, then back.
    const other = await chromium.ctx.newPage();
    opened.push(other);
    await other.goto(`${server.url}/listen-en.html`);
    await other.bringToFront();
    await page.bringToFront();
    await page.keyboard.press('l');
    await poll(async () => (await heard(page)).current).toBe(LOPEZ);
    expect((await heard(page)).playPressed).toBe('true');
    await reader(page).getByRole('button', { name: 'Next paragraph' }).click();
    await poll(async () => (await heard(page)).current).toMatch(/^The House approved/);
    expect((await heard(page)).highlight).toMatch(/^The House approved/);
    await reader(page).getByRole('button', { name: 'Previous paragraph' }).click();
    await poll(async () => (await heard(page)).current).toMatch(/^Dr\. Maria Lopez/);

    const before = (await heard(page)).log.length;
    await page.keyboard.press('Escape');
    expect(await waitForOverlay(page, false)).toBe(true);
    h = await heard(page);
    expect(h.log.slice(before).map((e) => e.op)).toContain('cancel');
    expect(h.current).toBeNull();
    expect(await finish(page)).toBe(false);
    const after = (await heard(page)).log;
    expect(after.slice(before).filter((e) => e.op === 'speak')).toEqual([]);
    expect(h.highlight ?? '').toBe('');
  });

  it('page script cannot start it: .click() on its buttons and a synthetic L key do nothing', async () => {
    const page = await openReader('fake');
    await page.evaluate((tag: string) => {
      const root = document.documentElement.querySelector(`:scope > ${tag}`)!.shadowRoot!;
      root.querySelector<HTMLElement>('button.listen')!.click();
      root.querySelector<HTMLElement>('[data-listen-control="play"]')!.click();
      const key = new KeyboardEvent('keydown', { key: 'l', bubbles: true, composed: true });
      root.querySelector('.scroller')!.dispatchEvent(key);
    }, OVERLAY_TAG);
    // Then the user's own click: had the page started anything, it would be in the log before this title.
    await listenButton(page).click();
    await poll(async () => (await heard(page)).current).not.toBeNull();
    const h = await heard(page);
    expect(spoken(h)).toEqual(['Senate Passes Harbour Safety Bill After Long Debate']);
  });

  it('speed, voice (the article’s language only) and "captions and related" apply and persist in storage.sync', async () => {
    await chromium.sw.evaluate(() => chrome.storage.sync.remove('listenSettings'));
    const page = await openReader('fake');
    const bar = reader(page).getByRole('region', { name: 'Listen' });
    await listenButton(page).click();
    await poll(async () => (await heard(page)).current).not.toBeNull();
    const voices = await bar.locator('[data-listen-control="voice"] option').allTextContents();
    expect(voices).toEqual(['Test English (en-US)', 'Test English (UK) (en-GB)']);
    // The user's own keys (type-ahead in a focused select): playwright's selectOption dispatches a
    // synthetic change, which the reader ignores like any page script's.
    await bar.locator('[data-listen-control="rate"]').focus();
    await page.keyboard.type('1.5');
    await bar.locator('[data-listen-control="voice"]').focus();
    await page.keyboard.type('Test English (U');
    await poll(async () => (await heard(page)).log.filter((e) => e.op === 'speak').at(-1)).toMatchObject({
      rate: 1.5,
      voiceURI: 'test-en-gb',
      text: TITLE,
    });
    await bar.getByRole('checkbox', { name: 'Captions and related' }).check();
    const stored = (): Promise<unknown> =>
      chromium.sw.evaluate(async () => (await chrome.storage.sync.get('listenSettings')).listenSettings);
    await poll(stored).toEqual({ rate: 1.5, voices: { en: 'test-en-gb' }, extras: true });
    // With extras, the caption and the related headlines are read too.
    const rest = await speakThrough(page);
    const texts = rest.map((s) => s.text);
    expect(texts).toContain('Boats in a harbour at dusk.');
    const house = texts.findIndex((t) => t.startsWith('The House approved'));
    expect(texts.indexOf('Boats in a harbour at dusk.')).toBeLessThan(house);
    expect(texts).toContain('Ports funding vote delayed again');
    await page.keyboard.press('Escape');

    // A new reader starts with the stored settings.
    const again = await openReader('fake');
    await listenButton(again).click();
    await poll(async () => (await heard(again)).log.find((e) => e.op === 'speak')).toMatchObject({
      rate: 1.5,
      voiceURI: 'test-en-gb',
    });
    await chromium.sw.evaluate(() => chrome.storage.sync.remove('listenSettings'));
  });

  it('the library’s reader has Listen too (the extension page’s own speechSynthesis, recorded)', async () => {
    const page = await openReader('fake');
    await reader(page).locator('button[data-action="save"]').click();
    const saved = (): Promise<string> =>
      page.evaluate(
        (tag: string) =>
          document.documentElement.querySelector(`:scope > ${tag}`)?.shadowRoot?.querySelector('.status')
            ?.textContent ?? '',
        OVERLAY_TAG,
      );
    await poll(saved, { timeout: 15_000 }).toMatch(/library/);
    const lib = await chromium.ctx.newPage();
    opened.push(lib);
    // The library page runs the reader in its own (main) world: the fake is what its speechSynthesis is.
    await lib.addInitScript(speechRecorderScript('fake'));
    await lib.goto(`chrome-extension://${chromium.extensionId}/library.html`);
    await lib.waitForSelector('body[data-state="ready"]', { timeout: 10_000 });
    await lib.locator('#list li .title', { hasText: TITLE }).first().click();
    expect(await waitForOverlay(lib)).toBe(true);
    await listenButton(lib as Page).click();
    const seen = await speakThrough(lib, 3);
    expect(seen.map((s) => s.text)).toEqual([
      TITLE,
      'Washington, Associated Press.',
      expect.stringMatching(/^Tuesday/),
    ]);
    expect(seen[0]!.highlight).toBe(TITLE);
    await lib.keyboard.press('Escape');
    expect(await waitForOverlay(lib, false)).toBe(true);
    expect((await heard(lib)).log.at(-1)?.op).toBe('cancel');
  });

  it('the Listen shortcut (Alt+Shift+L → the background’s command handler) opens the reader and starts reading', async () => {
    const page = await chromium.ctx.newPage();
    opened.push(page);
    await page.addInitScript(speechRecorderScript('fake'));
    await page.goto(`${server.url}/listen-en.html`);
    await chromium.sw.evaluate(async (url: string) => {
      const tab = (await chrome.tabs.query({})).find((t: { url?: string }) => t.url === url);
      await (globalThis as unknown as { __test: { listen(id: number): Promise<unknown> } }).__test.listen(tab.id);
    }, page.url());
    expect(await waitForOverlay(page, true)).toBe(true);
    await poll(async () => (await heard(page)).current).toBe(TITLE);
    await page.keyboard.press('Escape');
    expect(await waitForOverlay(page, false)).toBe(true);
  });

  it('a real voice (espeak-ng via speech-dispatcher): utterances start and end in order, the highlight moves, Esc cancels', async (ctx) => {
    if (!home) ctx.skip(); // needs apt-get install -y speech-dispatcher espeak-ng
    const page = await openReader('real');
    await listenButton(page).click();
    // The engine's own events: the title ends, the dateline starts.
    await poll(async () => spoken(await heard(page)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    const h = await heard(page);
    // (Play first clears the engine: a cancel before the first utterance.)
    const ops = h.log.map((e) => `${e.op}${e.id ?? ''}`).filter((op) => op !== 'cancel');
    expect(ops.slice(0, 4)).toEqual(['speak1', 'start1', 'end1', 'speak2']);
    expect(spoken(h).slice(0, 2)).toEqual([TITLE, 'Washington, Associated Press.']);
    expect(h.block).not.toBe('Senate Passes Harbour Safety Bill After Long Debate');
    // The voice picker lists the real English voices.
    const voices = await reader(page).locator('[data-listen-control="voice"] option').allTextContents();
    expect(voices.length).toBeGreaterThan(0);
    for (const v of voices) expect(v).toMatch(/\(en/i);
    await page.keyboard.press('Escape');
    expect(await waitForOverlay(page, false)).toBe(true);
    const closed = (await heard(page)).log;
    expect(closed.at(-1)?.op === 'cancel' || closed.some((e) => e.op === 'cancel')).toBe(true);
  });

  it('a real voice through the store build’s path (the content script’s own speechSynthesis): the highlight moves on', async (ctx) => {
    if (!home) ctx.skip();
    const page = await openReader(null);
    await listenButton(page).click();
    await poll(async () => (await heard(page)).block, { timeout: 30_000 }).toMatch(
      /Washington|Dana Reyes|Senate passed/,
    );
    await page.keyboard.press('Escape');
    expect(await waitForOverlay(page, false)).toBe(true);
  });
});
