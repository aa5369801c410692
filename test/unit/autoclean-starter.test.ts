/** The built-in starter list: big enough, international, and every entry a valid canonical site. */
import { describe, expect, it } from 'vitest';
import { STARTER_SITES } from '../../src/autoclean/starter-list.js';
import { parseSite } from '../../src/autoclean/site.js';

describe('starter list', () => {
  it('has at least 150 sites, no duplicates', () => {
    expect(STARTER_SITES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(STARTER_SITES.map((s) => s.site)).size).toBe(STARTER_SITES.length);
  });

  it('every entry parses to itself (canonical, not a public suffix, no www.)', () => {
    const bad = STARTER_SITES.filter((s) => {
      const p = parseSite(s.site);
      return !p.ok || p.site !== s.site;
    }).map((s) => s.site);
    expect(bad).toEqual([]);
  });

  it('covers at least 10 languages and has wire services, papers and broadcasters', () => {
    const langs = new Set(STARTER_SITES.map((s) => s.lang));
    expect(langs.size).toBeGreaterThanOrEqual(10);
    for (const l of ['en', 'fr', 'de', 'es', 'pt', 'it', 'ar', 'ja', 'zh', 'ru', 'tr', 'hi'])
      expect(langs.has(l), l).toBe(true);
    const kinds = new Set(STARTER_SITES.map((s) => s.kind));
    for (const k of ['wire', 'paper', 'broadcaster'] as const) expect(kinds.has(k), k).toBe(true);
    expect(STARTER_SITES.filter((s) => s.kind === 'wire').length).toBeGreaterThanOrEqual(10);
    for (const s of STARTER_SITES) {
      expect(s.name.trim(), s.site).not.toBe('');
      expect(s.lang, s.site).toMatch(/^[a-z]{2,3}$/);
    }
  });
});
