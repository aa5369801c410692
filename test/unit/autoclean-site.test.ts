/**
 * Domain matching of auto-clean (issue #6): a site covers itself and its subdomains, decided on the
 * URL's parsed host only, with the Public Suffix List deciding what a "site" can be. The traps are
 * the ones that would make auto-clean run where the user never asked for it.
 */
import { describe, expect, it } from 'vitest';
import { domainToUnicode } from 'node:url';
import { displaySite, findSite, parseSite, siteCoversUrl, siteOfUrl, sitePatterns } from '../../src/autoclean/site.js';
import { decodeLabel, toUnicode } from '../../src/autoclean/punycode.js';

const site = (s: string): string => {
  const p = parseSite(s);
  if (!p.ok) throw new Error(`${s}: ${p.reason}`);
  return p.site;
};

describe('siteCoversUrl', () => {
  it('bbc.co.uk covers itself and its subdomains, on any scheme and port', () => {
    for (const url of [
      'https://bbc.co.uk/',
      'https://www.bbc.co.uk/news/world-1',
      'http://news.bbc.co.uk:8080/x',
      'https://WWW.BBC.CO.UK./news',
    ]) {
      expect(siteCoversUrl('bbc.co.uk', url), url).toBe(true);
    }
  });

  it('does not cover look-alikes, suffix tricks, or URLs that only mention the site', () => {
    for (const url of [
      'https://notbbc.co.uk/news',
      'https://bbc.co.uk.evil.com/news',
      'https://evil.com/?u=bbc.co.uk',
      'https://evil.com/bbc.co.uk/news',
      'https://evil.com/#bbc.co.uk',
      'https://bbc.co.uk@evil.com/news', // userinfo: the host is evil.com
      'https://co.uk/',
      'ftp://bbc.co.uk/file',
      'javascript:alert("bbc.co.uk")',
      'not a url',
    ]) {
      expect(siteCoversUrl('bbc.co.uk', url), url).toBe(false);
    }
  });

  it('an IP covers itself on any port, never a host that merely starts or ends with it', () => {
    expect(siteCoversUrl('127.0.0.1', 'http://127.0.0.1:5173/2019/story/')).toBe(true);
    expect(siteCoversUrl('127.0.0.1', 'http://127.0.0.1/')).toBe(true);
    expect(siteCoversUrl('127.0.0.1', 'http://127.0.0.10/')).toBe(false);
    expect(siteCoversUrl('127.0.0.1', 'http://x.127.0.0.1.nip.io/')).toBe(false);
  });

  it('IDNs match in either spelling: the unicode name and its punycode are one site', () => {
    const s = site('süddeutsche.de');
    expect(s).toBe('xn--sddeutsche-9db.de');
    expect(site('xn--sddeutsche-9db.de')).toBe(s);
    expect(siteCoversUrl(s, 'https://www.süddeutsche.de/politik/artikel-1')).toBe(true);
    expect(siteCoversUrl(s, 'https://www.xn--sddeutsche-9db.de/politik/artikel-1')).toBe(true);
    // an ASCII site is not its unicode look-alike, and vice versa
    expect(siteCoversUrl('spiegel.de', 'https://www.spiegel.de/politik/')).toBe(true);
    expect(siteCoversUrl('spiegel.de', 'https://www.spıegel.de/politik/')).toBe(false); // dotless ı
    expect(siteCoversUrl(site('spıegel.de'), 'https://www.spiegel.de/')).toBe(false);
  });
});

