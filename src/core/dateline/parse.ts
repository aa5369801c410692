/**
 * Date parsing for the dateline: machine values (ISO 8601, RFC 2822, compact) and dates written in
 * visible text in many languages and formats, into a `Stamp` — the publisher's wall-clock fields plus
 * the UTC offset only when the source states one.
 *
 * Invariants: nothing here converts to UTC or reads the host's time zone (no Date local-time
 * getters), so the result is the same under any `TZ`; a missing time stays missing (no midnight is
 * made up); a missing offset stays missing.
 */
import { MONTHS } from '../text/lexicon/months.js';
import { normalizeDigits } from '../text/lexicon/digits.js';
import { timeUnitOf, UNIT_MINUTES } from '../text/lexicon/time-units.js';
import { isoOffset, wallClock } from '../text/clock.js';
import { work } from '../work.js';

export interface Stamp {
  y: number;
  m: number;
  d: number;
  h?: number;
  mi?: number;
  s?: number;
  /** "Z" or "+02:00"; absent when the source states no offset. */
  offset?: string;
}

export type TextDateKind = 'published' | 'modified' | null;

export interface TextDate {
  stamp: Stamp;
  /** Position of the match in the scanned string. */
  index: number;
  length: number;
  /** What a label just before the date says it is ("Updated:", "Publié le"). */
  kind: TextDateKind;
  /** "3 hours ago": resolved against `now`, an approximation. */
  relative: boolean;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function isValidDay(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function validTime(h: number, mi: number, s = 0): boolean {
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60;
}

/** "+0200", "+02", "-04:00", "Z" → "+02:00" / "Z"; null when not an offset. */
export function normalizeOffset(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  if (/^z$/i.test(raw)) return 'Z';
  const m = /^([+-−])(\d{1,2})(?::?(\d{2}))?$/.exec(raw.trim());
  if (!m) return undefined;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? 0);
  if (h > 14 || mi > 59) return undefined;
  return `${m[1] === '-' || m[1] === '−' ? '-' : '+'}${pad(h)}:${pad(mi)}`;
}

export function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset === 'Z') return 0;
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The instant a stamp names; a stamp without offset is read as UTC (good to ±14 h, enough for sanity checks). */
export function stampEpoch(st: Stamp): number {
  return Date.UTC(st.y, st.m - 1, st.d, st.h ?? 0, st.mi ?? 0, st.s ?? 0) - offsetMinutes(st.offset) * 60_000;
}

export function hasTime(st: Stamp): boolean {
  return st.h !== undefined;
}

export function stampPrecision(st: Stamp): 'day' | 'minute' | 'second' {
  if (st.h === undefined) return 'day';
  return st.s ? 'second' : 'minute';
}

/** ISO 8601 as stated: date only, or date+time (seconds only when non-zero), offset only when known. */
export function stampToIso(st: Stamp): string {
  const day = `${pad(st.y, 4)}-${pad(st.m)}-${pad(st.d)}`;
  if (st.h === undefined) return day;
  const sec = st.s ? `:${pad(st.s)}` : '';
  return `${day}T${pad(st.h)}:${pad(st.mi ?? 0)}${sec}${st.offset ?? ''}`;
}

export function dayKey(st: Stamp): string {
  return stampToIso({ y: st.y, m: st.m, d: st.d });
}

function makeStamp(
  y: number,
  m: number,
  d: number,
  h?: number,
  mi?: number,
  s?: number,
  offset?: string,
): Stamp | null {
  if (!isValidDay(y, m, d)) return null;
  const st: Stamp = { y, m, d };
  if (h !== undefined && mi !== undefined && validTime(h, mi, s ?? 0)) {
    st.h = h;
    st.mi = mi;
    if (s) st.s = Math.min(59, s);
    if (offset) st.offset = offset;
  }
  return st;
}

/**
 * A machine-readable value (JSON-LD, meta content, `<time datetime>`): ISO 8601 with or without
 * time/offset, "2024-03-12 14:05:00", compact "20240312", RFC 2822, a Unix timestamp; falls back
 * to the text parser ("March 12, 2024"). A time of exactly 00:00:00 is kept as written here; the
 * caller decides whether it is a real time (see `isSuspectMidnight`).
 */
