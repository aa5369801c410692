/**
 * The dateline: when and where the story was filed, read from the live document without mutating it.
 *
 * Contract (issue #3):
 * - `published`/`modified` are ISO 8601 in the publisher's own wall-clock time, with the offset only
 *   when the page states one, date-only (`precision: "day"`) when no time is stated. Never converted
 *   to UTC, never a made-up midnight. Impossible values are rejected (before 1990, after now + 1 day,
 *   modified before published).
 * - Sources, best first: JSON-LD, microdata, meta tags, `<time>`, visible text near the headline,
 *   the URL path; `source`/`modifiedSource` say which one was used.
 * - `place`/`agency` come from schema.org (locationCreated, contentLocation, dateline) and the
 *   story's opening wire dateline ("WASHINGTON (AP) —").
 * - No host time zone is read anywhere (only Date.UTC/getUTC* and Intl with explicit zones), so the
 *   result is the same under any TZ; only `text` depends on the reader's locale/zone, passed in.
 */
import type { Dateline, DateSource } from '../types.js';
import { asPageRead, type PageRead } from '../page/read-page.js';
import { markedDatelines } from '../page/walk.js';
import {
  dayKey,
  hasTime,
  isSuspectMidnight,
  stampEpoch,
  stampPrecision,
  stampToIso,
  zonedStamp,
  type Stamp,
} from './parse.js';
import {
  makeZones,
  readJsonLd,
  readMeta,
  readMicrodata,
  readTimeElements,
  readUrl,
  readVisibleText,
  type DateCandidate,
  type TextCandidate,
  type Zones,
} from './sources.js';
import { liftWire, readWireDateline, titleCasePlace } from './wire.js';
import { formatDateline } from './format.js';

export { formatDateline } from './format.js';
export { readWireDateline } from './wire.js';

export interface DatelineContext {
  /** Absolute page URL. */
  url: string;
  now: Date;
  /** Page language (BCP 47) when known. */
  lang: string | null;
  /** The reader's locale and time zone, for `text` and relative times (see ExtractOptions). */
  locale?: string;
  timeZone?: string;
  utcOffset?: (epoch: number) => number;
  /** false: `text` left empty, for the caller to format later (formatDateline). */
  text?: boolean;
}

const DAY_MS = 86_400_000;
const MIN_YEAR = 1990;

/** Country-code TLDs sites use for their look, not their country (.io, .tv, .fm …): they decide nothing. */
const VANITY_TLDS = /^(io|co|tv|me|ai|fm|ly|to|cc|ws|gg|eu|su|la|am|nu|tk|ac)$/;

/**
 * The publisher's clock for a region, to state a UTC-only value on the publisher's day ("02:54Z" on a
 * US page is the evening before). Several zones: used only when all put the instant on one day.
 */
const REGION_ZONES: Record<string, string[]> = {
  US: ['America/New_York', 'America/Los_Angeles'],
  CA: ['America/Toronto', 'America/Vancouver'],
  GB: ['Europe/London'],
  IE: ['Europe/Dublin'],
  DE: ['Europe/Berlin'],
  AT: ['Europe/Vienna'],
  CH: ['Europe/Zurich'],
  FR: ['Europe/Paris'],
  IT: ['Europe/Rome'],
  ES: ['Europe/Madrid'],
  NL: ['Europe/Amsterdam'],
  BE: ['Europe/Brussels'],
  LU: ['Europe/Luxembourg'],
  PL: ['Europe/Warsaw'],
  CZ: ['Europe/Prague'],
  HU: ['Europe/Budapest'],
  DK: ['Europe/Copenhagen'],
  SE: ['Europe/Stockholm'],
  NO: ['Europe/Oslo'],
  FI: ['Europe/Helsinki'],
  PT: ['Europe/Lisbon'],
  GR: ['Europe/Athens'],
  TR: ['Europe/Istanbul'],
  JP: ['Asia/Tokyo'],
  KR: ['Asia/Seoul'],
  IN: ['Asia/Kolkata'],
  CN: ['Asia/Shanghai'],
  NZ: ['Pacific/Auckland'],
};

