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
  en:
    'a an the and or but of in on at to for from by with without as is are was were be been being has ' +
    'have had do does did will would shall should can could may might must not no nor so than that this ' +
    "these those there here it its it's he she they we you i his her their our your my me him them us " +
    'who whom whose which what when where why how all any both each few more most other some such only ' +
    'own same too very just also after before over under into out up down off about against between ' +
    'through during again further then once new says said say amid after over after via per vs',
  de:
    'der die das den dem des ein eine einer eines einem einen und oder aber nicht kein keine ist sind war ' +
    'waren wird werden wurde wurden hat haben hatte im in am an auf aus bei mit nach von vor zu zum zur ' +
    'für über unter durch gegen ohne um als auch noch nur schon so wie was wer wo sich sie er es wir ihr ' +
    'ich man dass daß beim vom ins bis seit doch mehr neue neuen',
  fr:
    'le la les un une des du de d l et ou mais ne pas plus est sont était été être a ont avait au aux en ' +
    'dans sur sous par pour avec sans chez vers entre contre ce cette ces cet qui que quoi dont où il ' +
    'elle ils elles on nous vous je se sa son ses leur leurs comme aussi après avant selon face',
  es:
    'el la los las un una unos unas de del al y o u pero no ni es son fue ser está están ha han había en ' +
    'con sin por para sobre entre contra desde hasta tras ante que qui quien cuyo donde como cuando se su ' +
    'sus le les lo este esta estos estas ese esa más muy también ya tras según',
  it:
    'il lo la i gli le un uno una di del della dei degli delle da dal dalla in nel nella con su sul sulla ' +
    'per tra fra e o ma non è sono era stato essere ha hanno che chi cui dove come quando si suo sua suoi ' +
    'sue questo questa quello quella più anche già dopo',
  pt:
    'o a os as um uma uns umas de do da dos das em no na nos nas por para com sem sobre entre e ou mas ' +
    'não é são foi ser está estão tem têm que quem onde como quando se seu sua seus suas este esta esse ' +
    'essa mais muito também já após',
  nl:
    'de het een en of maar niet is zijn was waren wordt worden werd heeft hebben in op aan bij met naar ' +
    'van voor door over onder tegen zonder als ook nog dat die dit deze er hij zij ze we wij je ik',
  tr: 've veya ile bir bu şu o da de ki mi için gibi kadar daha en çok olan olarak ise ama ancak sonra önce',
  ar:
    'في من على إلى الى عن مع أن ان إن هذا هذه ذلك تلك التي الذي الذين كان كانت يكون قد لم لن ما لا و أو ' +
    'ثم بعد قبل حتى عند بين كل هو هي هم نحو خلال منذ أي',
  he:
    'של את על עם אל מן מ ב ל ה ו או אבל לא כי גם זה זו זאת אלה הוא היא הם הן אני אתה אנחנו יש אין היה היו ' +
    'אחרי לפני בין כל עוד רק',
  ru:
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было ' +
    'вот от меня еще нет о из ему теперь когда уже для после при это этот эта эти',
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

function stem(word: string): string {
  let w = word;
  // The first code unit tells the script (Arabic U+0600–06FF, Hebrew U+0590–05FF) without a regex.
  const c0 = w.charCodeAt(0);
  if (c0 >= 0x600 && c0 <= 0x6ff) {
    w = w
      .replace(/[\u064B-\u0652]/g, '')
      .replace(/[أإآ]/g, 'ا')
      .replace(/ة$/, 'ه');
    if (w.length > 4) w = w.replace(/^(وال|بال|فال|كال|لل|ال)/, '');
    if (w.length > 4) w = w.replace(/^[وفب]/, '');
  } else if (c0 >= 0x590 && c0 <= 0x5ff) {
    if (w.length > 4) w = w.replace(/^[הובלמש]/, '');
  }
  return w.length > 5 ? w.slice(0, 5) : w;
}

const HAS_CJK = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}]/u;
/**
 * Every Han, Katakana, Hiragana and Hangul code point has its code units in these ranges (Hangul
 * Jamo, then U+2E80 up, surrogates included): a plain range scan rules CJK out of most texts far
 * faster than HAS_CJK's script classes.
 */
