#!/usr/bin/env node
// `npm start`: (the npm script builds first) serves the bundled sample news pages
// (test/fixtures/pages) on 127.0.0.1 and opens Chromium with dist/chrome loaded on the seed-like
// sample. Click the toolbar button (or press Alt+Shift+R) to open the reader. Ctrl+C or closing the
// browser ends it.
//
// `npm start -- --headless --screenshot reader.png`: the same without a display; opens the reader
// with a real toolbar click (CDP Extensions.triggerAction, which grants activeTab like a user's
// click), saves a screenshot of the open overlay, and exits. A bare file name is saved in
// test-results/ (ignored by git); a path with a folder is used as given.
//
// Chromium is found (CHROMIUM_PATH, then the usual places) or installed (Debian/Ubuntu as root) by
// scripts/browsers.mjs; when it cannot be, one line says what to run.
//
// Options: --headless, --screenshot <file>, --page <file in test/fixtures/pages> (default
// seed-haberler.html), --dark (dark colour scheme), --port <n> (default: any free port).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BrowserMissingError, ensureBrowsers } from './browsers.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : fallback;
};
const headless = flag('headless');
const screenshot = option('screenshot', null);
const pageFile = option('page', 'seed-haberler.html');
const port = Number(option('port', '0'));
const extension = path.join(root, 'dist/chrome');
const pagesDir = path.join(root, 'test/fixtures/pages');
const OVERLAY_TAG = 'dateline-reader';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

function serve(dir) {
  const server = createServer(async (req, res) => {
    try {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = path.resolve(dir, '.' + pathname);
      if (!file.startsWith(dir)) throw new Error('outside');
      if ((await stat(file).catch(() => null))?.isDirectory()) {
        // A tiny index of the sample pages.
        const files = (await import('node:fs')).readdirSync(file).filter((f) => f.endsWith('.html'));
        res.writeHead(200, { 'content-type': MIME['.html'] });
        res.end(
          `<!doctype html><title>Sample pages</title><h1>Sample pages</h1><ul>${files.map((f) => `<li><a href="${f}">${f}</a>`).join('')}</ul>`,
        );
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': MIME[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function clickToolbarButton(ctx, page, extensionId) {
  const cdp = await ctx.browser().newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab for ${page.url()}`);
    // Right after a navigation the activeTab grant is sometimes lost: settle, click, retry once.
    for (let attempt = 0; attempt < 2; attempt++) {
      await page.waitForTimeout(300);
      await cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      const opened = await page
        .waitForFunction((tag) => !!document.documentElement.querySelector(`:scope > ${tag}`), OVERLAY_TAG, {
          timeout: attempt === 0 ? 8000 : 4000,
        })
        .then(
          () => true,
          () => false,
        );
      if (opened) return;
    }
    throw new Error('the reader did not open');
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function main() {
  if (!existsSync(path.join(extension, 'manifest.json')))
    throw new Error('dist/chrome is missing: run `npm start` (it builds) or `node build.mjs`');
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('no display: run `npm start -- --headless --screenshot reader.png` instead');
  }
  const { chromium: executablePath } = ensureBrowsers(['chromium']);
  const server = await serve(pagesDir);
  const base = `http://127.0.0.1:${server.address().port}`;
  const profile = await mkdtemp(path.join(tmpdir(), 'dateline-reader-start-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: headless ? { width: 1280, height: 900 } : null,
    colorScheme: flag('dark') ? 'dark' : 'light',
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  const cleanup = async () => {
    await ctx.close().catch(() => {});
    server.close();
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  };
  try {
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15000 }));
    const extensionId = new URL(sw.url()).host;
    if (process.env.DEBUG) sw.on('console', (m) => console.log('background:', m.text()));
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const url = `${base}/${pageFile}`;
    await page.goto(url);
    console.log(`Sample pages: ${base}/   (opened ${url})`);
    console.log(`Extension ${extensionId} loaded from dist/chrome.`);
    if (headless) {
      await clickToolbarButton(ctx, page, extensionId);
      // the overlay's fade-in has finished (getAnimations() flushes style: a pending one is listed)
      await page.waitForFunction((tag) => {
        const root = document.documentElement.querySelector(`:scope > ${tag}`)?.shadowRoot;
        return !!root && root.getAnimations().every((a) => a.playState === 'finished' || a.playState === 'idle');
      }, OVERLAY_TAG);
      const name = screenshot ?? 'reader.png';
      const out = path.basename(name) === name ? path.join(root, 'test-results', name) : path.resolve(name);
      await mkdir(path.dirname(out), { recursive: true });
      await page.screenshot({ path: out });
      console.log(`Reader open; screenshot saved to ${out}`);
      await cleanup();
      return;
    }
    console.log(
      'Click the toolbar button (or press Alt+Shift+R) to open the reader. Close the browser or press Ctrl+C to stop.',
    );
    await new Promise((resolve) => {
      ctx.on('close', resolve);
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await cleanup();
  } catch (e) {
    await cleanup();
    throw e;
  }
}

main().catch((e) => {
  console.error(e instanceof BrowserMissingError ? e.message : e instanceof Error ? e.message : e);
  process.exit(1);
});