/**
 * The page's language with the region its country TLD gives, when the language names none: "en" on
 * a .co.uk site reads "02/11/2023" as 2 November, "en" on a .com decides nothing (issue #21).
 */
export function localeHint(lang: string | null, url: string): string | null {
  if (lang && /[-_][a-z]{2}$/i.test(lang)) return lang;
  let tld = '';
  try {
    tld = new URL(url).hostname.split('.').pop()?.toLowerCase() ?? '';
  } catch {
    return lang;
  }
  if (!/^[a-z]{2}$/.test(tld) || VANITY_TLDS.test(tld)) return lang;
  const region = tld === 'uk' ? 'GB' : tld.toUpperCase();
  return `${lang?.split(/[-_]/)[0] || 'und'}-${region}`;
}

/** Order of trust across sources and their ranks; lower first. */
function priority(c: DateCandidate): number {
  switch (c.source) {
    case 'json-ld':
      return c.rank <= 1 ? c.rank : 4 + (c.rank - 2) * 0.5;
    case 'microdata':
      return 2 + c.rank * 0.1;
    // Generic keys (rank ≥ 3: dc.date, <meta name="date">, displaydate) say less than a <time> in the
    // story: on the 300-page set meta was the least precise source chosen (45/50, issue #21).
    case 'meta':
      return c.rank <= 1 ? 3 + c.rank * 0.1 : c.rank === 2 ? 5.2 : 8 + Math.min(c.rank, 5) * 0.1;
    case 'time-element':
      return c.rank === 0 ? 6 : c.rank === 1 ? 8 : 10;
    case 'text':
      return 9;
    case 'url':
      return 11;
  }
}

function plausible(st: Stamp, now: Date): boolean {
  if (st.y < MIN_YEAR) return false;
  return stampEpoch(st) <= now.getTime() + DAY_MS;
}

/** A machine midnight is a stored date, not a time: keep the day only. */
function dropSuspectMidnight(c: DateCandidate): DateCandidate {
  if (c.source === 'text' || c.source === 'url' || !isSuspectMidnight(c.stamp)) return c;
  return { ...c, stamp: { y: c.stamp.y, m: c.stamp.m, d: c.stamp.d } };
}

/** Picks the best visible-text date: labelled and date-classed first, then the nearest to the headline. */
function textScore(c: TextCandidate): number {
  let s = c.distance >= 0 ? c.distance : -c.distance * 1.5;
  if (c.labelled) s -= 800;
  if (c.dateClass) s -= 400;
  if (c.prose) s += 3000;
  if (c.relative) s += 5000;
  if (hasTime(c.stamp)) s -= 100;
  return s;
}

