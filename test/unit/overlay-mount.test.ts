// @vitest-environment jsdom
/**
 * The reader overlay under jsdom (the real-browser behaviour — top layer, hostile CSS, focus, timing —
 * is covered by test/e2e/reader.spec.ts): what it renders from an ExtractResult, that article HTML
 * only reaches the screen sanitized, the notice for non-articles, that page script's synthetic Esc and
 * .click() on action buttons do nothing, and that closing leaves the
 * page's DOM exactly as it was.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The overlay touches no extension API, but shell/platform.ts imports the polyfill (which refuses to
// load outside an extension): stand in for it.
vi.mock('../../src/shell/browser.js', () => ({ browser: { runtime: { id: 'test' } } }));

const { mountReader, OVERLAY_TAG, DEFAULT_READER_SETTINGS } = await import('../../src/overlay/index.js');
// The content script's way (issue #24): the bare mount, its extras (related, Listen, zap, help) later.
const { mountReader: mountFirstPaint } = await import('../../src/overlay/mount-reader.js');
const { READER_EXTRAS } = await import('../../src/overlay/extras.js');
import type { ExtractResult } from '../../src/core/types.js';

function article(over: Partial<ExtractResult> = {}): ExtractResult {
  return {
    url: 'https://news.example/world/2024/03/12/storm',
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
    content: '<p>First paragraph.</p><p>Second <a href="https://news.example/x">link</a>.</p>',
    textContent: 'First paragraph. Second link.',
    wordCount: 4,
    readingMinutes: 3,
    paywalled: false,
    dateline: {
      published: '2024-03-12T14:05-04:00',
      modified: '2024-03-12T16:30-04:00',
      precision: 'minute',
      place: 'Portsmouth',
      agency: 'AP',
      text: '',
      source: 'json-ld',
    },
    related: [
      { title: 'B low', url: 'https://news.example/b', section: 'Most Read', score: 0.2 },
      { title: 'A top', url: 'https://news.example/a', section: 'Latest', score: 0.9, published: '2024-03-12T09:00' },
      { title: 'C mid', url: 'https://news.example/c', section: 'Most Read', score: 0.5 },
      { title: 'D bad scheme', url: 'javascript:alert(1)', section: 'Latest', score: 0.8 },
    ],
    ...over,
  };
}

const settings = { ...DEFAULT_READER_SETTINGS };
const hostOf = (): HTMLElement | null => document.documentElement.querySelector(`:scope > ${OVERLAY_TAG}`);

beforeEach(() => {
  hostOf()?.remove();
  document.documentElement.removeAttribute('style');
  document.body.innerHTML = '<p id="page">Page <button id="b">focus me</button></p>';
});

describe('mountReader', () => {
  it('renders title, byline, dateline with <time datetime>, reading time and the sanitized article', () => {
    const r = mountReader(
      document,
      article({ content: '<p>Hi<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script></p>' }),
      { settings, timeZone: 'UTC', locale: 'en-GB' },
    );
    const root = r.shadowRoot;
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Storm Closes Harbour');
    expect(root.querySelector('.byline')!.textContent).toBe('By Dana Reyes');
    expect(root.querySelector('.reading-time')!.textContent).toBe('3 min read');
    const times = Array.from(root.querySelectorAll('.dateline time')).map((t) => t.getAttribute('datetime'));
    expect(times).toEqual(['2024-03-12T14:05-04:00', '2024-03-12T16:30-04:00']);
    const line = root.querySelector('.dateline')!.textContent!;
    expect(line).toContain('Portsmouth');
    expect(line).toContain('(AP)');
    expect(line).toMatch(/12 March 2024.*14:05.*UTC−4/);
    expect(line).toContain('18:05 your time'); // the reader is in UTC here
    expect(line).toMatch(/Updated .*16:30/);
    const body = root.querySelector('.article-body')!;
    expect(body.querySelector('script')).toBeNull();
    expect(body.querySelector('img')!.hasAttribute('onerror')).toBe(false);
    expect(root.querySelector('main')).not.toBeNull();
    r.close();
  });

  it('groups related headlines by section, most relevant group and headline first, dropping non-web links', () => {
    const r = mountReader(document, article(), { settings, timeZone: 'UTC' });
    const sections = Array.from(r.shadowRoot.querySelectorAll('.related section')).map((s) => ({
      h: s.querySelector('h2')!.textContent,
      items: Array.from(s.querySelectorAll('.headline')).map((x) => x.textContent),
    }));
    expect(sections).toEqual([
      { h: 'Latest', items: ['A top'] },
      { h: 'Most Read', items: ['C mid', 'B low'] },
    ]);
    const a = r.shadowRoot.querySelector('.related a') as HTMLAnchorElement;
    expect(a.getAttribute('href')).toBe('https://news.example/a');
    expect(a.hasAttribute('target')).toBe(false); // opens in the same tab
    expect(a.closest('li')!.querySelector('time')!.getAttribute('datetime')).toBe('2024-03-12T09:00');
    r.close();
  });

  it('shows a small notice (not an empty overlay) for a page that is not an article, with "Show anyway" when there is text', () => {
    const r = mountReader(document, article({ isNews: false }), { settings });
    expect(r.mode).toBe('notice');
    expect(r.shadowRoot.querySelector('.reader')).toBeNull();
    const show = r.shadowRoot.querySelector<HTMLButtonElement>('[data-action="show-anyway"]')!;
    expect(r.shadowRoot.querySelector('.notice')!.textContent).toMatch(/doesn’t look like a news article/);
    // A page script's .click() (untrusted) does not press it; the user's click does (e2e: reader.spec.ts).
    show.click();
    expect(r.mode).toBe('notice');
    expect(r.shadowRoot.querySelector('[data-action="dismiss"]')).not.toBeNull();
    (r.shadowRoot.querySelector('[data-action="dismiss"]') as HTMLButtonElement).click();
    expect(hostOf()).toBe(r.host);
    r.close();

    const empty = mountReader(
      document,
      article({
        isNews: false,
        content: '',
        error: { code: 'no-article', message: 'No article was found on this page.' },
      }),
      { settings },
    );
    expect(empty.shadowRoot.querySelector('[data-action="show-anyway"]')).toBeNull();
    expect(empty.shadowRoot.querySelector('.notice')!.textContent).toContain('No article was found on this page.');
    empty.close();
  });

  it('closing leaves the page DOM, root style and focus exactly as they were; a synthetic Esc from the page does not close', () => {
    document.documentElement.setAttribute('style', 'color:  red');
    const button = document.getElementById('b') as HTMLButtonElement;
    button.focus();
    const before = document.documentElement.outerHTML;
    const onClose = vi.fn();
    const r = mountReader(document, article(), { settings, onClose });
    expect(hostOf()).toBe(r.host);
    expect(document.body.hasAttribute('inert')).toBe(true);
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    // Script-dispatched (isTrusted false, as from page script): ignored. A real Esc closes (e2e: reader.spec.ts).
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(onClose).not.toHaveBeenCalled();
    expect(hostOf()).toBe(r.host);
    r.close();
    expect(onClose).toHaveBeenCalledOnce();
    expect(hostOf()).toBeNull();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.activeElement).toBe(button);
    expect(r.signal.aborted).toBe(true);
  });

  it('settings apply as attributes and custom properties; a page script cannot work the controls', () => {
    const changes: unknown[] = [];
    const r = mountReader(document, article(), { settings, onSettingsChange: (s) => changes.push(s) });
    const reader = r.shadowRoot.querySelector('.reader') as HTMLElement;
    expect(reader.dataset.theme).toBe('auto');
    // Page script reaching into the open shadow root: .click(), a flipped radio with a dispatched change,
    // a click on the close button. All untrusted: nothing changes, nothing is persisted, the reader stays.
    const sepia = r.shadowRoot.querySelector('input[value="sepia"]') as HTMLInputElement;
    sepia.click();
    expect(sepia.checked).toBe(false);
    sepia.checked = true;
    sepia.dispatchEvent(new Event('change', { bubbles: true }));
    (r.shadowRoot.querySelector('[data-step="fontSize+"]') as HTMLButtonElement).click();
    (r.shadowRoot.querySelector('button.close') as HTMLButtonElement).click();
    expect(reader.dataset.theme).toBe('auto');
    expect(reader.style.getPropertyValue('--size')).toBe(`${settings.fontSize}px`);
    expect(changes).toEqual([]);
    expect(hostOf()).toBe(r.host);
    r.applySettings({ ...settings, theme: 'dark', font: 'sans' });
    expect(reader.dataset.theme).toBe('dark');
    expect(reader.dataset.font).toBe('sans');
    expect((r.shadowRoot.querySelector('input[value="dark"]') as HTMLInputElement).checked).toBe(true);
    r.close();
  });

  it('says when the article is only a paywalled preview, and says nothing otherwise', () => {
    const free = mountReader(document, article(), { settings });
    expect(free.shadowRoot.querySelector('.paywall')).toBeNull();
    free.close();
    const r = mountReader(document, article({ paywalled: true }), { settings });
    expect(r.shadowRoot.querySelector('.paywall')!.textContent).toMatch(/preview.*paywall/);
    r.close();
  });

  it('right-to-left articles are marked dir="rtl" with their language', () => {
    const r = mountReader(document, article({ dir: 'rtl', lang: 'ar', byline: 'سارة محمود' }), { settings });
    const el = r.shadowRoot.querySelector('article')!;
    expect(el.getAttribute('dir')).toBe('rtl');
    expect(el.getAttribute('lang')).toBe('ar');
    expect(r.shadowRoot.querySelector('.byline')!.textContent).toBe('سارة محمود');
    r.close();
  });

  it("extra actions from other features become buttons that a page script's .click() cannot run", async () => {
    // jsdom cannot make a trusted click; a real click runs the action and announces its result
    // (e2e: library.spec.ts, autoclean.spec.ts; a page's .click() saving nothing: hostile.spec.ts).
    const run = vi.fn(async () => 'Saved to your library');
    const r = mountReader(document, article(), {
      settings,
      actions: [{ id: 'save', label: 'Save', title: 'Save to your library', run }],
    });
    const save = r.shadowRoot.querySelector('[data-action="save"]') as HTMLButtonElement;
    expect(save.textContent).toBe('Save');
    expect(save.title).toBe('Save to your library');
    save.click();
    save.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(run).not.toHaveBeenCalled();
    expect(save.disabled).toBe(false);
    expect(r.shadowRoot.querySelector('[role="status"]')!.textContent).toBe('');
    r.close();
  });
});

describe('reading controls (renderControls, behind the trusted-input guard)', () => {
  it('report theme, font and stepped changes, and clamp at the limits', async () => {
    const { renderControls } = await import('../../src/overlay/controls.js');
    const { LIMITS } = await import('../../src/overlay/settings.js');
    const changes: { theme: string; fontSize: number }[] = [];
    const c = renderControls(document, { ...settings, fontSize: LIMITS.fontSize.max - LIMITS.fontSize.step }, (s) =>
      changes.push(s),
    );
    document.body.append(c.button, c.panel);
    c.button.click();
    expect(c.isOpen()).toBe(true);
    (c.panel.querySelector('input[value="sepia"]') as HTMLInputElement).click();
    const more = c.panel.querySelector('[data-step="fontSize+"]') as HTMLButtonElement;
    more.click();
    expect(changes.at(-1)).toMatchObject({ theme: 'sepia', fontSize: LIMITS.fontSize.max });
    expect(more.disabled).toBe(true); // at the limit the button says so
    expect(c.panel.querySelector('output')!.textContent).toBe(`${LIMITS.fontSize.max}px`);
  });
});

describe('the page cannot take the open reader off the screen (keep-visible)', () => {
  const frame = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

  it('a removed host comes back; a rewritten host style, hidden or inert attribute is undone', async () => {
    const r = mountReader(document, article(), { settings });
    const style = r.host.getAttribute('style');
    r.host.remove();
    await frame();
    expect(hostOf()).toBe(r.host);
    r.host.setAttribute('style', 'display:none !important');
    r.host.setAttribute('hidden', '');
    r.host.setAttribute('inert', '');
    await frame();
    expect(r.host.getAttribute('style')).toBe(style);
    expect(r.host.hasAttribute('hidden')).toBe(false);
    expect(r.host.hasAttribute('inert')).toBe(false);
    r.close();
    // Closed: the guard is gone with it, the host stays removed.
    await frame();
    expect(hostOf()).toBeNull();
  });

  it('CSS that hides <html>, added after the reader opened, is neutralised while open and back on close', async () => {
    const before = document.documentElement.outerHTML;
    const r = mountReader(document, article(), { settings });
    const evil = document.createElement('style');
    evil.textContent = 'html { display: none !important; opacity: 0 !important; }';
    document.head.append(evil);
    await frame();
    const cs = getComputedStyle(document.documentElement);
    expect(cs.display).toBe('block');
    expect(cs.opacity).toBe('1');
    r.close();
    evil.remove();
    // The page keeps what it is: no trace of the rescue once the reader is closed.
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('a page that rewrites the root style attribute while the reader is open keeps its own change after close', async () => {
    const r = mountReader(document, article(), { settings });
    document.documentElement.setAttribute('style', 'display: none; color: red');
    await frame();
    expect(getComputedStyle(document.documentElement).display).toBe('block');
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    r.close();
    expect(document.documentElement.style.getPropertyValue('color')).toBe('red');
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('');
    expect(document.documentElement.style.getPropertyValue('display')).toBe('');
  });

  it('painted first, filled in after: related headlines and Listen arrive with the extras; the page locks after the paint', async () => {
    let deliver: (x: typeof READER_EXTRAS) => void = () => {};
    const extras = new Promise<typeof READER_EXTRAS>((resolve) => (deliver = resolve));
    const r = mountFirstPaint(document, article(), { settings, extras, lockAfterPaint: true, speech: null });
    const root = r.shadowRoot;
    const dialog = root.querySelector('.reader')!;
    // The article is there at once; the rest is announced as coming, its Listen button a disabled stand-in.
    expect(root.querySelector('.article-body')!.textContent).toContain('First paragraph.');
    expect(dialog.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('.related')).toBeNull();
    expect((root.querySelector('button.listen') as HTMLButtonElement).disabled).toBe(true);
    expect(document.body.hasAttribute('inert')).toBe(false);

    deliver(READER_EXTRAS);
    await extras;
    await Promise.resolve();
    expect(dialog.hasAttribute('aria-busy')).toBe(false);
    expect(Array.from(root.querySelectorAll('.related a')).map((a) => a.textContent)).toContain('A top');
    expect((root.querySelector('button.listen') as HTMLButtonElement).disabled).toBe(false);
    expect(root.querySelectorAll('button.listen')).toHaveLength(1);
    // jsdom paints no frames: the lock's fallback timeout engages it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(document.body.hasAttribute('inert')).toBe(true);
    expect(document.documentElement.style.getPropertyValue('overflow')).toBe('hidden');
    r.close();
    expect(document.body.hasAttribute('inert')).toBe(false);
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('closed before the lock engaged: the page is left as it was, never locked afterwards', async () => {
    const before = document.documentElement.outerHTML;
    const r = mountFirstPaint(document, article(), { settings, extras: new Promise(() => {}), lockAfterPaint: true });
    r.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(document.body.hasAttribute('inert')).toBe(false);
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
