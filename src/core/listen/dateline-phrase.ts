/**
 * datelinePhrase(dateline, lang) → the dateline as it is said, in the article's language:
 *   "Washington, Associated Press. Tuesday, March 12, 2024 at 2:05 PM Eastern Time."
 *
 * The publisher's clock, never the listener's and never a raw ISO string: the stated wall-clock
 * time is formatted by Intl in the article's language. A time zone name is said only when one can
 * be named honestly: a zone suggested by the place ("Washington") or the article's language and
 * region (en-US, de, ja) whose offset at that instant is exactly the stated offset; otherwise the
 * offset itself ("UTC minus 4"). No offset stated: no zone said. Day precision: no time said.
 * "Updated …" only when the modification differs from the publication.
 */
import type { Dateline } from '../types.js';
import { offsetMinutes, parseMachineDate, stampEpoch, zonedStamp, type Stamp } from '../dateline/parse.js';
import { agencyName, baseLang, wordsFor, type ListenWords } from './words.js';

/** Wire-dateline places whose zone is not in doubt (lower case, as the core extracts them). */
const PLACE_ZONES: Record<string, string> = {
  washington: 'America/New_York',
  'new york': 'America/New_York',
  boston: 'America/New_York',
  miami: 'America/New_York',
  atlanta: 'America/New_York',
  philadelphia: 'America/New_York',
  chicago: 'America/Chicago',
  houston: 'America/Chicago',
  dallas: 'America/Chicago',
  denver: 'America/Denver',
  phoenix: 'America/Phoenix',
  'los angeles': 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  toronto: 'America/Toronto',
  ottawa: 'America/Toronto',
  'mexico city': 'America/Mexico_City',
  london: 'Europe/London',
  dublin: 'Europe/Dublin',
  paris: 'Europe/Paris',
  berlin: 'Europe/Berlin',
  brussels: 'Europe/Brussels',
  madrid: 'Europe/Madrid',
  rome: 'Europe/Rome',
  moscow: 'Europe/Moscow',
  kyiv: 'Europe/Kyiv',
  istanbul: 'Europe/Istanbul',
  ankara: 'Europe/Istanbul',
  cairo: 'Africa/Cairo',
  القاهرة: 'Africa/Cairo',
  jerusalem: 'Asia/Jerusalem',
  beirut: 'Asia/Beirut',
  dubai: 'Asia/Dubai',
  riyadh: 'Asia/Riyadh',
  الرياض: 'Asia/Riyadh',
  'new delhi': 'Asia/Kolkata',
  beijing: 'Asia/Shanghai',
  'hong kong': 'Asia/Hong_Kong',
  tokyo: 'Asia/Tokyo',
  東京: 'Asia/Tokyo',
  seoul: 'Asia/Seoul',
  sydney: 'Australia/Sydney',
  'são paulo': 'America/Sao_Paulo',
  'buenos aires': 'America/Argentina/Buenos_Aires',
};

/** Zones to try for a language or language-region, most likely first. */
const LANG_ZONES: Record<string, readonly string[]> = {
  'en-us': [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Phoenix',
    'America/Los_Angeles',
    'America/Anchorage',
    'Pacific/Honolulu',
  ],
  'en-gb': ['Europe/London'],
  'en-ie': ['Europe/Dublin'],
  'en-au': ['Australia/Sydney', 'Australia/Perth'],
  'en-ca': ['America/Toronto', 'America/Vancouver'],
  'en-in': ['Asia/Kolkata'],
  en: [
    'America/New_York',
    'Europe/London',
    'America/Chicago',
    'America/Los_Angeles',
    'Asia/Kolkata',
    'Australia/Sydney',
  ],
  'de-at': ['Europe/Vienna'],
  'de-ch': ['Europe/Zurich'],
  de: ['Europe/Berlin'],
  'fr-ca': ['America/Toronto'],
  'fr-ch': ['Europe/Zurich'],
  'fr-be': ['Europe/Brussels'],
  fr: ['Europe/Paris'],
  es: ['Europe/Madrid', 'America/Mexico_City'],
  it: ['Europe/Rome'],
  pt: ['Europe/Lisbon', 'America/Sao_Paulo'],
  nl: ['Europe/Amsterdam'],
  pl: ['Europe/Warsaw'],
  tr: ['Europe/Istanbul'],
  ru: ['Europe/Moscow'],
  ar: ['Africa/Cairo', 'Asia/Riyadh', 'Asia/Dubai', 'Asia/Beirut'],
  ja: ['Asia/Tokyo'],
  ko: ['Asia/Seoul'],
  zh: ['Asia/Shanghai'],
};

function formatter(lang: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang, opts);
  } catch {
    return new Intl.DateTimeFormat('en', opts);
  }
}