function bestText(cands: TextCandidate[], kind: 'published' | 'modified'): TextCandidate | null {
  let best: TextCandidate | null = null;
  let bestScore = Infinity;
  for (const c of cands) {
    if (c.kind !== kind || (kind === 'modified' && !c.labelled)) continue;
    const s = textScore(c);
    if (s < bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

const isUtc = (st: Stamp): boolean => st.offset === 'Z' || st.offset === '+00:00';

/**
 * A UTC value ("…T03:30Z") is rarely the publisher's wall clock: CMSes convert to UTC. When another
 * source states the same instant in local time ("June 7, 23:30"), the page's own day and time win and
 * the offset follows from the two; when a visible date next to the headline names the neighbouring
 * day (and the UTC hour allows a real offset to reach it), that day wins, without a time.
 */
function localiseUtc(
  best: DateCandidate,
  others: DateCandidate[],
  visible: TextCandidate | null,
  region: string | null = null,
): DateCandidate {
  if (!isUtc(best.stamp) || !hasTime(best.stamp)) return best;
  const epoch = stampEpoch(best.stamp);
  const minute = Math.floor(epoch / 60_000);
  for (const o of others) {
    if (o === best || !hasTime(o.stamp) || o.kind !== best.kind) continue;
    if (o.stamp.offset && !isUtc(o.stamp) && Math.abs(stampEpoch(o.stamp) - epoch) < 60_000) return o;
  }
  for (const o of others) {
    if (
      (o.source !== 'text' && o.source !== 'time-element') ||
      !hasTime(o.stamp) ||
      o.stamp.offset ||
      o.relative ||
      o.kind !== best.kind
    )
      continue;
    const diff = Math.floor(Date.UTC(o.stamp.y, o.stamp.m - 1, o.stamp.d, o.stamp.h, o.stamp.mi) / 60_000) - minute;
    if (diff !== 0 && diff >= -12 * 60 && diff <= 14 * 60 && diff % 15 === 0) {
      const sign = diff < 0 ? '-' : '+';
      const abs = Math.abs(diff);
      const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      return { ...o, stamp: { ...o.stamp, s: best.stamp.s, offset } };
    }
  }
  const h = best.stamp.h ?? 0;
  const day = Date.UTC(best.stamp.y, best.stamp.m - 1, best.stamp.d);
  // No source states the local time: the region's clock, when the page's locale names one whose zones
  // all give one day (else the value stays as stated).
  const zones = region ? REGION_ZONES[region] : undefined;
  if (zones && !(visible && !hasTime(visible.stamp) && isNearVisible(visible))) {
    const local = zones.map((z) => zonedStamp(epoch, z));
    if (local.every((l) => dayKey(l) === dayKey(local[0]!))) {
      return { ...best, stamp: { ...local[0]!, ...(best.stamp.s ? { s: best.stamp.s } : {}) } };
    }
  }
  // Only the page's own dateline (the best visible date), not any date that happens to be near.
  if (visible && !hasTime(visible.stamp) && isNearVisible(visible)) {
    const delta = (Date.UTC(visible.stamp.y, visible.stamp.m - 1, visible.stamp.d) - day) / DAY_MS;
    if ((delta === 1 && h >= 10) || (delta === -1 && h < 12)) return visible;
  }
  return best;
}

/** A visible date the page shows as the story's: by the headline, in a date/byline element. */
function isNearVisible(c: DateCandidate): boolean {
  if (c.source !== 'text') return c.source === 'microdata' && !/^\d{4}-/.test(c.raw);
  const t = c as TextCandidate;
  return !t.prose && !t.relative && (t.dateClass || t.labelled) && t.distance >= -400 && t.distance <= 800;
}

/** A day-only value that another source states with a time of day on the same day: take the time. */
function addTime(best: DateCandidate, others: DateCandidate[]): DateCandidate {
  if (hasTime(best.stamp)) return best;
  const day = dayKey(best.stamp);
  const same = others.filter((o) => o.kind === best.kind && hasTime(o.stamp) && !o.relative && dayKey(o.stamp) === day);
  same.sort((a, b) => priority(a) - priority(b));
  return same[0] ?? best;
}

interface Chosen {
  published: DateCandidate | null;
  modified: DateCandidate | null;
}

/**
 * The publisher's day of a candidate: a UTC value names the day of the same instant stated with a
 * local offset by another source ("03:40Z" is "23:40-04:00" the day before), so the two agree.
 */
function localDay(c: DateCandidate, all: DateCandidate[]): string {
  if (!isUtc(c.stamp) || !hasTime(c.stamp)) return dayKey(c.stamp);
  const epoch = stampEpoch(c.stamp);
  const local = all.find((o) => o.stamp.offset && !isUtc(o.stamp) && Math.abs(stampEpoch(o.stamp) - epoch) < 60_000);
  return dayKey((local ?? c).stamp);
}

/** How many independent sources (JSON-LD, microdata, meta, `<time>`, URL, the visible dateline) name each day. */
function supportByDay(cands: DateCandidate[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const c of cands) {
    const day = localDay(c, cands);
    let set = out.get(day);
    if (!set) out.set(day, (set = new Set()));
    set.add(c.source);
  }
  return out;
}

/**
 * Conflicting metadata: the first source by priority names a day no other source does, while two or
 * more independent sources agree on another day (a generic <meta name="date"> against <time> and
 * the URL; microdata copying the modified date against JSON-LD and meta): the agreed day wins.
 */
function byAgreement(pubs: DateCandidate[], votes: DateCandidate[]): DateCandidate | null {
  const top = pubs[0];
  if (!top) return null;
  const support = supportByDay(votes);
  const topSupport = support.get(localDay(top, votes))?.size ?? 0;
  let best: DateCandidate = top;
  let bestSupport = Math.max(topSupport, 1);
  for (const c of pubs) {
    const n = support.get(localDay(c, votes))?.size ?? 0;
    if (n >= 2 && n > bestSupport) {
      best = c;
      bestSupport = n;
    }
  }
  return best;
}

function choose(
  structured: DateCandidate[],
  text: () => TextCandidate[],
  urlDates: DateCandidate[],
  region: string | null = null,
): Chosen {
  const byPriority = (a: DateCandidate, b: DateCandidate): number => priority(a) - priority(b);
  const pubs = structured.filter((c) => c.kind === 'published').sort(byPriority);
  const mods = structured.filter((c) => c.kind === 'modified').sort(byPriority);
  let published: DateCandidate | null = pubs[0] ?? null;
  const cache: { texts: TextCandidate[] | null } = { texts: null };
  const getText = (): TextCandidate[] => (cache.texts ??= text());

  const visible = bestText(getText(), 'published');
  // The page's own visible dateline (by the headline, in a byline/date element or labelled), not a
  // date in the headline, teaser or a caption.
  const dateline = visible && isNearVisible(visible) && !visible.inContent ? visible : null;
  if (!published)
    published =
      visible &&
      addTime(
        visible,
        getText().filter((c) => !c.prose),
      );
  else {
    const votes = [...pubs, ...urlDates, ...(dateline ? [dateline] : [])];
    const agreed = byAgreement(pubs, votes);
    if (agreed && agreed !== pubs[0]) published = agreed;
    const near = getText().filter((c) => c.kind === 'published' && !c.prose);
    published = addTime(published, [...pubs, ...near]);
    published = localiseUtc(published, [...pubs, ...near], visible, region);
    // The page's own dateline (labelled, or in a byline/date element by the headline) names another day
    // than the metadata: show what the publisher shows (metadata dates are often a CMS's import or
    // index date). A date in the headline, teaser or a caption is not that dateline (see inContent).
    if (dateline && published.source !== 'text' && dayKey(dateline.stamp) !== dayKey(published.stamp)) {
      published = dateline;
    }
  }
  // A date in the URL path is the publisher's own; it beats a stray date in the text that nothing
  // (no label, no date-ish element) marks as the story's — unless they name the same day.
  const fromUrl = urlDates[0];
  if (fromUrl && published?.source === 'text') {
    const t = published as TextCandidate;
    if (!t.labelled && !t.dateClass && dayKey(t.stamp) !== dayKey(fromUrl.stamp)) published = fromUrl;
  }
  published ??= fromUrl ?? null;

  let modified: DateCandidate | null = mods[0] ?? null;
  if (!modified && (!published || published.source === 'text')) modified = bestText(getText(), 'modified');
  if (!published && modified?.source === 'text') {
    // The page states one date, as "Updated:"/"Stand:" — the date of the version on screen. Shown as
    // the date rather than nothing; the label said "updated", so it is not also shown as an update.
    published = modified;
    modified = null;
  }
  if (modified)
    modified = localiseUtc(modified, [...mods, ...(cache.texts ?? []).filter((c) => c.kind === 'modified')], null);
  return { published, modified };
}

function pickPlace(jsonLdPlace: string | null, zones: Zones): { place: string | null; agency: string | null } {
  const h = zones.headline;
  const container = h?.closest('article, main, [role="main"], [itemprop="articleBody"]') ?? h?.parentElement ?? null;
  const wire = container ? readWireDateline(container) : null;
  const place = jsonLdPlace
    ? titleCasePlace(jsonLdPlace.trim())
    : (wire?.place ?? markedPlace(container ?? h?.ownerDocument.body ?? null));
  return { place, agency: wire?.agency ?? null };
}

/**
 * The place a page marks as its dateline (`itemprop="dateline"`, class `dateline`) when that element
 * holds a place alone, in capitals ("TOKYO", "VATICAN CITY"): no digit (a date line), no lower-case
 * word, a few words at most.
 */
function markedPlace(scope: Element | null): string | null {
  for (const e of scope ? markedDatelines(scope) : []) {
    const text = (e.textContent ?? '')
      .replace(/\s+/g, ' ')
      .replace(/\s*(?:\u2014|\u2013|--|-|:)\s*$/, '')
      .trim();
    if (text.length < 2 || text.length > 40 || /[\d\p{Ll}]/u.test(text) || text.split(' ').length > 4) continue;
    if (!/^\p{Lu}[\p{Lu}\s.,'-]*$/u.test(text)) continue;
    return titleCasePlace(text);
  }
  return null;
}

/**
 * Reads published/modified/place/agency from the live page without mutating it. Takes the page
 * read (its JSON-LD); a bare Document is read first (the CLI, tests and benchmarks call it so).
 */
export function findDateline(source: PageRead | Document, ctx: DatelineContext): Dateline {
  const page = asPageRead(source, ctx.url);
  const doc = page.doc;
  const lang = localeHint(ctx.lang, ctx.url);
  const zones = makeZones(doc);
  const ld = readJsonLd(page.jsonLdBlocks, lang);
  const ok = (c: DateCandidate): boolean => plausible(c.stamp, ctx.now);
  const structured = [
    ...ld.dates,
    ...readMicrodata(doc, zones, lang),
    ...readMeta(doc, lang),
    ...readTimeElements(doc, zones, lang),
  ]
    .filter(ok)
    .map(dropSuspectMidnight);
  const text = (): TextCandidate[] =>
    readVisibleText(doc, zones, { lang, now: ctx.now, timeZone: ctx.timeZone, utcOffset: ctx.utcOffset }).filter(ok);
  const region = lang?.split(/[-_]/)[1]?.toUpperCase() ?? null;
  const { published, modified: rawModified } = choose(structured, text, readUrl(ctx.url).filter(ok), region);

  let modified = rawModified;
  if (published && modified) {
    const pubIso = stampToIso(published.stamp);
    const modIso = stampToIso(modified.stamp);
    const bothTimed = hasTime(published.stamp) && hasTime(modified.stamp);
    const pe = stampEpoch(published.stamp);
    const me = stampEpoch(modified.stamp);
    const samePoint =
      modIso === pubIso ||
      (bothTimed && Math.abs(me - pe) < 60_000) ||
      (!hasTime(modified.stamp) && dayKey(modified.stamp) === dayKey(published.stamp));
    const before = bothTimed ? me < pe - 60_000 : dayKey(modified.stamp) < dayKey(published.stamp);
    if (samePoint || before) modified = null;
  }

  const { place, agency } = pickPlace(ld.place, zones);
  const result: Dateline = {
    published: published ? stampToIso(published.stamp) : null,
    modified: modified ? stampToIso(modified.stamp) : null,
    precision: published ? stampPrecision(published.stamp) : null,
    place,
    agency,
    text: '',
    source: (published?.source ?? null) as DateSource | null,
    modifiedSource: (modified?.source ?? null) as DateSource | null,
  };
  if (ctx.text !== false)
    result.text = formatDateline(result, { locale: ctx.locale, timeZone: ctx.timeZone, now: ctx.now });
  return result;
}

type WirePlace = { place: string | null; agency: string | null };

/**
 * Lifts a wire dateline ("WASHINGTON (AP) —") off the start of the article's first paragraph,
 * in place (on the extraction's own copy), so the opening sentence reads cleanly — only when `accept`
 * takes the place and agency it names (the caller's check that the dateline will show them).
 */
export function liftWireDateline(article: Element, accept?: (seen: WirePlace) => boolean): WirePlace | null {
  const found = liftWire(article, accept);
  return found ? { place: found.place, agency: found.agency } : null;
}
