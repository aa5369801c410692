/**
 * Paywall sentences: the end of a preview ("Subscribe to continue reading", "réservé aux abonnés",
 * "Weiterlesen mit Abo"). Languages: en, fr, de, es, it, pt, ja, ar. Regex sources, by language;
 * PAYWALL_TEXT matches any of them anywhere in a text (case-insensitive).
 */
export const PAYWALL_PHRASES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'subscribe (?:now )?to (?:continue|keep) reading',
    'subscribe to (?:read|unlock|access) (?:the )?(?:full|rest|this|more)',
    'to continue reading,? (?:please )?(?:subscribe|log ?in|sign in|become)',
    '(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:available|reserved|exclusive) ' +
      '(?:to|for) (?:subscribers|members)',
    'already a subscriber\\?',
    'for subscribers only',
    'subscribers only',
    'unlock (?:this|the full) (?:article|story)',
  ],
  fr: [
    'réservé aux abonnés',
    'article réservé',
    'la suite est réservée',
    'abonnez-vous pour (?:lire|continuer)',
    'cet article est réservé',
    'vous souhaitez lire la suite',
  ],
  de: [
    'weiterlesen mit',
    'mit (?:\\w+\\+?|einem) ?abo(?:nnement)? weiterlesen',
    '(?:jetzt )?(?:\\w+\\+? )?abo(?:nnement)? abschließen',
    'dieser (?:artikel|beitrag|inhalt) ist (?:exklusiv |nur )?für abonnenten',
    'nur für abonnenten',
    'exklusiv für abonnenten',
  ],
  es: ['contenido exclusivo para suscriptores', 'para seguir leyendo'],
  it: ['continua a leggere', 'riservato agli abbonati'],
  pt: ['conteúdo exclusivo para assinantes'],
  ja: ['この記事は有料会員限定', '会員限定記事', '有料会員になると'],
  ar: ['المحتوى متاح للمشتركين فقط', 'للمشتركين فقط'],
};

export const PAYWALL_TEXT = new RegExp(Object.values(PAYWALL_PHRASES).flat().join('|'), 'i');