/** ISO 8601 and its relatives: "2024-03-12", "20240312", "2024-03-12 14:05:00.000+01:00 [Europe/Berlin]". */
const ISO_DAY = String.raw`(\d{4})-?(\d{2})-?(\d{2})`;
const ISO_TIME = String.raw`(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{1,2})(?:[.,]\d+)?)?\s*(Z|[+-−]\d{2}(?::?\d{2})?)?)?`;
const ISO_ZONE_NAME = String.raw`(?:\s*(?:\[[^\]]*\]|[A-Z]{2,5}))?`;
const ISO_DATE = new RegExp(`^${ISO_DAY}${ISO_TIME}${ISO_ZONE_NAME}$`, 'i');
/** RFC 2822: "Tue, 12 Mar 2024 14:05:00 +0100" / "GMT". */
const RFC2822_DAY = String.raw`(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})`;
const RFC2822_TIME = String.raw`(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z|[+-]\d{4})?)?`;
const RFC2822_DATE = new RegExp(`^${RFC2822_DAY}${RFC2822_TIME}`);

export function parseMachineDate(raw: string, lang: string | null = null): Stamp | null {
  const s = normalizeDigits(raw).trim();
  if (!s || s.length > 80) return null;
  let m = ISO_DATE.exec(s);
  if (m) {
    const st = makeStamp(
      +m[1]!,
      +m[2]!,
      +m[3]!,
      m[4] === undefined ? undefined : +m[4],
      m[5] === undefined ? undefined : +m[5],
      m[6] === undefined ? undefined : +m[6],
      normalizeOffset(m[7]),
    );
    if (st) return st;
  }
  // Unix epoch seconds or milliseconds (some CMSes put them in meta tags).
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return makeStamp(
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      'Z',
    );
  }
  // RFC 2822: "Tue, 12 Mar 2024 14:05:00 +0100" / "GMT".
  m = RFC2822_DATE.exec(s);
  if (m) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    if (month) {
      const off = m[7] ? (/^(GMT|UTC|Z)$/i.test(m[7]) ? 'Z' : normalizeOffset(m[7])) : undefined;
      const st = makeStamp(
        +m[3]!,
        month,
        +m[1]!,
        m[4] === undefined ? undefined : +m[4],
        m[5] === undefined ? undefined : +m[5],
        m[6] === undefined ? undefined : +m[6],
        off,
      );
      if (st) return st;
    }
  }
  // A machine value with slashes ("11/01/2023 12:43:42") is a server's US-locale default format,
  // whatever the page's language.
  const found = findTextDates(s, { lang: s.includes('/') ? 'en-US' : lang, now: null });
  return found[0]?.stamp ?? null;
}

/**
 * 00:00:00 stated by a machine value with no other sign of a real time: CMSes that store a date
 * write it as midnight (`2023-10-04T00:00:00`), and a midnight in UTC is usually a converted
 * local date. Reading it as a time would invent one.
 */
export function isSuspectMidnight(st: Stamp): boolean {
  return st.h === 0 && (st.mi ?? 0) === 0 && !st.s;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MONTH_ALT = [...MONTHS.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join('|');

function monthOf(word: string): number | undefined {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' '));
}

// Time zone abbreviations with one unambiguous meaning in news pages. ("IST" and "CST" collide
// across continents; CST is kept as US Central because US pages use it far more.)
const TZ_ABBR: Record<string, string> = {
  utc: 'Z',
  gmt: 'Z',
  z: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  akst: '-09:00',
  akdt: '-08:00',
  hst: '-10:00',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  mez: '+01:00',
  mesz: '+02:00',
  eet: '+02:00',
  eest: '+03:00',
  msk: '+03:00',
  jst: '+09:00',
  kst: '+09:00',
  aest: '+10:00',
  aedt: '+11:00',
  awst: '+08:00',
  nzst: '+12:00',
  nzdt: '+13:00',
  sgt: '+08:00',
  hkt: '+08:00',
};

/** Regions whose English writes "02/11/2023" month first. */
const MONTH_FIRST_REGIONS = /^(us|ph|fm|mh|pw|as|gu|mp|pr|vi|um)$/;

