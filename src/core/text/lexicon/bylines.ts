/**
 * Byline cue words: the labels that open a printed byline ("By", "Par", "Von", "Por", "Text:"), the
 * kinds of piece that name their author ("Analysis by"), the staff roles printed after a name
 * ("CNN Editor-at-large", "Staff Writer"), the particles inside names ("de", "van der"), and the news
 * agencies whose credit alone stands as a byline ("(AFP)").
 * Languages: en, fr, de, es, pt, it, nl, sv/da/no, pl, ru.
 */
const BY_WORDS = ['by', 'von', 'par', 'por', 'di', 'door', 'av', 'af', 'przez', 'от'];
const BY_PHRASES = [
  'written by',
  'words by',
  'story by',
  'reporting by',
  'posted by',
  '(?:news )?analysis by',
  'opinion by',
  'commentary by',
  'review by',
  'un article de',
  'ein (?:beitrag|kommentar|interview) von',
];
const BY_LABELS = [
  'text:',
  'texte:',
  'texto:',
  'autor:',
  'autorin:',
  'author:',
  'written by:',
  'about the author:',
  String.raw`auteur\s*:`,
  'текст:',
  'автор:',
];
/** A byline's opening label, with the space after it: "By ", "Par ", "Text: ", "Analysis by ". */
export const BYLINE_PREFIX = new RegExp(
  String.raw`^\s*(?:${[...BY_PHRASES, ...BY_WORDS, ...BY_LABELS].join('|')})\s+`,
  'i',
);
/** A byline part that is a role, not a name: "CNN Editor-at-large", "Staff Writer", "Redakteurin". */
export const BYLINE_ROLE = new RegExp(
  String.raw`\b(?:${[
    'editor',
    'correspondent',
    'reporter',
    'writer',
    'columnist',
    'contributor',
    'producer',
    'journalist',
    'professor',
    'lecturer',
    'university',
    'institute',
    'redakteur(?:in)?',
    'korrespondent(?:in)?',
    'rédact(?:eur|rice)',
    'envoyée? spéciale?',
    'corresponsal',
    'redactor(?:a)?',
  ].join('|')})\b`,
  'i',
);
/** Lower-case words that may sit inside a name: "Ursula von der Leyen", "Luiz Inácio Lula da Silva". */
export const NAME_PARTICLES = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'di',
  'du',
  'des',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'al',
  'el',
  'bin',
  'ibn',
  'y',
  'e',
]);
/** A news agency's credit standing alone as a byline line: "(AFP)", "AP", "Reuters", "dpa". */
const AGENCIES = 'AP|AFP|Reuters|dpa|EFE|ANSA|Xinhua|PA|KNA|epd|APA|SDA|Belga|ANP|Kyodo|Yonhap|Anadolu|IANS|PTI|UPI';
export const AGENCY_CREDIT = new RegExp(
  String.raw`^\(?\s*(${AGENCIES}|Associated Press|Agence France-Presse)\s*\)?(?=$|[\s,|–—-])`,
);
/**
 * Capitalised words that end the names in a byline line: "By Jane Doe On 11/13/19", "Par Marie Dupont
 * Publié le …", "Von Anna Schmidt Aktualisiert am …" (month and weekday names end them too).
 */
const STAMP_WORDS =
  'on|updated?|published|posted|last|le|am|um|mis|publié|actualizado|publicado|veröffentlicht|aktualisiert';
const WEEKDAYS = [
  '(?:mon|tues|wednes|thurs|fri|satur|sun)day',
  '(?:mon|diens|donners|frei|sams|sonn)tag|mittwoch',
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche',
  'lunes|martes|miércoles|jueves|viernes|sábado|domingo',
].join('|');
export const AFTER_NAMES = new RegExp(`^(?:${STAMP_WORDS}|stand|photos?|video|${WEEKDAYS})$`, 'i');
/** Month and weekday names in English, for a date glued to the name before it ("Jeff FoustMonday"). */
const STAMP_STARTS =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)';
/** A date or weekday glued to a name's last letter: "Michael CockerillJanuary 17" (the place to cut). */
export const GLUED_STAMP = new RegExp(String.raw`(?<=\p{Ll})${STAMP_STARTS}\b.*$`, 'u');
/** A profile link's label after a name: "Steve Inskeep Twitter", "Jane Doe Email". */
export const PROFILE_LINK = /\s+(?:twitter|facebook|instagram|linkedin|e-?mail)$/i;
