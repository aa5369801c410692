/**
 * Labels of paid content: the small "Advertisement" / "Anzeige" / "Sponsored" / "広告" label over an
 * ad slot in an article, or on a paid card among related headlines, and the class names of
 * paid-recommendation widgets. Languages: en, de, fr, es, pt, it, nl, pl, fi, sv, ru, ja, ko, zh, ar, he.
 * One word list for both labels (the article's ad label and the card's sponsored label each used to
 * know words the other did not).
 */
export const PAID_LABEL_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'advertisement',
    'advertising',
    'advert',
    'ad',
    'ads',
    'sponsored',
    'sponsored content',
    'promoted',
    'paid (?:post|content)',
    'partner ?content',
    'advertorial',
  ],
  de: ['anzeige', 'werbung'],
  fr: ['publicité', 'publicite', 'pub', 'sponsorisé', 'annonce'],
  es: ['publicidad', 'patrocinado', 'patrocinada'],
  pt: ['publicidade', 'conteúdo patrocinado'],
  it: ['pubblicità', 'sponsorizzato'],
  nl: ['reclame', 'advertentie'],
  pl: ['reklama'],
  fi: ['kaupallinen yhteistyö', 'mainos'],
  sv: ['annons'],
  ru: ['реклама'],
  ja: ['広告', 'pr'],
  ko: ['광고'],
  zh: ['广告', '廣告'],
  ar: ['إعلان', 'اعلان'],
  he: ['פרסומת', 'ממומן'],
};
const PAID_WORDS = Object.values(PAID_LABEL_WORDS).flat().join('|');

/** "Continue reading below the ad": the line an ad slot prints where the story resumes. Languages: en, de, fr. */
const CONTINUES_AFTER_AD = [
  'continue reading below',
  '(?:story|article|content|text) continues (?:below|after (?:the |this )?(?:ad|advertisement))' +
    '(?: (?:the |this )?(?:ad|advertisement))?',
  'continue reading',
  'scroll to continue',
  '(?:the )?article continues after (?:this )?(?:ad|advertisement)',
  'weiterlesen nach der anzeige',
  'la suite après (?:cette )?(?:la )?publicité',
].join('|');

/** The whole text of an ad slot's label in an article ("Advertisement", "Anzeige", "Continue reading below"). */
export const AD_LABEL = new RegExp(`^(?:${PAID_WORDS}|${CONTINUES_AFTER_AD})$`, 'i');

/** The text of a small label that marks one card as paid ("Sponsored", "Anzeige", "PR", "Promoted by X"). */
export const SPONSORED_LABEL = new RegExp(`^(?:${PAID_WORDS}|sponsored by.*|promoted by.*)$`, 'i');

/** Class and id words of paid-recommendation widgets and ad slots (Outbrain, Taboola, native ads). */
const SPONSORED_CLASS_PARTS = [
  'outbrain',
  'taboola',
  'trc_',
  'ob-widget',
  'ob_',
  'sponsor',
  'promoted',
  'partner-?content',
  'paid-?(content|post)',
  'advert',
  'native-?ad',
  'dianomi',
  'plista',
  'revcontent',
  'zergnet',
  'mgid',
  'nativo',
  'adsbygoogle',
  'publicidad',
  'werbung',
  'anzeige',
  'pubblicita',
  // Branded (advertiser-made) content: "branded-content", a list or card variant "…-image-branded", "articulo_branded".
  'branded-?content',
  '[-_]branded$',
];
export const SPONSORED_CLASS = new RegExp(SPONSORED_CLASS_PARTS.join('|'), 'i');

/**
 * An ad slot's class words ("ad", "ads-wrapper", "below-header-ad"): the slot itself, or a layout
 * region named after the ad beside it ("ad-column-300", "below-header-ad"), which the related step
 * tells apart by what the element holds (an ad slot holds no list of the site's own stories).
 */
export const AD_SLOT_CLASS = /^ads?$|^ads?[-_]|[-_]ads?$/i;
