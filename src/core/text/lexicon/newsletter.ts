/**
 * Newsletter and subscription prompts inside an article ("Sign up for our newsletter", "Abonnez-
 * vous", "Abonnieren Sie…", "اشترك", "メルマガ", "订阅"). Languages: en, fr, de, it, es, pt, ar, ja,
 * zh. NEWSLETTER says what a block is about; CTA_START and CTA_VERB say it asks the reader to act.
 */

/** The topic: a newsletter, or signing up for one. */
export const NEWSLETTER = new RegExp(
  `(?:${[
    '\\bnewsletters?\\b',
    '\\bsign(?:ing)? up (?:for|to|now|today|here|free)\\b',
    '^sign up\\b',
    '\\bsubscribe(?: to| now| today| for|$)',
    '\\bsubscribing (?:now|today)\\b',
    '\\byour inbox\\b',
    '\\binscrivez-vous\\b',
    '\\babonnez-vous\\b',
    '\\babonnieren\\b',
    '\\biscriviti\\b',
    '\\bsuscr[ií]bete\\b',
    '\\bassine\\b',
    'اشترك',
    'メルマガ',
    '订阅',
  ].join('|')})`,
  'i',
);
/** A strong sign on its own: the word newsletter, an inbox, "sign up for". */
export const NEWSLETTER_STRONG = /newsletter|\binbox\b|\bsign(?:ing)? up (?:for|to)\b/i;
/** A call to action opens the block: "Sign up…", "Get the Courier in your inbox", "Abonnieren Sie…". */
export const CTA_START = new RegExp(
  `^(?:${[
    'sign up',
    'sign-up',
    'signup',
    'subscribe',
    'get',
    'join',
    'receive',
    'never miss',
    "don'?t miss",
    'stay (?:informed|up to date)',
    'keep up with',
    'newsletter',
    'inscrivez',
    'abonnez',
    'recevez',
    'abonnieren',
    'jetzt',
    'melden sie',
    'suscr[ií]bete',
    'iscriviti',
    'assine',
    'اشترك',
    'メルマガ',
    '订阅',
  ].join('|')})`,
  'i',
);
export const CTA_VERB = /\b(?:sign up|subscribe|register|join|receive|delivered)\b/i;
