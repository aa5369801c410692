/**
 * Class names for the line printed above a headline: "kicker", German "Dachzeile"/"Spitzmarke"/"topline",
 * French "surtitre", Italian "occhiello", Spanish "antetítulo", English "eyebrow"/"overline"/"supertitle".
 */
const KICKER_CLASS_WORDS = [
  'kicker',
  'dachzeile',
  'topline',
  'overline',
  'roofline',
  'spitzmarke',
  'surtitre',
  'surtitle',
  'eyebrow',
  'supertitle',
  'antetitulo',
  'occhiello',
];
export const KICKER_CLASS = new RegExp(`(?:^|[\\s_-])(?:${KICKER_CLASS_WORDS.join('|')})(?:$|[\\s_-])`, 'i');
