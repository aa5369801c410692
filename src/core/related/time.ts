/**
 * The time a headline card shows ("2 minutes ago", "vor 3 Stunden", "15.11.2019 13:42",
 * "12 mars 2024", "2024年3月12日", "منذ ساعتين", `<time datetime>`), as an ISO string under the
 * dateline rules: the publisher's wall-clock, never converted to UTC, no made-up midnight.
 *
 * Relative times are resolved against `now` and written in the page's own UTC offset when the
 * page states one (its article:published_time or JSON-LD); otherwise in UTC, marked `Z`, since a
 * relative time names an instant and no other wall-clock is known. A small parser for cards only;
 * the full dateline parser lives in dateline*.ts.
 */
import { normalizeDigits } from '../text/lexicon/digits.js';
import { MONTHS } from '../text/lexicon/months.js';
import { timeUnitOf } from '../text/lexicon/time-units.js';
import { isoOffset, pad2, wallClock } from '../text/clock.js';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Counts written as words ("an hour ago", "vor einer Stunde", "ساعتين" = two hours). */
function countOf(word: string | undefined, unitWord: string): number | null {
  if (word === undefined || word === '') return /(ين|יים)$/.test(unitWord) ? 2 : 1;
  if (/^\d+$/.test(word)) return Number(word);
  if (/^(an?|one|ein(e[mr]?)?|une?|una?|uno)$/i.test(word)) return 1;
  return null;
}

