/**
 * npm run bench:library — the library at 100, 1,000 and 5,000 saved articles:
 *   save    one article saved (ms per save)
 *   open    the library page until the list is on screen
 *   index   building the in-memory search index (lazily, after the list shows)
 *   search  one keystroke of search-as-you-type until the list is redrawn (median / p95 / max over
 *           a few typed words, letter by letter). Target: under 100 ms at 5,000 articles.
 *
 * Two runs, printed separately:
 *   Chromium  the real thing: dist/chrome-e2e loaded in /usr/bin/chromium, the library page itself,
 *             beside the same page built from a baseline revision (--baseline <rev>, default 6263c71,
 *             the library before the staged open and the search cache; --baseline none to skip),
 *             measured turn about in the same run. Reported per build (medians over --reps loads):
 *               first rows     navigation → the first screenful of the list drawn
 *               list ready     → every summary read (filters, sort, counts exact)
 *               search loaded  → every search row in memory (+ after list ready)
 *               search on open 'tripoli' typed the moment the list shows: first answer drawn (maybe
 *                              partial, "still loading") and the complete answer
 *               keystroke      each letter of a few words once the search is loaded
 *             Articles are loaded through the page's Import (a generated library file), saves go
 *             through the background's 'library:save' message, search through the search box.
 *   Node      APPROXIMATION: the same store code on fake-indexeddb (a JS IndexedDB, slower than
 *             the browser's at writes, no IPC): useful to compare changes, not as user numbers.
 * Synthetic articles: ~700 words each (Zipf-distributed vocabulary of 20,000 words plus common
 * English), 40 sites, 4 languages, two years of dates; deterministic (seeded).
 *   Sync      Node, in-memory server (issue #25): the sync code (src/sync: bridge, syncOnce) with two
 *             devices in this process, each a library on fake-indexeddb with a PouchDB memory mirror,
 *             replicating over HTTP on 127.0.0.1 through test/support/couch-server.ts (express-pouchdb,
 *             in memory). Per size (--sync-sizes, default 1000,5000): initial sync = A's pass that
 *             sends its library, then B's first pass into an empty library until B lists them all;
 *             steady state = one article saved on A → A's pass → B's pass → listed on B (median / max
 *             of 10). The extension adds its 3 s wait after a change on A (AFTER_CHANGE_MS) before
 *             A's pass, and B's pass starts when the server's live feed tells the open library page.
 * Flags: --node-only, --browser-only, --sync-only, --no-sync, --sizes 100,1000, --sync-sizes 1000,5000,
 * --baseline <git rev>|none, --reps 3, --verbose (Node: each keystroke's time).
 * Writes bench/results/library.json.
 */
import { cp, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importBundled } from './lib/node-bundle.mjs';
import { makeArticle, savedAt } from './lib/synthetic-articles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZES = flag('--sizes', '100,1000,5000').split(',').map(Number);
const syncOnly = args.includes('--sync-only');
const SYNC_SIZES = flag('--sync-sizes', '1000,5000').split(',').map(Number);
const runNode = !syncOnly && !args.includes('--browser-only');
const runBrowser = !syncOnly && !args.includes('--node-only');
const runSync = syncOnly || !args.includes('--no-sync');

// ---------- the store, bundled for Node ----------
const work = await mkdtemp(path.join(tmpdir(), 'dr-bench-library-'));
const store = await importBundled(
  `
      export { openLibrary } from './src/store/database.ts';
      export { saveArticle } from './src/store/save-article.ts';
      export { listArticles, allSearchRows } from './src/store/read-articles.ts';
      export { SearchIndex } from './src/store/search-index.ts';
      export { toRecords } from './src/store/article-record.ts';
      export { applyQuery, facets, DEFAULT_QUERY } from './src/library/list-query.ts';
      export { syncOnce } from './src/sync/sync-once.ts';
      export { keysForRemote } from './src/sync/remote-keys.ts';
      export { startCouchServer, memoryPouch } from './test/support/couch-server.ts';`,
  'bench-library-store.mjs',
);

