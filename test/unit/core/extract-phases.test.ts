/**
 * extract() in two phases (issue #24: the reader paints the article, then adds the related headlines):
 * extractArticle() then addRelated() over the same page read give exactly what extract() gives, the
 * first phase alone has everything but the related headlines, and its sanitized tree is the content.
 */
import { describe, expect, it } from 'vitest';
import { extract, extractArticle, extractArticleInSteps } from '../../../src/core/extract.js';
import { addRelated } from '../../../src/core/extract-related.js';
import { loadPage } from '../extract-fixture.js';

const SEED_URL = 'https://en.haberler.com/us-urges-haftar-led-forces-to-end-offensive-in-12618612/';
const opts = { url: SEED_URL, now: '2019-11-16T00:00:00Z', timeZone: 'UTC', locale: 'en-GB' };
const withoutTimings = <T extends { timings?: unknown }>(r: T): Omit<T, 'timings'> => {
  const { timings: _timings, ...rest } = r;
  return rest;
};

describe('extract in two phases', () => {
  it('the article first, its related headlines after: together the same result as extract()', () => {
    const whole = extract(loadPage('seed-haberler.html', SEED_URL), opts);
    const phased = extractArticle(loadPage('seed-haberler.html', SEED_URL), opts);

    expect(phased.result.related).toEqual([]);
    expect(phased.result.title).toBe(whole.title);
    expect(phased.result.dateline).toEqual(whole.dateline);
    expect(phased.result.content).toBe(whole.content);

    const related = addRelated(phased);
    expect(related).toHaveLength(14);
    expect(withoutTimings(phased.result)).toEqual(withoutTimings(whole));
    // Once: a second call returns the same list without reading the page again.
    expect(addRelated(phased)).toBe(related);
  });

  it('the sanitized tree the overlay adopts is the content, and adopting leaves it whole', () => {
    const doc = loadPage('seed-haberler.html', SEED_URL);
    const phased = extractArticle(doc, opts);
    const holder = doc.createElement('div');
    holder.append(doc.importNode(phased.body!, true));
    expect(holder.innerHTML).toBe(phased.result.content);
    expect(phased.body!.childNodes.length).toBeGreaterThan(0);
  });

  it('a refused page has no tree and nothing to relate', () => {
    const doc = loadPage('seed-haberler.html', SEED_URL);
    doc.documentElement.replaceChildren();
    const phased = extractArticle(doc, opts);
    expect(phased.result.error).toBeDefined();
    expect(phased.body).toBeNull();
    expect(addRelated(phased)).toEqual([]);
  });

  it('in steps (the reader on a click): the same result, the page given the main thread back between stages', async () => {
    const whole = extractArticle(loadPage('seed-haberler.html', SEED_URL), opts);
    // What the page does meanwhile (its input, its own tasks) runs at each pause; here it is counted.
    let pauses = 0;
    const dated: unknown[] = [];
    const stepped = await extractArticleInSteps(
      loadPage('seed-haberler.html', SEED_URL),
      opts,
      async () => {
        pauses++;
      },
      (times) => dated.push({ ...times, pausesSoFar: pauses }),
    );
    // Page read, dateline, clone, Readability, cleaning, sanitizer and the rest: seven steps, six pauses.
    expect(pauses).toBe(6);
    // The dateline's times as soon as they are found (after the page read), for the reader to format meanwhile.
    expect(dated).toEqual([{ published: '2019-11-15T13:42', modified: null, pausesSoFar: 1 }]);
    // Its line of text is left to the reader (no Intl object before the reader's first paint, issue #24).
    expect(whole.result.dateline.text).not.toBe('');
    expect(stepped.result.dateline.text).toBe('');
    stepped.result.dateline.text = whole.result.dateline.text;
    expect(withoutTimings(stepped.result)).toEqual(withoutTimings(whole.result));
    expect(addRelated(stepped)).toHaveLength(14);
  });
});
