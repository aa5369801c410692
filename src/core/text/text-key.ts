/**
 * squash(s): the key two texts are compared by when case, spaces and punctuation do not matter —
 * lower case, letters and digits only ("Ascom Holding AG" → "ascomholdingag", "BBC NEWS | Asia" →
 * "bbcnewsasia"). One definition for the stages that match a title, a site's name or a byline
 * against what the page prints.
 */
export function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
