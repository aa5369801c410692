/**
 * The tripwire on FastReadability's pin (src/core/article/readability-fast.ts). FastReadability
 * overrides private methods of @mozilla/readability: six reordered copies of upstream checks and
 * six wrappers, and its start-over protocol relies on what parse() does around _grabArticle and
 * on the three preparation steps it replays (_unwrapNoscriptImages, _removeScripts, _prepDocument).
 * An upgrade that changes any of them may change what FastReadability decides, or silently turn an
 * override into dead code (a renamed method). So this test holds a hash of the source of each such
 * upstream method as of the version the patch was written against, and fails, naming the method,
 * when the installed package differs. Equality of results is tested in readability-fast.test.ts.
 *
 * After re-checking FastReadability against the new upstream source, update UPSTREAM below with
 * the hashes this test prints.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { FastReadability } from '../../src/core/article/readability-fast.js';

/** The version the patch was written against, and sha256 (first 16 hex digits) of each method's source. */
const VERSION = '0.6.0';
const UPSTREAM: Record<string, { hash: string; why: string }> = {
  _isValidByline: { hash: '9cf9dbce082290f6', why: 'rewritten (reordered copy)' },
  _isProbablyVisible: { hash: 'e9daf2ed0ba6a1c5', why: 'rewritten (reordered copy)' },
  _isElementWithoutContent: { hash: 'fd87e9b386b6e7ad', why: 'rewritten (reordered copy)' },
  _isPhrasingContent: { hash: 'c5fb9535e3a74636', why: 'rewritten (reordered copy)' },
  _hasChildBlockElement: { hash: 'cf7981226e68c7db', why: 'rewritten (reordered copy)' },
  _getCharCount: { hash: '28efa7968eba687e', why: 'rewritten (reordered copy)' },
  _grabArticle: { hash: '56a294c242749917', why: 'wrapped: its page.innerHTML snapshot is made on demand' },
  _postProcessContent: { hash: '28a3bf7155a03f33', why: 'wrapped: ends the "Grabbed:" log shortcut' },
  _cleanConditionally: { hash: 'b68baef74bdf19aa', why: 'wrapped: per-judgement text memo' },
  _removeNodes: { hash: 'ae80dbbed997c478', why: 'wrapped: per-judgement text memo' },
  _getInnerText: { hash: 'ecd0da6a46e638da', why: 'wrapped: per-judgement text memo' },
  _getLinkDensity: { hash: 'db1283dc0de3a1d5', why: 'wrapped: no links, no text built' },
  parse: {
    hash: 'd1a7ff3d24ee465f',
    why: 'calls _grabArticle then logs articleContent.innerHTML, which FastReadability shortcuts',
  },
  _unwrapNoscriptImages: { hash: 'c41d6e2aa5f93a30', why: 'replayed on a start-over (restorePreparedBody)' },
  _removeScripts: { hash: '9b3fc1bafb979d06', why: 'replayed on a start-over (restorePreparedBody)' },
  _prepDocument: { hash: 'df9fc75a3d671dd6', why: 'replayed on a start-over (restorePreparedBody)' },
};

const upstream = Readability.prototype as unknown as Record<string, unknown>;
const hashOf = (f: unknown): string => createHash('sha256').update(String(f)).digest('hex').slice(0, 16);
/** The methods FastReadability defines over Readability's (its own helpers have no leading underscore). */
const overridden = Object.getOwnPropertyNames((FastReadability as unknown as { prototype: object }).prototype).filter(
  (n) => n.startsWith('_'),
);

describe("FastReadability's pin on @mozilla/readability", () => {
  it(`the installed package is ${VERSION}, as package.json pins it`, () => {
    const pkgDir = path.dirname(require.resolve('@mozilla/readability/package.json'));
    const installed = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    const pinned = (
      JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
        dependencies: Record<string, string>;
      }
    ).dependencies['@mozilla/readability'];
    expect(
      pinned,
      'package.json must pin @mozilla/readability exactly: FastReadability overrides its private methods',
    ).toBe(VERSION);
    expect(installed.version).toBe(VERSION);
  });

  it('every method FastReadability overrides exists upstream (a renamed one would be dead code)', () => {
    expect(overridden.length).toBe(12);
    const missing = overridden.filter((n) => typeof upstream[n] !== 'function');
    expect(
      missing,
      `Readability ${VERSION} no longer has ${missing.join(', ')}: FastReadability's override would never run; re-check src/core/article/readability-fast.ts`,
    ).toEqual([]);
    const unlisted = overridden.filter((n) => !(n in UPSTREAM));
    expect(
      unlisted,
      `FastReadability overrides ${unlisted.join(', ')}, which this tripwire does not watch: add its upstream hash to UPSTREAM`,
    ).toEqual([]);
  });

  it.each(Object.keys(UPSTREAM))('upstream %s is the source FastReadability was written against', (name) => {
    const got = hashOf(upstream[name]);
    expect(
      got,
      `Readability changed ${name} (${UPSTREAM[name]!.why}): re-check FastReadability (src/core/article/readability-fast.ts) against the new source, run test/unit/core/article/readability-fast.test.ts and \`npm run test:corpus\`, then set its hash here to ${got}`,
    ).toBe(UPSTREAM[name]!.hash);
  });
});
