/**
 * The page's declared metadata, read once: <meta> tags (name/property/itemprop → content) and the
 * JSON-LD, parsed here and nowhere else in the core (one lenient-retry rule for every stage: the
 * dateline, the related headlines and the article all read these blocks). Kept both as parsed
 * blocks (each stage walks them its own way) and as flattened nodes (out of arrays, @graph and
 * mainEntity). Cheap and standalone (no Readability), because detect.ts, which the auto-clean
 * detector bundles, reads it too. Never throws: broken JSON-LD and odd markup are the rule on real pages.
 */

export type JsonLdNode = Record<string, unknown>;

/** One <script type="application/ld+json">: its text, and its value when it parsed. */
export interface JsonLdBlock {
  text: string;
  root: unknown;
}

export interface PageMeta {
  /** Lower-cased name/property/itemprop → first non-empty content. */
  meta: Map<string, string>;
  /** Every JSON-LD object that has an @type (nested ones included), in document order. */
  jsonLd: JsonLdNode[];
  /** Every JSON-LD block in document order; `root` is undefined when it did not parse (or is over the cap). */
  jsonLdBlocks: JsonLdBlock[];
}

const MAX_JSON_LD_CHARS = 400_000;

function flatten(v: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > 8 || v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) flatten(x, out, depth + 1);
    return;
  }
  const o = v as JsonLdNode;
  if (o['@type'] !== undefined) out.push(o);
  if (o['@graph'] !== undefined) flatten(o['@graph'], out, depth + 1);
  if (o.mainEntity !== undefined && typeof o.mainEntity === 'object') flatten(o.mainEntity, out, depth + 1);
  if (o.mainEntityOfPage !== undefined && typeof o.mainEntityOfPage === 'object')
    flatten(o.mainEntityOfPage, out, depth + 1);
}

/**
 * One JSON-LD block's value, or undefined. Some CMSs leave raw control characters (newlines, tabs,
 * U+000B) in strings or trailing commas: one lenient retry without them, then give up on the block.
 */
function parseJsonLd(raw: string): unknown {
  const text = raw.trim();
  if (!text || text.length > MAX_JSON_LD_CHARS) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const lenient = text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(lenient);
    } catch {
      return undefined;
    }
  }
}

export function readPageMeta(doc: Document): PageMeta {
  const meta = new Map<string, string>();
  // <meta> lives in <head> on nearly every page, but some CMSs print it in <body>; one pass over all.
  // Static lists (querySelectorAll of a tag name, fast in every DOM): jsdom reads each item of a live
  // collection in time proportional to its length, so iterating one is quadratic (issue #17).
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const content = m.getAttribute('content')?.trim();
    if (key && content && !meta.has(key)) meta.set(key, content);
    const equiv = m.getAttribute('http-equiv')?.trim().toLowerCase();
    if (equiv && content && !meta.has(`http-equiv:${equiv}`)) meta.set(`http-equiv:${equiv}`, content);
  }
  const jsonLd: JsonLdNode[] = [];
  const jsonLdBlocks: JsonLdBlock[] = [];
  // A tag name, not querySelectorAll('script[type=…]'): attribute selectors are slow in jsdom.
  for (const s of Array.from(doc.querySelectorAll('script'))) {
    if ((s.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    const text = s.textContent ?? '';
    const root = parseJsonLd(text);
    jsonLdBlocks.push({ text, root });
    flatten(root, jsonLd, 0);
  }
  return { meta, jsonLd, jsonLdBlocks };
}

/** The node's @type values as plain names ("NewsArticle", not "schema:NewsArticle" or a URL). */
export function typesOf(node: JsonLdNode): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/:#]/, ''));
}

/** A string property, or the `name` of an object property, trimmed; null otherwise. */
export function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const name = (v as JsonLdNode).name;
    if (typeof name === 'string') return name.trim() || null;
  }
  return null;
}
