/**
 * "Read also" lead-ins: a paragraph or label opening with one introduces a link to another story
 * ("Read also:", "Lesen Sie auch:", "À lire aussi", "اقرأ أيضا", "関連記事"). Languages: en, de, fr,
 * es, it, pt, nl, pl, ru, tr, ja, zh, ko, ar, he. One list for the article cleaner (which removes such
 * paragraphs) and the related-headlines collector (which takes their links): each used to know
 * languages the other did not (nl, pl, ko and more zh/ja phrases; he and more es/ar phrases).
 * Regex sources.
 */
export const READ_ALSO_PHRASES: Readonly<Record<string, readonly string[]>> = {
  en: [
    'read (?:also|more|next)',
    'also read',
    'see also',
    'more on this',
    'further reading',
    'related(?: articles?| stories| story| coverage| news| content| reading)?',
  ],
  de: [
    'lesen sie (?:auch|mehr|hier)',
    'mehr zum thema',
    'auch interessant',
    'zum thema',
    'das könnte sie auch interessieren',
    'weitere artikel',
  ],
  fr: ['lire aussi', 'à lire aussi', 'a lire aussi', 'voir aussi', 'à voir aussi', 'sur le même sujet'],
  es: ['ver también', 'lee también', 'lea también', 'leer más', 'le puede interesar', 'te puede interesar'],
  it: ['leggi anche(?: su)?', 'potrebbe interessarti'],
  pt: ['leia também', 'veja também', 'leia mais'],
  nl: ['lees ook'],
  pl: ['czytaj także'],
  ru: ['читайте также'],
  tr: ['ayrıca okuyun', 'ilginizi çekebilir'],
  ja: ['関連記事', '関連ニュース', '関連', 'あわせて読みたい'],
  zh: ['相关阅读', '相关新闻', '延伸閱讀'],
  ko: ['관련기사'],
  ar: ['[اإ]قرأ [أا]يضاً?', 'اقرأ المزيد', 'شاهد أيضاً?', 'مواضيع ذات صلة'],
  he: ['קראו גם', 'ראו גם'],
};

/**
 * Labels of a box of other stories that the article cleaner also removes as a lead-in ("Trending",
 * "Most read", "Watch:"); too generic to mark an in-article link as related. Languages: en, tr.
 */
export const MORE_STORIES_LABELS: readonly string[] = [
  'more from',
  'more:',
  'recommended(?: for you)?',
  'you may also like',
  'you might also like',
  "don['’ ]?t miss",
  'see more',
  'must read',
  'trending',
  'top stories',
  'most read',
  'most popular',
  'watch:',
  'listen:',
  'daha fazla',
];

/**
 * Longest first: an alternation takes the first alternative that matches, so "関連記事" must be
 * tried before "関連" (the cleaner reads what the match consumed).
 */
const alternation = (phrases: readonly string[]): string => [...phrases].sort((a, b) => b.length - a.length).join('|');
const READ_ALSO_ALL = Object.values(READ_ALSO_PHRASES).flat();

/**
 * A related-headline lead-in before a link, with its separator ("Read also: ", "» Lesen Sie auch ");
 * group 1 is the cue as the page wrote it, which becomes the section.
 */
export const READ_ALSO = new RegExp(
  `^[\\s»›>▶►•■\\-–—]*(${alternation(READ_ALSO_ALL)})\\s*(?:[:：|»›>\\-–—]+|\\s(?=\\S))`,
  'i',
);

/** The start of a "read also" paragraph or a related box's label, for the article cleaner. */
export const READ_ALSO_START = new RegExp(`^(?:${alternation([...READ_ALSO_ALL, ...MORE_STORIES_LABELS])})`, 'i');

/**
 * A lead-in that ends just before a link inside a paragraph ("… prose. À LIRE AUSSI <a>…</a>",
 * "<b>Read also:</b> <a>…</a>"): the phrase at the end of the text before the link, opening it or a
 * sentence ("the related <a>…</a>" is prose); group 1 is the cue.
 */
export const READ_ALSO_BEFORE = new RegExp(
  `(?:^|[.!?»”")\\]]\\s*)(${alternation(READ_ALSO_ALL)})\\s*[:：|»›>\\-–—]*\\s*$`,
  'i',
);
