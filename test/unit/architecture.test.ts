/**
 * Structure enforced by a test (after refined-github's features.test.ts and defuddle's
 * check-no-innerhtml): the core stays pure so it runs in Node, in benchmarks and in the page;
 * only the shell touches extension APIs. "Only core/sanitize.ts turns untrusted HTML into DOM" is a lint rule
 * (eslint.config.mjs: no-unsanitized, plus no innerHTML/outerHTML write and no DOMPurify import elsewhere).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}
/** Source without comments and string contents' noise, so a "why" comment can name a global. */
function code(file: string): string {
  return readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}
const rel = (f: string): string => path.relative(SRC, f);

describe('architecture', () => {
  it('src/core names no browser global and imports nothing outside the core and its libraries', () => {
    const offenders: string[] = [];
    for (const f of files(path.join(SRC, 'core'))) {
      const c = code(f);
      // String contents (import specifiers like './clone-document.js', messages) are not code.
      const bare = c.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
      const globals = bare.match(/\b(window|document|location|navigator|chrome|browser|localStorage|sessionStorage|indexedDB|fetch)\s*[.([]/g);
      if (globals) offenders.push(`${rel(f)}: ${globals.join(', ')}`);
      for (const m of c.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (spec.startsWith('.') && !path.resolve(path.dirname(f), spec).startsWith(path.join(SRC, 'core'))) offenders.push(`${rel(f)} imports ${spec}`);
        if (/webextension-polyfill|^dexie/.test(spec)) offenders.push(`${rel(f)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('only src/shell imports webextension-polyfill or names chrome.*', () => {
    const offenders = files(SRC)
      .filter((f) => !rel(f).startsWith('shell' + path.sep))
      .filter((f) => /webextension-polyfill|\bchrome\.\w+/.test(code(f)))
      .map(rel);
    expect(offenders).toEqual([]);
  });

  it('entry points never import each other', () => {
    const entries = ['background', 'content', 'overlay', 'library', 'options', 'detector'];
    const offenders: string[] = [];
    for (const e of entries) {
      for (const f of files(path.join(SRC, e)).filter(Boolean)) {
        for (const m of code(f).matchAll(/from\s+['"](\.[^'"]+)['"]/g)) {
          const target = path.relative(SRC, path.resolve(path.dirname(f), m[1]!)).split(path.sep)[0]!;
          // the overlay is a UI module the content script and the library both mount; that is its purpose
          if (target !== e && entries.includes(target) && !(target === 'overlay')) offenders.push(`${rel(f)} imports ${m[1]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
