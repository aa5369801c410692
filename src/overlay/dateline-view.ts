/**
 * The dateline line of the reader: place and agency, the published time exactly as the publisher
 * stated it (their wall clock, never converted), the reader's own local time when the publisher gave
 * an offset and the reader's differs, and "Updated …". Each instant is a <time datetime="…">
 * carrying the core's ISO string unchanged, so it stays machine-readable.
 */
import type { Dateline } from '../core/types.js';
import { h } from './dom.js';

interface Stated {
  /** The wall-clock fields as a UTC Date (so formatting in UTC prints them unchanged). */
  wall: Date;
  hasTime: boolean;
  /** Minutes east of UTC, when the publisher stated an offset. */
  offset: number | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseStated(iso: string): Stated | null {
  const m = ISO.exec(iso.trim());
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss, tz] = m;
  const wall = new Date(Date.UTC(+y!, +mo! - 1, +d!, +(hh ?? 0), +(mi ?? 0), +(ss ?? 0)));
  if (Number.isNaN(wall.getTime())) return null;
  let offset: number | null = null;
  if (tz === 'Z') offset = 0;
  else if (tz) {
    const t = /([+-])(\d{2}):?(\d{2})/.exec(tz)!;
    offset = (t[1] === '-' ? -1 : 1) * (+t[2]! * 60 + +t[3]!);
  }
  return { wall, hasTime: hh !== undefined, offset };
}

function offsetLabel(min: number): string {
  if (min === 0) return 'UTC';
  const sign = min < 0 ? '−' : '+';
  const a = Math.abs(min);
  return `UTC${sign}${Math.floor(a / 60)}${a % 60 ? ':' + String(a % 60).padStart(2, '0') : ''}`;
}

/**
 * Formatters built once per locale and options: constructing an Intl.DateTimeFormat costs far more than
 * using one (0.1–2 ms each, after the page's first Intl object), and a dateline needs up to four of them
 * on every open, reopens included (issue #24). A formatter is immutable, so a cache of them is pure, as
 * long as its zone is named: one without takes the host's zone when built, which may change meanwhile.
 */
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string | undefined, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = opts.timeZone ? `${locale ?? ''} ${JSON.stringify(opts)}` : null;
  let f = key === null ? undefined : FORMATTERS.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, opts);
    } catch {
      f = new Intl.DateTimeFormat('en', opts);
    }
    if (key !== null) FORMATTERS.set(key, f);
  }
  return f;
}

/** "15 November 2019, 13:42 UTC+3" in the reader's language, the publisher's clock and offset (no brackets). */
export function formatStated(s: Stated, locale?: string): string {
  const base = fmt(
    locale,
    s.hasTime ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' },
  ).format(s.wall);
  return s.offset === null || !s.hasTime ? base : `${base} ${offsetLabel(s.offset)}`;
}

/**
 * The same instant on the reader's clock, or null when the offset is unknown or both clocks show the
 * same minute. Compared at minute precision: a stated "08:14:45Z" read in UTC is 08:14 on both clocks
 * (comparing with the seconds made a −1 minute difference and showed "8:14 AM (8:14 AM your time)").
 */
export function formatLocal(s: Stated, locale: string | undefined, timeZone: string | undefined): string | null {
  if (s.offset === null || !s.hasTime) return null;
  const statedMinute = Math.floor(s.wall.getTime() / 60_000) * 60_000;
  const instant = new Date(statedMinute - s.offset * 60_000);
  const tzOpts = timeZone ? { timeZone } : {};
  // The reader's wall clock at that instant, to the minute.
  const parts = fmt('en-US', {
    ...tzOpts,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, p) => ((acc[p.type] = p.value), acc), {});
  const localWall = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour! % 24, +parts.minute!);
  if (Math.abs(localWall - statedMinute) < 60_000) return null;
  const sameDay = new Date(localWall).toISOString().slice(0, 10) === s.wall.toISOString().slice(0, 10);
  return fmt(
    locale,
    sameDay ? { ...tzOpts, timeStyle: 'short' } : { ...tzOpts, dateStyle: 'medium', timeStyle: 'short' },
  ).format(instant);
}

/** The publisher's time of day only ("6:40 PM"), for an update on the day it was published. */
export function formatStatedTime(s: Stated, locale?: string): string {
  const base = fmt(locale, { timeStyle: 'short', timeZone: 'UTC' }).format(s.wall);
  return s.offset === null ? base : `${base} ${offsetLabel(s.offset)}`;
}

const sameStatedDay = (a: Stated, b: Stated): boolean =>
  a.wall.toISOString().slice(0, 10) === b.wall.toISOString().slice(0, 10);