const MAYBE_CJK = /[\u1100-\u11ff\u2e80-\uffff]/;
/** One code point of a word (a letter, mark or number). */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/**
 * Whether each BMP code unit is a word character: 0 not yet known, 1 yes, 2 no. A cache of a pure
 * function of the code unit, filled on first sight (a page uses a few hundred distinct ones), so
 * the tokenizer tests characters by a table load instead of running a Unicode regex over the text.
 */
const WORD_UNIT = new Uint8Array(0x10000);

/** Length (1 or 2 code units) of the word character at i, or 0 when it is not one. */
export function wordCharAt(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    // A surrogate pair is one code point (a lone surrogate is never a word character).
    const d = t.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff && WORD_CHAR.test(t.slice(i, i + 2)) ? 2 : 0;
  }
  let k = WORD_UNIT[c]!;
  if (k === 0) {
    k = WORD_CHAR.test(t[i]!) ? 1 : 2;
    WORD_UNIT[c] = k;
  }
  return k === 1 ? 1 : 0;
}
/** The body beyond this many characters adds nothing to a headline's relevance, only time. */
export const MAX_TEXT = 20_000;

/**
 * Calls `emit` with each term of a text (with repeats), for the page language. ASCII text (most
 * English pages) takes a character loop: there WORD's letters and digits are exactly a-z and 0-9
 * after lowercasing and no script branch applies, so the result is the same without the Unicode
 * regex and its match objects. Text without CJK tests a token's script by its first code unit.
 */
