/**
 * Writes one page's labels into test/fixtures/related/real/labels.json from the labeller's judgement
 * of the listing scripts/related-links.mjs printed (block ids B#, link ids L#), resolved here to URLs
 * and titles, so the stored labels are plain data (URLs + titles), keyed "<corpus>/<file>".
 *   node scripts/related-label.mjs <corpus> <file> '<decision JSON>'
 *   node scripts/related-label.mjs skip <corpus> <file> '<reason>'
 *   node scripts/related-label.mjs fix <corpus>/<file> '<correction JSON>'   (move URLs out of related, fix a
 *     title; the reason is kept in the entry's corrections list)
 * Decision (JSON argument, or '-' to read it from stdin):
 *   { rel: "B3 L40 -L41", exc: "B1 B2", amb: "B7", top: "L40 L22", t: { L40: "title" },
 *   block: true|false, lang: "de", note: "...", strip: ["^\\d+\\s*"] }   (strip: regexes removed from every
 * title not given in t, e.g. rank numbers or times the page writes into the link text; useH: true takes
 * the text of a heading element inside the link, when there is one, as the link's title)
 * rel/exc/amb: space-separated blocks (every link in it) and links; "-L#" removes a link from a block
 * chosen on the same line. A URL labelled related is never also excluded/ambiguous (related wins, then
 * ambiguous). Title of a related URL: t[L#] for any of its links, else the longest link text among its
 * selected links (whitespace collapsed). The page itself (SELF) is always added to excluded.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listLinks } from './related-links.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FILE = path.resolve(here, '../test/fixtures/related/real/labels.json');
const store = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : { pages: {}, skipped: {} };
const save = () => writeFileSync(FILE, JSON.stringify(store, null, 1) + '\n');

const argv = process.argv.slice(2);
if (argv[0] === 'fix') {
  // node scripts/related-label.mjs fix <corpus>/<file>
  //   '{"toExcluded":[url],"toAmbiguous":[url],"title":{url:title},"why":"..."}'
  const key = argv[1];
  const f = JSON.parse(argv[2]);
  const e = store.pages[key];
  if (!e) throw new Error(`no labels for ${key}`);
  const move = (urls, into) => {
    for (const u of urls ?? []) {
      const i = e.related.findIndex((r) => r.url === u);
      if (i < 0) throw new Error(`not related: ${u}`);
      e.related.splice(i, 1);
      e.top3 = e.top3.filter((t) => t !== u);
      if (!e[into].includes(u)) e[into].push(u);
    }
  };
  move(f.toExcluded, 'excluded');
  move(f.toAmbiguous, 'ambiguous');
  for (const [u, t] of Object.entries(f.title ?? {})) {
    const r = e.related.find((x) => x.url === u);
    if (!r) throw new Error(`not related: ${u}`);
    r.title = t;
  }
  (e.corrections ??= []).push(f.why);
  e.hasBlock = e.related.length > 0 ? e.hasBlock : false;
  save();
  console.log(`${key}: related ${e.related.length}, excluded ${e.excluded.length}, ambiguous ${e.ambiguous.length}`);
  process.exit(0);
}
if (argv[0] === 'skip') {
  store.skipped[`${argv[1]}/${argv[2]}`] = argv[3];
  save();
  console.log('skipped', argv[1], argv[2]);
  process.exit(0);
}
const [corpus, file, json] = argv;
const d = JSON.parse(json === '-' ? readFileSync(0, 'utf8') : json);
const strips = (d.strip ?? []).map((x) => new RegExp(x, 'u'));
const clean = (t) => strips.reduce((acc, re) => acc.replace(re, ''), t).trim();
const r = listLinks(corpus, file);
const byId = new Map(r.links.map((l) => [l.id, l]));
const blockLinks = new Map(r.blocks.map((b) => [b.id, b.links]));

function pick(spec) {
  const out = new Set();
  for (const tok of (spec ?? '').split(/\s+/).filter(Boolean)) {
    const neg = tok.startsWith('-');
    const id = tok.replace(/^-/, '');
    const ls = id.startsWith('B') ? blockLinks.get(id) : [byId.get(id)];
    if (!ls || ls.some((l) => !l)) throw new Error(`unknown id ${id}`);
    for (const l of ls) {
      if (neg) out.delete(l);
      else out.add(l);
    }
  }
  return [...out];
}
// A link named on its own (L#) in exc or amb wins over the same link taken in through a block in rel.
const named = (spec) =>
  new Set(
    (spec ?? '')
      .split(/\s+/)
      .filter((t) => /^L\d+$/.test(t))
      .map((id) => byId.get(id)),
  );
const namedOut = new Set([...named(d.exc), ...named(d.amb)]);
const rel = pick(d.rel).filter((l) => !namedOut.has(l) || named(d.rel).has(l));
const amb = pick(d.amb);
const exc = pick(d.exc);
/** Link text, or, when the text is visibly cut ("..." / "…"), the title attribute or alt it is a prefix of. */
const full = (l) => {
  if (d.useH && (l.htext || l.heads)) return l.htext || l.text;
  const cut = l.text.match(/^(.*?)\s*(\.\.\.|…)$/);
  if (cut)
    for (const alt of [l.title, l.alt]) if (alt && alt.length > cut[1].length && alt.startsWith(cut[1])) return alt;
  return l.text;
};
const titles = new Map();
for (const l of rel) {
  const forced = d.t?.[l.id];
  const cur = titles.get(l.url);
  if (forced) titles.set(l.url, { t: forced, forced: true });
  else if (d.useH && (l.htext || l.heads) && !cur?.forced && !cur?.h) titles.set(l.url, { t: clean(full(l)), h: true });
  else if (!cur?.forced && !cur?.h && clean(full(l)).length > (cur?.t.length ?? 0))
    titles.set(l.url, { t: clean(full(l)) });
}
const relUrls = new Set(titles.keys());
const ambUrls = new Set(amb.map((l) => l.url).filter((u) => !relUrls.has(u)));
const excUrls = new Set(
  [...exc.map((l) => l.url), ...r.links.filter((l) => l.self).map((l) => l.url)].filter(
    (u) => !relUrls.has(u) && !ambUrls.has(u),
  ),
);
const top = pick(d.top)
  .map((l) => l.url)
  .filter((u, i, a) => a.indexOf(u) === i);
for (const u of top) if (!relUrls.has(u)) throw new Error(`top3 url not related: ${u}`);
const key = `${corpus}/${file}`;
store.pages[key] = {
  url: r.page.url,
  lang: d.lang ?? (r.lang.slice(0, 2).toLowerCase() || null),
  hasBlock: d.block ?? relUrls.size > 0,
  related: [...titles].map(([url, { t }]) => ({ url, title: t })),
  top3: top.slice(0, 3),
  ambiguous: [...ambUrls],
  excluded: [...excUrls],
  notes: d.note ?? '',
};
delete store.skipped[key];
save();
console.log(
  `${key}: related ${relUrls.size}, ambiguous ${ambUrls.size}, excluded ${excUrls.size}, top3 ${top.length}; pages labelled ${Object.keys(store.pages).length}`,
);
for (const [u, { t }] of titles) console.log(`  ${t}  <${u.slice(0, 80)}>`);
