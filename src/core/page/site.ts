/**
 * Which site a host belongs to: the registrable domain ("eTLD+1"). A page-level fact, read by the
 * related headlines (same publication, sister domains) and by auto-clean's site label; it lives
 * here so auto-clean does not reach into the related-headlines code.
 */

/** Second-level labels under a country TLD that are public suffixes (bbc.co.uk, nhk.or.jp, uol.com.br, gob.es). */
const SECOND_LEVEL = new Set([
  'co',
  'com',
  'net',
  'org',
  'gov',
  'gob',
  'gouv',
  'gv',
  'ac',
  'edu',
  'ne',
  'or',
  'go',
  'nic',
  'ltd',
  'plc',
  'sch',
  'mil',
  'info',
  'biz',
  'nom',
  'web',
  'nhs',
  'police',
]);

/**
 * The registrable domain ("eTLD+1") by a small approximation of the public suffix list:
 * en.haberler.com and www.haberler.com share haberler.com, www3.nhk.or.jp is nhk.or.jp.
 * Not tldts (the auto-clean site matcher's PSL): it would add ~140 KB to the content script for
 * the rare ccTLD this misses, and a miss only drops a sister host's headlines.
 */
export function registrableDomain(hostname: string): string {
  const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1]!)) return labels.join('.');
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const take = tld.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}
