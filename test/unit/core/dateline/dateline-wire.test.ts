/**
 * Wire datelines: place and agency read off the opening of a story, and lifted out of the article
 * copy so the first sentence reads cleanly — without ever eating a normal sentence.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { parseWireDateline } from '../../../../src/core/dateline/wire.js';
import { liftWireDateline } from '../../../../src/core/dateline/index.js';

describe('parseWireDateline', () => {
  it.each([
    ['WASHINGTON (AP) — The U.S. on Friday called on forces to halt.', 'Washington', 'AP'],
    ['LONDON, March 3 (Reuters) - British lawmakers voted on Tuesday to approve.', 'London', 'Reuters'],
    ['Berlin (dpa) - Die Bundesregierung hat am Mittwoch beschlossen.', 'Berlin', 'dpa'],
    ['PARIS (AFP) – Le gouvernement a annoncé mardi une nouvelle réforme.', 'Paris', 'AFP'],
    ['SPRINGFIELD — The city council voted 7-2 on Tuesday night.', 'Springfield', null],
    ['SPRINGFIELD, Ill. (AP) — The governor signed the bill on Monday.', 'Springfield, Ill.', 'AP'],
    ['NEW YORK (Reuters) - Stocks rose on Wall Street on Friday.', 'New York', 'Reuters'],
    ["RIO DE JANEIRO (AP) — Brazil's president said on Monday.", 'Rio de Janeiro', 'AP'],
    ['Frankfurt/Main (dpa/lhe) - Der Flughafen meldet mehr Passagiere.', 'Frankfurt/Main', 'dpa/lhe'],
    ['القاهرة - افتتحت الحكومة المصرية اليوم المتحف الكبير.', 'القاهرة', null],
  ])('%s', (text, place, agency) => {
    expect(parseWireDateline(text)).toMatchObject({ place, agency });
  });

  it.each([
    'Washington is preparing for a long winter of budget fights.',
    'The U.S. on Friday called on forces to halt their offensive.',
    'Berlin – die Stadt, die niemals schläft, feiert.',
    'UPDATE — This story has been corrected.',
    'Good news: the bridge is open again after months of work.',
    'NASA said on Tuesday that the launch would be delayed.',
  ])('leaves a normal sentence alone: %s', (text) => {
    expect(parseWireDateline(text)).toBeNull();
  });
});

describe('liftWireDateline', () => {
  const lift = (html: string): { result: ReturnType<typeof liftWireDateline>; html: string } => {
    const doc = new JSDOM(`<div id="root">${html}</div>`).window.document;
    const root = doc.getElementById('root')!;
    const result = liftWireDateline(root);
    return { result, html: root.innerHTML };
  };

  it('lifts the prefix off the first paragraph, across inline markup', () => {
    const out = lift(
      '<p><strong>WASHINGTON</strong> (AP) — The U.S. on Friday called on forces to halt.</p><p>Second.</p>',
    );
    expect(out.result).toEqual({ place: 'Washington', agency: 'AP' });
    expect(out.html).toBe('<p>The U.S. on Friday called on forces to halt.</p><p>Second.</p>');
  });

  it('capitalises the opening word left behind', () => {
    const out = lift('<p>LONDON, March 3 (Reuters) - shares fell sharply in early trading on Tuesday.</p>');
    expect(out.html).toBe('<p>Shares fell sharply in early trading on Tuesday.</p>');
  });

  it('changes nothing when the story opens with a normal sentence', () => {
    const html = '<p>Washington is preparing for a long winter of budget fights.</p>';
    const out = lift(html);
    expect(out.result).toBeNull();
    expect(out.html).toBe(html);
  });
});

describe('in the extraction pipeline', () => {
  it('extract() reports place and agency and the article opens with the sentence, not the dateline', async () => {
    const { extract } = await import('../../../../src/core/extract.js');
    const body = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Paragraph ${i + 2} of the story goes on about the talks and what the envoys said after the meeting ended late.</p>`,
    ).join('');
    const doc = new JSDOM(
      `<!DOCTYPE html><html lang="en"><head><title>US urges end to offensive</title>
      <meta property="article:published_time" content="2019-11-15T13:42:00+03:00"></head><body><article><h1>US urges end to offensive</h1>
      <p>WASHINGTON (AP) — The U.S. on Friday called on Libyan National Army forces to halt their offensive in the war-torn country.</p>${body}</article></body></html>`,
      { url: 'https://example.com/news/us-urges' },
    ).window.document;
    const r = extract(doc, {
      url: 'https://example.com/news/us-urges',
      now: '2019-11-16T00:00:00Z',
      locale: 'en-GB',
      timeZone: 'Europe/London',
    });
    expect(r.dateline).toMatchObject({
      published: '2019-11-15T13:42+03:00',
      place: 'Washington',
      agency: 'AP',
      source: 'meta',
    });
    expect(r.dateline.text).toBe('Washington · 15 Nov 2019, 13:42 UTC+3 (10:42 your time)');
    expect(r.textContent).toContain('The U.S. on Friday called on');
    expect(r.textContent).not.toContain('WASHINGTON (AP)');
  });
});