/**
 * Day/month order of a slashed date, from the page's language and region ("en-GB", or "und-DE" when
 * only the site's country TLD is known; see localeHint in index.ts). Other languages write the day
 * first; English needs a region; with none (plain "en" on a .com), "02/11/2023" is ambiguous: null.
 */
export function slashOrder(lang: string | null): 'dmy' | 'mdy' | null {
  const [base = '', region = ''] = (lang ?? '').toLowerCase().split(/[-_]/);
  if (region && /^[a-z]{2}$/.test(region)) return MONTH_FIRST_REGIONS.test(region) ? 'mdy' : 'dmy';
  if (base && base !== 'en' && base !== 'und') return 'dmy';
  return null;
}

const LB = '(?<![\\p{L}\\p{N}])';
const LA = '(?![\\p{L}])';
const ORD = '(?:st|nd|rd|th|er|e|º|°|ª)?';

/**
 * Case-insensitive matching without the `i` flag (issue #9). A regular expression is compiled the first
 * time it runs, and `i` with `u` makes V8 case-fold every character of the month alternation: the
 * patterns with month names and words cost ~5 ms to compile, more than a whole warm dateline pass.
 * So the text is lower-cased once and matched by lower-case patterns without `i`. That is the same
 * match as `iu` for the scripts the patterns name (Latin, Cyrillic, Arabic, CJK have no folding that
 * differs from lower-casing for them: dotless ı is ı either way, ẞ folds and lowers to ß), and
 * lower-casing keeps each character in place when the length is unchanged. When it is not (İ lowers
 * to two code units), the `iu` twin of the pattern is built on demand and runs on the text as written.
 */
function foldCase(text: string): string | null {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : null;
}

/** A lower-case pattern for folded text, and its case-insensitive twin (built when first needed). */
interface Folding {
  re: RegExp;
  twin(): RegExp;
}
function folding(source: string, flags: string): Folding {
  const re = new RegExp(source, flags);
  let ci: RegExp | null = null;
  return { re, twin: () => (ci ??= new RegExp(source, `${flags}i`)) };
}

/**
 * The same, both built on first use: for patterns behind a cheap test that most pages fail (issue #24:
 * a Unicode pattern costs a fraction of a millisecond to parse when the content script is evaluated on
 * the click, whether it ever runs or not).
 */
function lazyFolding(source: string, flags: string): Folding {
  let f: Folding | null = null;
  const get = (): Folding => (f ??= folding(source, flags));
  return {
    get re() {
      return get().re;
    },
    twin: () => get().twin(),
  };
}

/**
 * Date patterns; each returns y/m/d from its match. Ordered most specific first. Lower case (see foldCase).
 * `monthFirst`: the pattern opens with the month alternation, so a plain scan tries all those names at
 * every position of the text; it is run at the few places a match can start instead (see monthFirstMatches).
 */
