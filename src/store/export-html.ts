/**
 * One saved article as a standalone HTML file: opens anywhere, offline, forever. Images stored with
 * the article are inlined as data: URLs (offline-content.ts: sanitized after inlining, so nothing
 * the inlining did can add markup); a CSP meta forbids scripts and any request other than images
 * not stored with the article; a little CSS, light and dark.
 */
import type { FullArticle } from './record.js';
import { escapeHtml } from './inert-html.js';
import { offlineContent } from './offline-content.js';

const CSS = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fdfcf8; --muted: #5f6368; --link: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e6e3; --bg: #1b1c1e; --muted: #a8abb0; --link: #8ab4f8; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 19px/1.6 Georgia, 'Times New Roman', serif; }
main { max-width: 40rem; margin: 2.5rem auto; padding: 0 1.25rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .5rem; }
.meta { color: var(--muted); font: 15px/1.5 system-ui, sans-serif; margin: 0 0 2rem; }
.meta p { margin: .15rem 0; }
img, figure { max-width: 100%; height: auto; }
figure { margin: 1.5rem 0; } figcaption { color: var(--muted); font-size: .85em; }
a { color: var(--link); }
blockquote { margin: 1rem 0; padding-left: 1rem; border-left: 3px solid var(--muted); }
pre { overflow: auto; } table { border-collapse: collapse; }
td, th { border: 1px solid var(--muted); padding: .25rem .5rem; }
.related { margin-top: 3rem; font: 16px/1.5 system-ui, sans-serif; } .related li { margin: .3rem 0; }
`;

/** Every date in the file in one format ("12 Mar 2024"), the calendar day as stated (no zone shift). */
const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

/** "12 Mar 2024" from a stated date ("2024-03-12T14:05-04:00": its own wall-clock day), or null. */
export function statedDay(stated: string | null | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(stated ?? '');
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? DAY.format(t) : null;
}

function savedDay(ms: number): string {
  try {
    return DAY.format(ms);
  } catch {
    return '';
  }
}

/** "WASHINGTON (AP) · Published 12 Mar 2024 · Updated 13 Mar 2024" with machine-readable <time>s. */
function datelineLine(record: FullArticle['record']): string {
  const d = record.dateline;
  if (!d) return '';
  const parts: string[] = [];
  const where = [d.place, d.agency ? `(${d.agency})` : ''].filter(Boolean).join(' ');
  if (where) parts.push(escapeHtml(where));
  const stamp = (label: string, stated: string | null): void => {
    const day = statedDay(stated);
    if (day) parts.push(`${label} <time datetime="${escapeHtml(stated!)}">${escapeHtml(day)}</time>`);
  };
  stamp('Published', d.published);
  if (d.modified && statedDay(d.modified) !== statedDay(d.published)) stamp('Updated', d.modified);
  return parts.length ? `<p>${parts.join(' · ')}</p>` : '';
}

/** The exported page loads nothing but its own inline style and its images. */
const EXPORT_CSP = ["default-src 'none'", 'img-src data: https: http:', "style-src 'unsafe-inline'"].join('; ');

export async function articleToHtml(full: FullArticle, doc: Document): Promise<string> {
  const { record, body } = full;
  const content = await offlineContent(full, doc);
  const meta = [
    record.byline ? `<p>${escapeHtml(record.byline)}</p>` : '',
    datelineLine(record),
    `<p><a href="${escapeHtml(record.url)}">${escapeHtml(record.siteName || record.site)}</a>` +
      ` · Saved ${escapeHtml(savedDay(record.savedAt))}</p>`,
    record.images.note ? `<p>${escapeHtml(record.images.note)}</p>` : '',
  ].join('');
  const related = body.related.length
    ? `<section class="related"><h2>Related</h2><ul>${body.related
        .filter((r) => /^https?:/i.test(r.url))
        .map((r) => `<li><a href="${escapeHtml(r.url)}">${escapeHtml(r.title)}</a></li>`)
        .join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(record.lang ?? 'und')}" dir="${record.dir === 'rtl' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(record.title)}</title>
<link rel="canonical" href="${escapeHtml(record.url)}">
<style>${CSS}</style>
</head>
<body>
<main>
<article>
<h1>${escapeHtml(record.title)}</h1>
<div class="meta">${meta}</div>
${content}
</article>
${related}
</main>
</body>
</html>
`;
}

/** A file name from the title: "us-urges-haftar-led-forces.html". */
export function exportFileName(title: string, ext: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${stem || 'article'}.${ext}`;
}
