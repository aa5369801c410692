/** See browsers.mjs: find (or install, on Debian/Ubuntu as root) the browsers the tests and `npm start` drive. */
export type BrowserName = 'chromium' | 'firefox';
export function findBrowser(which: BrowserName): string | null;
export function chromiumPath(): string;
export function firefoxPath(): string;
export class BrowserMissingError extends Error {}
export function missingMessage(missing: BrowserName[]): string;
export function ensureBrowsers(
  which?: BrowserName[],
  opts?: { log?: (m: string) => void },
): Record<BrowserName, string>;
export function browserVersion(file: string): string;
