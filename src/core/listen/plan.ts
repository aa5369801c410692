/**
 * buildSpeechPlan(article) → what Listen says, in order: the title, the dateline in words
 * (datelinePhrase), the byline, then the body block by block, each block cut into sentences
 * (splitSentences). Captions and related headlines are left out unless `extras` is set.
 *
 * Pure data in, data out (no DOM, no speechSynthesis): the reader turns the article it shows into
 * `blocks`, and every item keeps its block index and offsets so the reader can highlight exactly
 * the words being said. Items are grouped into "paragraphs" (the title, the dateline, the byline,
 * each block) for previous / next.
 */
import type { Dateline } from '../types.js';
import { datelineSentences } from './dateline-phrase.js';
import { MAX_SENTENCE_WEIGHT, splitSentences } from './sentences.js';
import { wordsFor } from './words.js';

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'caption' | 'related';
/** Said only when the user asks for them (the "captions and related headlines" setting). */
export const EXTRA_KINDS: ReadonlySet<BlockKind> = new Set(['caption', 'related']);

export interface SpeechBlock {
  kind: BlockKind;
  /** The block's text as shown (offsets of items refer to it). */
  text: string;
}

export interface PlanInput {
  title: string;
  byline: string | null;
  dateline: Pick<Dateline, 'published' | 'modified' | 'place' | 'agency'>;
  /** The article's language (BCP 47), or null when the page does not say. */
  lang: string | null;
  blocks: readonly SpeechBlock[];
}

export interface PlanOptions {
  /** Also read captions and related headlines. */
  extras?: boolean;
  /** Longest utterance, in splitSentences' weight (for tests). */
  maxWeight?: number;
}

/** Where an item's words are shown: the head's title, dateline or byline, or a body block (its index). */
export type ItemSource = 'title' | 'dateline' | 'byline' | number;

export interface SpeechItem {
  text: string;
  source: ItemSource;
  /** Offsets in the source's text; null when the words said are not the words shown (the dateline, the byline). */
  range: { start: number; end: number } | null;
  /** Index in `plan.paragraphs`. */
  paragraph: number;
}

export interface SpeechPlan {
  lang: string;
  items: SpeechItem[];
  /** Index of the first item of each paragraph. */
  paragraphs: number[];
}

export function buildSpeechPlan(input: PlanInput, options: PlanOptions = {}): SpeechPlan {
  const lang = input.lang || 'en';
  const max = options.maxWeight ?? MAX_SENTENCE_WEIGHT;
  const items: SpeechItem[] = [];
  const paragraphs: number[] = [];
  const addParagraph = (source: ItemSource, text: string, exact: boolean): void => {
    const sentences = splitSentences(text, lang, max);
    if (!sentences.length) return;
    paragraphs.push(items.length);
    for (const s of sentences) {
      const range = exact ? { start: s.start, end: s.end } : null;
      items.push({ text: s.text, source, range, paragraph: paragraphs.length - 1 });
    }
  };
  addParagraph('title', input.title, true);
  const dateline = datelineSentences(input.dateline, lang);
  if (dateline.length) {
    paragraphs.push(items.length);
    for (const text of dateline)
      items.push({ text, source: 'dateline', range: null, paragraph: paragraphs.length - 1 });
  }
  if (input.byline?.trim()) addParagraph('byline', wordsFor(lang).by(input.byline.trim()), false);
  input.blocks.forEach((block, i) => {
    if (EXTRA_KINDS.has(block.kind) && !options.extras) return;
    addParagraph(i, block.text, true);
  });
  return { lang, items, paragraphs };
}

/** First item of the paragraph after the one holding item `i` (or items.length at the end). */
export function nextParagraph(plan: SpeechPlan, i: number): number {
  const p = plan.items[i]?.paragraph;
  return p === undefined ? plan.items.length : (plan.paragraphs[p + 1] ?? plan.items.length);
}

/** First item of the paragraph before the one holding item `i` (the first paragraph stays put). */
export function previousParagraph(plan: SpeechPlan, i: number): number {
  const p = plan.items[Math.min(i, plan.items.length - 1)]?.paragraph ?? 0;
  return plan.paragraphs[Math.max(0, p - 1)] ?? 0;
}
