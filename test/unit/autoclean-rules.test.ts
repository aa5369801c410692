/**
 * The pure decisions behind auto-clean: which sites run (switch, mode, permission), the
 * registration diff the background applies at every startup/update/permission change, the
 * permission check against granted match patterns, the session rules ("show original" sticks per
 * URL), and the options page's permission flow (request first, inside the gesture, for one site only).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  activeSites,
  normalizeSettings,
  siteRows,
  withMode,
  withSites,
  withoutSite,
  type AutoCleanSettings,
} from '../../src/autoclean/settings.js';
import {
  desiredScripts,
  patternCoversOrigin,
  planRegistration,
  siteGranted,
} from '../../src/autoclean/registration-plan.js';
import { decideAutoOpen, pageKey, withDismissed, DISMISSED_LIMIT } from '../../src/autoclean/session-rules.js';
import { chooseMode, requestSites } from '../../src/options/grant-flow.js';
import { STARTER_SITES } from '../../src/autoclean/starter-list.js';

const on = (sites: AutoCleanSettings['sites']): AutoCleanSettings => ({ ...DEFAULT_SETTINGS, enabled: true, sites });

describe('settings', () => {
  it('auto-clean is off by default and nothing runs, not even starter sites', () => {
    expect(DEFAULT_SETTINGS.enabled).toBe(false);
    expect(activeSites(DEFAULT_SETTINGS, () => true)).toEqual([]);
    expect(activeSites(withMode(DEFAULT_SETTINGS, 'bbc.co.uk', 'always'), () => true)).toEqual([]);
    const rows = siteRows(DEFAULT_SETTINGS, () => true);
    expect(rows.length).toBe(STARTER_SITES.length);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['suggested']));
  });

  it('runs always/ask sites that have permission; never and ungranted sites do not run', () => {
    const s = on({ 'bbc.co.uk': 'always', 'lemonde.fr': 'ask', 'spiegel.de': 'never', 'example.org': 'always' });
    const granted = (site: string): boolean => site !== 'example.org';
    expect(activeSites(s, granted)).toEqual(['bbc.co.uk', 'lemonde.fr']);
    const status = Object.fromEntries(siteRows(s, granted).map((r) => [r.site, r.status]));
    expect(status).toMatchObject({
      'bbc.co.uk': 'active',
      'lemonde.fr': 'active',
      'spiegel.de': 'never',
      'example.org': 'needs-permission',
      'nytimes.com': 'suggested',
    });
    expect(siteRows({ ...s, enabled: false }, granted).find((r) => r.site === 'bbc.co.uk')!.status).toBe('paused');
  });

  it('lists the user’s own sites first, then the starter list; removing a starter site hides it, re-choosing it brings it back', () => {
    let s = on({ 'zzz-local-news.example': 'always' });
    expect(siteRows(s, () => true)[0]).toMatchObject({ site: 'zzz-local-news.example', source: 'user' });
    s = withoutSite(s, 'bbc.co.uk');
    expect(siteRows(s, () => true).some((r) => r.site === 'bbc.co.uk')).toBe(false);
    s = withMode(s, 'bbc.co.uk', 'ask');
    expect(siteRows(s, () => true).find((r) => r.site === 'bbc.co.uk')).toMatchObject({
      mode: 'ask',
      source: 'starter',
    });
    s = withoutSite(s, 'zzz-local-news.example');
    expect(siteRows(s, () => true).some((r) => r.site === 'zzz-local-news.example')).toBe(false);
  });

  it('merging an import counts new and changed sites and leaves the others alone', () => {
    const r = withSites(on({ 'bbc.co.uk': 'always', 'lemonde.fr': 'ask' }), [
      { site: 'bbc.co.uk', mode: 'always' },
      { site: 'lemonde.fr', mode: 'never' },
      { site: 'elpais.com', mode: 'always' },
    ]);
    expect([r.added, r.changed]).toEqual([1, 1]);
    expect(r.settings.sites).toEqual({ 'bbc.co.uk': 'always', 'lemonde.fr': 'never', 'elpais.com': 'always' });
  });

  it('repairs stored settings of the wrong shape instead of failing', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(
      normalizeSettings({ enabled: 'yes', sites: { 'a.com': 'always', 'b.com': 'sometimes' }, hidden: ['x.com', 3] }),
    ).toEqual({ enabled: false, sites: { 'a.com': 'always' }, hidden: ['x.com'] });
  });
});

describe('registration plan', () => {
  it('registers what is missing, unregisters what is stale, and leaves correct and foreign registrations alone', () => {
    const desired = desiredScripts(['bbc.co.uk', '127.0.0.1']);
    const existing = [
      { id: 'autoclean:bbc.co.uk', matches: ['*://*.bbc.co.uk/*', '*://bbc.co.uk/*'] }, // right (order does not matter)
      { id: 'autoclean:lemonde.fr', matches: ['*://lemonde.fr/*', '*://*.lemonde.fr/*'] }, // no longer wanted
      { id: 'someone-else', matches: ['<all_urls>'] }, // not ours
    ];
    const plan = planRegistration(existing, desired);
    expect(plan.unregister).toEqual(['autoclean:lemonde.fr']);
    expect(plan.register).toEqual([{ id: 'autoclean:127.0.0.1', matches: ['*://127.0.0.1/*'] }]);
    expect(
      planRegistration([...existing.slice(0, 1), { id: 'autoclean:127.0.0.1', matches: ['*://127.0.0.1/*'] }], desired),
    ).toEqual({ unregister: [], register: [] });
  });

  it('a registration with the wrong patterns is replaced', () => {
    const plan = planRegistration(
      [{ id: 'autoclean:bbc.co.uk', matches: ['*://bbc.co.uk/*'] }],
      desiredScripts(['bbc.co.uk']),
    );
    expect(plan.unregister).toEqual(['autoclean:bbc.co.uk']);
    expect(plan.register.map((r) => r.id)).toEqual(['autoclean:bbc.co.uk']);
  });
});

describe('permission check against granted origins', () => {
  it('reads Chrome/Firefox match patterns', () => {
    expect(patternCoversOrigin('*://*.bbc.co.uk/*', 'https', 'bbc.co.uk')).toBe(true);
    expect(patternCoversOrigin('*://*.bbc.co.uk/*', 'https', 'notbbc.co.uk')).toBe(false);
    expect(patternCoversOrigin('http://127.0.0.1/*', 'http', '127.0.0.1')).toBe(true);
    expect(patternCoversOrigin('http://127.0.0.1/*', 'https', '127.0.0.1')).toBe(false);
    expect(patternCoversOrigin('https://*/*', 'https', 'lemonde.fr')).toBe(true);
    expect(patternCoversOrigin('<all_urls>', 'http', 'lemonde.fr')).toBe(true);
  });

  it('a site is granted when some origin covers it; revoking its patterns makes it "needs permission"', () => {
    const origins = ['*://bbc.co.uk/*', '*://*.bbc.co.uk/*', 'http://127.0.0.1/*'];
    expect(siteGranted('bbc.co.uk', origins)).toBe(true);
    expect(siteGranted('127.0.0.1', origins)).toBe(true);
    expect(siteGranted('lemonde.fr', origins)).toBe(false);
    const s = on({ 'bbc.co.uk': 'always' });
    const after = siteRows(s, (site) => siteGranted(site, ['http://127.0.0.1/*'])).find((r) => r.site === 'bbc.co.uk')!;
    expect(after.status).toBe('needs-permission');
  });
});

