/**
 * A live entry's machine-readable time as ISO 8601 in the publisher's wall clock (the Dateline rules:
 * `2024-03-12T14:05-04:00` with the offset the page states, `2024-03-12T14:05` without one, never
 * converted). An epoch stamp (data-timestamp="1710266700") has no publisher clock: it is given in UTC.
 */
import { isoOffset, pad2, wallClock } from '../text/clock.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const MIN_YEAR = 1990;

function offsetOf(raw: string | undefined): string {
  if (!raw) return '';
  if (/^z$/i.test(raw)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : '';
}

export function machineTime(raw: string): string | null {
  const s = raw.trim();
  const m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, hh, mi, ss, tz] = m;
    if (+y! < MIN_YEAR || +mo! < 1 || +mo! > 12 || +d! < 1 || +d! > 31) return null;
    if (hh === undefined) return `${y}-${mo}-${d}`;
    if (+hh > 23 || +mi! > 59) return null;
    return `${y}-${mo}-${d}T${hh}:${mi}${ss && ss !== '00' ? `:${ss}` : ''}${offsetOf(tz)}`;
  }
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const w = wallClock(s.length === 13 ? +s : +s * 1000, 0);
    if (w.y < MIN_YEAR) return null;
    return `${w.y}-${pad2(w.m)}-${pad2(w.d)}T${pad2(w.h)}:${pad2(w.mi)}${isoOffset(0)}`;
  }
  return null;
}
