/**
 * Date parsing as the reader sees it: every format the dateline issue lists, read to the publisher's
 * own wall clock (offset only when stated, no made-up midnight, day first unless US English).
 */
import { describe, expect, it } from 'vitest';
import { findTextDates, isSuspectMidnight, parseMachineDate, stampToIso } from '../../../../src/core/dateline/parse.js';

const NOW = new Date('2024-03-20T12:00:00Z');
const first = (text: string, lang: string | null, timeZone?: string): { iso: string; kind: string | null } | null => {
  const d = findTextDates(text, { lang, now: NOW, timeZone })[0];
  return d ? { iso: stampToIso(d.stamp), kind: d.kind } : null;
};

describe('visible text dates', () => {
  it.each([
    ['15.11.2019 13:42', 'en', '2019-11-15T13:42'],
    ['14.02.2024, 18:07 Uhr', 'de', '2024-02-14T18:07'],
    ['Stand: 04.10.2023 13.42 Uhr', 'de', '2023-10-04T13:42'],
    ['Publié le 12/06/2022 à 07h45', 'fr', '2022-06-12T07:45'],
    ['October 4, 2023', 'en', '2023-10-04'],
    ['Oct. 4, 2023 at 2:05 p.m. EDT', 'en', '2023-10-04T14:05-04:00'],
    ['4 October 2023', 'en-GB', '2023-10-04'],
    ['4. Oktober 2023', 'de', '2023-10-04'],
    ['1er mars 2023', 'fr', '2023-03-01'],
    ['4 de octubre de 2023, 10:00', 'es', '2023-10-04T10:00'],
    ['06 Dicembre 2020', 'it', '2020-12-06'],
    ['4 октября 2023', 'ru', '2023-10-04'],
    ['2024年1月5日 10時30分', 'ja', '2024-01-05T10:30'],
    ['2024년 1월 5일', 'ko', '2024-01-05'],
    ['١٥ مارس ٢٠٢٣ - ١٠:٣٠', 'ar', '2023-03-15T10:30'],
    ['12 آذار 2023', 'ar', '2023-03-12'],
    ['10:30 AM EST, Wed March 4, 2020', 'en', '2020-03-04T10:30-05:00'],
    ['2024-03-12 14:05', 'en', '2024-03-12T14:05'],
    ['03.05.13 11:51', 'de', '2013-05-03T11:51'],
  ])('%s (%s) → %s', (text, lang, iso) => {
    expect(first(text, lang)?.iso).toBe(iso);
  });

  it('reads slashes month-first only for US English, and lets an impossible month decide', () => {
    expect(first('10/04/2023', 'en-US')?.iso).toBe('2023-10-04');
    expect(first('10/04/2023', 'en-GB')?.iso).toBe('2023-04-10');
    expect(first('10/04/2023', 'fr')?.iso).toBe('2023-04-10');
    expect(first('12/25/2023', 'fr')?.iso).toBe('2023-12-25');
    expect(first('25/12/2023', 'en-US')?.iso).toBe('2023-12-25');
  });

  it('tells published and updated labels apart, in several languages', () => {
    expect(first('Updated: March 3, 2024', 'en')?.kind).toBe('modified');
    expect(first('Aktualisiert: 14.02.2024, 18:07 Uhr', 'de')?.kind).toBe('modified');
    expect(first('Mis à jour le 13 juin 2022 à 09h10', 'fr')?.kind).toBe('modified');
    expect(first('Actualizado el 4 de octubre de 2023', 'es')?.kind).toBe('modified');
    expect(first('Publié le 12/06/2022', 'fr')?.kind).toBe('published');
    expect(first('Veröffentlicht am 14.02.2024', 'de')?.kind).toBe('published');
    expect(first('نشر في ١٥ مارس ٢٠٢٣', 'ar')?.kind).toBe('published');
  });

  it('does not give one date the time of the date before it', () => {
    const all = findTextDates('Published October 4, 2023 at 2:05 p.m. EDT Updated October 5, 2023', {
      lang: 'en',
      now: NOW,
    });
    expect(all.map((d) => [stampToIso(d.stamp), d.kind])).toEqual([
      ['2023-10-04T14:05-04:00', 'published'],
      ['2023-10-05', 'modified'],
    ]);
  });

  it('resolves relative times against now, stated in the zone passed in', () => {
    expect(first('3 hours ago', 'en', 'UTC')?.iso).toBe('2024-03-20T09:00Z');
    expect(first('vor 3 Stunden', 'de', 'Europe/Berlin')?.iso).toBe('2024-03-20T10:00+01:00');
    expect(first('il y a 3 heures', 'fr', 'America/New_York')?.iso).toBe('2024-03-20T05:00-04:00');
    expect(first('hace 2 días', 'es', 'UTC')?.iso).toBe('2024-03-18');
    expect(findTextDates('3 hours ago', { lang: 'en', now: null })).toEqual([]);
  });

  it("or on the reader's clock given as its offset at the instant (the reader's first open: no Intl object)", () => {
    // New York's clock: UTC−5 until 10 March 2024, UTC−4 from then on.
    const newYork = (epoch: number): number => (epoch < Date.UTC(2024, 2, 10, 7) ? -300 : -240);
    const at = (text: string, lang: string): string | undefined => {
      const d = findTextDates(text, { lang, now: NOW, utcOffset: newYork })[0];
      return d && stampToIso(d.stamp);
    };
    expect(at('il y a 3 heures', 'fr')).toBe(first('il y a 3 heures', 'fr', 'America/New_York')?.iso);
    expect(at('vor 14 Tagen', 'de')).toBe('2024-03-06');
    expect(at('300 hours ago', 'en')).toBe(first('300 hours ago', 'en', 'America/New_York')?.iso);
    expect(at('300 hours ago', 'en')).toMatch(/-05:00$/); // before the change: the offset of then
  });

  it('finds nothing in numbers that are not dates', () => {
    expect(first('Version 1.2.3 of 45.67.8901', 'en')).toBeNull();
    expect(first('Call 030 1234 5678', 'de')).toBeNull();
    expect(first('32.13.2020', 'de')).toBeNull();
  });
});

