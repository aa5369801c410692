/**
 * The few words Listen says itself, per language (base subtag), and how a language joins the parts
 * of the dateline phrase. Everything else (weekday, month, time, zone names) comes from Intl in the
 * article's language. Unknown languages speak English words around Intl's localized date.
 */
export interface ListenWords {
  /** "By {name}" for the byline. */
  by(name: string): string;
  /** "Updated" before the modified time. */
  updated: string;
  /** Spoken "UTC minus 4" when no zone name is known. */
  minus: string;
  plus: string;
  /** Separator between place and agency, and the end of a spoken sentence. */
  comma: string;
  stop: string;
}

const LATIN = { comma: ', ', stop: '.' };

const WORDS: Record<string, ListenWords> = {
  en: { ...LATIN, by: (n) => `By ${n}`, updated: 'Updated', minus: 'minus', plus: 'plus' },
  de: { ...LATIN, by: (n) => `Von ${n}`, updated: 'Aktualisiert', minus: 'minus', plus: 'plus' },
  fr: { ...LATIN, by: (n) => `Par ${n}`, updated: 'Mis à jour', minus: 'moins', plus: 'plus' },
  es: { ...LATIN, by: (n) => `Por ${n}`, updated: 'Actualizado', minus: 'menos', plus: 'más' },
  it: { ...LATIN, by: (n) => `Di ${n}`, updated: 'Aggiornato', minus: 'meno', plus: 'più' },
  pt: { ...LATIN, by: (n) => `Por ${n}`, updated: 'Atualizado', minus: 'menos', plus: 'mais' },
  nl: { ...LATIN, by: (n) => `Door ${n}`, updated: 'Bijgewerkt', minus: 'min', plus: 'plus' },
  tr: { ...LATIN, by: (n) => n, updated: 'Güncellendi', minus: 'eksi', plus: 'artı' },
  ru: { ...LATIN, by: (n) => `Автор: ${n}`, updated: 'Обновлено', minus: 'минус', plus: 'плюс' },
  ar: { comma: '، ', stop: '.', by: (n) => `بقلم ${n}`, updated: 'تم التحديث', minus: 'ناقص', plus: 'زائد' },
  ja: { comma: '、', stop: '。', by: (n) => n, updated: '更新', minus: 'マイナス', plus: 'プラス' },
  zh: { comma: '，', stop: '。', by: (n) => n, updated: '更新', minus: '减', plus: '加' },
};

export function baseLang(lang: string | null | undefined): string {
  return (lang ?? 'en').toLowerCase().split(/[-_]/)[0] || 'en';
}

export function wordsFor(lang: string | null | undefined): ListenWords {
  return WORDS[baseLang(lang)] ?? WORDS.en!;
}

/** News agencies as they are said, not spelled: "AP" is read "A P" by most voices, "dpa" as a word. */
const AGENCIES: Record<string, string> = {
  ap: 'Associated Press',
  afp: 'Agence France-Presse',
  dpa: 'Deutsche Presse-Agentur',
  upi: 'United Press International',
  ansa: 'ANSA',
  efe: 'EFE',
};

export function agencyName(agency: string): string {
  return AGENCIES[agency.trim().toLowerCase()] ?? agency.trim();
}