const RELATIVE: RegExp[] = [
  /\b(\d+|an?|one)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\.?\s+ago\b/i,
  /\bvor\s+(\d+|eine[mr]?|einem)\s+(Sekunden?|Min\.?|Minuten?|Std\.?|Stunden?|Tag(?:en)?|Wochen?)\b/i,
  /\bil y a\s+(\d+|une?)\s*(secondes?|min|minutes?|h|heures?|jours?|semaines?)\b/i,
  /\bhace\s+(\d+|una?|un)\s*(segundos?|min|minutos?|h|horas?|días?|semanas?)\b/i,
  /\b(\d+|un'?|una)\s+(secondi|minuti|minuto|ore|ora|giorni|giorno|settimane?)\s+fa\b/i,
  /(\d+)\s*(秒|分|時間|日|週間)前/,
  /(\d+)\s*(秒|分钟|分鐘|小时|小時|天|周)前/,
  /منذ\s+(\d+)?\s*(ثوان(?:ي|ٍ)?|ثانية|دقيقة|دقائق|دقيقتين|ساعة|ساعات|ساعتين|يوم|أيام|يومين|أسبوع|أسابيع)/,
  /לפני\s+(\d+)?\s*(שניות|דקות|דקה|שעות|שעה|שעתיים|ימים|יום|יומיים|שבועות|שבוע)/,
  /(\d+)\s+(секунд\p{L}*|минут\p{L}*|час\p{L}*|дн\p{L}*|день|недел\p{L}*)\s+назад/iu,
  /(\d+)\s+(saniye|dakika|saat|gün|hafta)\s+önce/i,
];

const MONTH_WORD = '([A-Za-zÀ-ÿ]{3,10})\\.?';
const DAY_MONTH_YEAR = new RegExp(`(\\d{1,2})\\.?\\s+(?:de\\s+)?${MONTH_WORD}\\s+(?:de\\s+)?(\\d{4})`);
const MONTH_DAY_YEAR = new RegExp(`${MONTH_WORD}\\s+(\\d{1,2}),?\\s+(\\d{4})`);

interface Wall {
  y: number;
  mo: number;
  d: number;
  h?: number;
  mi?: number;
}

function validDate(w: Wall): boolean {
  if (w.mo < 1 || w.mo > 12 || w.d < 1 || w.d > 31 || w.y < 1990 || w.y > 2100) return false;
  if (w.h !== undefined && (w.h > 23 || (w.mi ?? 0) > 59)) return false;
  return true;
}

function wallIso(w: Wall): string {
  const day = `${w.y}-${pad2(w.mo)}-${pad2(w.d)}`;
  return w.h === undefined ? day : `${day}T${pad2(w.h)}:${pad2(w.mi ?? 0)}`;
}

/** The wall-clock of an instant in a fixed UTC offset. */
function wallAt(ms: number, offsetMinutes: number): Wall {
  const { y, m: mo, d, h, mi } = wallClock(ms, offsetMinutes);
  return { y, mo, d, h, mi };
}

function relative(text: string, now: Date, offset: number | null): string | null {
  if (/\b(just now|gerade eben|à l'instant|ahora mismo|adesso)\b|たった今|刚刚|الآن|הרגע/i.test(text)) {
    return wallIso(wallAt(now.getTime(), offset ?? 0)) + isoOffset(offset);
  }
  if (/\b(yesterday|gestern|hier|ayer|ieri)\b|昨日|昨天|أمس|אתמול/i.test(text)) {
    const w = wallAt(now.getTime() - UNIT_MS.d!, offset ?? 0);
    return wallIso({ y: w.y, mo: w.mo, d: w.d });
  }
  for (const re of RELATIVE) {
    const m = re.exec(text);
    if (!m) continue;
    const unitWord = m[2] ?? '';
    const unit = timeUnitOf(unitWord);
    const count = countOf(m[1], unitWord);
    if (!unit || count === null) continue;
    const w = wallAt(now.getTime() - count * UNIT_MS[unit]!, offset ?? 0);
    // Days and weeks ago name a day, not a minute: no made-up time of day.
    return unit === 'd' || unit === 'w' ? wallIso({ y: w.y, mo: w.mo, d: w.d }) : wallIso(w) + isoOffset(offset);
  }
  return null;
}

function absolute(text: string, now: Date, offset: number | null): string | null {
  const time = /(?:^|\D)([01]?\d|2[0-3])[:.h時]([0-5]\d)(?!\d)/.exec(
    text.replace(/\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/, ' '),
  );
  const hm = time ? { h: Number(time[1]), mi: Number(time[2]) } : {};
  let w: Wall | null = null;
  let m: RegExpExecArray | null;
  if ((m = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text))) w = { y: +m[1]!, mo: +m[2]!, d: +m[3]! };
  else if ((m = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text))) w = { y: +m[1]!, mo: +m[2]!, d: +m[3]! };
  else if ((m = /(\d{1,2})[./](\d{1,2})[./](\d{4})/.exec(text))) w = { y: +m[3]!, mo: +m[2]!, d: +m[1]! };
  else if ((m = DAY_MONTH_YEAR.exec(text)) && MONTHS.get(m[2]!.toLowerCase())) {
    w = { y: +m[3]!, mo: MONTHS.get(m[2]!.toLowerCase())!, d: +m[1]! };
  } else if ((m = MONTH_DAY_YEAR.exec(text)) && MONTHS.get(m[1]!.toLowerCase())) {
    w = { y: +m[3]!, mo: MONTHS.get(m[1]!.toLowerCase())!, d: +m[2]! };
  } else if ((m = /(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text))) {
    // A card without a year shows this year's date; one in the future is last year's.
    const today = wallAt(now.getTime(), offset ?? 0);
    w = { y: today.y, mo: +m[1]!, d: +m[2]! };
    if (w.mo > today.mo || (w.mo === today.mo && w.d > today.d)) w.y -= 1;
  } else if (time && text.replace(time[0], '').replace(/\s|uhr|h/gi, '') === '') {
    // A bare "13:42" on a card is today's, in the page's wall-clock; a future one is yesterday's.
    const today = wallAt(now.getTime(), offset ?? 0);
    w = { y: today.y, mo: today.mo, d: today.d };
    if (hm.h! * 60 + hm.mi! > today.h! * 60 + today.mi!) {
      const y = wallAt(now.getTime() - UNIT_MS.d!, offset ?? 0);
      w = { y: y.y, mo: y.mo, d: y.d };
    }
  }
  if (!w) return null;
  w = { ...w, ...hm };
  return validDate(w) ? wallIso(w) : null;
}

