/**
 * The core's one multilingual lexicon (src/core/text/lexicon/): each merged vocabulary keeps every
 * phrase that either of its former copies knew, so both users now read the union. The lists below
 * are the phrases of the former copies (article/clean.ts and related/cues.ts for "read also" and
 * paid labels, dateline/parse.ts and related/time.ts for months, digits and time units); a phrase
 * dropped from the lexicon fails here, by name.
 */
import { describe, expect, it } from 'vitest';
import { READ_ALSO, READ_ALSO_START } from '../../../../src/core/text/lexicon/read-also.js';
import { AD_LABEL, SPONSORED_LABEL } from '../../../../src/core/text/lexicon/sponsored.js';
import { PAYWALL_TEXT } from '../../../../src/core/text/lexicon/paywall.js';
import { MONTHS } from '../../../../src/core/text/lexicon/months.js';
import { normalizeDigits } from '../../../../src/core/text/lexicon/digits.js';
import { timeUnitOf } from '../../../../src/core/text/lexicon/time-units.js';
import { NEWSLETTER } from '../../../../src/core/text/lexicon/newsletter.js';

/** "Read also" lead-ins of both former lists, by language (the union). */
const READ_ALSO_UNION: Record<string, string[]> = {
  en: [
    'Read also',
    'Read more',
    'Read next',
    'Also read',
    'See also',
    'Related',
    'Related story',
    'Related articles',
    'More on this',
    'Further reading',
  ],
  de: [
    'Lesen Sie auch',
    'Lesen Sie mehr',
    'Lesen Sie hier',
    'Mehr zum Thema',
    'Auch interessant',
    'Zum Thema',
    'Das könnte Sie auch interessieren',
    'Weitere Artikel',
  ],
  fr: ['Lire aussi', 'À lire aussi', 'A lire aussi', 'Voir aussi', 'À voir aussi', 'Sur le même sujet'],
  es: ['Ver también', 'Lee también', 'Lea también', 'Leer más', 'Le puede interesar', 'Te puede interesar'],
  it: ['Leggi anche', 'Potrebbe interessarti'],
  pt: ['Leia também', 'Veja também', 'Leia mais'],
  nl: ['Lees ook'],
  pl: ['Czytaj także'],
  ru: ['Читайте также'],
  tr: ['Ayrıca okuyun', 'ilginizi çekebilir'],
  ja: ['関連記事', '関連ニュース', '関連', 'あわせて読みたい'],
  zh: ['相关阅读', '相关新闻', '延伸閱讀'],
  ko: ['관련기사'],
  ar: [
    'اقرأ أيضا',
    'اقرأ أيضاً',
    'اقرأ ايضا',
    'اقرأ ايضاً',
    'إقرأ أيضا',
    'اقرأ المزيد',
    'شاهد أيضا',
    'شاهد أيضاً',
    'مواضيع ذات صلة',
  ],
  he: ['קראו גם', 'ראו גם'],
};

describe('read-also: one list for the article cleaner and the related collector', () => {
  for (const [lang, phrases] of Object.entries(READ_ALSO_UNION)) {
    it(`${lang}: every former phrase is a lead-in to both`, () => {
      for (const p of phrases) {
        expect(READ_ALSO.exec(`${p}: Another story`)?.[1], p).toBe(p);
        expect(READ_ALSO_START.exec(`${p}: Another story`)?.[0], p).toBe(p);
      }
    });
  }
  it('the longest phrase wins (関連記事, not 関連; اقرأ أيضاً with its tanwin)', () => {
    expect(READ_ALSO_START.exec('関連記事：別の話')?.[0]).toBe('関連記事');
    expect(READ_ALSO_START.exec('اقرأ أيضاً: خبر')?.[0]).toBe('اقرأ أيضاً');
  });
  it('box labels stay the cleaner’s only: "Trending: x" is no related lead-in', () => {
    expect(READ_ALSO_START.test('Trending: Another story')).toBe(true);
    expect(READ_ALSO.test('Trending: Another story')).toBe(false);
  });
});

describe('sponsored: one word list for the article’s ad label and the card’s paid label', () => {
  const former = [
    'advertisement',
    'advertising',
    'advert',
    'ad',
    'ads',
    'sponsored',
    'sponsored content',
    'promoted',
    'paid post',
    'paid content',
    'partner content',
    'partnercontent',
    'advertorial',
    'anzeige',
    'werbung',
    'publicité',
    'publicite',
    'pub',
    'sponsorisé',
    'annonce',
    'publicidad',
    'patrocinado',
    'patrocinada',
    'publicidade',
    'conteúdo patrocinado',
    'pubblicità',
    'sponsorizzato',
    'reclame',
    'advertentie',
    'reklama',
    'реклама',
    '広告',
    'PR',
    '광고',
    '广告',
    '廣告',
    'إعلان',
    'اعلان',
    'פרסומת',
    'ממומן',
  ];
  it('every former label is both', () => {
    for (const w of former) {
      expect(AD_LABEL.test(w), w).toBe(true);
      expect(SPONSORED_LABEL.test(w), w).toBe(true);
    }
  });
  it('each keeps its own extra shapes', () => {
    expect(AD_LABEL.test('Story continues below advertisement')).toBe(true);
    expect(SPONSORED_LABEL.test('Story continues below advertisement')).toBe(false);
    expect(SPONSORED_LABEL.test('Sponsored by Acme')).toBe(true);
    expect(AD_LABEL.test('Sponsored by Acme')).toBe(false);
    expect(AD_LABEL.test('Advertising standards are changing')).toBe(false);
  });
});

