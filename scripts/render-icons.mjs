#!/usr/bin/env node
// Renders icons/icon.svg (the master) to icons/icon-{16,32,48,128}.png with headless Chromium
// (playwright-core, Debian's /usr/bin/chromium), and test-results/icons-preview.png: every size on a
// light and a dark toolbar (3× zoom, pixelated), to look at. Run after editing the SVG; the PNGs are committed.
import { chromium } from 'playwright-core';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const svg = await readFile(path.join(root, 'icons/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const zoomed = await browser.newPage({ deviceScaleFactor: 3 });
  const dataUrl = 'data:image/svg+xml;base64,' + Buffer.from(svg).toString('base64');
  for (const size of [16, 32, 48, 128]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${dataUrl}" width="${size}" height="${size}" style="display:block">`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    await writeFile(path.join(root, `icons/icon-${size}.png`), await page.screenshot({ omitBackground: true }));
  }
  // A preview on light and dark toolbars, with the "open" badge (written to test-results/, not committed).
  const png = async (s) =>
    'data:image/png;base64,' + (await readFile(path.join(root, `icons/icon-${s}.png`))).toString('base64');
  const src = Object.fromEntries(await Promise.all([16, 32, 48, 128].map(async (s) => [s, await png(s)])));
  const row = (
    bg,
    fg,
  ) => `<div style="background:${bg};padding:10px 16px;display:flex;gap:18px;align-items:center;color:${fg};font:12px sans-serif">
    ${[16, 32, 48].map((s) => `<img src="${src[s]}" width="${s}" height="${s}">`).join('')}
    <span style="position:relative;display:inline-block;width:16px;height:16px"><img src="${src[16]}" width="16" height="16"><b style="position:absolute;left:7px;top:7px;background:#B3261E;color:#fff;font:bold 7px sans-serif;padding:0 2px;border-radius:3px">ON</b></span>
    <img src="${src[128]}" width="64" height="64"><span>${bg}</span></div>`;
  await zoomed.setViewportSize({ width: 420, height: 190 });
  await zoomed.setContent(
    `<body style="margin:0;image-rendering:pixelated">${row('#f1f3f4', '#222')}${row('#202124', '#eee')}</body>`,
  );
  await mkdir(path.join(root, 'test-results'), { recursive: true });
  await writeFile(path.join(root, 'test-results/icons-preview.png'), await zoomed.screenshot({ scale: 'device' }));
} finally {
  await browser.close();
}