interface DatePattern {
  re: Folding;
  monthFirst?: true;
  ymd: (m: RegExpExecArray, lang: string | null) => [number, number, number] | null;
}
const DATE_PATTERNS: DatePattern[] = [
  {
    // ISO in text: 2024-03-12
    re: folding(`${LB}(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)`, 'gu'),
    ymd: (m) => [+m[1]!, +m[2]!, +m[3]!],
  },
  {
    // CJK / Korean: 2024年1月5日, 2024년 1월 5일
    re: folding('(\\d{4})\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]?', 'gu'),
    ymd: (m) => [+m[1]!, +m[2]!, +m[3]!],
  },
  {
    // Hungarian year first, dots and spaces: "2020. 06. 04." (before the day-first pattern, which would
    // read "06. 04. 11" of "2020. 06. 04. 11:27" as a day, a month and a year)
    re: folding(`${LB}(\\d{4})\\.\\s(\\d{1,2})\\.\\s?(\\d{1,2})\\.(?!\\d)`, 'gu'),
    ymd: (m) => [+m[1]!, +m[2]!, +m[3]!],
  },
  {
    // 2024/03/12, 2024.03.12
    re: folding(`${LB}(\\d{4})([./])(\\d{1,2})\\2(\\d{1,2})(?![\\d])`, 'gu'),
    ymd: (m) => [+m[1]!, +m[3]!, +m[4]!],
  },
  {
    // 15.11.2019, 12/06/2022, 04-10-2023, 15.11.19 (a two-digit "year" before ":27" is an hour)
    re: folding(`${LB}(\\d{1,2})([./-])\\s?(\\d{1,2})\\2\\s?(\\d{4}|\\d{2}(?![:h]\\d))(?![\\d]|\\.\\d)`, 'gu'),
    ymd: (m, lang) => {
      const a = +m[1]!;
      const b = +m[3]!;
      let y = +m[4]!;
      if (m[4]!.length === 2) y += y < 70 ? 2000 : 1900;
      // An impossible month decides; else the page's locale (see slashOrder).
      if (a > 12 && b <= 12) return [y, b, a];
      if (b > 12 && a <= 12) return [y, a, b];
      if (a === b || m[2] !== '/') return [y, b, a];
      const order = slashOrder(lang);
      return order === 'mdy' ? [y, a, b] : order === 'dmy' ? [y, b, a] : null;
    },
  },
  {
    // 4 October 2023, 4. Oktober 2023, 1er mars 2023, 4 de octubre de 2023, 4 октября 2023
    re: folding(
      `${LB}(\\d{1,2})${ORD}\\.?\\s*(?:de\\s+)?(${MONTH_ALT})\\.?${LA},?\\s*(?:de\\s+|del\\s+)?'?(\\d{4})(?!\\d)`,
      'gu',
    ),
    ymd: (m) => {
      const mo = monthOf(m[2]!);
      return mo ? [+m[3]!, mo, +m[1]!] : null;
    },
  },
  {
    // October 4, 2023; Oct. 4 2023 (the shape monthFirstMatches relies on)
    re: folding(`${LB}(${MONTH_ALT})\\.?${LA}\\s*(\\d{1,2})${ORD}(?![\\d])\\.?,?\\s*(\\d{4})(?!\\d)`, 'uy'),
    monthFirst: true,
    ymd: (m) => {
      const mo = monthOf(m[1]!);
      return mo ? [+m[3]!, mo, +m[2]!] : null;
    },
  },
];

const MONTH_MAX = Math.max(...[...MONTHS.keys()].map((k) => k.length));
/**
 * What every "October 4, 2023" match holds after its month: a day that is a whole run of 1-2 digits,
 * at most four other non-space characters (ordinal, dot, comma), spaces, a year that is a whole run of
 * 4 digits. No digit lies between the day and the year, so these never hide one another.
 */
const DAY_THEN_YEAR = /(?<!\d)\d{1,2}(?!\d)[^\d\s]{0,4}\s*\d{4}(?!\d)/g;
const SPACE = /\s/;

/**
 * The matches a global scan of a month-first pattern (sticky here) would find, in order, trying it only
 * where a match can start: the month ends right before the day (after an optional dot and spaces), so
 * it starts at most MONTH_MAX characters before that point. A month name is one code point per
 * character in any case, so this holds for the case-insensitive twin too.
 */
function monthFirstMatches(sticky: RegExp, subject: string, limit: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let next = 0; // first position not yet tried (and past the last match)
  DAY_THEN_YEAR.lastIndex = 0;
  for (let core = DAY_THEN_YEAR.exec(subject); core && out.length < limit; core = DAY_THEN_YEAR.exec(subject)) {
    work();
    let end = core.index;
    while (end > 0 && SPACE.test(subject[end - 1]!)) end--;
    if (end > 0 && subject[end - 1] === '.') end--;
    for (let p = Math.max(next, end - MONTH_MAX); p < end; p++) {
      sticky.lastIndex = p;
      const m = sticky.exec(subject);
      if (m) {
        out.push(m);
        p = p + m[0].length - 1;
      }
      next = p + 1;
    }
  }
  return out;
}

function allMatches(re: RegExp, subject: string, limit: number): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(subject); m && out.length < limit; m = re.exec(subject)) out.push(m);
  return out;
}

/**
 * Matches of one pattern read per call: a page is free to write the same date thousands of times in
 * a row, and each match costs regex runs around it (time, label, range). Text near a headline holds
 * a few dozen dates at most.
 */
const MAX_MATCHES = 400;

/**
 * Spans of text already claimed by a date, sorted by start, for overlap tests by binary search
 * (comparing each new match with every earlier one made a page of repeated dates quadratic).
 * `longest` bounds how far before a span's start a claimed span can reach into it.
 */