/** The zone that names this offset at this instant for this article, or null when none can be named. */
export function zoneFor(stamp: Stamp, lang: string, place: string | null): string | null {
  // "Z" is how feeds and CMSs write UTC itself: saying "United Kingdom Time" would be a guess.
  if (!stamp.offset || stamp.offset === 'Z') return null;
  const want = offsetMinutes(stamp.offset);
  const epoch = stampEpoch(stamp);
  const tag = lang.toLowerCase();
  const candidates = [
    ...(place ? [PLACE_ZONES[place.trim().toLowerCase()]] : []),
    ...(LANG_ZONES[tag] ?? []),
    ...(LANG_ZONES[baseLang(tag)] ?? []),
  ].filter((z): z is string => !!z);
  for (const zone of candidates) {
    try {
      if (offsetMinutes(zonedStamp(epoch, zone).offset) === want) return zone;
    } catch {
      // An engine without this zone: try the next.
    }
  }
  return null;
}

/** "Eastern Time" in the article's language, or null when Intl knows no name (it then says "GMT-4"). */
function zoneName(zone: string, epoch: number, lang: string): string | null {
  for (const timeZoneName of ['longGeneric', 'long'] as const) {
    try {
      const parts = formatter(lang, { timeZone: zone, timeZoneName }).formatToParts(epoch);
      const name = parts.find((p) => p.type === 'timeZoneName')?.value;
      if (name && !/^(GMT|UTC)([+\-−]|$)/.test(name)) return name;
    } catch {
      // longGeneric is ES2022; an older engine throws: try "long".
    }
  }
  return null;
}

/** "UTC minus 4", "UTC plus 5:30", "UTC". */
export function spokenOffset(offset: string, words: ListenWords): string {
  const min = offsetMinutes(offset);
  if (min === 0) return 'UTC';
  const abs = Math.abs(min);
  const hm = `${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
  return `UTC ${min < 0 ? words.minus : words.plus} ${hm}`;
}

/** The wall-clock fields as a UTC Date, so Intl with timeZone UTC prints exactly them. */
function wall(st: Stamp): Date {
  return new Date(Date.UTC(st.y, st.m - 1, st.d, st.h ?? 0, st.mi ?? 0));
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** One stamp as said: the day (with weekday), and the time with its zone when the publisher stated them. */
export function spokenStamp(
  st: Stamp,
  lang: string,
  place: string | null,
  opts: { dayToo: boolean } = { dayToo: true },
): string {
  const words = wordsFor(lang);
  const fields = opts.dayToo ? DAY : {};
  if (st.h === undefined) return formatter(lang, { ...DAY, timeZone: 'UTC' }).format(wall(st));
  const zone = zoneFor(st, lang, place);
  if (zone) {
    const epoch = stampEpoch(st);
    const name = zoneName(zone, epoch, lang);
    if (name)
      return formatter(lang, { ...fields, ...TIME, timeZone: zone, timeZoneName: 'longGeneric' })
        .format(epoch)
        .replace(/\S*(GMT|UTC)[+\-−][\d:]+\S*/, name);
  }
  const base = formatter(lang, { ...fields, ...TIME, timeZone: 'UTC' }).format(wall(st));
  return st.offset ? `${base} ${spokenOffset(st.offset, words)}` : base;
}

function sameDay(a: Stamp, b: Stamp): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

/**
 * The spoken dateline as its sentences: "{place}, {agency}." "{published}." "Updated {modified}."
 * (none when the page gave neither place, agency nor date). Kept apart rather than re-split: an
 * agency ending in an initial ("أ ش أ.") would look like an abbreviation to the sentence splitter.
 */
export function datelineSentences(
  d: Pick<Dateline, 'published' | 'modified' | 'place' | 'agency'>,
  lang: string | null,
): string[] {
  const tag = lang || 'en';
  const words = wordsFor(tag);
  const sentences: string[] = [];
  const where = [d.place?.trim(), d.agency ? agencyName(d.agency) : null].filter(Boolean).join(words.comma);
  if (where) sentences.push(where);
  const pub = d.published ? parseMachineDate(d.published) : null;
  if (pub) sentences.push(spokenStamp(pub, tag, d.place));
  const mod = d.modified && d.modified !== d.published ? parseMachineDate(d.modified) : null;
  if (mod && !(pub && stampEpoch(mod) === stampEpoch(pub) && mod.offset === pub.offset)) {
    // Same day and both with a time: the time says enough.
    const dayToo = !(pub && sameDay(pub, mod) && mod.h !== undefined && pub.h !== undefined);
    sentences.push(`${words.updated} ${spokenStamp(mod, tag, d.place, { dayToo })}`);
  }
  return sentences.map((s) => s + words.stop);
}

/** The spoken dateline as one string, or '' when nothing is known. */
export function datelinePhrase(
  d: Pick<Dateline, 'published' | 'modified' | 'place' | 'agency'>,
  lang: string | null,
): string {
  return datelineSentences(d, lang).join(wordsFor(lang || 'en').stop === '。' ? '' : ' ');
}
