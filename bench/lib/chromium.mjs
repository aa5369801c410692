/**
 * Headless Chromium with unpacked extensions loaded (none: a plain browser), for the benchmarks
 * (playwright-core's persistent context: extensions need one). `localOnly` makes every host but
 * 127.0.0.1 fail to resolve at once, so the pages' third-party scripts, fonts and images neither load
 * nor hang and the network does not blur the numbers.
 */
import { chromium } from 'playwright-core';

/**
 * @param {string} profileDir
 * @param {string[]} extensionDirs
 * @param {{ viewport?: { width: number, height: number }, localOnly?: boolean, quic?: boolean }} [options]
 */
export function launchWithExtensions(profileDir, extensionDirs, { viewport, localOnly = true, quic = false } = {}) {
  const loaded = extensionDirs.join(',');
  const withExtensions = extensionDirs.length > 0;
  return chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    ...(withExtensions ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
    ...(viewport ? { viewport } : {}),
    args: [
      ...(withExtensions ? [`--disable-extensions-except=${loaded}`, `--load-extension=${loaded}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(quic ? [] : ['--disable-quic']),
      ...(localOnly ? ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'] : []),
    ],
  });
}
