/**
 * A small HTML → Markdown converter for sanitized article HTML (the tags Readability and the
 * sanitizer leave: headings, paragraphs, links, images, lists, quotes, code, figures, tables).
 * Written here rather than pulling in turndown: article HTML is already clean, and this walks any
 * DOM (the library page's, or jsdom in tests) with no parser of its own.
 */

const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'MAIN',
  'ASIDE',
  'NAV',
  'FIGURE',
  'FIGCAPTION',
  'TABLE',
  'UL',
  'OL',
  'PRE',
  'BLOCKQUOTE',
  'HR',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'DL',
  'DT',
  'DD',
  'DETAILS',
  'SUMMARY',
  'ADDRESS',
]);

/**
 * Escapes characters Markdown would read as syntax inside running text: `<` (raw HTML, autolinks),
 * `&` (entities), emphasis, code, links, `~` (strikethrough, ~~~ fences). Page text is only ever text.
 */
export function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]<>&~])/g, '\\$1');
}

/** One line of page text as Markdown text: whitespace (line breaks included) collapsed, then escaped. */
export function escapeLine(text: string): string {
  return escapeText(text.replace(/\s+/g, ' ').trim());
}

/** Heading text: a trailing `#` would be read as the heading's closing sequence and dropped. */
export function headingText(text: string): string {
  return text.replace(/#(\s*)$/, '\\#$1');
}

/** The longest run of `ch` in `text`. */
function longestRun(text: string, ch: string): number {
  let best = 0;
  for (const m of text.matchAll(new RegExp(`${ch}+`, 'g'))) best = Math.max(best, m[0].length);
  return best;
}

/**
 * Inline code that no content can close early: a backtick fence longer than any backtick run inside,
 * on one line (a blank line would end the paragraph, and with it the code span), padded with a
 * space when the content starts or ends with a backtick or a space (CommonMark strips one each side).
 */
function codeSpan(text: string): string {
  const s = text.replace(/[\r\n]+/g, ' ');
  if (!s) return '';
  const fence = '`'.repeat(longestRun(s, '`') + 1);
  const pad = /^[` ]|[` ]$/.test(s) ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A fenced code block no line of the code can close: backticks, longer than any run inside (≥ 3). */
function codeBlock(code: string): string {
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  return `${fence}\n${code.replace(/\n$/, '')}\n${fence}`;
}

/** Escapes what would start a block at the beginning of a line ("1. ", "# ", "- ", "> "). */
function escapeLineStarts(block: string): string {
  return block.replace(
    /^(\s*)(#{1,6}\s|[-+]\s|>|\d+)(\.\s)?/gm,
    (m, sp: string, mark: string, dot: string | undefined) => {
      if (/^\d+$/.test(mark)) return dot ? `${sp}${mark}\\${dot}` : m;
      return `${sp}\\${mark}${dot ?? ''}`;
    },
  );
}

/**
 * A link target Markdown reads whole: parentheses, spaces, controls, backslashes (escapes), `<`, `>`
 * and the other characters URLs never carry raw are percent-encoded. A target that failed to parse
 * would leave the link's text and target on the page as plain Markdown.
 */
export function markdownUrl(href: string): string {
  return href.replace(
    /[()\s\\<>"'`{}|^\x00-\x1f\x7f]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

interface Ctx {
  /** Inside <pre>: keep whitespace. */
  pre: boolean;
}

/** Markdown's longest ordered-list start (9 digits); beyond it, or below 0, the line is not a list item. */
const MAX_LIST_START = 999_999_999;

function inline(node: Node, ctx: Ctx): string {
  if (node.nodeType === 3) {
    const t = node.nodeValue ?? '';
    return ctx.pre ? t : escapeText(t.replace(/\s+/g, ' '));
  }
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const kids = (): string =>
    Array.from(el.childNodes)
      .map((c) => inline(c, ctx))
      .join('');
  switch (el.tagName) {
    case 'BR':
      return '  \n';
    case 'STRONG':
    case 'B': {
      const s = kids().trim();
      return s ? `**${s}**` : '';
    }
    case 'EM':
    case 'I': {
      const s = kids().trim();
      return s ? `*${s}*` : '';
    }
    case 'CODE':
      return codeSpan(el.textContent ?? '');
    // A <pre> inside inline content (a link, emphasis, a heading, a table cell) cannot be a fenced block:
    // whatever precedes it on the line would stop the fence from opening, leaving the code as raw text.
    case 'PRE':
      return codeSpan(el.textContent ?? '');
    case 'A': {
      const s = kids().trim();
      const href = el.getAttribute('href');
      return href && s ? `[${s}](${markdownUrl(href)})` : s;
    }
    case 'IMG': {
      const src = el.getAttribute('src');
      return src ? `![${escapeLine(el.getAttribute('alt') ?? '')}](${markdownUrl(src)})` : '';
    }
    default:
      return BLOCK.has(el.tagName) ? `\n\n${blocks(el, ctx)}\n\n` : kids();
  }
}

function list(el: Element, ctx: Ctx): string {
  const ordered = el.tagName === 'OL';
  let n = Number(el.getAttribute('start') ?? '1') || 1;
  return Array.from(el.children)
    .filter((li) => li.tagName === 'LI')
    .map((li) => {
      const marker = ordered ? `${Math.min(Math.max(n++, 0), MAX_LIST_START)}. ` : '- ';
      const body = blocks(li, ctx).trim();
      return marker + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
    })
    .join('\n');
}

function table(el: Element, ctx: Ctx): string {
  const rows = Array.from(el.querySelectorAll('tr')).map((tr) =>
    Array.from(tr.children).map((c) =>
      Array.from(c.childNodes)
        .map((n) => inline(n, ctx))
        .join('')
        .trim()
        .replace(/\|/g, '\\|')
        .replace(/\n+/g, ' '),
    ),
  );
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (r: string[]): string => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), line(Array.from({ length: width }, () => '---')), ...rows.slice(1).map(line)].join('\n');
}

/** Converts the children of `el` into Markdown blocks separated by blank lines. */
function blocks(el: Element, ctx: Ctx): string {
  const out: string[] = [];
  let run = '';
  const flush = (): void => {
    const t = run.replace(/[ \t]+\n/g, (m) => (m.startsWith('  ') ? '  \n' : '\n')).trim();
    // Running text is where "1. " or "# " would be misread as syntax: escape it here, once.
    if (t)
      out.push(
        ...t
          .split(/\n{2,}/)
          .map((b) => escapeLineStarts(b.trim()))
          .filter(Boolean),
      );
    run = '';
  };
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType !== 1 || !BLOCK.has((child as Element).tagName)) {
      run += inline(child, ctx);
      continue;
    }
    flush();
    const c = child as Element;
    const tag = c.tagName;
    if (/^H[1-6]$/.test(tag)) {
      const text = Array.from(c.childNodes)
        .map((n) => inline(n, ctx))
        .join('')
        .replace(/\s+/g, ' ')
        .trim();
      if (text) out.push(`${'#'.repeat(Number(tag[1]))} ${headingText(text)}`);
    } else if (tag === 'UL' || tag === 'OL') out.push(list(c, ctx));
    else if (tag === 'BLOCKQUOTE') {
      const q = blocks(c, ctx).trim();
      if (q)
        out.push(
          q
            .split('\n')
            .map((l) => (l ? `> ${l}` : '>'))
            .join('\n'),
        );
    } else if (tag === 'PRE') {
      out.push(codeBlock(c.textContent ?? ''));
    } else if (tag === 'HR') out.push('---');
    else if (tag === 'TABLE') out.push(table(c, ctx));
    else if (tag === 'FIGCAPTION') {
      // In italics when it is one line; a caption of several blocks (a code block among them) stays as it is.
      const cap = blocks(c, ctx).trim();
      if (cap) out.push(cap.includes('\n') ? cap : `*${cap}*`);
    } else {
      const inner = blocks(c, ctx).trim();
      if (inner) out.push(inner);
    }
  }
  flush();
  return out.join('\n\n');
}

/** Markdown for the children of `root` (typically the body of an inert document). */
export function htmlToMarkdown(root: Element): string {
  return (
    blocks(root, { pre: false })
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}
