/**
 * One saved article as Markdown with YAML front matter (title, url, published, place, byline,
 * site, saved), for notes apps. Images stay links to the publisher: a Markdown file has nowhere
 * to keep bytes (the standalone HTML export inlines them).
 */
import type { FullArticle } from './record.js';
import { htmlToMarkdown, markdownUrl } from './html-to-markdown.js';
import { inertArticle } from './inert-html.js';

/** A YAML scalar: JSON strings are valid YAML double-quoted scalars; absent values are null. */
function yaml(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? 'null' : JSON.stringify(value);
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
    ? `\n## Related\n\n${related.map((h) => `- [${h.title.replace(/([\\[\]])/g, '\\$1')}](${markdownUrl(h.url)})`).join('\n')}\n`
    : '';
  return `${frontMatter(full)}\n# ${full.record.title}\n\n${htmlToMarkdown(inert.body)}${relatedMd}`;
}