class Spans {
  private starts: number[] = [];
  private ends: number[] = [];
  private longest = 0;

  overlaps(a: number, b: number): boolean {
    // First span that starts after a - longest: no earlier one can end after a.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= a - this.longest) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.starts.length && this.starts[i]! < b; i++) {
      work();
      if (this.ends[i]! > a) return true;
    }
    return false;
  }

  /** Adds spans given in increasing order of start (one pattern's matches), merged in one pass. */
  addSorted(list: Array<[number, number]>): void {
    if (list.length === 0) return;
    const starts: number[] = [];
    const ends: number[] = [];
    let i = 0;
    let j = 0;
    while (i < this.starts.length || j < list.length) {
      work();
      if (j >= list.length || (i < this.starts.length && this.starts[i]! <= list[j]![0])) {
        starts.push(this.starts[i]!);
        ends.push(this.ends[i]!);
        i++;
      } else {
        const [a, b] = list[j]!;
        starts.push(a);
        ends.push(b);
        this.longest = Math.max(this.longest, b - a);
        j++;
      }
    }
    this.starts = starts;
    this.ends = ends;
  }
}

const TZ_ALT = Object.keys(TZ_ABBR).join('|');
/** A time right after a date: ", 18:07 Uhr", " à 07h45", " 10時30分", " at 2:05 p.m. EDT", "T14:05:00+02:00". */
const TIME_AFTER = new RegExp(
  `^\\s*(?:[,|/·•—–-]|at|um|à|a\\s+las|alle|às|om|kl\\.?|klo|saat|في|o|godz\\.?|в)?\\s*(?:[,|/·•—–-]\\s*)?` +
    `(\\d{1,2})\\s*(?::|h|時|시|\\.(?=\\d{2}\\s*(?:uhr|h)))\\s*(\\d{2})(?:\\s*:\\s*(\\d{2}))?\\s*(?:分|분)?` +
    `(?:\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)(?![\\p{L}]))?` +
    `(?:\\s*(?:uhr|h)(?![\\p{L}]))?` +
    `(?:\\s*\\(?(?:(${TZ_ALT})(?![\\p{L}])|(?:gmt|utc)\\s*([+-−]\\d{1,2}(?::?\\d{2})?)|([+-]\\d{2}:?\\d{2})(?!\\d)))?`,
  'iu',
);
/** A time right before a date: "10:30 AM EST, Wed March 4, 2020", "13:42 - 15.11.2019". */
const TIME_BEFORE = new RegExp(
  `(?<![\\d:])(\\d{1,2})\\s*[:h]\\s*(\\d{2})(?:\\s*(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)(?![\\p{L}]))?` +
    `(?:\\s*(?:uhr))?(?:\\s*(${TZ_ALT})(?![\\p{L}]))?` +
    `\\s*(?:[,|·•—–-]|on|le|am|el|il)?\\s*(?:\\p{L}{2,12}\\.?,?\\s*)?$`,
  'iu',
);

/** "bis", "until", "jusqu'au"…: the words of a range of days, before its second date. */
const UNTIL_WORDS = String.raw`bis(?:\s+zum)?|to|until|till|through|au|jusqu'au|al`;
const RANGE_BEFORE = new RegExp(
  String.raw`(?:\d\.?\s*[–—-]|(?<!\p{L})(?:${UNTIL_WORDS}|hasta(?:\s+el)?|fino\s+al|tot))\s*$`,
  'iu',
);
// A date must follow ("bis 15:45 Uhr" after a date is a time range on one day, not a range of days).
const RANGE_AFTER = new RegExp(
  String.raw`^\s*(?:${UNTIL_WORDS}|hasta|fino\s+al|tot|[–—]|-)\s*\d{1,4}(?:[./-]\d|\.?\s*\p{L})`,
  'iu',
);

/** The lower-case `iu` patterns above, for folded text (see foldCase); their literals are the twins. */
function foldedTwin(ci: RegExp): Folding {
  const re = new RegExp(ci.source, ci.flags.replace('i', ''));
  return { re, twin: () => ci };
}
const TIME_AFTER_F = foldedTwin(TIME_AFTER);
const TIME_BEFORE_F = foldedTwin(TIME_BEFORE);
const RANGE_BEFORE_F = foldedTwin(RANGE_BEFORE);
const RANGE_AFTER_F = foldedTwin(RANGE_AFTER);

