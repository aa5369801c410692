/**
 * One saved article as Markdown with YAML front matter (title, url, published, place, byline,
 * site, saved), for notes apps. Images stay links to the publisher: a Markdown file has nowhere
 * to keep bytes (the standalone HTML export inlines them).
 */
import type { FullArticle } from './record.js';
import { escapeLine, headingText, htmlToMarkdown, markdownUrl } from './html-to-markdown.js';
import { inertArticle } from './inert-html.js';

/**
 * A YAML scalar: a JSON string is a YAML double-quoted scalar, and with every character outside printable
 * ASCII written as \uXXXX it stays one line in any YAML version (1.1 also breaks lines at U+0085,
 * U+2028 and U+2029) and holds no character YAML refuses. `<`, `>` and `&` are escaped too, so a
 * renderer that shows the front matter as Markdown text (most do without a plugin) gets no raw HTML.
 * Absent values are null.
 */
export function yaml(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return 'null';
  const unicode = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return JSON.stringify(value).replace(/[^\x20-\x7e]|[<>&]/g, unicode);
}

export function frontMatter(full: FullArticle): string {
  const r = full.record;
  const fields: Array<[string, string | null | undefined]> = [
    ['title', r.title],
    ['url', r.url],
    ['published', r.dateline?.published],
    ['place', r.dateline?.place],
    ['byline', r.byline],
    ['site', r.siteName || r.site],
    ['saved', new Date(r.savedAt).toISOString()],
  ];
  return `---\n${fields.map(([k, v]) => `${k}: ${yaml(v)}`).join('\n')}\n---\n`;
}

export function articleToMarkdown(full: FullArticle, doc: Document): string {
  const inert = inertArticle(full.body.content, doc, { baseUrl: full.record.pageUrl || full.record.url || null });
  const related = full.body.related.filter((h) => /^https?:/i.test(h.url));
  const relatedMd = related.length
    ? `\n## Related\n\n${related.map((h) => `- [${escapeLine(h.title)}](${markdownUrl(h.url)})`).join('\n')}\n`
    : '';
  // Every page-derived string is text: the title is escaped like the body's running text.
  const title = headingText(escapeLine(full.record.title));
  return `${frontMatter(full)}\n# ${title}\n\n${htmlToMarkdown(inert.body)}${relatedMd}`;
}
