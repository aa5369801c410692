/**
 * Labelling aid: the text around given links of a page (the nearest block-level ancestor's text,
 * cut around the link), to tell a "Read also:" lead-in from a link inside a sentence.
 *   node scripts/related-context.mjs <corpus> <file> L12 L40 ...
 */
import { listLinks, squash } from './related-links.mjs';

const [corpus, file, ...ids] = process.argv.slice(2);
const r = listLinks(corpus, file);
const anchors = [];
for (const a of r.doc.querySelectorAll('a[href]')) anchors.push(a);
const byUrlText = new Map();
for (const l of r.links) byUrlText.set(l.id, l);
// The lister numbers kept anchors in document order; rebuild that order here.
const kept = anchors.filter((a) => {
  const h = a.getAttribute('href').trim();
  if (!h || /^(javascript|mailto|tel|data):/i.test(h) || h.startsWith('#')) return false;
  try {
    return /^https?:/.test(new URL(h, r.page.url).href);
  } catch {
    return false;
  }
});
for (const id of ids) {
  const a = kept[Number(id.slice(1)) - 1];
  let p = a.parentElement;
  while (p && !/^(P|LI|DIV|SECTION|ASIDE|TD|BLOCKQUOTE|H[1-6]|ARTICLE)$/.test(p.tagName)) p = p.parentElement;
  const t = squash(p?.textContent);
  const at = t.indexOf(squash(a.textContent));
  console.log(
    `${id} <${p?.tagName.toLowerCase()}> …${t.slice(Math.max(0, at - 120), at + squash(a.textContent).length + 80)}…`,
  );
}
