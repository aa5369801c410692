/**
 * Is this page a news article? Cheap and standalone (no Readability), so the auto-clean detector
 * can bundle it: JSON-LD types, og:type, URL shape and paragraph text. `extract` adds Readability's
 * own verdict on top. Returns a score in 0..1 and the human-readable reasons behind it.
 */
export interface NewsVerdict { isNews: boolean; score: number; reasons: string[] }

const ARTICLE_TYPES = /^(NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|LiveBlogPosting|Article|BlogPosting|Report)$/;

function jsonLdTypes(doc: Document): string[] {
  const types: string[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) { for (const x of v) visit(x, depth + 1); return; }
    const o = v as Record<string, unknown>;
    const t = o['@type'];
    if (typeof t === 'string') types.push(t);
    else if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') types.push(x);
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try { visit(JSON.parse(s.textContent ?? ''), 0); } catch { /* broken JSON-LD is common; ignore */ }
  }
  return types;
}

export function detectNews(doc: Document, url: string): NewsVerdict {
  const reasons: string[] = [];
  let score = 0.3;
  const types = jsonLdTypes(doc);
  const articleType = types.find((t) => ARTICLE_TYPES.test(t));
  if (articleType) { score += 0.4; reasons.push(`JSON-LD type ${articleType}`); }
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.toLowerCase();
  if (og === 'article') { score += 0.2; reasons.push('og:type article'); }
  let path = '/';
  try { path = new URL(url).pathname; } catch { /* keep "/" */ }
  if (path === '/' || path === '') { score -= 0.5; reasons.push('URL is the site root (home page)'); }
  const paragraphs = Array.from(doc.querySelectorAll('p')).filter((p) => (p.textContent ?? '').trim().length > 80).length;
  if (paragraphs >= 3) { score += 0.2; reasons.push(`${paragraphs} paragraphs of text`); }
  score = Math.max(0, Math.min(1, score));
  return { isNews: score >= 0.5, score, reasons };
}
