/**
 * splitSentences(text, lang) → the utterances of one paragraph, with their offsets in `text`.
 *
 * Why not one utterance per paragraph: Chrome stops some voices after about 15 seconds of one
 * utterance (crbug.com/679437), mid-sentence and without an `end` event, and a sentence is also the
 * unit the reader highlights. So a paragraph is split at sentence boundaries (Intl.Segmenter, which
 * knows Arabic "؟", Japanese "。" and quotes), the splits ICU makes after abbreviations ("Dr.",
 * "z. B.", German ordinals "3. März") are joined back, and a sentence still too long to say in about
 * 12 seconds at 1× is cut at a clause mark, else between words, never inside one.
 */
import { baseLang } from './words.js';

export interface Sentence {
  text: string;
  /** Offsets of `text` in the paragraph (UTF-16), so the reader can highlight exactly it. */
  start: number;
  end: number;
}

/** About 12 s of speech at 1× (English ≈ 15 characters a second); CJK characters count double. */
export const MAX_SENTENCE_WEIGHT = 180;

/** Words that end with a period without ending the sentence, by language (lower case, no final dot). */
const ABBREVIATIONS: Record<string, readonly string[]> = {
  en: [
    'mr',
    'mrs',
    'ms',
    'dr',
    'prof',
    'sr',
    'jr',
    'st',
    'gen',
    'gov',
    'sen',
    'rep',
    'lt',
    'col',
    'sgt',
    'capt',
    'mt',
    'no',
    'vs',
    'approx',
    'dept',
    'est',
    'fig',
    'jan',
    'feb',
    'mar',
    'apr',
    'jun',
    'jul',
    'aug',
    'sep',
    'sept',
    'oct',
    'nov',
    'dec',
    'e.g',
    'i.e',
    'u.s',
    'u.k',
    'u.n',
    'a.m',
    'p.m',
    'rev',
    'hon',
    'ft',
    'corp',
    'ave',
  ],
  de: [
    'dr',
    'prof',
    'nr',
    'hr',
    'fr',
    'bzw',
    'ca',
    'vgl',
    'z',
    'b',
    'z.b',
    'd.h',
    'u.a',
    'st',
    'str',
    'abs',
    'bspw',
    'ggf',
    'inkl',
    'mio',
    'mrd',
    'jh',
    'jan',
    'feb',
    'aug',
    'sept',
    'okt',
    'nov',
    'dez',
    'evtl',
    'sog',
    'geb',
    'gest',
  ],
  fr: [
    'm',
    'mm',
    'mme',
    'mmes',
    'mlle',
    'dr',
    'pr',
    'me',
    'st',
    'ste',
    'env',
    'cf',
    'av',
    'bd',
    'janv',
    'févr',
    'avr',
    'juil',
    'sept',
    'oct',
    'nov',
    'déc',
    'n°',
  ],
  es: ['sr', 'sra', 'srta', 'dr', 'dra', 'd', 'dña', 'ud', 'uds', 'etc', 'av', 'ej', 'núm'],
  it: ['sig', 'sigg', 'dott', 'prof', 'avv', 'ing', 'on', 'sen', 'ecc'],
  pt: ['sr', 'sra', 'dr', 'dra', 'prof', 'av'],
  nl: ['dhr', 'mevr', 'dr', 'prof', 'mr', 'ir', 'bijv', 'o.a', 'm.b.t'],
};
/** Languages that write ordinals with a dot ("3. März", "12. marraskuuta"). */
const ORDINAL_DOT = new Set([
  'de',
  'da',
  'nb',
  'nn',
  'no',
  'fi',
  'cs',
  'sk',
  'pl',
  'sl',
  'hr',
  'sr',
  'hu',
  'tr',
  'et',
  'lv',
  'is',
]);

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;
/** Where a long sentence may be cut: after a clause mark (Latin, Arabic, CJK), else after a space. */
const CLAUSE = /[,;:\u2013\u2014\u060C\u061B\u3001\uFF0C\uFF1B\uFF1A]/;

function weight(ch: string): number {
  return CJK.test(ch) ? 2 : 1;
}

function segmenter(lang: string, granularity: 'sentence' | 'word'): Intl.Segmenter | null {
  if (typeof Intl.Segmenter !== 'function') return null;
  try {
    return new Intl.Segmenter(lang, { granularity });
  } catch {
    return new Intl.Segmenter('en', { granularity });
  }
}