/** An ISO datetime attribute as the publisher wrote it, without milliseconds or zero seconds. */
function fromAttribute(value: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return null;
  if (!m[2]) return m[1]!;
  const seconds = m[3] && m[3] !== ':00' ? m[3] : '';
  const zone = m[4] ? (m[4] === 'Z' ? 'Z' : m[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : '';
  return `${m[1]}T${m[2]}${seconds}${zone}`;
}

/**
 * The card's time as ISO, or null. `datetime` is a <time datetime> attribute when the card has one
 * (preferred); `text` is the visible time text; `offsetMinutes` is the page's stated UTC offset.
 */
export function parseCardTime(
  text: string,
  datetime: string | null,
  now: Date,
  offsetMinutes: number | null,
): string | null {
  if (datetime) {
    const iso = fromAttribute(datetime);
    if (iso) return iso;
  }
  const t = normalizeDigits(text).replace(/\s+/g, ' ').trim();
  if (!t || t.length > 80) return null;
  return relative(t, now, offsetMinutes) ?? absolute(t, now, offsetMinutes);
}

/** Words a time text may hold besides numbers and units: "ago", "vor", "il y a", "Uhr", "منذ", "לפני"… */
const TIME_WORDS = [
  ...['ago', 'just', 'now', 'yesterday', 'today', 'updated', 'published', 'at', 'on'],
  ...[
    'vor',
    'gestern',
    'heute',
    'um',
    'uhr',
    'aktualisiert',
    'il',
    'y',
    'a',
    'hier',
    "aujourd'hui",
    'à',
    'le',
    'mis',
    'jour',
  ],
  ...['hace', 'ayer', 'hoy', 'de', 'las', 'el', 'fa', 'ieri', 'oggi', 'alle'],
  ...['an?', 'one', 'eine[mr]?', 'une?', 'una?', 'un', 'منذ', 'لפני', 'назад', 'önce', 'в'],
  ...['am', 'pm', 'gmt', 'utc', 'cet', 'cest', 'edt', 'est', 'ist', 'jst', 'bst'],
];
const TIME_WORD = new RegExp(`^(${TIME_WORDS.join('|')})$`, 'i');
/** Hebrew, Arabic, Japanese and Chinese time words (no case to fold). */
const UNCASED_TIME_WORDS = [
  ...['לפני', 'منذ', 'שעה', 'שעתיים', 'יום', 'יומיים', 'דקה', 'ساعة', 'ساعتين', 'دقيقة', 'دقيقتين', 'يوم', 'يومين'],
  ...['たった今', '刚刚', '昨日', '昨天', 'أمس', 'אתמול', 'الآن', 'הרגע'],
];
const TIME_WORD_UNCASED = new RegExp(`^(${UNCASED_TIME_WORDS.join('|')})$`);

/** Does this text look like nothing but a card time ("2 minutes ago...", "13m ago", "15.11.2019 13:42")? */
export function isTimeText(text: string, now: Date): boolean {
  const t = normalizeDigits(text)
    .replace(/[\s.…|·•,]+$/g, '')
    .replace(/^[\s|·•]+/, '')
    .trim();
  if (!t || t.length > 40) return false;
  if (parseCardTime(t, null, now, 0) === null) return false;
  // Every word must be a number, a unit, a month or a time word: "New Social Movements 2 minutes ago" is not a time.
  return t.split(/\s+/).every((raw) => {
    const w = raw.replace(/^[([«"']+|[)\]»"',.:;]+$/g, '');
    return (
      !w ||
      /\d/.test(w) ||
      TIME_WORD.test(w) ||
      timeUnitOf(w) !== null ||
      MONTHS.has(w.toLowerCase().replace(/\.$/, '')) ||
      TIME_WORD_UNCASED.test(w)
    );
  });
}

/** The UTC offset in minutes of an ISO timestamp ("…+03:00" → 180, "…Z" → 0), or null without one. */
export function offsetOf(iso: string | null | undefined): number | null {
  const m = iso ? /(Z|([+-])(\d{2}):?(\d{2}))$/.exec(iso.trim()) : null;
  if (!m || !/T\d/.test(iso!)) return null;
  if (m[1] === 'Z') return 0;
  return (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
}
