/**
 * Listen's pure part (src/core/listen): the speech plan (title → dateline in words → byline → body
 * sentences), the spoken dateline at every precision, and sentence splitting (abbreviations, RTL,
 * CJK, long sentences cut for engines that stop after ~15 s). Intl output is ICU's: assertions pin
 * the words that matter (weekday, month, time, zone name) rather than every comma.
 */
import { describe, expect, it } from 'vitest';
import { buildSpeechPlan, nextParagraph, previousParagraph, type PlanInput } from '../../src/core/listen/plan.js';
import { datelinePhrase } from '../../src/core/listen/dateline-phrase.js';
import { MAX_SENTENCE_WEIGHT, splitSentences } from '../../src/core/listen/sentences.js';

const noDate = { published: null, modified: null, place: null, agency: null };
const texts = (s: { text: string }[]): string[] => s.map((x) => x.text);

describe('datelinePhrase', () => {
  it('place, agency, weekday, the publisher’s clock and its zone by name (the issue’s example)', () => {
    const wire = { published: '2024-03-12T14:05-04:00', modified: null, place: 'Washington', agency: 'AP' };
    expect(datelinePhrase(wire, 'en')).toMatch(
      /^Washington, Associated Press\. Tuesday, March 12, 2024(,| at) 2:05\sPM Eastern Time\.$/,
    );
  });
  it('day precision: the day only, never an invented midnight', () => {
    expect(datelinePhrase({ ...noDate, published: '2024-03-12' }, 'en')).toBe('Tuesday, March 12, 2024.');
  });
  it('minute precision without an offset: the time, and no zone (none was stated)', () => {
    const said = datelinePhrase({ ...noDate, published: '2024-03-12T14:05' }, 'en');
    expect(said).toMatch(/^Tuesday, March 12, 2024(,| at) 2:05\sPM\.$/);
  });
  it('an offset no zone of the article’s language has at that instant is said as UTC minus/plus', () => {
    expect(datelinePhrase({ ...noDate, published: '2024-03-12T14:05-03:00' }, 'de')).toMatch(/14:05 UTC minus 3\.$/);
    expect(datelinePhrase({ ...noDate, published: '2024-07-01T09:30+05:45' }, 'fr')).toMatch(/9:30 UTC plus 5:45\.$/);
  });
  it('"Z" is said as UTC, not guessed to be London', () => {
    expect(datelinePhrase({ ...noDate, published: '2024-03-12T14:05Z', agency: 'Reuters' }, 'en')).toMatch(
      /^Reuters\. Tuesday, March 12, 2024(,| at) 2:05\sPM UTC\.$/,
    );
  });
  it('the place picks the zone when the language alone would not (a US story in a British paper)', () => {
    expect(datelinePhrase({ ...noDate, published: '2024-03-12T14:05-04:00', place: 'Washington' }, 'en-GB')).toMatch(
      /14:05 Eastern Time\.$/,
    );
  });
  it('updated: only when it differs; the same day says only the time', () => {
    const same = '2024-03-12T14:05-04:00';
    expect(datelinePhrase({ ...noDate, published: same, modified: same }, 'en')).not.toMatch(/Updated/);
    expect(datelinePhrase({ ...noDate, published: same, modified: '2024-03-12T16:30-04:00' }, 'en-US')).toMatch(
      /Eastern Time\. Updated 4:30\sPM Eastern Time\.$/,
    );
    expect(datelinePhrase({ ...noDate, published: '2024-03-12', modified: '2024-03-14' }, 'en')).toBe(
      'Tuesday, March 12, 2024. Updated Thursday, March 14, 2024.',
    );
  });
  it('in the article’s language: German, French, Arabic, Japanese', () => {
    expect(
      datelinePhrase({ ...noDate, published: '2024-03-12T14:05+01:00', place: 'Berlin', agency: 'dpa' }, 'de'),
    ).toBe('Berlin, Deutsche Presse-Agentur. Dienstag, 12. März 2024 um 14:05 Mitteleuropäische Zeit.');
    expect(
      datelinePhrase({ ...noDate, published: '2024-03-12T14:05+01:00', place: 'Paris', agency: 'AFP' }, 'fr'),
    ).toMatch(/^Paris, Agence France-Presse\. mardi 12 mars 2024 à 14:05 heure (normale )?d’Europe centrale\.$/);
    const ar = datelinePhrase({ ...noDate, published: '2024-03-12T14:05+02:00', place: 'القاهرة' }, 'ar');
    expect(ar).toMatch(/^القاهرة\. الثلاثاء/);
    expect(ar).toContain('مارس');
    expect(datelinePhrase({ ...noDate, published: '2024-03-12T14:05+09:00' }, 'ja')).toMatch(
      /^2024年3月12日火曜日.*14:05.*日本標準時。$/,
    );
  });
  it('nothing known: nothing said', () => {
    expect(datelinePhrase(noDate, 'en')).toBe('');
  });
});

