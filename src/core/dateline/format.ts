/**
 * formatDateline: the dateline as one readable line in the reader's locale —
 * "Washington · 12 Mar 2024, 14:05 UTC−4 (20:05 your time) · updated 16:30".
 *
 * The published time is shown as the publisher stated it (its wall clock, its offset); the reader's
 * own time is added in brackets only when the offset is known and the reader's zone differs at that
 * instant. Formatting goes through Intl with an explicit zone, so the host's TZ never leaks in.
 */
import type { Dateline } from '../types.js';
import { offsetMinutes, parseMachineDate, stampEpoch, zonedStamp, type Stamp } from './parse.js';

export interface FormatOptions {
  /** BCP 47 locale of the reader; defaults to English. */
  locale?: string;
  /** IANA zone of the reader; defaults to the runtime's own zone. */
  timeZone?: string;
  now?: Date;
}

const WORDS: Record<string, { updated: string; yourTime: string }> = {
  en: { updated: 'updated', yourTime: 'your time' },
  de: { updated: 'aktualisiert', yourTime: 'Ihre Zeit' },
  fr: { updated: 'mis à jour', yourTime: 'votre heure' },
  es: { updated: 'actualizado', yourTime: 'su hora' },
  it: { updated: 'aggiornato', yourTime: 'ora locale' },
  pt: { updated: 'atualizado', yourTime: 'seu horário' },
  nl: { updated: 'bijgewerkt', yourTime: 'uw tijd' },
  tr: { updated: 'güncellendi', yourTime: 'yerel saatiniz' },
  ru: { updated: 'обновлено', yourTime: 'ваше время' },
  pl: { updated: 'zaktualizowano', yourTime: 'twój czas' },
  ar: { updated: 'تحديث', yourTime: 'بتوقيتك' },
  ja: { updated: '更新', yourTime: '現地時間' },
  zh: { updated: '更新', yourTime: '您的时间' },
};

function words(locale: string): { updated: string; yourTime: string } {
  return WORDS[locale.toLowerCase().split('-')[0] ?? 'en'] ?? WORDS.en!;
}

/**
 * Caches of pure values: the canonical form of a locale tag, whether a zone name is valid, the
 * formatters of a locale. Building an Intl object costs far more than a whole format call (issue #9),
 * and each of these depends only on its key (the host's zone is never cached: see readerZone).
 */
const CANONICAL = new Map<string, string>();
const VALID_ZONE = new Map<string, boolean>();
const FMTS = new Map<string, Fmt>();

function safeLocale(locale: string | undefined): string {
  if (!locale) return 'en';
  let canonical = CANONICAL.get(locale);
  if (canonical === undefined) {
    // A malformed tag throws here; an unknown but well-formed one falls back inside Intl on its own.
    try {
      canonical = Intl.getCanonicalLocales(locale)[0] ?? 'en';
    } catch {
      canonical = 'en';
    }
    CANONICAL.set(locale, canonical);
  }
  return canonical;
}

function isValidZone(timeZone: string): boolean {
  let ok = VALID_ZONE.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      ok = true;
    } catch {
      ok = false;
    }
    VALID_ZONE.set(timeZone, ok);
  }
  return ok;
}

/** The host's zone is read on each call (it can change at run time), so only when a stamp needs it. */
function readerZone(timeZone: string | undefined): string {
  if (timeZone && isValidZone(timeZone)) return timeZone;
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Wall-clock fields as a Date in UTC, so Intl with timeZone "UTC" prints exactly them. */
function wallDate(st: Stamp): Date {
  return new Date(Date.UTC(st.y, st.m - 1, st.d, st.h ?? 0, st.mi ?? 0));
}

/** Formatters built once per locale (see FMTS): constructing an Intl.DateTimeFormat costs far more than using one. */
interface Fmt {
  day: Intl.DateTimeFormat;
  time: Intl.DateTimeFormat;
  locale: string;
}
function makeFmt(locale: string): Fmt {
  let f = FMTS.get(locale);
  if (!f) {
    f = {
      locale,
      day: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }),
      time: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit' }),
    };
    FMTS.set(locale, f);
  }
  return f;
}

function fmtDay(st: Stamp, f: Fmt): string {
  return f.day.format(wallDate(st));
}
function fmtTime(st: Stamp, f: Fmt): string {
  return f.time.format(wallDate(st));
}

/** "UTC", "UTC+2", "UTC−4", "UTC+5:30". */
function offsetLabel(offset: string): string {
  const min = offsetMinutes(offset);
  if (min === 0) return 'UTC';
  const abs = Math.abs(min);
  return `UTC${min < 0 ? '−' : '+'}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
}

function sameDay(a: Stamp, b: Stamp): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

/** "12 Mar 2024, 14:05 UTC−4 (20:05 your time)" — or just the day when no time was stated. */
function fmtStamp(st: Stamp, f: Fmt, zone: () => string, withReaderTime: boolean): string {
  if (st.h === undefined) return fmtDay(st, f);
  let out = `${fmtDay(st, f)}, ${fmtTime(st, f)}`;
  if (st.offset) {
    out += ` ${offsetLabel(st.offset)}`;
    if (withReaderTime) {
      const mine = zonedStamp(stampEpoch(st), zone());
      if (offsetMinutes(mine.offset) !== offsetMinutes(st.offset)) {
        const t = fmtTime(mine, f);
        out += ` (${sameDay(mine, st) ? t : `${fmtDay(mine, f)}, ${t}`} ${words(f.locale).yourTime})`;
      }
    }
  }
  return out;
}

export function formatDateline(
  dateline: Pick<Dateline, 'published' | 'modified' | 'place'>,
  opts: FormatOptions = {},
): string {
  const parts: string[] = [];
  if (!dateline.place && !dateline.published && !dateline.modified) return '';
  const locale = safeLocale(opts.locale);
  const zone = (): string => readerZone(opts.timeZone);
  const f = makeFmt(locale);
  if (dateline.place) parts.push(dateline.place);
  const pub = dateline.published ? parseMachineDate(dateline.published) : null;
  if (pub) parts.push(fmtStamp(pub, f, zone, true));
  const mod = dateline.modified ? parseMachineDate(dateline.modified) : null;
  if (mod && dateline.modified !== dateline.published) {
    // Same day as published: the time says enough.
    const short =
      pub && sameDay(pub, mod) && mod.h !== undefined
        ? `${fmtTime(mod, f)}${mod.offset && mod.offset !== pub.offset ? ` ${offsetLabel(mod.offset)}` : ''}`
        : fmtStamp(mod, f, zone, false);
    parts.push(`${words(locale).updated} ${short}`);
  }
  return parts.join(' · ');
}