describe('machine values', () => {
  it.each([
    ['2024-03-12T14:05:00-04:00', '2024-03-12T14:05-04:00'],
    ['2024-03-12T14:05:00Z', '2024-03-12T14:05Z'],
    ['2024-03-12T14:05:00+0100', '2024-03-12T14:05+01:00'],
    ['2024-03-12T14:05:30.123+01:00', '2024-03-12T14:05:30+01:00'],
    ['2020-12-05T23:15:0Z', '2020-12-05T23:15Z'],
    ['2024-03-12 14:05', '2024-03-12T14:05'],
    ['2024-03-12', '2024-03-12'],
    ['20240312', '2024-03-12'],
    ['Tue, 12 Mar 2024 14:05:00 +0100', '2024-03-12T14:05+01:00'],
    ['March 12, 2024', '2024-03-12'],
  ])('%s → %s', (raw, iso) => {
    const st = parseMachineDate(raw);
    expect(st && stampToIso(st)).toBe(iso);
  });

  it('flags a bare midnight as a stored date, not a time', () => {
    expect(isSuspectMidnight(parseMachineDate('2023-10-04T00:00:00')!)).toBe(true);
    expect(isSuspectMidnight(parseMachineDate('2023-10-04T00:00:00+02:00')!)).toBe(true);
    expect(isSuspectMidnight(parseMachineDate('2023-10-04T00:15:00')!)).toBe(false);
  });

  it('rejects impossible calendar days', () => {
    expect(parseMachineDate('2023-02-30')).toBeNull();
    expect(parseMachineDate('not a date')).toBeNull();
  });
});

describe('date ranges', () => {
  it('skips both ends of a range: an event, not a dateline', () => {
    expect(
      findTextDates('Der Tunnel wird vom 24. April bis 2. Oktober 2017 gesperrt.', { lang: 'de', now: null }),
    ).toEqual([]);
    expect(findTextDates('Open 03.04.2024 - 07.04.2024 daily', { lang: 'en-GB', now: null })).toEqual([]);
    expect(findTextDates('Festival: 12 May 2023 to 14 May 2023', { lang: 'en-GB', now: null })).toEqual([]);
    expect(
      findTextDates('Posted 12 May 2023 - 14:05', { lang: 'en-GB', now: null }).map((d) => stampToIso(d.stamp)),
    ).toEqual(['2023-05-12T14:05']);
  });
});

describe('not a range', () => {
  it('keeps a date after a label and a dash', () => {
    expect(
      findTextDates('Aktualisiert - 12.05.2023', { lang: 'de', now: null }).map((d) => [stampToIso(d.stamp), d.kind]),
    ).toEqual([['2023-05-12', 'modified']]);
  });
});

describe('time ranges', () => {
  it('a time range on one day keeps the day', () => {
    expect(
      findTextDates('Mittwoch, 20. Februar 2019, 14:45 Uhr bis 15:45 Uhr', { lang: 'de', now: null }).map((d) =>
        stampToIso(d.stamp),
      ),
    ).toEqual(['2019-02-20T14:45']);
  });
});

// The patterns match a lower-cased copy of the text without the `i` flag (a cheaper first compile,
// issue #9); a text whose lower-casing changes its length (Turkish İ) goes through the `iu` twins.
// Both paths must read the same dates, in any letter case.
describe('letter case', () => {
  const read = (text: string): Array<[string, string | null, number]> =>
    findTextDates(text, { lang: 'en', now: NOW, timeZone: 'UTC' }).map((d) => [stampToIso(d.stamp), d.kind, d.index]);
  it.each([
    ['UPDATED: OCTOBER 4, 2023 AT 2:05 P.M. EDT', [['2023-10-04T14:05-04:00', 'modified', 9]]],
    ['Published 4 MÄRZ 2023, 18:07 UHR', [['2023-03-04T18:07', 'published', 10]]],
    ['VOR 3 STUNDEN', [['2024-03-20T09:00Z', null, 0]]],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
    // Same text with an İ in front: every match moves by the two characters "İ ", nothing else changes.
    expect(read(`İ ${text}`)).toEqual(expected.map(([iso, kind, index]) => [iso, kind, (index as number) + 2]));
  });
});