describe('splitSentences', () => {
  it('does not split after abbreviations: "U.S.", "Dr.", "p.m.", initials', () => {
    const text = 'The U.S. said Dr. Smith left at 5 p.m. on Monday. Then John F. Kennedy spoke! Ok?';
    expect(texts(splitSentences(text, 'en'))).toEqual([
      'The U.S. said Dr. Smith left at 5 p.m. on Monday.',
      'Then John F. Kennedy spoke!',
      'Ok?',
    ]);
  });
  it('German: "z. B.", "Dr." and ordinal dates ("3. März")', () => {
    expect(texts(splitSentences('Das ist z. B. ein Test. Herr Dr. Müller kam am 3. März. Gut.', 'de'))).toEqual([
      'Das ist z. B. ein Test.',
      'Herr Dr. Müller kam am 3. März.',
      'Gut.',
    ]);
  });
  it('French: "M." and "Mme"', () => {
    expect(texts(splitSentences('M. Dupont a parlé. Mme Durand aussi.', 'fr'))).toEqual([
      'M. Dupont a parlé.',
      'Mme Durand aussi.',
    ]);
  });
  it('Arabic question and full stops (right-to-left text, offsets into the original)', () => {
    const text = 'افتتح المعرض اليوم. هل حضر الوزير؟ نعم، حضر.';
    const s = splitSentences(text, 'ar');
    expect(texts(s)).toEqual(['افتتح المعرض اليوم.', 'هل حضر الوزير؟', 'نعم، حضر.']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
  it('Japanese: 。 ends a sentence, quotes stay inside it', () => {
    expect(texts(splitSentences('東京で会議が開かれた。首相は「重要だ。」と述べた。次へ', 'ja'))).toEqual([
      '東京で会議が開かれた。',
      '首相は「重要だ。」と述べた。',
      '次へ',
    ]);
  });
  it('a very long sentence is cut at a clause mark, else between words, each piece short enough', () => {
    const long = `${'word '.repeat(30)}and, after that, ${'more words '.repeat(30)}end.`;
    const s = splitSentences(long, 'en');
    expect(s.length).toBeGreaterThan(1);
    expect(s[0]!.text.endsWith('and, after that,')).toBe(true);
    for (const x of s) {
      expect(x.text.length).toBeLessThanOrEqual(MAX_SENTENCE_WEIGHT);
      expect(x.text).toMatch(/^\S.*\S$/);
      expect(long.slice(x.start, x.end)).toBe(x.text);
    }
    // Nothing lost: the pieces put together are the sentence.
    expect(s.map((x) => x.text).join(' ')).toBe(long.trim().replace(/\s+/g, ' '));
  });
  it('long CJK without spaces is cut between words (CJK characters count double)', () => {
    const long = `${'日本語の文章'.repeat(30)}。`;
    const s = splitSentences(long, 'ja');
    expect(s.length).toBeGreaterThan(1);
    for (const x of s) expect(x.text.length * 2).toBeLessThanOrEqual(MAX_SENTENCE_WEIGHT);
    expect(s.map((x) => x.text).join('')).toBe(long);
  });
});

function article(over: Partial<PlanInput>): PlanInput {
  return { title: 'Title', byline: null, dateline: noDate, lang: 'en', blocks: [], ...over };
}

describe('buildSpeechPlan', () => {
  it('English: title, dateline phrase, byline, then the body sentence by sentence; captions and related skipped', () => {
    const plan = buildSpeechPlan(
      article({
        title: 'Storm Closes Harbour',
        byline: 'Dana Reyes',
        dateline: { published: '2024-03-12T14:05-04:00', modified: null, place: 'Portsmouth', agency: 'AP' },
        lang: 'en-US',
        blocks: [
          { kind: 'paragraph', text: 'Ferries stayed in port on Tuesday. The U.S. Coast Guard said so.' },
          { kind: 'caption', text: 'A ferry at the pier.' },
          { kind: 'heading', text: 'What next' },
          { kind: 'related', text: 'Other story' },
        ],
      }),
    );
    expect(plan.items.map((i) => [i.source, i.text])).toEqual([
      ['title', 'Storm Closes Harbour'],
      ['dateline', 'Portsmouth, Associated Press.'],
      ['dateline', expect.stringMatching(/^Tuesday, March 12, 2024(,| at) 2:05\sPM Eastern Time\.$/)],
      ['byline', 'By Dana Reyes'],
      [0, 'Ferries stayed in port on Tuesday.'],
      [0, 'The U.S. Coast Guard said so.'],
      [2, 'What next'],
    ]);
    expect(plan.items[5]!.range).toEqual({ start: 35, end: 64 });
    expect(plan.items[1]!.range).toBeNull();
    expect(plan.paragraphs).toEqual([0, 1, 3, 4, 6]);
  });
  it('extras: captions and related headlines are read when asked', () => {
    const blocks = [
      { kind: 'paragraph', text: 'Body.' },
      { kind: 'caption', text: 'Caption.' },
      { kind: 'related', text: 'Related.' },
    ] as const;
    expect(buildSpeechPlan(article({ blocks: [...blocks] }), { extras: true }).items.map((i) => i.text)).toEqual([
      'Title',
      'Body.',
      'Caption.',
      'Related.',
    ]);
  });
  it('German: "Von" byline, German dateline, "z. B." kept in one sentence', () => {
    const plan = buildSpeechPlan(
      article({
        title: 'Bahnstreik beendet',
        byline: 'Anna Schmidt',
        lang: 'de',
        dateline: { published: '2024-03-12T14:05+01:00', modified: null, place: 'Berlin', agency: 'dpa' },
        blocks: [{ kind: 'paragraph', text: 'Züge fahren wieder, z. B. im Regionalverkehr. Das sagte Dr. Weber.' }],
      }),
    );
    expect(plan.items.map((i) => i.text)).toEqual([
      'Bahnstreik beendet',
      'Berlin, Deutsche Presse-Agentur.',
      'Dienstag, 12. März 2024 um 14:05 Mitteleuropäische Zeit.',
      'Von Anna Schmidt',
      'Züge fahren wieder, z. B. im Regionalverkehr.',
      'Das sagte Dr. Weber.',
    ]);
  });
  it('French: "Par" byline, the date in French', () => {
    const plan = buildSpeechPlan(
      article({
        title: 'La grève continue',
        byline: 'Marie Dupont',
        lang: 'fr',
        dateline: { published: '2024-03-12', modified: null, place: null, agency: null },
        blocks: [{ kind: 'paragraph', text: 'M. Martin a parlé. Mme Durand aussi.' }],
      }),
    );
    expect(plan.items.map((i) => i.text)).toEqual([
      'La grève continue',
      'mardi 12 mars 2024.',
      'Par Marie Dupont',
      'M. Martin a parlé.',
      'Mme Durand aussi.',
    ]);
  });
  it('Arabic: "بقلم" byline, Arabic place, sentences split at "؟"', () => {
    const plan = buildSpeechPlan(
      article({
        title: 'افتتاح معرض الكتاب',
        byline: 'أحمد علي',
        lang: 'ar',
        dateline: { published: '2024-03-12T14:05+02:00', modified: null, place: 'القاهرة', agency: null },
        blocks: [{ kind: 'paragraph', text: 'افتتح المعرض اليوم. هل حضر الوزير؟ نعم.' }],
      }),
    );
    const said = plan.items.map((i) => i.text);
    expect(said[0]).toBe('افتتاح معرض الكتاب');
    expect(said[1]).toBe('القاهرة.');
    expect(said[2]).toMatch(/^الثلاثاء/);
    expect(said.slice(3)).toEqual(['بقلم أحمد علي', 'افتتح المعرض اليوم.', 'هل حضر الوزير؟', 'نعم.']);
  });
  it('an agency ending in an initial ("أ ش أ") does not glue the dateline’s sentences together', () => {
    const plan = buildSpeechPlan(
      article({
        title: 'عنوان',
        lang: 'ar',
        dateline: { published: '2024-01-24T10:30+02:00', modified: null, place: 'القاهرة', agency: 'أ ش أ' },
      }),
    );
    expect(plan.items.filter((i) => i.source === 'dateline').map((i) => i.text)).toEqual([
      'القاهرة، أ ش أ.',
      expect.stringMatching(/^الأربعاء، 24 يناير 2024.*10:30/),
    ]);
  });
  it('Japanese: the date said in Japanese with 日本標準時, sentences at 。', () => {
    const plan = buildSpeechPlan(
      article({
        title: '東京で会議',
        byline: null,
        lang: 'ja',
        dateline: { published: '2024-03-12T14:05+09:00', modified: null, place: null, agency: null },
        blocks: [{ kind: 'paragraph', text: '会議が開かれた。首相が出席した。' }],
      }),
    );
    expect(plan.items.map((i) => i.text)).toEqual([
      '東京で会議',
      expect.stringMatching(/^2024年3月12日火曜日.*日本標準時。$/),
      '会議が開かれた。',
      '首相が出席した。',
    ]);
  });
  it('previous / next paragraph', () => {
    const blocks = [
      { kind: 'paragraph', text: 'A one. A two.' },
      { kind: 'paragraph', text: 'B.' },
    ] as const;
    const plan = buildSpeechPlan(article({ blocks: [...blocks] }));
    // items: Title | A one. A two. | B.
    expect(plan.paragraphs).toEqual([0, 1, 3]);
    expect(nextParagraph(plan, 0)).toBe(1);
    expect(nextParagraph(plan, 2)).toBe(3);
    expect(nextParagraph(plan, 3)).toBe(4); // past the end: done
    expect(previousParagraph(plan, 2)).toBe(0);
    expect(previousParagraph(plan, 3)).toBe(1);
    expect(previousParagraph(plan, 0)).toBe(0);
  });
});
