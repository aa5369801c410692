/**
 * The plain-text site list (import/export): garbage lines are reported with their line numbers and
 * reasons, every other line is kept, duplicates merge, and export → import gives back the same list.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatSiteList, parseSiteList } from '../../src/autoclean/list-text.js';
import { STARTER_SITES } from '../../src/autoclean/starter-list.js';
import type { SiteMode } from '../../src/autoclean/settings.js';

describe('parseSiteList', () => {
  it('reports garbage lines with line numbers and keeps every good line', () => {
    const text = [
      '# my news sites', // 1 comment
      'bbc.co.uk', // 2
      '', // 3 blank
      'this is not a domain', // 4 garbage
      'https://www.lemonde.fr/international/article/2024/x.html ask', // 5 URL + mode
      'co.uk', // 6 public suffix
      'spiegel.de never   # no thanks', // 7 mode + trailing comment
      'süddeutsche.de', // 8 IDN
      'nytimes.com sometimes', // 9 unknown mode
      'ftp://files.example.com', // 10 not web
      '127.0.0.1:8080', // 11 IP with port
    ].join('\n');
    const r = parseSiteList(text);
    expect(r.entries).toEqual([
      { site: 'bbc.co.uk', mode: 'always' },
      { site: 'lemonde.fr', mode: 'ask' },
      { site: 'spiegel.de', mode: 'never' },
      { site: 'xn--sddeutsche-9db.de', mode: 'always' },
      { site: '127.0.0.1', mode: 'always' },
    ]);
    expect(r.problems.map((p) => [p.line, p.text])).toEqual([
      [4, 'this is not a domain'],
      [6, 'co.uk'],
      [9, 'nytimes.com sometimes'],
      [10, 'ftp://files.example.com'],
    ]);
    for (const p of r.problems) expect(p.reason).not.toBe('');
    expect(r.duplicates).toBe(0);
  });

  it('merges duplicates (www., case, URL forms of one site), the later line’s mode winning', () => {
    const r = parseSiteList('bbc.co.uk\nWWW.BBC.CO.UK never\nhttps://news.bbc.co.uk/x\nhttps://www.bbc.co.uk/ ask\n');
    expect(r.entries).toEqual([
      { site: 'news.bbc.co.uk', mode: 'always' },
      { site: 'bbc.co.uk', mode: 'ask' },
    ]);
    expect(r.duplicates).toBe(2);
    expect(r.problems).toEqual([]);
  });

  it('reads Windows line endings and a byte-order mark, and comma/semicolon separated names on a line are not silently split', () => {
    const r = parseSiteList('\uFEFFbbc.co.uk\r\nlemonde.fr\r\n');
    expect(r.entries.map((e) => e.site)).toEqual(['bbc.co.uk', 'lemonde.fr']);
    expect(r.problems).toEqual([]);
    const odd = parseSiteList('bbc.co.uk, lemonde.fr, spiegel.de');
    expect(odd.entries).toEqual([]);
    expect(odd.problems).toHaveLength(1);
    expect(odd.problems[0]!.line).toBe(1);
  });

  it('export then import is lossless for the whole starter list with mixed modes', () => {
    const modes: SiteMode[] = ['always', 'ask', 'never'];
    const entries = STARTER_SITES.map((s, i) => ({ site: s.site, mode: modes[i % 3]! }));
    const back = parseSiteList(formatSiteList(entries));
    expect(back.problems).toEqual([]);
    expect(new Map(back.entries.map((e) => [e.site, e.mode]))).toEqual(new Map(entries.map((e) => [e.site, e.mode])));
  });

  it('never loses a good line, whatever garbage surrounds it (property)', () => {
    const good = fc.constantFrom(...STARTER_SITES.slice(0, 40).map((s) => s.site));
    const junk = fc.constantFrom(
      'not a site',
      'co.uk',
      '@@@',
      'http://',
      'x',
      'foo bar baz',
      'mailto:x@y.z',
      '####',
      '   ',
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            good.map((g) => ({ g })),
            junk.map((j) => ({ j })),
          ),
          { maxLength: 30 },
        ),
        (lines) => {
          const text = lines.map((l) => ('g' in l ? l.g : l.j)).join('\n');
          const r = parseSiteList(text);
          const wanted = new Set(lines.flatMap((l) => ('g' in l ? [l.g] : [])));
          expect(new Set(r.entries.map((e) => e.site))).toEqual(wanted);
          const garbageLines = lines.flatMap((l, i) =>
            'j' in l && l.j.trim() && !l.j.trim().startsWith('#') ? [i + 1] : [],
          );
          expect(r.problems.map((p) => p.line)).toEqual(garbageLines);
        },
      ),
      { numRuns: 200 },
    );
  });
});
