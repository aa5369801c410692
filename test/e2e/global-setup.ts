/**
 * Before any real-browser spec: find Chromium and Firefox (or install them with apt on
 * Debian/Ubuntu as root), via scripts/browsers.mjs. When they cannot be had, the run stops with
 * one line saying what to run, instead of each spec failing with a driver's stack trace.
 */
import { BrowserMissingError, browserVersion, ensureBrowsers } from '../../scripts/browsers.mjs';

export default function setup(): void {
  try {
    const found = ensureBrowsers(['chromium', 'firefox']);
    console.log(
      `e2e browsers: ${browserVersion(found.chromium) || found.chromium}; ${browserVersion(found.firefox) || found.firefox}`,
    );
  } catch (e) {
    if (e instanceof BrowserMissingError) {
      console.error(`\n${e.message}\n`);
      process.exit(1); // vitest would print a stack for a thrown error
    }
    throw e;
  }
}
