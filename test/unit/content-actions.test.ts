/**
 * The overlay's feature buttons as the content script builds them (actionsFor): their ids, labels and
 * what each one asks of the background. The overlay runs them only on the user's own (trusted) click,
 * which jsdom cannot make, so the wiring is checked here by running each action directly; the real
 * click is covered by test/e2e/library.spec.ts and test/e2e/autoclean.spec.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractResult } from '../../src/core/types.js';

const sent: { type: string; payload: unknown }[] = [];
const answers: Record<string, unknown> = {
  'library:save': { updated: false, imagesSkipped: 1 },
  'autoclean:choose': { done: true, grantPageOpened: false, display: 'example.co.uk' },
};
vi.mock('../../src/shell/messages.js', () => ({
  sendToBackground: vi.fn(async (type: string, payload: unknown) => {
    sent.push({ type, payload });
    return answers[type];
  }),
}));
const { actionsFor } = await import('../../src/content/actions.js');

const dateline = {
  published: '2024-03-12T14:05-04:00',
  modified: null,
  precision: 'minute',
  place: 'Washington',
  agency: null,
  text: '', // as the reader's open leaves it (no Intl object before the first paint, issue #24)
  source: 'json-ld',
} as ExtractResult['dateline'];
const article = { title: 'Storm Closes Harbour', content: '<p>x</p>', dateline } as ExtractResult;

beforeEach(() => {
  sent.length = 0;
});

describe('actionsFor', () => {
  it('offers Save, Always clean and Never on, labelled with the site', () => {
    const actions = actionsFor({ article, url: 'https://news.example.co.uk/world/storm' });
    expect(actions.map((a) => [a.id, a.label])).toEqual([
      ['save', 'Save'],
      ['autoclean-always', 'Always clean example.co.uk'],
      ['autoclean-never', 'Never on example.co.uk'],
    ]);
  });

  it('Save sends the article to the library and says what happened', async () => {
    const [save] = actionsFor({ article, url: 'https://news.example.com/a' });
    const outcome = await save!.run();
    // One short sentence, no jargon; the button then says "Saved ✓" and opens the library.
    expect(outcome).toMatchObject({
      message: 'Saved to your library; 1 picture shows only when online.',
      done: { label: 'Saved ✓' },
    });
    expect(sent).toEqual([{ type: 'library:save', payload: { article } }]);
    // The library lists the dateline's line of text: written before the save.
    expect(article.dateline.text).toMatch(/^Washington · .*2024.*UTC−4/);
    await (outcome as { done: { run(): Promise<void> } }).done.run();
    expect(sent.at(-1)).toEqual({ type: 'library:open', payload: {} });
  });

  it('Always clean / Never on ask the background to choose, with the site it decided', async () => {
    const [, always, never] = actionsFor({ article, url: 'https://news.example.co.uk/a' });
    await expect(always!.run()).resolves.toBe('Articles on example.co.uk will open cleaned from now on.');
    await expect(never!.run()).resolves.toBe('The reader will not open by itself on example.co.uk.');
    expect(sent).toEqual([
      { type: 'autoclean:choose', payload: { mode: 'always' } },
      { type: 'autoclean:choose', payload: { mode: 'never' } },
    ]);
  });

  it('a page without a web address gets Save only', () => {
    expect(actionsFor({ article, url: 'file:///tmp/a.html' }).map((a) => a.id)).toEqual(['save']);
  });
});
