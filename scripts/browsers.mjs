#!/usr/bin/env node
// Finds (or, on Debian/Ubuntu as root, installs) the browsers that `npm start` and the real-browser
// tests drive: Chromium (with --load-extension, which branded Chrome 137+ no longer honours) and
// Firefox (ESR or release, 140+). Used by scripts/start.mjs, test/e2e/harness.ts and
// test/e2e/global-setup.ts, and run by itself before `npm test`:
//
//   node scripts/browsers.mjs [chromium] [firefox]   exit 0 and print nothing when found (installs
//                                                    them first where it can); otherwise print ONE
//                                                    line with the exact command to run, exit 1
//
// Order: CHROMIUM_PATH / FIREFOX_PATH, then the usual system locations and $PATH.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';

const BROWSERS = {
  chromium: {
    env: 'CHROMIUM_PATH',
    label: 'Chromium',
    apt: 'chromium',
    paths: [
      '/usr/bin/chromium',
      '/usr/lib/chromium/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    names: ['chromium', 'chromium-browser'],
  },
  firefox: {
    env: 'FIREFOX_PATH',
    label: 'Firefox ESR',
    apt: 'firefox-esr',
    paths: [
      '/usr/bin/firefox-esr',
      '/usr/lib/firefox-esr/firefox-esr',
      '/usr/bin/firefox',
      '/snap/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
    ],
    names: ['firefox-esr', 'firefox'],
  },
};

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** The browser's executable, or null. `which` is 'chromium' or 'firefox'. */
export function findBrowser(which) {
  const b = BROWSERS[which];
  const fromEnv = process.env[b.env];
  if (fromEnv) return executable(fromEnv) ? fromEnv : null; // an explicit choice is never second-guessed
  for (const p of b.paths) if (executable(p)) return p;
  for (const n of b.names) {
    const p = onPath(n);
    if (p) return p;
  }
  return null;
}

/** The Chromium executable; throws a one-line BrowserMissingError when there is none. */
export const chromiumPath = () => findBrowser('chromium') ?? fail(['chromium']);
/** The Firefox executable; throws a one-line BrowserMissingError when there is none. */
export const firefoxPath = () => findBrowser('firefox') ?? fail(['firefox']);

export class BrowserMissingError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BrowserMissingError';
    this.stack = message;
  }
}

const isDebianLike = () => existsSync('/etc/debian_version') && !!onPath('apt-get');

/** The one line telling what to run, for the browsers still missing. */
export function missingMessage(missing) {
  const names = missing.map((w) => BROWSERS[w].label).join(' and ');
  const envs = missing.map((w) => `${BROWSERS[w].env}=/path/to/${BROWSERS[w].names[0]}`).join(' ');
  const explicit = missing
    .filter((w) => process.env[BROWSERS[w].env])
    .map((w) => `${BROWSERS[w].env}=${process.env[BROWSERS[w].env]} is not an executable; `)
    .join('');
  const apt = `sudo apt-get update && sudo apt-get install -y ${missing.map((w) => BROWSERS[w].apt).join(' ')}`;
  let install;
  if (isDebianLike()) install = `run \`${apt}\``;
  else if (process.platform === 'darwin')
    install = `run \`brew install --cask ${missing.map((w) => (w === 'chromium' ? 'chromium' : 'firefox@esr')).join(' ')}\``;
  else install = `install them with your package manager (Debian/Ubuntu: \`${apt}\`)`;
  return `${explicit}${names} not found: ${install} or set ${envs}, then run the command again.`;
}

function fail(missing) {
  throw new BrowserMissingError(missingMessage(missing));
}

/**
 * Makes sure the browsers are there: finds them, or installs the missing ones with apt-get when
 * this is Debian/Ubuntu and we are root (nothing is installed otherwise). Returns their paths;
 * throws a BrowserMissingError (one line, no stack) when some are still missing.
 */
export function ensureBrowsers(which = ['chromium', 'firefox'], { log = (m) => console.error(m) } = {}) {
  let missing = which.filter((w) => !findBrowser(w));
  const explicitlyWrong = missing.some((w) => process.env[BROWSERS[w].env]);
  if (missing.length && !explicitlyWrong && isDebianLike() && process.getuid?.() === 0) {
    const pkgs = missing.map((w) => BROWSERS[w].apt);
    log(`Installing ${pkgs.join(' ')} with apt-get (once; about a minute)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (update.status === 0)
      spawnSync('apt-get', ['install', '-y', '-qq', ...pkgs], { stdio: ['ignore', 'ignore', 'inherit'], env });
    missing = which.filter((w) => !findBrowser(w));
  }
  if (missing.length) fail(missing);
  return Object.fromEntries(which.map((w) => [w, findBrowser(w)]));
}

/** "Chromium 131.0…" for the log line of a test run (empty when the browser will not say). */
export function browserVersion(file) {
  try {
    return execFileSync(file, ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv.slice(2).filter((a) => a in BROWSERS);
  try {
    ensureBrowsers(which.length ? which : ['chromium', 'firefox']);
  } catch (e) {
    console.error(e instanceof BrowserMissingError ? e.message : String(e));
    process.exit(1);
  }
}