/** Does the segment end in a period that is not a sentence end (an abbreviation, an initial, an ordinal)? */
function endsInAbbreviation(segment: string, lang: string): boolean {
  const m = /(\S+)\.\s*$/u.exec(segment);
  if (!m) return false;
  // The last word without opening punctuation: "(Dr." → "dr".
  const word = m[1]!.replace(/^[\p{Ps}\p{Pi}"'«]+/u, '').toLowerCase();
  if (/^\p{L}$/u.test(word)) return true; // an initial: "John F. Kennedy", "z. B."
  if (ORDINAL_DOT.has(lang) && /^\d{1,2}$/.test(word)) return true;
  return (ABBREVIATIONS[lang] ?? ABBREVIATIONS.en!).includes(word);
}

/** Sentence starts are never lower case in scripts with case: a split before one is ICU's mistake. */
function startsLowercase(segment: string): boolean {
  return /^[\s"'«“‘(]*\p{Ll}/u.test(segment);
}

/**
 * Japanese quotes a sentence and goes on: 「重要だ。」と述べた。 ICU ends a sentence after 」, but a
 * continuation in hiragana (the particle と, って) right after a closing quote is the same sentence.
 */
function continuesQuote(prev: string, next: string): boolean {
  return /[」』）)]\s*$/.test(prev) && /^\p{Script=Hiragana}/u.test(next);
}

interface Span {
  start: number;
  end: number;
}

function sentenceSpans(text: string, lang: string): Span[] {
  const seg = segmenter(lang, 'sentence');
  const raw: Span[] = seg
    ? Array.from(seg.segment(text), (s) => ({ start: s.index, end: s.index + s.segment.length }))
    : [{ start: 0, end: text.length }];
  const merged: Span[] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    const piece = text.slice(span.start, span.end);
    const before = prev ? text.slice(prev.start, prev.end) : '';
    const joins = endsInAbbreviation(before, lang) || startsLowercase(piece) || continuesQuote(before, piece);
    if (prev && joins) prev.end = span.end;
    else merged.push({ ...span });
  }
  return merged;
}

function trimSpan(text: string, { start, end }: Span): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Cuts [start, end) into pieces of at most `max` weight, at clause marks, spaces or word boundaries. */
function chunk(text: string, span: Span, lang: string, max: number): Span[] {
  const out: Span[] = [];
  let { start } = span;
  while (start < span.end) {
    let w = 0;
    let limit = start;
    while (limit < span.end) {
      const cp = text.codePointAt(limit)!;
      const ch = String.fromCodePoint(cp);
      if (w + weight(ch) > max) break;
      w += weight(ch);
      limit += ch.length;
    }
    if (limit >= span.end) {
      out.push({ start, end: span.end });
      break;
    }
    const cut = cutPoint(text, start, limit, lang, max);
    const piece = trimSpan(text, { start, end: cut });
    if (piece.end > piece.start) out.push(piece);
    start = trimSpan(text, { start: cut, end: span.end }).start;
  }
  return out;
}

/** The best place to cut in text[start, limit): late enough to make progress, at the weakest boundary. */
function cutPoint(text: string, start: number, limit: number, lang: string, max: number): number {
  const earliest = start + Math.floor((limit - start) / 3);
  for (let i = limit - 1; i > earliest; i--) {
    if (CLAUSE.test(text[i]!) && (/\s/.test(text[i + 1] ?? ' ') || CJK.test(text[i]!))) return i + 1;
  }
  for (let i = limit; i > earliest; i--) if (/\s/.test(text[i]!)) return i;
  // No spaces (Japanese, Chinese, Thai): cut at the last word boundary the word segmenter knows.
  const words = segmenter(lang, 'word');
  if (words) {
    let best = -1;
    for (const s of words.segment(text.slice(start, limit + 1))) {
      const at = start + s.index;
      if (at > earliest && at < limit) best = at;
    }
    if (best > 0) return best;
  }
  void max;
  return limit;
}

export function splitSentences(text: string, lang: string | null | undefined, max = MAX_SENTENCE_WEIGHT): Sentence[] {
  const base = baseLang(lang);
  const out: Sentence[] = [];
  for (const span of sentenceSpans(text, lang || 'en')) {
    const trimmed = trimSpan(text, span);
    if (trimmed.end <= trimmed.start) continue;
    for (const piece of chunk(text, trimmed, base, max)) {
      out.push({ text: text.slice(piece.start, piece.end), start: piece.start, end: piece.end });
    }
  }
  return out;
}