function eachTerm(text: string, lang: string | null, emit: (term: string) => void, only?: Set<string>): void {
  const stop = stopwords(lang);
  const keep = (term: string): boolean => !only || only.has(term);
  let t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  if (/[^\x00-\x7f]/.test(t)) t = t.normalize('NFKC');
  t = t.toLowerCase();
  if (MAYBE_CJK.test(t) && HAS_CJK.test(t)) {
    for (const m of t.matchAll(TOKEN)) {
      const tok = m[0];
      if (HAN_KATA.test(tok)) {
        if (tok.length === 1) continue;
        for (let i = 0; i + 1 < tok.length; i++) {
          const b = tok.slice(i, i + 2);
          if (keep(b)) emit(b);
        }
        continue;
      }
      if (HIRAGANA.test(tok)) continue;
      if (HANGUL.test(tok)) {
        // Korean particles attach to the end of words: the first two syllables carry the word.
        if (tok.length >= 2 && keep(tok.slice(0, 2))) emit(tok.slice(0, 2));
        continue;
      }
      wordTerm(tok, stop, emit, only);
    }
    return;
  }
  // Without CJK the tokens are the runs of word characters (what /[\p{L}\p{M}\p{N}]+/gu
  // matches), found by a character loop.
  const n = t.length;
  for (let i = 0; i < n;) {
    let w = wordCharAt(t, i);
    if (!w) {
      i++;
      continue;
    }
    const start = i;
    do {
      i += w;
    } while (i < n && (w = wordCharAt(t, i)));
    const tok = t.slice(start, i);
    // Without CJK in the text, only the prolonged sound mark (ー, script Common) starts a HAN_KATA token.
    if (tok.charCodeAt(0) === 0x30fc) {
      for (let j = 0; j + 1 < tok.length; j++) {
        const b = tok.slice(j, j + 2);
        if (keep(b)) emit(b);
      }
      continue;
    }
    wordTerm(tok, stop, emit, only);
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** A word token's term, unless it is a stopword, a single character or a one- or two-digit number. */
function wordTerm(tok: string, stop: Set<string>, emit: (term: string) => void, only: Set<string> | undefined): void {
  const len = tok.length;
  if (len < 2) return;
  if (len === 2 && isDigit(tok.charCodeAt(0)) && isDigit(tok.charCodeAt(1))) return;
  if (only) {
    // Most body words are in no headline: that test first spares them the stopword lookup.
    const term = stem(tok);
    if ((only.has(term) || only.has(term.slice(0, MIN_INFLECTED))) && !stop.has(tok)) emit(term);
    return;
  }
  if (stop.has(tok)) return;
  emit(stem(tok));
}

/** Terms of a text (with repeats), for the page language. */
export function terms(text: string, lang: string | null): string[] {
  const out: string[] = [];
  eachTerm(text, lang, (t) => out.push(t));
  return out;
}

export interface ArticleProfile {
  weight: Map<string, number>;
  /** The weighed terms of four or more characters by their first four, for inflected short words. */
  byPrefix?: Map<string, string[]>;
}

/** Shortest word that matches another word it begins (or that begins it) by an inflection ending. */
const MIN_INFLECTED = 4;
/** Longest inflection ending told apart from a different word ("sejm"/"sejmu", "wahl"/"wahlen", "nazi"/"nazis"). */
const MAX_ENDING = 2;
/** An inflected match counts this much of the article term's weight. */
const INFLECTED_SHARE = 0.8;

/**
 * The terms `only` needs weighed: each headline term and, for inflected matches, its first four
 * characters (every article term with the same first four is weighed).
 */
export function neededTerms(headlineTerms: Iterable<Set<string>>): Set<string> {
  const needed = new Set<string>();
  for (const set of headlineTerms)
    for (const t of set) {
      needed.add(t);
      if (t.length >= MIN_INFLECTED) needed.add(t.slice(0, MIN_INFLECTED));
    }
  return needed;
}

/**
 * Weights of the article's terms: title 1, stated topics (keywords, section, URL path) 0.7, lead 0.6,
 * body 0.25..0.5 by frequency. With `only` (neededTerms of every headline to be scored), other terms
 * are not weighed: relevance reads nothing else, so scores are the same, and most of the body's terms
 * cost no map work.
 */
export function articleProfile(
  title: string,
  lead: string,
  body: string,
  lang: string | null,
  only?: Set<string>,
  topics = '',
): ArticleProfile {
  // Body term counts first, then turned into weights in place (every body weight is above 0).
  const weight = new Map<string, number>();
  if (only && only.size === 0) return { weight };
  eachTerm(body, lang, (t) => weight.set(t, (weight.get(t) ?? 0) + 1), only);
  for (const [t, n] of weight) weight.set(t, Math.min(0.5, 0.2 + 0.05 * n));
  const raise = (t: string, w: number): void => {
    if ((weight.get(t) ?? 0) < w) weight.set(t, w);
  };
  eachTerm(lead, lang, (t) => raise(t, 0.6), only);
  eachTerm(topics, lang, (t) => raise(t, 0.7), only);
  eachTerm(title, lang, (t) => raise(t, 1), only);
  return { weight };
}

/**
 * The weight of an article term that `t` is an inflected form of, or that is an inflected form of
 * `t`: one begins the other and the rest is a short ending, both at least MIN_INFLECTED long (terms
 * are cut to five characters, so longer words already meet at their stem). 0 when none.
 */
function inflectedWeight(t: string, profile: ArticleProfile): number {
  if (t.length < MIN_INFLECTED) return 0;
  if (!profile.byPrefix) {
    profile.byPrefix = new Map();
    for (const k of profile.weight.keys()) {
      if (k.length < MIN_INFLECTED) continue;
      const p = k.slice(0, MIN_INFLECTED);
      const list = profile.byPrefix.get(p);
      if (list) list.push(k);
      else profile.byPrefix.set(p, [k]);
    }
  }
  let best = 0;
  for (const k of profile.byPrefix.get(t.slice(0, MIN_INFLECTED)) ?? []) {
    const [short, long] = k.length < t.length ? [k, t] : [t, k];
    if (long.length - short.length <= MAX_ENDING && long.startsWith(short))
      best = Math.max(best, profile.weight.get(k)! * INFLECTED_SHARE);
  }
  return best;
}

/**
 * 0..1: noisy-OR of the weights of the terms a headline shares with the article, its own form or
 * an inflected one (a Polish "wyborach" of "wybory" meets at the stem; "Sejmu" of "Sejm", a
 * German "Wahlen" of "Wahl" by inflectedWeight).
 */
export function termsRelevance(headlineTerms: Set<string>, profile: ArticleProfile): number {
  let miss = 1;
  for (const t of headlineTerms) {
    const w = profile.weight.get(t) ?? inflectedWeight(t, profile);
    if (w) miss *= 1 - 0.6 * w;
  }
  return Math.round((1 - miss) * 1000) / 1000;
}
