/**
 * The site name shown on the overlay's "Always clean <site>" / "Never on <site>" buttons, without
 * the Public Suffix List: the content script is injected on demand, and the PSL (tldts) would add
 * ~140 KB to it for a label. It uses the core's compact registrable-domain rule (the one related
 * headlines use for sister sites), which gets common names right (`bbc.co.uk`, `abc.net.au`,
 * `uol.com.br`); a unit test holds it to tldts on every starter site. The background decides the
 * real site with the PSL when the button is pressed, and its answer is what the overlay
 * announces, so a rare mislabel never changes the wrong site.
 */
import { registrableDomain } from '../core/page/site.js';

export function siteLabel(url: string): string | null {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    host = u.hostname;
  } catch {
    return null;
  }
  if (host.startsWith('[')) return host;
  return registrableDomain(host);
}
