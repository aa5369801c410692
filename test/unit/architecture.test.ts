/**
 * Structure enforced by a test (after refined-github's features.test.ts and defuddle's
 * check-no-innerhtml): the core stays pure so it runs in Node, in benchmarks and in the page;
 * only the shell touches extension APIs. "Only core/sanitize.ts turns untrusted HTML into DOM" is a
 * lint rule (eslint.config.mjs: no-unsanitized, plus no innerHTML/outerHTML write and no DOMPurify
 * import elsewhere).
 * The core is a pipeline of stages over one read of the page (issue #19): the stages never import
 * each other, only core/page parses the page's JSON-LD, and cue words live in one lexicon.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}
const rel = (f: string): string => path.relative(SRC, f);

describe('architecture', () => {
  it('src/core names no browser global and imports nothing outside the core and its libraries', () => {
    const offenders: string[] = [];
    for (const f of files(path.join(SRC, 'core'))) {
      const c = code(f);
      // String contents (import specifiers like './clone-document.js', messages) are not code.
      const bare = c.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
      const globals = bare.match(
        /\b(window|document|location|navigator|chrome|browser|localStorage|sessionStorage|indexedDB|fetch)\s*[.([]/g,
      );
      if (globals) offenders.push(`${rel(f)}: ${globals.join(', ')}`);
      for (const m of c.matchAll(/from\s+['"]([^'"]+)['"]/g)) {
        const spec = m[1]!;
        if (spec.startsWith('.') && !path.resolve(path.dirname(f), spec).startsWith(path.join(SRC, 'core')))
          offenders.push(`${rel(f)} imports ${spec}`);
        if (/webextension-polyfill|^dexie/.test(spec)) offenders.push(`${rel(f)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('only src/shell imports webextension-polyfill or names chrome.*', () => {
    const offenders = files(SRC)
      .filter((f) => !rel(f).startsWith('shell' + path.sep))
      .filter((f) => /webextension-polyfill|(?<![\w./-])chrome\.\w+/.test(code(f)))
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
          if (target !== e && entries.includes(target) && !(target === 'overlay'))
            offenders.push(`${rel(f)} imports ${m[1]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  describe('the core: stages over one read of the page', () => {
    const CORE = path.join(SRC, 'core');
    const STAGES = ['article', 'dateline', 'related', 'live'];
    /** Top folder (or file) under src/core that a relative import of `f` lands in. */
    const importsOf = (f: string): string[] =>
      [...code(f).matchAll(/from\s+['"](\.[^'"]+)['"]/g)].map((m) =>
        path.relative(CORE, path.resolve(path.dirname(f), m[1]!)),
      );
    const folderOf = (r: string): string => r.split(path.sep)[0]!.replace(/\.js$/, '.ts');

    // work.ts is the work tally tests read (issue #17): a counter every scan may add to, importing nothing.
    it('a stage imports only core/page, core/text, core/types.ts, core/sanitize.ts, core/work.ts and itself', () => {
      const offenders: string[] = [];
      for (const stage of STAGES) {
        for (const f of files(path.join(CORE, stage))) {
          for (const r of importsOf(f)) {
            const top = folderOf(r);
            const allowed = [stage, 'page', 'text', 'types.ts', 'sanitize.ts', 'work.ts'];
            if (!allowed.includes(top)) offenders.push(`${rel(f)} imports ${r}`);
          }
        }
      }
      expect(offenders).toEqual([]);
    });

    it('only extract.ts (with extract-related.ts, its second phase) and index.ts, the public face, import the stages; page/ and text/ import no stage', () => {
      const offenders: string[] = [];
      for (const f of files(CORE)) {
        const own = folderOf(path.relative(CORE, f));
        if (STAGES.includes(own) || ['extract.ts', 'extract-related.ts', 'index.ts'].includes(own)) continue;
        for (const r of importsOf(f)) {
          // Listen reads the finished article, after extract(); it reuses the dateline's stamp arithmetic.
          if (own === 'listen' && r === path.join('dateline', 'parse.js')) continue;
          if (STAGES.includes(folderOf(r))) offenders.push(`${rel(f)} imports ${r}`);
        }
      }
      for (const f of files(path.join(CORE, 'text'))) {
        for (const r of importsOf(f)) if (folderOf(r) !== 'text') offenders.push(`${rel(f)} imports ${r}`);
      }
      const extract = importsOf(path.join(CORE, 'extract.ts')).map(folderOf);
      for (const stage of STAGES) if (!extract.includes(stage)) offenders.push(`extract.ts does not conduct ${stage}/`);
      expect(offenders).toEqual([]);
    });

    it("only core/page/page-meta.ts parses JSON (the page's JSON-LD, once, for every stage)", () => {
      const offenders = files(CORE)
        .filter((f) => rel(f) !== path.join('core', 'page', 'page-meta.ts'))
        .filter((f) => /JSON\.parse\b/.test(code(f)))
        .map(rel);
      expect(offenders).toEqual([]);
    });

    /**
     * Cue words are data in core/text/lexicon/. Checkable two ways: the lexicon's exported names are
     * not declared again elsewhere in the core, and a few sentinel phrases, one or more per
     * vocabulary, appear in no code outside it (a second "Read also" list would carry "lire aussi").
     */
    it('cue vocabularies are defined only in core/text/lexicon/', () => {
      const LEXICON = path.join(CORE, 'text', 'lexicon');
      const exported = new Set<string>();
      for (const f of files(LEXICON)) {
        for (const m of code(f).matchAll(/export\s+(?:const|function|type|interface)\s+(\w+)/g)) exported.add(m[1]!);
      }
      expect(exported.size).toBeGreaterThan(10);
      const SENTINELS = [
        'lire aussi',
        'lees ook',
        'czytaj', // read-also
        'sponsorisé',
        'patrocinad',
        'ממומן', // paid labels
        'réservé aux abonnés',
        'riservato agli abbonati', // paywall
        'abonnez',
        'inscrivez', // newsletter
        'février',
        'setiembre',
        'września', // months
        '0966',
        '09e6', // digits (Devanagari, Bengali)
      ];
      const offenders: string[] = [];
      for (const f of files(CORE).filter((x) => !x.startsWith(LEXICON + path.sep))) {
        const c = code(f);
        for (const m of c.matchAll(/(?:const|let|function)\s+(\w+)/g)) {
          if (exported.has(m[1]!)) offenders.push(`${rel(f)} redefines ${m[1]}`);
        }
        const lower = c.toLowerCase();
        for (const w of SENTINELS) if (lower.includes(w)) offenders.push(`${rel(f)} spells the cue "${w}"`);
      }
      expect(offenders).toEqual([]);
    });

    it('every core folder opens with a one-paragraph header (index.ts doc comment or README.md)', () => {
      const dirs = (d: string): string[] =>
        readdirSync(d)
          .map((x) => path.join(d, x))
          .filter((x) => statSync(x).isDirectory())
          .flatMap((x) => [x, ...dirs(x)]);
      const missing = dirs(CORE)
        .filter((d) => {
          const readme = path.join(d, 'README.md');
          const index = path.join(d, 'index.ts');
          if (existsSync(readme)) return readFileSync(readme, 'utf8').trim().length < 80;
          return !existsSync(index) || !/^\/\*\*/.test(readFileSync(index, 'utf8'));
        })
        .map(rel);
      expect(missing).toEqual([]);
    });
  });
});