function applyMeridiem(h: number, mer: string | undefined): number | null {
  if (!mer) return h;
  if (h < 1 || h > 12) return null;
  const pm = /^p/i.test(mer);
  return pm ? (h % 12) + 12 : h % 12;
}

const PUBLISHED_WORDS = [
  ...['published', 'posted', 'erschienen', 'veröffentlicht', 'publiziert', 'erstellt', 'publié', 'publie'],
  ...['publicado', 'publicada', 'pubblicato', 'gepubliceerd', 'yayınlanma', 'yayınlandı', 'yayın'],
  ...['опубликовано', 'опубликован', 'opublikowano', 'نشر', 'نُشر', '发布', '發佈', '发表', '公開', '작성'],
  ...['created', 'issued'],
];
const PUBLISHED_GLUE = String.raw`\s*(?:le|am|on|el|il|em|op|في|[:|–—-]|\s)*\s*$`;
const PUBLISHED_LABEL = new RegExp(`(${PUBLISHED_WORDS.join('|')})${PUBLISHED_GLUE}`, 'iu');
const MODIFIED_WORDS = [
  ...['updated?', String.raw`last\s+modified`, 'modified', 'revised', 'edited'],
  ...['aktualisiert', 'aktualisierung', 'geändert', 'stand', String.raw`mis\s+à\s+jour`, 'màj', 'maj'],
  ...['actualizado', 'actualizada', 'actualización', 'aggiornato', 'aggiornamento', 'atualizado', 'atualizada'],
  ...['bijgewerkt', 'gewijzigd', 'güncelleme', 'güncellendi', 'güncellenme', 'обновлено', 'обновлен'],
  ...['zaktualizowano', 'تحديث', String.raw`آخر\s+تحديث`, '更新'],
];
const MODIFIED_GLUE = String.raw`\s*(?:le|am|on|el|il|em|op|at|[:|–—-]|\s)*\s*(?:\p{L}{2,12}\.?,?\s*)?$`;
const MODIFIED_LABEL = new RegExp(`(${MODIFIED_WORDS.join('|')})${MODIFIED_GLUE}`, 'iu');

/** Labels of dates that are not a story's: a forum poster's registration, a birthday (issue #21). */
const OTHER_LABEL = new RegExp(
  `(${[
    'registriert\\s+seit',
    'mitglied\\s+seit',
    'dabei\\s+seit',
    'registriert',
    'beigetreten',
    'anmeldedatum',
    'joined',
    'registered',
    'member\\s+since',
    'inscrit\\s+(?:le|depuis)',
    'inscription',
    'registrado',
    'iscritto',
    'lid\\s+sinds',
    'geboren(?:\\s+am)?',
    'born(?:\\s+on)?',
  ].join('|')})\\s*(?:am|on|le|el|il|op|[:|–—-]|\\s)*\\s*$`,
  'iu',
);
const OTHER_LABEL_F = foldedTwin(OTHER_LABEL);

const MODIFIED_LABEL_F = foldedTwin(MODIFIED_LABEL);
const PUBLISHED_LABEL_F = foldedTwin(PUBLISHED_LABEL);

export function labelKind(before: string): TextDateKind {
  const tail = before.slice(-48);
  const folded = foldCase(tail);
  const test = (f: Folding): boolean => (folded !== null ? f.re.test(folded) : f.twin().test(tail));
  if (test(MODIFIED_LABEL_F)) return 'modified';
  if (test(PUBLISHED_LABEL_F)) return 'published';
  return null;
}

// Relative times, resolved against `now`; unit words in text/lexicon/time-units.ts.
const REL_NUM = '(\\d{1,3}|an?|one|einer|einem|eine|une?|una?|un)';
/**
 * Lower case (see foldCase), each with a word it cannot match without: a text that lacks the word
 * skips the pattern, so most pages never compile most of them. `need` is a plain pattern that every
 * match contains (the word with what must stand next to it): "fa", "ago" and "il" are in most long
 * texts, and a scan by the full pattern (its number words tried at every position) costs far more.
 */
