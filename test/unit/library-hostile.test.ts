// @vitest-environment jsdom
/**
 * Issue #17 (second round), the library: one imported or stored entry, however malformed, never
 * makes the library unreadable; import matches articles by URL, never by id; relative URLs in a
 * saved article never point into the extension's own pages.
 */
import { describe, expect, it, vi } from 'vitest';
import { openFresh, makeArticle } from './store-fixtures.js';
import { saveArticle } from '../../src/store/save-article.js';
import { getFullArticle, listArticles } from '../../src/store/read-articles.js';
import { exportLibrary, importLibrary } from '../../src/store/library-file.js';
import { offlineContent } from '../../src/store/offline-content.js';
import { toExtractResult } from '../../src/store/article-record.js';
import { sanitizeHtml } from '../../src/core/sanitize.js';
import { listView } from '../../src/library/list-view.js';

vi.mock('../../src/shell/browser.js', () => ({ browser: { runtime: { id: 'test' } } }));
const { mountReader, DEFAULT_READER_SETTINGS } = await import('../../src/overlay/index.js');

// Entries are edited freely into every malformed shape the tests need.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Entry = Record<string, any>;
const HABERLER = 'US Urges Haftar-Led Forces To End Offensive In Libya';

/** A library of two articles and its export file, as plain JSON to edit. */
async function libraryAndFile() {
  const db = await openFresh();
  const a = await saveArticle(db, { article: makeArticle(), now: Date.UTC(2024, 0, 2) });
  const second = makeArticle({ url: 'https://example.org/b', canonicalUrl: null, title: 'Second story' });
  const b = await saveArticle(db, { article: second, now: Date.UTC(2024, 0, 3) });
  const file = JSON.parse(JSON.stringify(await exportLibrary(db))) as { articles: Entry[] };
  return { db, a, b, file };
}

/** Each hostile value that once imported and then broke the list or the reader. */
const HOSTILE: Array<[string, (e: Entry) => void, RegExp]> = [
  [
    'savedAt 1e20',
    (e) => {
      e.record.savedAt = 1e20;
    },
    /savedAt is not a date/,
  ],
  [
    'updatedAt 1e20',
    (e) => {
      e.record.updatedAt = 1e20;
    },
    /updatedAt is not a date/,
  ],
  [
    'publishedAt 1e20',
    (e) => {
      e.record.publishedAt = 1e20;
    },
    /publishedAt is not a date/,
  ],
  [
    'savedAt not whole',
    (e) => {
      e.record.savedAt = 1.5;
    },
    /savedAt is not a date/,
  ],
  [
    'dateline.modified a number',
    (e) => {
      e.record.dateline.modified = 5;
    },
    /dateline is missing or has the wrong/,
  ],
  [
    'dateline.agency an object',
    (e) => {
      e.record.dateline.agency = {};
    },
    /dateline/,
  ],
  [
    'newsReasons of numbers',
    (e) => {
      e.record.newsReasons = [1];
    },
    /newsReasons/,
  ],
  [
    'images.stored negative',
    (e) => {
      e.record.images.stored = -1;
    },
    /images/,
  ],
  [
    'wordCount huge',
    (e) => {
      e.record.wordCount = 1e300;
    },
    /wordCount/,
  ],
  [
    'a headline with a number for section',
    (e) => {
      e.body.related = [{ title: 'x', url: 'https://x.example/', section: 7 }];
    },
    /related/,
  ],
  [
    'an earlier version saved at 1e20',
    (e) => {
      e.versions = [{ savedAt: 1e20, article: e.record, body: e.body }];
    },
    /versions\[0\]/,
  ],
];

