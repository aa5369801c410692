/**
 * Time-unit words of relative times ("3 hours ago", "vor 2 Stunden", "il y a 5 minutes", "منذ
 * ساعتين"), each to one unit: s(econd), m(inute), h(our), d(ay), w(eek). Languages: en, de, fr, es,
 * it, pt, nl, ja, zh, ar, he, ru, tr. One table for the dateline's relative dates and the
 * headline-card times (the dateline knew nl, the cards ja/zh/ar/he and seconds/weeks).
 */
export type TimeUnit = 's' | 'm' | 'h' | 'd' | 'w';

/** Unit words by unit (regex sources, whole words, lower case). */
const UNIT_WORDS: Readonly<Record<TimeUnit, readonly string[]>> = {
  s: [
    's',
    'secs?',
    'seconds?',
    'sekunden?',
    'secondes?',
    'segundos?',
    'secondi',
    '秒',
    'ثوان(?:ي|ٍ)?',
    'ثانية',
    'שניות',
    'секунд\\p{L}*',
    'saniye',
  ],
  m: [
    'm',
    'mins?',
    'minutes?',
    'minuten?',
    'minutos?',
    'minuti',
    'minuto',
    'minuut',
    '分',
    '分钟',
    '分鐘',
    'دقيقة',
    'دقائق',
    'دقيقتين',
    'דקות',
    'דקה',
    'минут\\p{L}*',
    'dakika',
  ],
  h: [
    'h',
    'hrs?',
    'hours?',
    'std',
    'stunden?',
    'heures?',
    'horas?',
    'ore',
    'ora',
    'uur',
    '時間',
    '小时',
    '小時',
    'ساعة',
    'ساعات',
    'ساعتين',
    'שעות',
    'שעה',
    'שעתיים',
    'час\\p{L}*',
    'saat',
  ],
  d: [
    'd',
    'days?',
    'tage?n?',
    'jours?',
    'días?',
    'dias?',
    'giorni',
    'giorno',
    'dag(en)?',
    '日',
    '天',
    'يوم',
    'أيام',
    'يومين',
    'ימים',
    'יום',
    'יומיים',
    'дн\\p{L}*',
    'день',
    'gün',
  ],
  w: [
    'w',
    'wks?',
    'weeks?',
    'wochen?',
    'semaines?',
    'semanas?',
    'settimane?',
    '週間',
    '周',
    'أسبوع',
    'أسابيع',
    'שבועות',
    'שבוע',
    'недел\\p{L}*',
    'hafta',
  ],
};
// Built once, at module level: a `\p{…}` regex costs a compile per call inside a function.
const UNIT_RES = (Object.entries(UNIT_WORDS) as Array<[TimeUnit, readonly string[]]>).map(
  ([unit, words]): [TimeUnit, RegExp] => [unit, new RegExp(`^(${words.join('|')})$`, 'u')],
);

/** The unit a word names ("Stunden", "hrs.", "ساعة"), or null. */
export function timeUnitOf(word: string): TimeUnit | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (const [unit, re] of UNIT_RES) if (re.test(w)) return unit;
  return null;
}

/** Minutes per unit (a second counts as none: relative times are resolved to the minute). */
export const UNIT_MINUTES: Readonly<Record<TimeUnit, number>> = { s: 0, m: 1, h: 60, d: 1440, w: 10080 };
