/**
 * Clock arithmetic with neither Intl nor the host's time zone: the wall clock at a fixed offset from UTC,
 * and that offset as ISO 8601 writes it. One place for the dateline (relative times on the reader's
 * clock), the related headlines (the times printed on cards) and a live blog's epoch-stamped entries.
 */
/** Two digits: 7 → "07" (months, days, hours, minutes). */
export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "+05:30", "-04:00", or "Z" for UTC (or no offset), from minutes east of UTC. */
export function isoOffset(minutesEast: number | null): string {
  if (minutesEast === null || minutesEast === 0) return 'Z';
  const a = Math.abs(minutesEast);
  return `${minutesEast < 0 ? '-' : '+'}${pad2(Math.floor(a / 60))}:${pad2(a % 60)}`;
}

/** The wall-clock fields of an instant on a clock `minutesEast` minutes east of UTC. */
export function wallClock(
  epoch: number,
  minutesEast: number,
): { y: number; m: number; d: number; h: number; mi: number } {
  const t = new Date(epoch + minutesEast * 60_000);
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
  };
}