const TYPED = ['tripoli', 'haftar offensive', 'the', 'ceasefire talks', 'kamiro'];
const keystrokes = TYPED.flatMap((w) => Array.from({ length: w.length }, (_, i) => w.slice(0, i + 1)));

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};
const fmt = (x) => (x === undefined || x === null ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(0));
const results = { generatedAt: new Date().toISOString(), node: [], chromium: [], sync: [] };

// ---------- Node (fake-indexeddb): approximation ----------
async function benchNode() {
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  const db = await store.openLibrary({ name: 'bench', indexedDB: new IDBFactory(), IDBKeyRange });
  let n = 0;
  for (const size of SIZES) {
    const saveMs = [];
    while (n < size) {
      const a = makeArticle(n);
      const t = performance.now();
      await store.saveArticle(db, { article: a, now: savedAt(n) });
      if (size - n <= 20) saveMs.push(performance.now() - t);
      n++;
    }
    let t = performance.now();
    const all = await store.listArticles(db);
    store.facets(all);
    store.applyQuery(all, store.DEFAULT_QUERY, null);
    const open = performance.now() - t;
    t = performance.now();
    const index = new store.SearchIndex(await store.allSearchRows(db));
    const indexMs = performance.now() - t;
    const searchMs = keystrokes.map((k) => {
      const t1 = performance.now();
      store.applyQuery(all, store.DEFAULT_QUERY, index.query(k));
      const ms = performance.now() - t1;
      if (args.includes('--verbose')) console.log(`  ${JSON.stringify(k).padEnd(20)} ${fmt(ms)} ms`);
      return ms;
    });
    const row = {
      articles: size,
      saveMs: q(saveMs, 0.5),
      openMs: open,
      indexMs,
      searchMedianMs: q(searchMs, 0.5),
      searchP95Ms: q(searchMs, 0.95),
      searchMaxMs: Math.max(...searchMs),
    };
    results.node.push(row);
    console.log(
      `node  ${String(size).padStart(5)}  save ${fmt(row.saveMs)} ms  open ${fmt(open)} ms  index ${fmt(indexMs)} ms  search median ${fmt(row.searchMedianMs)} / p95 ${fmt(row.searchP95Ms)} / max ${fmt(row.searchMaxMs)} ms`,
    );
  }
  db.close();
}

// ---------- Sync: two devices in Node through the in-memory CouchDB-protocol server ----------
async function benchSync() {
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  const server = await store.startCouchServer();
  let devices = 0;
  const device = async (dbName) => {
    const db = await store.openLibrary({ name: 'library', indexedDB: new IDBFactory(), IDBKeyRange });
    const mirror = store.memoryPouch(`bench-sync-device-${++devices}`);
    const sync = async () => {
      const remote = await server.remote(dbName);
      const keys = await store.keysForRemote(remote, '', async () => (await remote.info()).doc_count === 0);
      return store.syncOnce({ db, mirror, keys }, remote);
    };
    return { db, mirror, sync };
  };
  try {
    for (const size of SYNC_SIZES) {
      const dbName = `bench-${size}`;
      await server.remote(dbName, { create: true });
      const a = await device(dbName);
      const b = await device(dbName);
      for (let i = 0; i < size; i++) await store.saveArticle(a.db, { article: makeArticle(i), now: savedAt(i) });
      let t = performance.now();
      const sent = await a.sync();
      const pushMs = performance.now() - t;
      t = performance.now();
      const got = await b.sync();
      const listed = (await store.listArticles(b.db)).length;
      const initialMs = performance.now() - t;
      if (sent.sent !== size || listed !== size) throw new Error(`sync ${size}: sent ${sent.sent}, B lists ${listed}`);
      const steady = [];
      for (let k = 0; k < 10; k++) {
        const i = size + k;
        const t1 = performance.now();
        const { id } = await store.saveArticle(a.db, { article: makeArticle(i), now: savedAt(i) });
        await a.sync();
        await b.sync();
        if (!(await b.db.articles.get(id))) throw new Error(`sync ${size}: article ${i} not on B`);
        steady.push(performance.now() - t1);
      }
      const row = {
        articles: size,
        pushMs,
        initialMs,
        received: got.received,
        steadyMedianMs: q(steady, 0.5),
        steadyMaxMs: Math.max(...steady),
      };
      results.sync.push(row);
      console.log(
        `sync  ${String(size).padStart(5)}  A sends all ${fmt(pushMs)} ms; B empty → lists all ${fmt(initialMs)} ms (${got.received} docs); steady save on A → on B median ${fmt(row.steadyMedianMs)} / max ${fmt(row.steadyMaxMs)} ms`,
      );
      a.db.close();
      b.db.close();
      await a.mirror.destroy();
      await b.mirror.destroy();
    }
  } finally {
    await server.close();
  }
}