describe('paywall and newsletter phrases, by language', () => {
  const paywall: Record<string, string> = {
    en: 'Subscribe to continue reading.',
    fr: 'Cet article est réservé aux abonnés.',
    de: 'Weiterlesen mit SZ Plus',
    es: 'Contenido exclusivo para suscriptores',
    it: 'Riservato agli abbonati',
    pt: 'Conteúdo exclusivo para assinantes',
    ja: 'この記事は有料会員限定です',
    ar: 'المحتوى متاح للمشتركين فقط',
  };
  for (const [lang, text] of Object.entries(paywall)) {
    it(`paywall ${lang}`, () => expect(PAYWALL_TEXT.test(text)).toBe(true));
  }
  it('newsletter prompts', () => {
    for (const t of [
      'Sign up for our newsletter',
      'Abonnez-vous',
      'Jetzt abonnieren',
      'Iscriviti',
      'Suscríbete',
      'اشترك',
      'メルマガ',
      '订阅',
    ]) {
      expect(NEWSLETTER.test(t), t).toBe(true);
    }
  });
});

describe('months: one table for the dateline and the headline cards', () => {
  it('every name the card parser knew, with its month', () => {
    const cards = [
      ['jan', 'january', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'gennaio', 'gen', 'janeiro'],
      ['feb', 'february', 'februar', 'février', 'févr', 'fevrier', 'febrero', 'febbraio', 'fevereiro'],
      ['mar', 'march', 'märz', 'maerz', 'mars', 'marzo', 'março', 'marco'],
      ['apr', 'april', 'avril', 'avr', 'abril', 'abr', 'aprile'],
      ['may', 'mai', 'mayo', 'maggio', 'mag', 'maio'],
      ['jun', 'june', 'juni', 'juin', 'junio', 'giugno', 'giu', 'junho'],
      ['jul', 'july', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'julho'],
      ['aug', 'august', 'août', 'aout', 'agosto', 'ago'],
      ['sep', 'sept', 'september', 'septembre', 'septiembre', 'setiembre', 'settembre', 'set', 'setembro'],
      ['oct', 'october', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'ott', 'outubro', 'out'],
      ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
      ['dec', 'december', 'dezember', 'dez', 'décembre', 'déc', 'diciembre', 'dic', 'dicembre', 'dezembro'],
    ];
    cards.forEach((names, i) => {
      for (const n of names) expect(MONTHS.get(n), n).toBe(i + 1);
    });
  });
  it('the dateline’s other languages', () => {
    expect(MONTHS.get('mart')).toBe(3); // Turkish
    expect(MONTHS.get('maart')).toBe(3); // Dutch
    expect(MONTHS.get('września')).toBe(9); // Polish
    expect(MONTHS.get('марта')).toBe(3); // Russian
    expect(MONTHS.get('أغسطس')).toBe(8); // Arabic
    expect(MONTHS.get('تشرين الأول')).toBe(10); // Levantine Arabic
  });
});

describe('digits and time units', () => {
  it('Arabic-Indic, Persian, Devanagari, Bengali and full-width digits', () => {
    expect(normalizeDigits('٣ ۳ ३ ৩ ３')).toBe('3 3 3 3 3');
    expect(normalizeDigits('٢٠٢٤')).toBe('2024');
  });
  it('unit words of both former tables', () => {
    const units: Record<string, string[]> = {
      s: ['seconds', 'Sekunden', 'secondes', 'segundos', 'secondi', '秒', 'ثانية', 'שניות', 'секунд', 'saniye'],
      m: [
        'min',
        'mins',
        'minute',
        'Minuten',
        'minuto',
        'minutos',
        'minuti',
        'minuut',
        '分',
        '分钟',
        'دقيقة',
        'דקות',
        'минуты',
        'dakika',
      ],
      h: [
        'h',
        'hr',
        'hrs',
        'hour',
        'hours',
        'Std.',
        'Stunde',
        'Stunden',
        'heures',
        'horas',
        'ore',
        'ora',
        'uur',
        '時間',
        '小时',
        'ساعة',
        'שעות',
        'час',
        'часов',
        'saat',
      ],
      d: [
        'day',
        'days',
        'Tag',
        'Tagen',
        'Tage',
        'jour',
        'jours',
        'día',
        'dias',
        'giorno',
        'giorni',
        'dag',
        'dagen',
        '日',
        '天',
        'يوم',
        'ימים',
        'день',
        'дня',
        'дней',
        'gün',
      ],
      w: ['weeks', 'Wochen', 'semaines', 'semanas', 'settimane', '週間', 'أسبوع', 'שבוע', 'недели', 'hafta'],
    };
    for (const [u, words] of Object.entries(units)) for (const w of words) expect(timeUnitOf(w), w).toBe(u);
  });
});
