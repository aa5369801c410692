/**
 * Decimal digits of other scripts, read as ASCII: Arabic-Indic (U+0660), Extended Arabic-Indic
 * (Persian, U+06F0), Devanagari (U+0966), Bengali (U+09E6) and full-width (U+FF10). One normalizer
 * for the dateline parser and the headline-card times.
 */

/** Non-ASCII decimal digits → ASCII, one char for one char so match positions stay valid. */
export function normalizeDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9\uFF10-\uFF19\u0966-\u096F\u09E6-\u09EF]/g, (c) => {
    const code = c.charCodeAt(0);
    const zero =
      code >= 0xff10 ? 0xff10 : code >= 0x09e6 ? 0x09e6 : code >= 0x0966 ? 0x0966 : code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String(code - zero);
  });
}
