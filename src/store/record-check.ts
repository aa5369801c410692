/**
 * What a stored article must look like before the library renders it. One set of rules for both
 * ends: import refuses an entry that breaks them (checkRecord/checkBody say why), and a record
 * read from the database that breaks them (written before these rules, or by hand) is mended for
 * display (mendRecord/mendBody: each bad field replaced by a harmless default) and flagged, so one
 * damaged article never stops the library from listing or opening the others. Mending is for the
 * screen only: the stored record stays as it is, and exports it as it is.
 */
import type { ArticleRecord, ArticleSummary, BodyRecord } from './record.js';

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
const strOrNull: Check = (v) => v === null || typeof v === 'string';
const bool: Check = (v) => typeof v === 'boolean';
export const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const oneOf =
  (...values: unknown[]): Check =>
  (v) =>
    values.includes(v);
const webUrl: Check = (v) => str(v) && /^https?:\/\//i.test(v as string);
/** A count or size: a whole number from 0 to `max`. */
const count =
  (max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;

/** Times the list formats as dates: whole milliseconds between the years 1000 and 3000. */
export const TIME_MIN = Date.UTC(1000, 0, 1);
export const TIME_MAX = Date.UTC(3000, 0, 1);
export const isTime: Check = (v) => Number.isInteger(v) && (v as number) >= TIME_MIN && (v as number) <= TIME_MAX;
const MANY = 1e9;
const BYTES = Number.MAX_SAFE_INTEGER;

const SOURCES = ['json-ld', 'microdata', 'meta', 'time-element', 'text', 'url'];
const DATELINE: Record<string, Check> = {
  published: strOrNull,
  modified: strOrNull,
  precision: oneOf(null, 'day', 'minute', 'second'),
  place: strOrNull,
  agency: strOrNull,
  text: str,
  source: oneOf(null, ...SOURCES),
  modifiedSource: oneOf(undefined, null, ...SOURCES),
};
const EMPTY_DATELINE: Record<string, unknown> = {
  published: null,
  modified: null,
  precision: null,
  place: null,
  agency: null,
  text: '',
  source: null,
};

const IMAGES: Record<string, Check> = {
  mode: oneOf('store', 'links'),
  stored: count(MANY),
  skipped: count(MANY),
  bytes: count(BYTES),
  note: (v) => v === undefined || str(v),
};

/** Each rendered field of an ArticleRecord: its rule, and what is shown instead when it is broken. */
const RECORD: Record<string, { check: Check; fallback: unknown }> = {
  url: { check: webUrl, fallback: '' },
  pageUrl: { check: webUrl, fallback: '' },
  canonicalUrl: { check: strOrNull, fallback: null },
  title: { check: str, fallback: '' },
  byline: { check: strOrNull, fallback: null },
  siteName: { check: strOrNull, fallback: null },
  site: { check: str, fallback: '' },
  lang: { check: strOrNull, fallback: null },
  dir: { check: oneOf('ltr', 'rtl'), fallback: 'ltr' },
  excerpt: { check: strOrNull, fallback: null },
  leadImage: { check: strOrNull, fallback: null },
  favicon: { check: strOrNull, fallback: null },
  wordCount: { check: count(MANY), fallback: 0 },
  readingMinutes: { check: count(MANY), fallback: 0 },
  paywalled: { check: bool, fallback: false },
  isNews: { check: bool, fallback: false },
  newsScore: { check: (v) => typeof v === 'number' && v >= 0 && v <= 1, fallback: 0 },
  newsReasons: { check: (v) => Array.isArray(v) && v.every(str), fallback: [] },
  dateline: { check: (v) => isObj(v) && Object.entries(DATELINE).every(([k, c]) => c(v[k])), fallback: EMPTY_DATELINE },
  publishedAt: { check: (v) => v === null || isTime(v), fallback: null },
  savedAt: { check: isTime, fallback: 0 },
  updatedAt: { check: isTime, fallback: 0 },
  read: { check: oneOf(0, 1), fallback: 0 },
  versions: { check: count(MANY), fallback: 0 },
  images: {
    check: (v) => isObj(v) && Object.entries(IMAGES).every(([k, c]) => c(v[k])),
    fallback: { mode: 'links', stored: 0, skipped: 0, bytes: 0 },
  },
  bytes: { check: count(BYTES), fallback: 0 },
};

export const validId: Check = (v) => str(v) && (v as string).length > 0 && (v as string).length < 200;

/** In words a user can follow: "record.savedAt is not a date the library can show". */
function fieldProblem(what: string, key: string): string {
  if (key === 'savedAt' || key === 'updatedAt' || key === 'publishedAt') {
    return `${what}.${key} is not a date the library can show`;
  }
  if (key === 'url' || key === 'pageUrl') return `${what}.${key} is not a web address`;
  return `${what}.${key} is missing or has the wrong type`;
}

/** Why `v` is not an article record the library can show, or null. `what` names it in the reason. */
export function checkRecord(v: unknown, what: string, withId = true): string | null {
  if (!isObj(v)) return `${what} is missing`;
  if (withId && !validId(v.id)) return `${what}.id is missing or has the wrong type`;
  for (const [k, { check }] of Object.entries(RECORD)) if (!check(v[k])) return fieldProblem(what, k);
  return null;
}

const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const headline: Check = (r) =>
  isObj(r) &&
  str(r.title) &&
  str(r.url) &&
  optional(str)(r.section) &&
  optional((v) => typeof v === 'number' && Number.isFinite(v))(r.score) &&
  optional((v) => Array.isArray(v) && v.every(str))(r.sections) &&
  optional(str)(r.published) &&
  optional(str)(r.image);

/** Why `v` is not an article body the reader can show, or null. */
export function checkBody(v: unknown, what: string): string | null {
  if (!isObj(v)) return `${what} is missing`;
  if (!str(v.content) || !(v.content as string).trim()) return `${what}.content is empty`;
  if (!str(v.textContent)) return `${what}.textContent is missing`;
  if (!Array.isArray(v.related) || !v.related.every(headline)) return `${what}.related is not a list of headlines`;
  return null;
}

/** What the library page calls each field when it says which one it could not read. */
const LABEL: Record<string, string> = {
  id: 'its identifier',
  url: 'its web address',
  pageUrl: 'its web address',
  title: 'its title',
  dateline: 'its dateline',
  publishedAt: 'its publication date',
  savedAt: 'the date it was saved',
  updatedAt: 'the date it was last saved',
  images: 'its image details',
  site: 'its site',
  siteName: 'its site name',
};

/** The record with each broken field replaced by its default; `problem` names the broken fields. */
export function mendRecord(raw: ArticleRecord): ArticleSummary {
  if (!checkRecord(raw, 'record')) return raw;
  const v = raw as unknown as Record<string, unknown>;
  const broken = [...(validId(v.id) ? [] : ['id']), ...Object.keys(RECORD).filter((k) => !RECORD[k]!.check(v[k]))];
  const names = [...new Set(broken.map((k) => LABEL[k] ?? 'other details'))];
  const listed = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  const problem = `${listed} could not be read`;
  const out: Record<string, unknown> = { ...v, id: String(v.id), problem };
  for (const [k, { check, fallback }] of Object.entries(RECORD)) if (!check(v[k])) out[k] = structuredClone(fallback);
  if (isObj(v.dateline) && !RECORD.dateline!.check(v.dateline)) {
    // Keep the parts of a dateline that are fine (its line of text is what the list shows).
    const d = v.dateline;
    out.dateline = Object.fromEntries(
      Object.entries(DATELINE).map(([k, c]) => [k, c(d[k]) ? d[k] : EMPTY_DATELINE[k]]),
    );
  }
  return out as unknown as ArticleSummary;
}

/** The body with broken parts emptied (bad headlines left out), for the reader. */
export function mendBody(raw: BodyRecord): BodyRecord {
  const v = raw as unknown as Record<string, unknown>;
  return {
    id: raw.id,
    content: str(v.content) ? (v.content as string) : '',
    textContent: str(v.textContent) ? (v.textContent as string) : '',
    related: Array.isArray(v.related) ? (v.related.filter(headline) as BodyRecord['related']) : [],
  };
}
