/**
 * Relevance of a headline to the article, 0..1: the terms it shares with the article's title
 * (strongest), its lead and its body (by frequency). Terms are words without the page language's
 * stopwords (English always, since English names and phrases mix into every language), cut to a
 * 5-character prefix as a crude multilingual stem (Libya/Libyan, Ukraine/ukrainischen), Arabic
 * and Hebrew without their article/conjunction prefixes; Chinese and Japanese as character
 * bigrams of Han/Katakana runs (no word spaces; hiragana runs are mostly particles).
 * A headline's score is a noisy-OR over its terms' weights, so more and stronger shared terms
 * score higher and the score never leaves 0..1.
 */

const STOPWORDS: Record<string, string> = {
  en: 'a an the and or but of in on at to for from by with without as is are was were be been being has have had do does did will would shall should can could may might must not no nor so than that this these those there here it its it\'s he she they we you i his her their our your my me him them us who whom whose which what when where why how all any both each few more most other some such only own same too very just also after before over under into out up down off about against between through during again further then once new says said say amid after over after via per vs',
  de: 'der die das den dem des ein eine einer eines einem einen und oder aber nicht kein keine ist sind war waren wird werden wurde wurden hat haben hatte im in am an auf aus bei mit nach von vor zu zum zur für über unter durch gegen ohne um als auch noch nur schon so wie was wer wo sich sie er es wir ihr ich man dass daß beim vom ins bis seit doch mehr neue neuen',
  fr: 'le la les un une des du de d l et ou mais ne pas plus est sont était été être a ont avait au aux en dans sur sous par pour avec sans chez vers entre contre ce cette ces cet qui que quoi dont où il elle ils elles on nous vous je se sa son ses leur leurs comme aussi après avant selon face',
  es: 'el la los las un una unos unas de del al y o u pero no ni es son fue ser está están ha han había en con sin por para sobre entre contra desde hasta tras ante que qui quien cuyo donde como cuando se su sus le les lo este esta estos estas ese esa más muy también ya tras según',
  it: 'il lo la i gli le un uno una di del della dei degli delle da dal dalla in nel nella con su sul sulla per tra fra e o ma non è sono era stato essere ha hanno che chi cui dove come quando si suo sua suoi sue questo questa quello quella più anche già dopo',
  pt: 'o a os as um uma uns umas de do da dos das em no na nos nas por para com sem sobre entre e ou mas não é são foi ser está estão tem têm que quem onde como quando se seu sua seus suas este esta esse essa mais muito também já após',
  nl: 'de het een en of maar niet is zijn was waren wordt worden werd heeft hebben in op aan bij met naar van voor door over onder tegen zonder als ook nog dat die dit deze er hij zij ze we wij je ik',
  tr: 've veya ile bir bu şu o da de ki mi için gibi kadar daha en çok olan olarak ise ama ancak sonra önce',
  ar: 'في من على إلى الى عن مع أن ان إن هذا هذه ذلك تلك التي الذي الذين كان كانت يكون قد لم لن ما لا و أو ثم بعد قبل حتى عند بين كل هو هي هم نحو خلال منذ أي',
  he: 'של את על עם אל מן מ ב ל ה ו או אבל לא כי גם זה זו זאת אלה הוא היא הם הן אני אתה אנחנו יש אין היה היו אחרי לפני בין כל עוד רק',
  ru: 'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет о из ему теперь когда уже для после при это этот эта эти',
};

const stopCache = new Map<string, Set<string>>();
function stopwords(lang: string | null): Set<string> {
  const code = (lang ?? 'en').toLowerCase().slice(0, 2);
  let set = stopCache.get(code);
  if (!set) {
    set = new Set([...(STOPWORDS.en ?? '').split(' '), ...(STOPWORDS[code] ?? '').split(' ')]);
    stopCache.set(code, set);
  }
  return set;
}

const TOKEN = /[\p{Script=Han}\p{Script=Katakana}ー]+|\p{Script=Hiragana}+|[\p{L}\p{M}\p{N}]+/gu;
const HAN_KATA = /^[\p{Script=Han}\p{Script=Katakana}ー]/u;
const HIRAGANA = /^\p{Script=Hiragana}/u;
const HANGUL = /^\p{Script=Hangul}/u;
const ARABIC = /^[\u0600-\u06FF]/;
const HEBREW = /^[\u0590-\u05FF]/;

function stem(word: string): string {
  let w = word;
  if (ARABIC.test(w)) {
    w = w.replace(/[\u064B-\u0652]/g, '').replace(/[أإآ]/g, 'ا').replace(/ة$/, 'ه');
    if (w.length > 4) w = w.replace(/^(وال|بال|فال|كال|لل|ال)/, '');
    if (w.length > 4) w = w.replace(/^[وفب]/, '');
  } else if (HEBREW.test(w)) {
    if (w.length > 4) w = w.replace(/^[הובלמש]/, '');
  }
  return w.length > 5 ? w.slice(0, 5) : w;
}

const HAS_CJK = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}]/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
/** The body beyond this many characters adds nothing to a headline's relevance, only time. */
export const MAX_TEXT = 20_000;

/** Terms of a text (with repeats), for the page language. */
export function terms(text: string, lang: string | null): string[] {
  const stop = stopwords(lang);
  const out: string[] = [];
  let t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  if (/[^\x00-\x7f]/.test(t)) t = t.normalize('NFKC');
  t = t.toLowerCase();
  for (const m of t.matchAll(HAS_CJK.test(t) ? TOKEN : WORD)) {
    const tok = m[0];
    if (HAN_KATA.test(tok)) {
      if (tok.length === 1) continue;
      for (let i = 0; i + 1 < tok.length; i++) out.push(tok.slice(i, i + 2));
      continue;
    }
    if (HIRAGANA.test(tok)) continue;
    if (HANGUL.test(tok)) {
      // Korean particles attach to the end of words: the first two syllables carry the word.
      if (tok.length >= 2) out.push(tok.slice(0, 2));
      continue;
    }
    if (tok.length < 2 || stop.has(tok) || (/^\d+$/.test(tok) && tok.length < 3)) continue;
    out.push(stem(tok));
  }
  return out;
}

export interface ArticleProfile { weight: Map<string, number> }

/** Weights of the article's terms: title 1, lead 0.6, body 0.25..0.5 by frequency. */
export function articleProfile(title: string, lead: string, body: string, lang: string | null): ArticleProfile {
  const weight = new Map<string, number>();
  const raise = (t: string, w: number): void => { if ((weight.get(t) ?? 0) < w) weight.set(t, w); };
  const tf = new Map<string, number>();
  for (const t of terms(body, lang)) tf.set(t, (tf.get(t) ?? 0) + 1);
  for (const [t, n] of tf) raise(t, Math.min(0.5, 0.2 + 0.05 * n));
  for (const t of terms(lead, lang)) raise(t, 0.6);
  for (const t of terms(title, lang)) raise(t, 1);
  return { weight };
}

/** 0..1: noisy-OR of the shared terms' weights. */
export function relevance(headline: string, profile: ArticleProfile, lang: string | null): number {
  let miss = 1;
  for (const t of new Set(terms(headline, lang))) {
    const w = profile.weight.get(t);
    if (w) miss *= 1 - 0.6 * w;
  }
  return Math.round((1 - miss) * 1000) / 1000;
}
