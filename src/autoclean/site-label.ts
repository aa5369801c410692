/**
 * The site name shown on the overlay's "Always clean <site>" / "Never on <site>" buttons, without
 * the Public Suffix List: the content script is injected on demand, and the PSL (tldts) would add
 * ~140 KB to it for a label. A compact rule gets the registrable domain right for common names —
 * two labels, or three under a two-letter country code's generic second level (`bbc.co.uk`,
 * `abc.net.au`, `uol.com.br`); a unit test holds it to tldts on every starter site. The background
 * decides the real site with the PSL when the button is pressed, and its answer is what the
 * overlay announces, so a rare mislabel never changes the wrong site.
 */
const SECOND_LEVEL = new Set(['co', 'com', 'net', 'org', 'gov', 'gob', 'edu', 'ac', 'or', 'ne', 'go', 'gv', 'mil', 'nic', 'nom', 'ltd', 'plc', 'sch', 'info', 'biz', 'web']);

export function siteLabel(url: string): string | null {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    host = u.hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const tld = labels[labels.length - 1]!;
  const sld = labels[labels.length - 2]!;
  return labels.slice(tld.length === 2 && SECOND_LEVEL.has(sld) ? -3 : -2).join('.');
}