export interface DatelineViewOptions {
  locale?: string;
  /** The reader's zone; the runtime's own when absent. */
  timeZone?: string;
}

/** The dateline's times as the line shows them, in the reader's locale (Intl): see formatDatelineTimes. */
export interface DatelineTimes {
  published: string | null;
  /** The published instant on the reader's clock, when it differs. */
  local: string | null;
  modified: string | null;
}

/**
 * The dateline's times formatted for the reader. Pure strings, so that the reader's first open can have
 * them formatted elsewhere (the background, whose Intl objects cost the page nothing, issue #24) while
 * the page is read.
 */
export function formatDatelineTimes(
  d: Pick<Dateline, 'published' | 'modified'>,
  opts: DatelineViewOptions = {},
): DatelineTimes {
  const published = d.published ? parseStated(d.published) : null;
  const modified = d.modified ? parseStated(d.modified) : null;
  return {
    published: published && formatStated(published, opts.locale),
    local: published && formatLocal(published, opts.locale, opts.timeZone),
    modified:
      modified &&
      (published && sameStatedDay(published, modified) && modified.hasTime
        ? formatStatedTime(modified, opts.locale)
        : formatStated(modified, opts.locale)),
  };
}

/**
 * Until the formatted times are here: the publisher's own numbers, as stated ("2024-03-12 14:05 UTC−4"),
 * built without Intl; the line is drawn again with the formatted times (renderDateline) when they come.
 */
function plainTimes(d: Pick<Dateline, 'published' | 'modified'>): DatelineTimes {
  const plain = (iso: string | null): string | null => {
    const s = iso ? parseStated(iso) : null;
    if (!s) return null;
    const day = s.wall.toISOString().slice(0, 10);
    if (!s.hasTime) return day;
    const time = `${day} ${s.wall.toISOString().slice(11, 16)}`;
    return s.offset === null ? time : `${time} ${offsetLabel(s.offset)}`;
  };
  return { published: plain(d.published), local: null, modified: plain(d.modified) };
}

/**
 * The dateline, on its own line under the title, like a newspaper's: "WASHINGTON (AP) · 12 March 2024,
 * 14:05 UTC−4 (18:05 your time) · Updated 16:30 UTC−4" — one bracket at most (the reader's own time), and
 * that only when it differs by a minute or more. null when the page gave neither a date nor a place.
 */
export function renderDateline(
  doc: Document,
  d: Dateline,
  opts: DatelineViewOptions & {
    /** Formatted already (formatDatelineTimes); null: not yet, the plain numbers for now; absent: formatted here. */
    times?: DatelineTimes | null;
  } = {},
): HTMLElement | null {
  const times = opts.times === undefined ? formatDatelineTimes(d, opts) : (opts.times ?? plainTimes(d));
  const parts: (Node | string)[] = [];
  // Real spaces around the dot: they are where the line may wrap (padding alone gave no break
  // opportunity, and "Updated" was split mid-word at narrow widths).
  const sep = (): DocumentFragment => {
    const f = doc.createDocumentFragment();
    f.append(' ', h(doc, 'span', { class: 'sep', 'aria-hidden': 'true' }, '·'), ' ');
    return f;
  };
  // Place and agency are in the article's language (dir="auto"); the English phrases are isolated
  // left-to-right runs so they read correctly inside a right-to-left article.
  if (d.place || d.agency) {
    parts.push(
      h(
        doc,
        'span',
        { class: 'wire', dir: 'auto' },
        d.place ? h(doc, 'span', { class: 'place' }, d.place) : null,
        d.place && d.agency ? ' ' : null,
        d.agency ? h(doc, 'span', { class: 'agency' }, `(${d.agency})`) : null,
      ),
    );
  }
  if (d.published && times.published) {
    if (parts.length) parts.push(sep());
    const { local } = times;
    parts.push(
      h(
        doc,
        'span',
        { class: 'published', dir: 'ltr' },
        h(doc, 'span', { class: 'visually-hidden' }, 'Published '),
        h(doc, 'time', { datetime: d.published }, times.published),
        local ? ' ' : null, // outside the no-wrap run: the line may break here
        local ? h(doc, 'span', { class: 'local' }, `(${local} your time)`) : null,
      ),
    );
  }
  if (d.modified && times.modified) {
    if (parts.length) parts.push(sep());
    parts.push(
      h(
        doc,
        'span',
        { class: 'updated', dir: 'ltr' },
        'Updated ',
        h(doc, 'time', { datetime: d.modified }, times.modified),
      ),
    );
  }
  if (!parts.length && d.text) parts.push(d.text);
  if (!parts.length) return null;
  return h(doc, 'p', { class: 'dateline' }, ...parts);
}