describe('import refuses what the library could not show', () => {
  it('each hostile entry is named with a plain reason, and every good entry is still imported', async () => {
    const { file } = await libraryAndFile();
    const good = file.articles[0]!;
    const entries: Entry[] = HOSTILE.map(([, spoil], i) => {
      const e = JSON.parse(JSON.stringify(good)) as Entry;
      e.record.id = `bad-${i}`;
      e.record.url = `https://example.net/bad-${i}`;
      e.record.title = `Bad ${i}`;
      spoil(e);
      return e;
    });
    const fresh = await openFresh();
    const report = await importLibrary(fresh, JSON.stringify({ ...file, articles: [...entries, ...file.articles] }));
    expect(report.imported).toBe(2);
    expect(report.problems.map((p) => p.index)).toEqual(HOSTILE.map((_, i) => i));
    HOSTILE.forEach(([name, , reason], i) => expect(report.problems[i]!.reason, name).toMatch(reason));
    expect((await listArticles(fresh)).map((a) => a.title).sort()).toEqual(['Second story', HABERLER]);
  });
});

describe('a damaged record already stored never breaks the library', () => {
  it('the list draws every row, the damaged one says so, and it opens in the reader', async () => {
    const { db, a, b } = await libraryAndFile();
    // As an import before these rules could have left it.
    await db.articles.update(b.id, { savedAt: 1e20, updatedAt: 1e20, 'dateline.modified': 5 as unknown as string });
    const all = await listArticles(db);
    expect(all.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    const damaged = all.find((x) => x.id === b.id)!;
    expect(damaged.problem).toBe(
      'its dateline, the date it was saved and the date it was last saved could not be read',
    );
    expect(all.find((x) => x.id === a.id)!.problem).toBeUndefined();

    const list = document.createElement('ol');
    listView(document, list, () => undefined, 'en', new AbortController().signal).render(all, new Set(), 50);
    expect(list.children).toHaveLength(2);
    const row = list.querySelector(`li[data-id="${b.id}"]`)!;
    expect(row.textContent).toContain('Second story');
    expect(row.textContent).toContain('Damaged: some details could not be read');
    expect(row.querySelector('[data-act="delete"]')).not.toBeNull();

    const full = await getFullArticle(db, b.id);
    const shown = { ...toExtractResult(full.record, full.body), content: await offlineContent(full, document) };
    const reader = mountReader(document, shown, { settings: { ...DEFAULT_READER_SETTINGS }, force: true });
    const shadow = document.documentElement.lastElementChild!.shadowRoot!;
    expect(shadow.querySelector('#dr-title')!.textContent).toBe('Second story');
    reader.close();
  });

  it('re-importing a good copy replaces the damaged one, whatever its stored dates say', async () => {
    const { db, b, file } = await libraryAndFile();
    await db.articles.update(b.id, { savedAt: 1e20, updatedAt: 1e20 });
    const report = await importLibrary(db, JSON.stringify(file));
    expect(report).toMatchObject({ imported: 0, replaced: 1, unchanged: 1, problems: [] });
    expect((await listArticles(db)).every((x) => x.problem === undefined)).toBe(true);
  });
});

describe('import matches by URL, never by id', () => {
  it("an entry with a new URL and an existing article's id is imported beside it, and the user is told", async () => {
    const { db, a, file } = await libraryAndFile();
    const other = JSON.parse(JSON.stringify(file.articles.find((e) => e.record.id === a.id))) as Entry;
    other.record.url = 'https://other.example/new-story';
    other.record.title = 'A different story';
    const report = await importLibrary(db, JSON.stringify({ ...file, articles: [other] }));
    expect(report).toMatchObject({ imported: 1, replaced: 0, unchanged: 0, problems: [] });
    expect(report.renamed).toEqual([
      { index: 0, title: 'A different story', reason: `its id is already used by “${HABERLER}” in the library` },
    ]);
    const titles = (await listArticles(db)).map((x) => x.title).sort();
    expect(titles).toEqual(['A different story', 'Second story', HABERLER]);
    expect((await getFullArticle(db, a.id)).record.title).toBe(HABERLER);
  });

  it('two entries of one file with the same id are both imported; the second is named', async () => {
    const { file } = await libraryAndFile();
    const [first, second] = file.articles as [Entry, Entry];
    second.record.id = first.record.id;
    const fresh = await openFresh();
    const report = await importLibrary(fresh, JSON.stringify(file));
    expect(report).toMatchObject({ imported: 2, replaced: 0, problems: [] });
    const reason = `its id is also the id of #1 “${first.record.title}” in the file`;
    expect(report.renamed).toEqual([{ index: 1, title: second.record.title, reason }]);
    expect(await fresh.articles.count()).toBe(2);
    expect(await fresh.bodies.count()).toBe(2);
  });
});

describe('relative URLs never point into the extension', () => {
  const page = 'https://news.example/world/2024/story.html';
  it('the sanitizer resolves them against the article when asked, or drops them', () => {
    const html =
      '<a href="options.html?grant=x">grant</a><a href="//evil.example/x">p</a><a href="#notes">n</a>' +
      '<img src="pic.jpg" srcset="a.jpg 1x, https://cdn.example/b.jpg 2x" alt="">' +
      '<blockquote cite="/q">q</blockquote>';
    const resolved = new DOMParser().parseFromString(sanitizeHtml(html, document, { baseUrl: page }), 'text/html');
    expect([...resolved.querySelectorAll('a')].map((x) => x.getAttribute('href'))).toEqual([
      'https://news.example/world/2024/options.html?grant=x',
      'https://evil.example/x',
      `${page}#notes`,
    ]);
    expect(resolved.querySelector('img')!.getAttribute('src')).toBe('https://news.example/world/2024/pic.jpg');
    expect(resolved.querySelector('img')!.getAttribute('srcset')).toBe(
      'https://news.example/world/2024/a.jpg 1x, https://cdn.example/b.jpg 2x',
    );
    expect(resolved.querySelector('blockquote')!.getAttribute('cite')).toBe('https://news.example/q');
    const dropped = new DOMParser().parseFromString(sanitizeHtml(html, document, { baseUrl: null }), 'text/html');
    expect([...dropped.querySelectorAll('a')].map((x) => x.hasAttribute('href'))).toEqual([false, false, false]);
    expect(dropped.querySelector('a')!.textContent).toBe('grant');
  });

  it("an imported article's relative link leads to the publisher's page, not the extension's", async () => {
    const { file } = await libraryAndFile();
    const entry = file.articles[0]!;
    entry.body.content = '<p>Read <a href="options.html?grant=news.example">the settings</a>.</p>';
    entry.record.pageUrl = page;
    const db = await openFresh();
    await importLibrary(db, JSON.stringify({ ...file, articles: [entry] }));
    const html = await offlineContent(await getFullArticle(db, entry.record.id), document);
    const link = new DOMParser().parseFromString(html, 'text/html').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://news.example/world/2024/options.html?grant=news.example');
  });
});

describe('a library of 1,000 articles and one damaged record', () => {
  it('lists all 1,001 and opens every one (the read path the library reader takes)', async () => {
    const { file } = await libraryAndFile();
    const template = file.articles[0]!;
    const N = 1000;
    const entries: Entry[] = Array.from({ length: N }, (_, i) => {
      const e = JSON.parse(JSON.stringify(template)) as Entry;
      e.record.id = `a-${i}`;
      e.record.url = `https://example.net/story-${i}`;
      e.record.canonicalUrl = null;
      e.record.title = `Story ${i}`;
      return e;
    });
    const db = await openFresh();
    const report = await importLibrary(db, JSON.stringify({ ...file, articles: entries }));
    expect(report.imported).toBe(N);
    const bad = JSON.parse(JSON.stringify(template)) as Entry;
    bad.record.id = 'damaged-1';
    bad.record.url = 'https://example.net/damaged';
    bad.record.canonicalUrl = null;
    bad.record.title = 'Damaged story';
    await importLibrary(db, JSON.stringify({ ...file, articles: [bad] }));
    await db.articles.update('damaged-1', { savedAt: 1e20, 'dateline.modified': 5 as unknown as string });

    const all = await listArticles(db);
    expect(all).toHaveLength(N + 1);
    expect(all.filter((a) => a.problem).map((a) => a.id)).toEqual(['damaged-1']);
    const wrong: string[] = [];
    for (const row of all) {
      const full = await getFullArticle(db, row.id);
      const shown = toExtractResult(full.record, full.body);
      const content = await offlineContent(full, document);
      if (shown.title !== row.title || !content.includes('Haftar')) wrong.push(row.id);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