describe('session rules', () => {
  it('a page is its URL without fragment and click-tracking parameters', () => {
    expect(pageKey('https://x.com/a/b?id=3&utm_source=tw&fbclid=1#comments')).toBe('https://x.com/a/b?id=3');
    expect(pageKey('https://x.com/a/b?utm_campaign=z')).toBe('https://x.com/a/b');
    expect(pageKey('about:blank')).toBeNull();
  });

  it('opens on always, offers on ask, and never reopens a page the user went back to the original on', () => {
    const url = 'https://www.bbc.co.uk/news/world-1';
    expect(decideAutoOpen({ enabled: true, mode: 'always', url, dismissed: [] })).toEqual({ action: 'open' });
    expect(decideAutoOpen({ enabled: true, mode: 'ask', url, dismissed: [] })).toEqual({ action: 'offer' });
    const dismissed = withDismissed([], url + '#top');
    expect(decideAutoOpen({ enabled: true, mode: 'always', url: url + '?utm_source=x', dismissed })).toEqual({
      action: 'skip',
      reason: 'dismissed',
    });
    expect(
      decideAutoOpen({ enabled: true, mode: 'always', url: 'https://www.bbc.co.uk/news/world-2', dismissed }),
    ).toEqual({ action: 'open' });
    expect(decideAutoOpen({ enabled: false, mode: 'always', url, dismissed: [] }).action).toBe('skip');
    expect(decideAutoOpen({ enabled: true, mode: 'never', url, dismissed: [] }).action).toBe('skip');
  });

  it('the dismissed list stays bounded, keeping the most recent pages', () => {
    let list: string[] = [];
    for (let i = 0; i < DISMISSED_LIMIT + 5; i++) list = withDismissed(list, `https://x.com/${i}`);
    expect(list).toHaveLength(DISMISSED_LIMIT);
    expect(list.at(-1)).toBe(`https://x.com/${DISMISSED_LIMIT + 4}`);
    expect(list.includes('https://x.com/0')).toBe(false);
  });
});

describe('options page permission flow (fake permissions.request)', () => {
  it('requests exactly the site’s origins synchronously, before saving, and saves only when granted', async () => {
    const calls: string[] = [];
    const deps = (answer: boolean) => ({
      request: (p: { origins: string[] }) => {
        calls.push(`request ${p.origins.join(' ')}`);
        return Promise.resolve(answer);
      },
      save: (site: string, mode: string) => {
        calls.push(`save ${site} ${mode}`);
        return Promise.resolve();
      },
    });
    const pending = chooseMode('bbc.co.uk', 'always', deps(true));
    // The request happened before chooseMode returned: still inside the click's task (the user gesture).
    expect(calls).toEqual(['request *://bbc.co.uk/* *://*.bbc.co.uk/*']);
    expect(await pending).toEqual({ saved: true, granted: true });
    expect(calls).toEqual(['request *://bbc.co.uk/* *://*.bbc.co.uk/*', 'save bbc.co.uk always']);

    calls.length = 0;
    expect(await chooseMode('lemonde.fr', 'ask', deps(false))).toEqual({ saved: false, reason: 'denied' });
    expect(calls).toEqual(['request *://lemonde.fr/* *://*.lemonde.fr/*']);

    calls.length = 0;
    await chooseMode('spiegel.de', 'never', deps(false));
    expect(calls).toEqual(['save spiegel.de never']); // "never" asks for nothing
  });

  it('one prompt for several sites asks for their union, nothing for none', async () => {
    const asked: string[][] = [];
    const request = (p: { origins: string[] }) => {
      asked.push(p.origins);
      return Promise.resolve(true);
    };
    await requestSites(['bbc.co.uk', '127.0.0.1', 'bbc.co.uk'], request);
    await requestSites([], request);
    expect(asked).toEqual([['*://bbc.co.uk/*', '*://*.bbc.co.uk/*', '*://127.0.0.1/*']]);
  });
});
