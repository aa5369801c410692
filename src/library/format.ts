/** Human-readable numbers and dates for the library page, in the reader's locale. */

export function formatBytes(bytes: number, locale?: string): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: n < 10 && u > 0 ? 1 : 0 }).format(n)} ${units[u]}`;
}

/** '' when `ms` is not a date that can be printed (out of range, not a number). */
export function formatDay(ms: number, locale?: string): string {
  try {
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }).format(ms);
  } catch {
    return '';
  }
}

export function plural(n: number, one: string, many: string, locale?: string): string {
  return `${new Intl.NumberFormat(locale).format(n)} ${n === 1 ? one : many}`;
}

/** YYYY-MM-DD of "today", for export file names. */
export function isoDay(now: Date = new Date()): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
