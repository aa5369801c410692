// @vitest-environment jsdom
/**
 * The reader's parts that issue #23 reworked, under jsdom: the lead picture shown once (URLs compared
 * normalized, srcset candidates included) with the credit that was stranded in the body; the dateline's
 * one-bracket and same-minute rules; related headlines under the page's own section names with
 * "2 h ago" times; the site menu; the single-key shortcuts. Real layout, focus and axe: e2e reader.spec.ts.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/shell/browser.js', () => ({ browser: { runtime: { id: 'test' } } }));

const { mountReader, DEFAULT_READER_SETTINGS } = await import('../../src/overlay/index.js');
const { bodyHasImage, imageKey, takeStrandedCaption } = await import('../../src/overlay/lead-image.js');
const { renderDateline, formatLocal, parseStated, formatDatelineTimes } =
  await import('../../src/overlay/dateline-view.js');
const { groupRelated, relativeTime } = await import('../../src/overlay/related-view.js');
const { commandFor } = await import('../../src/overlay/shortcuts.js');
const { applyZaps, zapSignature, zapTarget } = await import('../../src/overlay/zap.js');
const { renderContents, trackProgress } = await import('../../src/overlay/contents.js');
import type { Dateline, ExtractResult } from '../../src/core/types.js';

const settings = { ...DEFAULT_READER_SETTINGS };
const LEAD = 'https://news.example/media/harbour.jpg?w=1200';

function article(over: Partial<ExtractResult> = {}): ExtractResult {
  return {
    url: 'https://news.example/2024/03/12/ferries',
    canonicalUrl: null,
    isNews: true,
    newsScore: 0.9,
    newsReasons: [],
    title: 'Harbour towns bet on small ferries',
    byline: null,
    siteName: 'Coastal Ledger',
    lang: 'en',
    dir: 'ltr',
    excerpt: null,
    leadImage: LEAD,
    favicon: null,
    content:
      '<div><article><div><figcaption>(AP Photo/Lena Fischer)</figcaption>' +
      '<p>WASHINGTON text of the story.</p><p>More.</p></div></article></div>',
    textContent: '',
    wordCount: 300,
    readingMinutes: 2,
    paywalled: false,
    dateline: dl({}),
    related: [],
    ...over,
  };
}

function dl(over: Partial<Dateline>): Dateline {
  return {
    published: null,
    modified: null,
    precision: null,
    place: null,
    agency: null,
    text: '',
    source: null,
    ...over,
  };
}

const body = (html: string): HTMLElement => {
  const el = document.createElement('div');
  el.innerHTML = html; // test input only: the reader itself builds article DOM through the sanitizer
  return el;
};
const textOf = (el: Element | null): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('lead picture: once, with its caption and credit', () => {
  it('the same picture at another size, host spelling or srcset candidate has the same key', () => {
    const key = imageKey(LEAD);
    expect(imageKey('https://www.news.example/media/harbour.jpg?w=800&q=70')).toBe(key);
    expect(imageKey('/media/harbour.jpg', 'https://news.example/a')).toBe(key);
    expect(imageKey('https://news.example/media/harbour-1600x900.jpg')).toBe(key);
    expect(imageKey('https://news.example/media/harbour.jpg?id=2')).not.toBe(key); // a real query parameter stays
    expect(imageKey('https://news.example/media/ferry.jpg')).not.toBe(key);
    expect(imageKey('javascript:alert(1)')).toBeNull();
  });

  it('finds the lead in the body by src or by any srcset candidate, and only then', () => {
    expect(bodyHasImage(body('<img src="https://news.example/media/harbour.jpg?w=480">'), LEAD)).toBe(true);
    const picture =
      '<picture><source srcset="/x/a.webp 800w, /media/harbour.jpg?w=1600 1600w">' + '<img src="/blank.gif"></picture>';
    expect(bodyHasImage(body(picture), LEAD, 'https://news.example/')).toBe(true);
    const other =
      '<img src="https://news.example/media/ferry.jpg"' + ' srcset="https://news.example/media/ferry-800.jpg 800w">';
    expect(bodyHasImage(body(other), LEAD)).toBe(false);
  });

  it('takes a credit line or an orphan caption stranded at the top of the body, and nothing else', () => {
    const b = body(
      '<div><figcaption>A rendering of the bridge.</figcaption><p>(AP Photo/Lena Fischer)</p>' +
        '<p>The story starts here.</p></div>',
    );
    expect(takeStrandedCaption(b)).toEqual(['A rendering of the bridge.', '(AP Photo/Lena Fischer)']);
    expect(textOf(b)).toBe('The story starts here.');
    const story = body('<p>Photographers gathered outside the court on Monday.</p>');
    expect(takeStrandedCaption(story)).toEqual([]); // "Photographers…" is the story, not a credit
    expect(takeStrandedCaption(body('<p>Images of the flood spread quickly online.</p>'))).toEqual([]);
    expect(takeStrandedCaption(body('<p>Photo by Jane Roe / Reuters</p><p>Text.</p>'))).toEqual([
      'Photo by Jane Roe / Reuters',
    ]);
    expect(takeStrandedCaption(body('<p>Foto: dpa</p><p>Text.</p>'))).toEqual(['Foto: dpa']);
  });

  it('the reader shows the lead figure with the stranded credit as its caption, and no second copy', () => {
    const r = mountReader(document, article(), { settings, timeZone: 'UTC' });
    const figs = r.shadowRoot.querySelectorAll('figure.lead');
    expect(figs).toHaveLength(1);
    expect(figs[0]!.querySelector('img')!.getAttribute('src')).toBe(LEAD);
    expect(figs[0]!.querySelector('img')!.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(textOf(figs[0]!.querySelector('figcaption'))).toBe('(AP Photo/Lena Fischer)');
    expect(textOf(r.shadowRoot.querySelector('.article-body'))).not.toContain('AP Photo');
    r.close();
    const figure =
      '<figure><img src="https://news.example/media/harbour.jpg?w=640" alt="Boats">' +
      '<figcaption>Boats.</figcaption></figure><p>Text.</p>';
    const inBody = mountReader(document, article({ content: figure }), { settings });
    expect(inBody.shadowRoot.querySelector('figure.lead')).toBeNull();
    expect(inBody.shadowRoot.querySelectorAll('img')).toHaveLength(1);
    inBody.close();
    // A body that opens with a picture (the library's stored copy is a data: URL) has its lead already.
    const stored = '<figure><img src="data:image/png;base64,iVBORw0KGgo=" alt=""></figure><p>Text.</p>';
    const saved = mountReader(document, article({ content: stored }), { settings });
    expect(saved.shadowRoot.querySelector('figure.lead')).toBeNull();
    saved.close();
  });

  it('a picture that fails to load becomes a small labelled link, not a blank box', () => {
    const content =
      '<p>Text.</p><figure>' +
      '<img src="https://news.example/missing.jpg" alt="The old quay" width="1200" height="800"></figure>';
    const r = mountReader(document, article({ leadImage: null, content }), { settings });
    const img = r.shadowRoot.querySelector('.article-body img')!;
    img.dispatchEvent(new Event('error'));
    const link = r.shadowRoot.querySelector('a.img-failed') as HTMLAnchorElement;
    expect(link.textContent).toBe('Picture not loaded: The old quay');
    expect(link.getAttribute('href')).toBe('https://news.example/missing.jpg');
    expect(r.shadowRoot.querySelector('.article-body img')).toBeNull();
    r.close();
    // A lead picture without a caption that fails is simply not shown.
    const bare = mountReader(document, article({ content: '<p>Text.</p>' }), { settings });
    bare.shadowRoot.querySelector('figure.lead img')!.dispatchEvent(new Event('error'));
    expect(bare.shadowRoot.querySelector('figure.lead')).toBeNull();
    expect(bare.shadowRoot.querySelector('.img-failed')).toBeNull();
    bare.close();
  });
});

describe("dateline: its own line, one bracket, the reader's time only when it differs by a minute", () => {
  const line = (d: Partial<Dateline>, timeZone: string): string =>
    textOf(renderDateline(document, dl(d), { locale: 'en-US', timeZone }));

  it("the offset is not bracketed; the reader's own time is the one bracket", () => {
    const text = line({ published: '2024-03-12T14:05-04:00' }, 'Europe/Berlin');
    expect(text).toMatch(/March 12, 2024 at 2:05 PM UTC−4 \(7:05 PM your time\)$/);
    expect(text.match(/\(/g)).toHaveLength(1);
  });

  it('a reader already in UTC is not shown the same minute again, even when the stamp has seconds', () => {
    expect(line({ published: '2024-03-12T08:14:45Z' }, 'UTC')).not.toContain('your time');
    expect(formatLocal(parseStated('2024-03-12T08:14:59Z')!, 'en-US', 'UTC')).toBeNull();
    expect(formatLocal(parseStated('2024-03-12T08:14:59Z')!, 'en-US', 'Europe/London')).toBeNull(); // GMT in March
    expect(line({ published: '2024-03-12T08:14:45Z' }, 'Asia/Tokyo')).toContain('(5:14 PM your time)');
  });

  it('a stated +03:00 is kept and shown; a reader in that zone gets no bracket', () => {
    const text = line({ published: '2024-04-02T10:00+03:00' }, 'Asia/Riyadh');
    expect(text).toContain('10:00 AM UTC+3');
    expect(text).not.toContain('(');
  });

  it('place and agency lead, like a newspaper; an update on the same day shows its time only', () => {
    const wire = { place: 'Berlin', agency: 'dpa' };
    const times = { published: '2024-05-06T07:30+02:00', modified: '2024-05-06T09:12:30+02:00' };
    const text = line({ ...times, ...wire }, 'Europe/Berlin');
    expect(text).toBe('Berlin (dpa) · Published May 6, 2024 at 7:30 AM UTC+2 · Updated 9:12 AM UTC+2');
  });

  it('no offset stated: no zone and no bracket', () => {
    expect(line({ published: '2019-11-15T13:42' }, 'Asia/Tokyo')).toBe('Published November 15, 2019 at 1:42 PM');
  });

  it('times formatted elsewhere (the background, on an open) give the same line', () => {
    const d = dl({ place: 'Berlin', published: '2024-05-06T07:30+02:00', modified: '2024-05-07T09:00+02:00' });
    const opts = { locale: 'en-US', timeZone: 'America/New_York' };
    const here = textOf(renderDateline(document, d, opts));
    expect(textOf(renderDateline(document, d, { ...opts, times: formatDatelineTimes(d, opts) }))).toBe(here);
    expect(here).toBe(
      'Berlin · Published May 6, 2024 at 7:30 AM UTC+2 (1:30 AM your time) · Updated May 7, 2024 at 9:00 AM UTC+2',
    );
  });

  it("on an open, the first frame has the publisher's numbers, then the formatted line in its place", async () => {
    const published = '2024-03-12T14:05-04:00';
    const dateline = dl({ published });
    let deliver: (t: ReturnType<typeof formatDatelineTimes>) => void = () => {};
    const datelineTimes = new Promise<ReturnType<typeof formatDatelineTimes>>((resolve) => (deliver = resolve));
    const made = vi.spyOn(Intl, 'DateTimeFormat');
    const r = mountReader(document, article({ leadImage: null, dateline }), { settings, datelineTimes });
    const line = (): string => textOf(r.shadowRoot.querySelector('.dateline'));
    // No Intl object for the first frame (the page's first costs ~20 ms, issue #24).
    expect(made).not.toHaveBeenCalled();
    made.mockRestore();
    expect(line()).toBe('Published 2024-03-12 14:05 UTC−4');
    expect(r.shadowRoot.querySelector('.dateline time')!.getAttribute('datetime')).toBe(published);
    deliver(formatDatelineTimes(dateline, { locale: 'en-US', timeZone: 'Europe/Berlin' }));
    await Promise.resolve();
    expect(line()).toBe('Published March 12, 2024 at 2:05 PM UTC−4 (7:05 PM your time)');
    expect(r.shadowRoot.querySelectorAll('.dateline')).toHaveLength(1);
    r.close();
  });

  it('a byline that is just the agency is left to the dateline ("Berlin (dpa)", not "By dpa")', () => {
    const dateline = dl({ place: 'Berlin', agency: 'dpa', published: '2024-05-06T07:30+02:00' });
    const r = mountReader(document, article({ byline: 'dpa', leadImage: null, dateline }), { settings });
    expect(r.shadowRoot.querySelector('.byline')).toBeNull();
    expect(textOf(r.shadowRoot.querySelector('.dateline'))).toMatch(/^Berlin \(dpa\) · /);
    r.close();
  });
});

describe('related headlines: the page\'s own sections, links that look like links, "2 h ago"', () => {
  const related = [
    {
      title: 'Trending one',
      url: 'https://news.example/t1',
      section: 'Trending',
      score: 0.9,
      published: '2024-03-12T12:00-04:00',
    },
    { title: 'Most read one', url: 'https://news.example/m1', section: 'Most read', score: 0.8 },
    { title: 'Trending two', url: 'https://news.example/t2', section: 'Trending', score: 0.3, published: '2024-03-09' },
    {
      title: 'Most read two',
      url: 'https://news.example/m2',
      section: 'Most read',
      score: 0.5,
      published: '2024-03-12T18:55-04:00',
    },
  ];
  const now = Date.parse('2024-03-12T23:00:00Z'); // 19:00 at UTC−4

  it('groups by section, most relevant group and headline first', () => {
    expect(groupRelated(related).map((g) => [g.section, g.items.map((i) => i.title)])).toEqual([
      ['Trending', ['Trending one', 'Trending two']],
      ['Most read', ['Most read one', 'Most read two']],
    ]);
  });

  it('each section is its own heading (no umbrella heading), times are relative with the absolute one on hover', () => {
    const r = mountReader(document, article({ leadImage: null, related }), { settings, now });
    const aside = r.shadowRoot.querySelector('aside.related')!;
    expect(aside.getAttribute('aria-label')).toBe('Related headlines');
    expect(Array.from(aside.querySelectorAll('h2')).map((h) => h.textContent)).toEqual(['Trending', 'Most read']);
    const times = Array.from(aside.querySelectorAll('time')).map((t) => [
      t.textContent,
      t.getAttribute('title'),
      t.getAttribute('datetime'),
    ]);
    expect(times).toEqual([
      ['7 h ago', 'Mar 12, 2024, 12:00 PM', '2024-03-12T12:00-04:00'],
      ['Mar 9, 2024', 'Mar 9, 2024', '2024-03-09'],
      ['5 min ago', 'Mar 12, 2024, 6:55 PM', '2024-03-12T18:55-04:00'],
    ]);
    r.close();
  });

  it('relativeTime: minutes, hours, days, then the date', () => {
    expect(relativeTime('2024-03-12T22:59Z', now)?.text).toBe('1 min ago');
    expect(relativeTime('2024-03-10T23:00Z', now)?.text).toBe('2 d ago');
    expect(relativeTime('2024-02-01T10:00Z', now)?.text).toBe('Feb 1, 2024');
  });
});

describe("toolbar: site actions in a menu, the reader's keys", () => {
  it('site actions go into the menu behind the site name, with the original page; Save stays on the toolbar', () => {
    const run = async (): Promise<string> => 'ok';
    const r = mountReader(document, article(), {
      settings,
      actions: [
        { id: 'save', label: 'Save', run },
        { id: 'autoclean-always', label: 'Always clean news.example', placement: 'site-menu', run },
        { id: 'autoclean-never', label: 'Never on news.example', placement: 'site-menu', run },
      ],
    });
    const menuButton = r.shadowRoot.querySelector('button.site-menu')!;
    expect(menuButton.getAttribute('aria-haspopup')).toBe('menu');
    expect(menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(textOf(menuButton)).toContain('Coastal Ledger');
    const menu = r.shadowRoot.getElementById(menuButton.getAttribute('aria-controls')!)!;
    expect(menu.getAttribute('role')).toBe('menu');
    expect(menu.hidden).toBe(true);
    expect(Array.from(menu.querySelectorAll('[role="menuitem"]')).map((i) => i.textContent)).toEqual([
      'Always clean news.example',
      'Never on news.example',
      'Remove blocks by clicking (Z)',
      'Open the original page',
    ]);
    expect(r.shadowRoot.querySelector('.actions [data-action="save"]')).not.toBeNull();
    r.close();
  });

  it('single keys map to commands; not with a modifier, not while typing, and L stays free for Listen', () => {
    const key = (k: string, init: KeyboardEventInit = {}, target?: Element): string | null => {
      const e = new KeyboardEvent('keydown', { key: k, ...init });
      if (target) Object.defineProperty(e, 'composedPath', { value: () => [target] });
      else Object.defineProperty(e, 'composedPath', { value: () => [] });
      return commandFor(e);
    };
    expect(['+', '=', '-', 't', 'f', 's', 'c', 'j', 'k', '?'].map((k) => key(k))).toEqual([
      'larger',
      'larger',
      'smaller',
      'theme',
      'font',
      'save',
      'contents',
      'next-related',
      'previous-related',
      'help',
    ]);
    expect(key('s', { ctrlKey: true })).toBeNull();
    expect(key('l')).toBeNull();
    expect(key('s', {}, document.createElement('textarea'))).toBeNull();
  });
});

describe('zap: blocks removed by hand, remembered per site', () => {
  const promo = '<p>Supported by readers like you, and free to read for everyone.</p>';

  it('a block is known by its tag and the start of its text, wherever it appears', () => {
    const a = body(`<p>Story.</p>${promo}`);
    const b = body(`<div><p>Another story, longer.</p><p>More.</p>${promo}</div>`);
    const sig = zapSignature(a.querySelectorAll('p')[1]!)!;
    expect(sig).toBe('p:supported by readers like you, and free to read for everyone.');
    expect(applyZaps(b, [sig])).toBe(1);
    expect(Array.from(b.querySelectorAll('p')).map((p) => p.hidden)).toEqual([false, false, true]);
    expect(zapSignature(body('<p>Hi.</p>').firstElementChild!)).toBeNull(); // too little text to recognise again
  });

  it('the innermost block under the pointer is the target, never the body itself', () => {
    const b = body('<div><ul><li>One item with text</li></ul></div>');
    expect(zapTarget(b.querySelector('li'), b)!.localName).toBe('ul');
    expect(zapTarget(b, b)).toBeNull();
  });

  it('the reader hides what the store remembers for the site once it answers', async () => {
    const load = vi.fn(async () => ['p:supported by readers like you, and free to read for everyone.']);
    const r = mountReader(document, article({ leadImage: null, content: `<p>Story text here.</p>${promo}` }), {
      settings,
      zaps: { load, save: async () => {} },
    });
    expect(load).toHaveBeenCalledWith('news.example');
    await vi.waitFor(() => expect(r.shadowRoot.querySelectorAll('.article-body [hidden]')).toHaveLength(1));
    expect(r.shadowRoot.querySelector('[data-action="zap"]')!.getAttribute('role')).toBe('menuitem');
    r.close();
  });
});

describe('table of contents', () => {
  it('only for three or more section headings; its entries move focus to the heading, not the page URL', () => {
    const ctl = new AbortController();
    expect(renderContents(document, body('<h2>One</h2><p>x</p><h2>Two</h2>'), ctl.signal)).toBeNull();
    const b = body('<h2 class="standfirst">Spot</h2><h2>One</h2><p>x</p><h3>One a</h3><h2>Two</h2>');
    document.body.append(b);
    const toc = renderContents(document, b, ctl.signal)!;
    expect(toc.querySelector('summary')!.textContent).toBe('Contents · 3 sections');
    const entries = Array.from(toc.querySelectorAll('li'));
    expect(entries.map((li) => [li.textContent, li.className])).toEqual([
      ['One', ''],
      ['One a', 'sub'],
      ['Two', ''],
    ]);
    Element.prototype.scrollIntoView ??= function scrollIntoView(): void {};
    const before = location.href;
    entries[1]!.querySelector('button')!.click();
    expect(document.activeElement).toBe(b.querySelector('h3'));
    expect(location.href).toBe(before);
    b.remove();
    ctl.abort();
  });
});

describe('reading progress: the bar and the time left', () => {
  /** A scroller whose sizes jsdom cannot lay out: set by hand. */
  function scroller(scrollHeight: number, clientHeight = 500): HTMLElement {
    const el = document.createElement('main');
    Object.defineProperty(el, 'scrollHeight', { configurable: true, get: () => scrollHeight });
    Object.defineProperty(el, 'clientHeight', { configurable: true, get: () => clientHeight });
    document.body.append(el);
    return el;
  }
  const afterPaint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

  it('shows the whole reading time at once, then follows the scroll down to "Finished"', async () => {
    const ctl = new AbortController();
    const el = scroller(2500);
    const bar = document.createElement('div');
    const left = document.createElement('span');
    trackProgress(el, bar, left, 6, ctl.signal);
    expect(left.textContent).toBe('6 min left'); // in the first frame, before any measuring
    await afterPaint();
    expect(left.textContent).toBe('6 min left');
    el.scrollTop = 1000; // half way
    el.dispatchEvent(new Event('scroll'));
    await afterPaint();
    expect(left.textContent).toBe('3 min left');
    expect(bar.style.transform).toBe('scaleX(0.5)');
    el.scrollTop = 2000;
    el.dispatchEvent(new Event('scroll'));
    await afterPaint();
    expect(left.textContent).toBe('Finished');
    ctl.abort();
    el.remove();
  });

  it('an article that fits on the screen shows no time left once measured', async () => {
    const ctl = new AbortController();
    const el = scroller(400);
    const left = document.createElement('span');
    trackProgress(el, document.createElement('div'), left, 1, ctl.signal);
    await afterPaint();
    expect(left.textContent).toBe('');
    ctl.abort();
    el.remove();
  });
});
