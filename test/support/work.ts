/**
 * A deterministic measure of how much work a piece of code does on a DOM, for tests that must show
 * "bounded" without a clock (a clock fails on a loaded machine and proves nothing on a fast one).
 *
 * countDomWork(window, fn) runs fn with every DOM API of that window counted: each call of a method
 * or getter on Node, Element, Document, CharacterData, HTMLElement, NodeList, HTMLCollection,
 * TreeWalker and NodeIterator is one `call`, and every string such a getter or method returns
 * (textContent, innerHTML, getAttribute, …) adds its length to `chars`. jsdom's own internals do
 * not go through these prototypes, so the counts are the calls made by the code under test (our
 * core, Readability, DOMPurify): an accidental quadratic walk shows up as calls growing with the
 * square of the page, a repeated whole-subtree read as chars doing so.
 *
 * The counts are exact and the same on every machine and under any load.
 */
export interface Work {
  calls: number;
  chars: number;
}

type Win = Window & typeof globalThis;
const INTERFACES = [
  'Node',
  'Element',
  'Document',
  'CharacterData',
  'HTMLElement',
  'NodeList',
  'HTMLCollection',
  'TreeWalker',
  'NodeIterator',
  'Attr',
  'NamedNodeMap',
  'DOMTokenList',
];

let current: Work | null = null;

function count(result: unknown): void {
  if (!current) return;
  current.calls++;
  if (typeof result === 'string') current.chars += result.length;
}

export function countDomWork<T>(win: Win, fn: () => T): { result: T; work: Work } {
  const restore: Array<() => void> = [];
  const work: Work = { calls: 0, chars: 0 };
  for (const name of INTERFACES) {
    const proto = (win as unknown as Record<string, { prototype?: object } | undefined>)[name]?.prototype;
    if (!proto) continue;
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor') continue;
      const d = Object.getOwnPropertyDescriptor(proto, key)!;
      if (!d.configurable) continue;
      if (d.get) {
        const get = d.get;
        Object.defineProperty(proto, key, {
          ...d,
          get(this: unknown) {
            const r = get.call(this);
            count(r);
            return r;
          },
        });
      } else if (typeof d.value === 'function') {
        const f = d.value as (...a: unknown[]) => unknown;
        Object.defineProperty(proto, key, {
          ...d,
          value: function (this: unknown, ...a: unknown[]) {
            const r = f.apply(this, a);
            count(r);
            return r;
          },
        });
      } else continue;
      restore.push(() => Object.defineProperty(proto, key, d));
    }
  }
  const outer = current;
  current = work;
  try {
    return { result: fn(), work };
  } finally {
    current = outer;
    for (const r of restore) r();
  }
}