const RELATIVE: Array<{ word: string; need: RegExp; re: Folding }> = [
  {
    word: 'ago',
    need: /\sago(?![a-z])/,
    re: lazyFolding(`${LB}${REL_NUM}\\s+(min(?:ute)?s?|hours?|hrs?|days?)\\s+ago${LA}`, 'gu'),
  },
  {
    word: 'vor',
    need: /vor\s/,
    re: lazyFolding(`${LB}vor\\s+${REL_NUM}\\s+(minuten?|stunden?|tag(?:en)?)${LA}`, 'gu'),
  },
  {
    word: 'il',
    need: /il\s+y\s+a\s/,
    re: lazyFolding(`${LB}il\\s+y\\s+a\\s+${REL_NUM}\\s+(minutes?|heures?|jours?)${LA}`, 'gu'),
  },
  { word: 'hace', need: /hace\s/, re: lazyFolding(`${LB}hace\\s+${REL_NUM}\\s+(minutos?|horas?|d[ií]as?)${LA}`, 'gu') },
  { word: 'há', need: /há\s/, re: lazyFolding(`${LB}há\\s+${REL_NUM}\\s+(minutos?|horas?|dias?)${LA}`, 'gu') },
  {
    word: 'fa',
    need: /\sfa(?![a-z])/,
    re: lazyFolding(`${LB}${REL_NUM}\\s+(minut[oi]|or[ae]|giorn[oi])\\s+fa${LA}`, 'gu'),
  },
  {
    word: 'geleden',
    need: /\sgeleden/,
    re: lazyFolding(`${LB}${REL_NUM}\\s+(minuten|minuut|uur|dagen|dag)\\s+geleden${LA}`, 'gu'),
  },
  { word: 'önce', need: /\sönce/, re: lazyFolding(`${LB}(\\d{1,3})\\s+(dakika|saat|gün)\\s+önce${LA}`, 'gu') },
];

function relCount(w: string): number {
  return /^\d+$/.test(w) ? Number(w) : 1;
}

/** One formatter per zone name, built on first use: a cache of pure values (a bad name throws each time). */
const ZONE_FMTS = new Map<string, Intl.DateTimeFormat>();
function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = ZONE_FMTS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    ZONE_FMTS.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant on a clock `offMin` minutes east of UTC, with that offset. */
function offsetStamp(epoch: number, offMin: number): Stamp {
  return { ...wallClock(epoch, offMin), offset: isoOffset(offMin) };
}

/** Wall-clock fields of an instant in a time zone (Intl, not the host's zone), with that zone's offset. */
export function zonedStamp(epoch: number, timeZone: string | undefined): Stamp {
  if (!timeZone) return offsetStamp(epoch, 0);
  try {
    const parts = zoneFormatter(timeZone).formatToParts(new Date(epoch));
    const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
    const st: Stamp = { y: get('year'), m: get('month'), d: get('day'), h: get('hour') % 24, mi: get('minute') };
    const wall = Date.UTC(st.y, st.m - 1, st.d, st.h, st.mi, get('second'));
    st.offset = isoOffset(Math.round((wall - epoch) / 60_000));
    return st;
  } catch {
    return zonedStamp(epoch, undefined);
  }
}

export interface TextDateOptions {
  lang: string | null;
  /** For relative times; null skips them. */
  now: Date | null;
  /** Zone in which to state a relative time (the reader's); UTC when absent (and no `utcOffset`). */
  timeZone?: string;
  /** Without `timeZone`: the reader's clock as minutes east of UTC at an instant (ExtractOptions.utcOffset). */
  utcOffset?: (epoch: number) => number;
}

/**
 * Every date written in `text`, in order, with the time stated right next to it and the label
 * before it. Overlapping matches keep the first (most specific) pattern.
 */