describe('parseSite (what users type or paste)', () => {
  it('normalises names, www., wildcards, URLs, ports and case to one canonical site', () => {
    for (const input of [
      'bbc.co.uk',
      'www.bbc.co.uk',
      'BBC.co.uk',
      '*.bbc.co.uk',
      'https://www.bbc.co.uk/news?x=1#y',
      'bbc.co.uk.',
      '  bbc.co.uk  ',
      'bbc.co.uk:443',
    ]) {
      expect(site(input), input).toBe('bbc.co.uk');
    }
    expect(site('http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    // a deeper subdomain stays as typed: it is narrower than the registrable domain, which is the user's call
    expect(site('edition.cnn.com')).toBe('edition.cnn.com');
  });

  it('refuses public suffixes (ICANN and private), single labels and non-web input, saying why', () => {
    for (const input of [
      'co.uk',
      'com.au',
      'com',
      'github.io',
      'blogspot.com',
      'localhost',
      'ftp://x.com',
      'javascript:alert(1)',
      'mailto:a@b.com',
      'two words.com',
      '-bad.com',
      'a..b.com',
      '',
      'http://',
    ]) {
      const p = parseSite(input);
      expect(p.ok, input).toBe(false);
      if (!p.ok) expect(p.reason.length, input).toBeGreaterThan(3);
    }
  });

  it('accepts registrable names under multi-label public suffixes', () => {
    expect(site('www.news.com.au')).toBe('news.com.au');
    expect(site('abc.net.au')).toBe('abc.net.au');
    expect(site('someone.github.io')).toBe('someone.github.io');
  });
});

describe('siteOfUrl (the site named in "Always clean <site>")', () => {
  it('is the registrable domain per the Public Suffix List', () => {
    expect(siteOfUrl('https://www.bbc.co.uk/news/world-1')).toBe('bbc.co.uk');
    expect(siteOfUrl('https://www.theage.com.au/national/x.html')).toBe('theage.com.au');
    expect(siteOfUrl('https://en.haberler.com/us-urges-12618612/')).toBe('haberler.com');
    expect(siteOfUrl('http://127.0.0.1:4000/a')).toBe('127.0.0.1');
    expect(siteOfUrl('chrome://extensions')).toBeNull();
  });
});

describe('findSite', () => {
  it('picks the most specific entry covering the URL', () => {
    expect(findSite(['cnn.com', 'edition.cnn.com'], 'https://edition.cnn.com/2024/x')).toBe('edition.cnn.com');
    expect(findSite(['cnn.com', 'edition.cnn.com'], 'https://www.cnn.com/2024/x')).toBe('cnn.com');
    expect(findSite(['cnn.com'], 'https://cnn.com.evil.net/')).toBeNull();
  });
});

describe('sitePatterns', () => {
  it('asks for exactly the site and its subdomains, http and https; IPs without a wildcard', () => {
    expect(sitePatterns('bbc.co.uk')).toEqual(['*://bbc.co.uk/*', '*://*.bbc.co.uk/*']);
    expect(sitePatterns('127.0.0.1')).toEqual(['*://127.0.0.1/*']);
  });
});

describe('punycode display', () => {
  it('decodes like Node’s own IDNA decoder', () => {
    for (const h of [
      'xn--sddeutsche-9db.de',
      'xn--p1ai',
      'xn--fiqs8s',
      'xn--zckzah.jp',
      'www.xn--mnchen-3ya.de',
      'xn--80ak6aa92e.com',
      'bbc.co.uk',
    ]) {
      expect(toUnicode(h), h).toBe(domainToUnicode(h));
    }
    expect(displaySite('xn--sddeutsche-9db.de')).toBe('süddeutsche.de');
  });

  it('leaves a malformed label as it is instead of throwing', () => {
    expect(toUnicode('xn--a-ecp.xn--!!.de')).toBe(`${decodeLabel('a-ecp')}.xn--!!.de`);
    expect(() => decodeLabel('!!')).toThrow();
  });
});

import { siteLabel } from '../../src/autoclean/site-label.js';

describe('siteLabel (the overlay’s button label, without the PSL)', () => {
  it('agrees with the PSL on every starter site’s registrable domain and on the seed page', async () => {
    const { STARTER_SITES } = await import('../../src/autoclean/starter-list.js');
    const disagree = STARTER_SITES.map((s) => `https://www.${s.site}/2024/story`)
      .filter((url) => siteLabel(url) !== siteOfUrl(url))
      .map((url) => `${url}: ${siteLabel(url)} vs ${siteOfUrl(url)}`);
    expect(disagree).toEqual([]);
    expect(siteLabel('https://en.haberler.com/us-urges-12618612/')).toBe('haberler.com');
    expect(siteLabel('http://127.0.0.1:4000/x')).toBe('127.0.0.1');
    expect(siteLabel('about:blank')).toBeNull();
  });
});