// ---------- Chromium: the real library page ----------
/**
 * The baseline: the same measures on the library page as built from another git revision (default
 * 6263c71, before the staged open and the search cache), in its own browser, measured turn about
 * with this tree's so both see the same machine load. Built from `git archive` in a temp dir.
 */
async function buildBaseline(rev) {
  const { execFileSync } = await import('node:child_process');
  const dir = path.join(work, `baseline-${rev}`);
  await mkdir(dir, { recursive: true });
  execFileSync('sh', ['-c', `git -C "${root}" archive --format=tar "${rev}" | tar -x -C "${dir}"`]);
  const { symlink } = await import('node:fs/promises');
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(process.execPath, ['build.mjs', '--quiet'], { cwd: dir, stdio: 'ignore' });
  return path.join(dir, 'dist/chrome-e2e');
}

async function launchLibrary(built, label) {
  if (!existsSync(path.join(built, 'library.js')))
    throw new Error(`${built} is not built (npm run bench:library builds it)`);
  // A private copy: a build started elsewhere (`rm -rf dist`) must not pull the extension from under a long run.
  const dist = path.join(work, `ext-${label}`, 'chrome-e2e');
  await cp(built, dist, { recursive: true });
  const { launchWithExtensions } = await import('./lib/chromium.mjs');
  const profile = await mkdtemp(path.join(tmpdir(), 'dr-bench-profile-'));
  const ctx = await launchWithExtensions(profile, [dist], { localOnly: false });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${id}/library.html`);
  await page.waitForSelector('body[data-state="ready"]');
  return {
    label,
    page,
    have: 0,
    async close() {
      await ctx.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** Loads up to `size` articles through the page's own Import (a generated library file). */
async function importUpTo(lib, size) {
  const entries = [];
  for (let i = lib.have; i < size; i++) {
    const parts = store.toRecords(makeArticle(i), {
      id: `bench-${i}`,
      savedAt: savedAt(i),
      updatedAt: savedAt(i),
      read: 0,
      versions: 0,
      images: { mode: 'store', stored: 0, skipped: 0, bytes: 0 },
    });
    const { id: _id, ...body } = parts.body;
    entries.push({ record: parts.record, body, versions: [], images: [] });
  }
  const file = path.join(work, `import-${lib.label}-${size}.json`);
  await writeFile(
    file,
    JSON.stringify({
      format: 'dateline-reader-library',
      version: 1,
      exportedAt: new Date().toISOString(),
      articles: entries,
    }),
  );
  const t = Date.now();
  await lib.page.setInputFiles('#import-file', file);
  await lib.page.waitForFunction(() => /^Imported/.test(document.getElementById('report')?.textContent ?? ''), null, {
    timeout: 600_000,
    polling: 200,
  });
  await rm(file);
  lib.have = size;
  return Date.now() - t;
}

/** A fresh load of the page: when the first rows, the whole list and the search were there (ms from navigation). */
async function openOnce(page) {
  await page.reload();
  await page.waitForSelector('body[data-state="ready"]');
  await page.waitForFunction(() => performance.getEntriesByName('library:index-ready').length > 0, null, {
    timeout: 120_000,
  });
  return page.evaluate(() => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
    const ready = at('library:ready');
    // The baseline drew its list only when everything was read: its first rows are its 'ready'.
    return { firstRows: at('library:first-rows') ?? ready, ready, indexReady: at('library:index-ready') };
  });
}

/**
 * A search typed the moment the list shows (before the search is loaded): from the keystroke to the
 * first list drawn for it (partial or not), and to the complete answer.
 */
async function searchOnOpen(page, text) {
  await page.reload();
  return page.evaluate(async (text) => {
    await new Promise((r) => {
      const ok = () => document.body.dataset.state === 'loading' || document.body.dataset.state === 'ready';
      if (ok()) return r();
      const mo = new MutationObserver(() => ok() && (mo.disconnect(), r()));
      mo.observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
    });
    const input = document.getElementById('search');
    let first;
    const done = new Promise((r) =>
      document.addEventListener('library:rendered', function on(e) {
        const now = performance.now();
        first ??= now;
        if (!e.detail.partial) {
          document.removeEventListener('library:rendered', on);
          r(now);
        }
      }),
    );
    const t0 = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const end = await done;
    return { firstMs: first - t0, completeMs: end - t0, count: document.querySelectorAll('#list li').length };
  }, text);
}

/** Each keystroke, once the search is loaded: from the input event to the list redrawn, and to the next frame. */
async function typeKeys(page) {
  return page.evaluate(async (keys) => {
    const input = document.getElementById('search');
    const out = [];
    for (const k of keys) {
      const done = new Promise((r) =>
        document.addEventListener('library:rendered', function on(e) {
          if (!e.detail.partial) {
            document.removeEventListener('library:rendered', on);
            r();
          }
        }),
      );
      const t0 = performance.now();
      input.value = k;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await done;
      const updated = performance.now() - t0;
      // …and until the browser has a frame with it (style, layout, paint).
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      out.push([updated, performance.now() - t0]);
    }
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return out;
  }, keystrokes);
}

/** Saves through the background, as the overlay's Save does (no images: those are network time). */
async function saves(page, size) {
  const out = [];
  for (let r = 0; r < 10; r++) {
    const article = makeArticle(100_000 + size + r);
    out.push(
      await page.evaluate(async (a) => {
        const t0 = performance.now();
        const reply = await chrome.runtime.sendMessage({ type: 'library:save', payload: { article: a } });
        if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
        return performance.now() - t0;
      }, article),
    );
  }
  return out;
}

async function benchChromium() {
  const rev = flag('--baseline', '6263c71');
  const libs = [await launchLibrary(path.join(root, 'dist/chrome-e2e'), 'current')];
  if (rev !== 'none') libs.push(await launchLibrary(await buildBaseline(rev), `baseline ${rev}`));
  const REPS = Number(flag('--reps', '3'));
  const med = (xs) => q(xs, 0.5);
  try {
    for (const size of SIZES) {
      const importMs = {};
      for (const lib of libs) importMs[lib.label] = await importUpTo(lib, size);
      // Turn about, so both builds see the same load on this shared machine; medians over REPS.
      const m = Object.fromEntries(libs.map((l) => [l.label, { opens: [], onOpen: [], keys: [] }]));
      for (let r = 0; r < REPS; r++) {
        for (const lib of libs) {
          m[lib.label].opens.push(await openOnce(lib.page));
          m[lib.label].onOpen.push(await searchOnOpen(lib.page, 'tripoli'));
          await openOnce(lib.page);
          m[lib.label].keys.push(...(await typeKeys(lib.page)));
        }
      }
      for (const lib of libs) {
        const x = m[lib.label];
        const upd = x.keys.map((k) => k[0]);
        const frame = x.keys.map((k) => k[1]);
        const saveMs = await saves(lib.page, size);
        lib.have += 10;
        const row = {
          build: lib.label,
          articles: size,
          importMs: importMs[lib.label],
          saveMs: med(saveMs),
          firstRowsMs: med(x.opens.map((o) => o.firstRows)),
          readyMs: med(x.opens.map((o) => o.ready)),
          indexMs: med(x.opens.map((o) => o.indexReady - o.ready)),
          indexReadyMs: med(x.opens.map((o) => o.indexReady)),
          searchOnOpenFirstMs: med(x.onOpen.map((o) => o.firstMs)),
          searchOnOpenCompleteMs: med(x.onOpen.map((o) => o.completeMs)),
          searchMedianMs: q(upd, 0.5),
          searchP95Ms: q(upd, 0.95),
          searchMaxMs: Math.max(...upd),
          searchFrameMedianMs: q(frame, 0.5),
          searchFrameP95Ms: q(frame, 0.95),
          keystrokes: upd.length,
          reps: REPS,
          loadAverage: (await import('node:os')).loadavg()[0],
        };
        results.chromium.push(row);
        console.log(
          `chromium ${String(size).padStart(5)} ${lib.label.padEnd(16)} first rows ${fmt(row.firstRowsMs)} ms  list ready ${fmt(row.readyMs)} ms  search loaded ${fmt(row.indexReadyMs)} ms (+${fmt(row.indexMs)})  ` +
            `search typed on open: first answer ${fmt(row.searchOnOpenFirstMs)} / complete ${fmt(row.searchOnOpenCompleteMs)} ms  ` +
            `keystroke median ${fmt(row.searchMedianMs)} / p95 ${fmt(row.searchP95Ms)} / max ${fmt(row.searchMaxMs)} ms (next frame ${fmt(row.searchFrameMedianMs)} / ${fmt(row.searchFrameP95Ms)})  ` +
            `save ${fmt(row.saveMs)} ms  (import ${fmt(row.importMs)} ms; load avg ${row.loadAverage.toFixed(1)})`,
        );
      }
    }
  } finally {
    for (const lib of libs) await lib.close();
  }
}

try {
  if (runBrowser) {
    console.log("Chromium (real browser, the extension's library page):");
    await benchChromium();
  }
  if (runNode) {
    console.log('Node + fake-indexeddb (APPROXIMATION of the store code alone; not user-facing numbers):');
    await benchNode();
  }
  if (runSync) {
    console.log(
      'Sync, Node, in-memory server (src/sync with fake-indexeddb + PouchDB memory mirrors, HTTP to express-pouchdb on 127.0.0.1):',
    );
    await benchSync();
  }
  if (results.sync.length && results.node.length) {
    // One table: sync beside the same run's local numbers at the same sizes (both Node, fake-indexeddb).
    console.log('Sync beside local, this run (Node, ms):');
    console.log(
      '  articles  local save  open  search median | sync: A sends all  B empty → all  save on A → on B median / max',
    );
    for (const s of results.sync) {
      const n = results.node.find((r) => r.articles === s.articles);
      const local = n
        ? `${fmt(n.saveMs).padStart(10)}  ${fmt(n.openMs).padStart(4)}  ${fmt(n.searchMedianMs).padStart(13)}`
        : '         (no local row at this size)';
      console.log(
        `  ${String(s.articles).padStart(8)}  ${local} | ${fmt(s.pushMs).padStart(17)}  ${fmt(s.initialMs).padStart(13)}  ${fmt(s.steadyMedianMs)} / ${fmt(s.steadyMaxMs)}`,
      );
    }
  }
  await mkdir(path.join(root, 'bench/results'), { recursive: true });
  await writeFile(path.join(root, 'bench/results/library.json'), JSON.stringify(results, null, 2));
  console.log('target: search under 100 ms per keystroke at 5,000 articles; wrote bench/results/library.json');
} finally {
  await rm(work, { recursive: true, force: true });
}