export function findTextDates(raw: string, opts: TextDateOptions): TextDate[] {
  const text = normalizeDigits(raw);
  // Matched on the folded copy (same positions) when there is one.
  const folded = foldCase(text);
  const subject = folded ?? text;
  const out: TextDate[] = [];
  const taken = new Spans();
  // This pattern's spans: in increasing order of start, merged into `taken` when the pattern is done.
  let current: Array<[number, number]> = [];
  const overlapsCurrent = (a: number, b: number): boolean => {
    // Spans of one pattern do not overlap one another and come in order: only the last can reach a.
    const last = current[current.length - 1];
    return last !== undefined && a < last[1] && b > last[0];
  };
  const overlaps = (a: number, b: number): boolean => overlapsCurrent(a, b) || taken.overlaps(a, b);
  const run = (f: Folding, from: number, to: number): RegExpExecArray | null =>
    folded !== null ? f.re.exec(folded.slice(from, to)) : f.twin().exec(text.slice(from, to));
  for (const p of DATE_PATTERNS) {
    taken.addSorted(current);
    current = [];
    const re = folded !== null ? p.re.re : p.re.twin();
    work(subject.length);
    for (const m of p.monthFirst ? monthFirstMatches(re, subject, MAX_MATCHES) : allMatches(re, subject, MAX_MATCHES)) {
      work();
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const ymd = p.ymd(m, opts.lang);
      if (!ymd || !isValidDay(ymd[0], ymd[1], ymd[2])) continue;
      let stamp: Stamp = { y: ymd[0], m: ymd[1], d: ymd[2] };
      let len = end - start;
      let from = start;
      const after = run(TIME_AFTER_F, end, end + 48);
      if (after) {
        const h = applyMeridiem(+after[1]!, after[4]);
        const off = after[5] ? TZ_ABBR[after[5].toLowerCase()] : normalizeOffset(after[6] ?? after[7]);
        const withTime =
          h === null
            ? null
            : makeStamp(stamp.y, stamp.m, stamp.d, h, +after[2]!, after[3] ? +after[3] : undefined, off);
        if (withTime?.h !== undefined) {
          stamp = withTime;
          len += after[0].length;
        }
      }
      if (stamp.h === undefined) {
        const before = run(TIME_BEFORE_F, Math.max(0, start - 40), start);
        if (before) {
          const h = applyMeridiem(+before[1]!, before[3]);
          const off = before[4] ? TZ_ABBR[before[4].toLowerCase()] : undefined;
          const withTime = h === null ? null : makeStamp(stamp.y, stamp.m, stamp.d, h, +before[2]!, undefined, off);
          // Not a time that belongs to the previous date ("…2:05 p.m. EDT Updated October 5").
          if (withTime?.h !== undefined && !overlaps(start - before[0].length, start)) {
            stamp = withTime;
            from = start - before[0].length;
            len += before[0].length;
          }
        }
      }
      current.push([from, from + len]);
      // One end of a range ("vom 24. April bis 2. Oktober 2017", "March 3 – March 9, 2024") names an
      // event's days, not when the story was filed.
      if (run(RANGE_BEFORE_F, Math.max(0, from - 24), from) || run(RANGE_AFTER_F, from + len, from + len + 24))
        continue;
      if (run(OTHER_LABEL_F, Math.max(0, from - 32), from)) continue;
      out.push({
        stamp,
        index: from,
        length: len,
        kind: labelKind(text.slice(Math.max(0, from - 48), from)),
        relative: false,
      });
    }
  }
  taken.addSorted(current);
  current = [];
  if (opts.now) {
    const nowMs = opts.now.getTime();
    for (const rel of RELATIVE) {
      if (folded !== null && (!folded.includes(rel.word) || !rel.need.test(folded))) continue;
      const re = folded !== null ? rel.re.re : rel.re.twin();
      re.lastIndex = 0;
      work(subject.length);
      for (let m = re.exec(subject), k = 0; m && k < MAX_MATCHES; m = re.exec(subject), k++) {
        work();
        const named = timeUnitOf(m[2]!);
        const unit = named ? UNIT_MINUTES[named] : 0;
        if (!unit || overlaps(m.index, m.index + m[0].length)) continue;
        const minutes = relCount(m[1]!) * unit;
        if (minutes > 60 * 24 * 31) continue;
        const at = nowMs - minutes * 60_000;
        const st =
          !opts.timeZone && opts.utcOffset ? offsetStamp(at, opts.utcOffset(at)) : zonedStamp(at, opts.timeZone);
        // "3 days ago" names a day, not a time.
        const stamp: Stamp = unit >= 1440 ? { y: st.y, m: st.m, d: st.d } : st;
        out.push({
          stamp,
          index: m.index,
          length: m[0].length,
          kind: labelKind(text.slice(Math.max(0, m.index - 48), m.index)),
          relative: true,
        });
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
