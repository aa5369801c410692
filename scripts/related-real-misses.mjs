/**
 * Breakdown of bench:related's real-set differences (bench/results/related-real-details.json) by the
 * block each link sits in on the page (scripts/related-links.mjs), for the next engineer:
 *   missed blocks (every labelled story of a block missed) vs partial misses, sister-site misses,
 *   extras by kind (excluded / not labelled, landmark, block heading), title differences, top-3.
 *   node scripts/related-real-misses.mjs [--kind missed|extra|title|top3] [--max n] [--half tune|held]
 * --half keeps one half of the fixed split (realHalf in bench/lib/related-real.mjs); tune on 'tune' only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDomain } from 'tldts';
import { listLinks } from './related-links.mjs';
import { storyKey, loadRealLabels, realHalf } from '../bench/lib/related-real.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const rows = JSON.parse(readFileSync(path.resolve(here, '../bench/results/related-real-details.json'), 'utf8'));
const labels = loadRealLabels();
const args = process.argv.slice(2);
const kind = args.includes('--kind') ? args[args.indexOf('--kind') + 1] : null;
const max = args.includes('--max') ? Number(args[args.indexOf('--max') + 1]) : 8;
const half = args.includes('--half') ? args[args.indexOf('--half') + 1] : null;

const out = {
  missedBlocks: [],
  partialMiss: [],
  sisterMiss: [],
  extraExcluded: [],
  extraUnlabelled: [],
  titles: [],
  top3: [],
};
for (const r of rows) {
  if (half && realHalf(r.key) !== half) continue;
  if (!r.missed.length && !r.falsePos.length && !r.titleMiss.length && (r.top3Hit === null || r.top3Hit === 1))
    continue;
  const [corpus, ...rest] = r.key.split('/');
  const file = rest.join('/');
  const page = listLinks(corpus, file);
  const blockOf = new Map();
  for (const b of page.blocks)
    for (const l of b.links) {
      const k = storyKey(l.url);
      if (!blockOf.has(k)) blockOf.set(k, b);
    }
  const host = new URL(page.page.url).host;
  const relKeys = new Set(labels.pages[r.key].related.map((x) => storyKey(x.url)));
  // Missed: whole labelled blocks vs partial.
  const missedKeys = new Set(r.missed.map((m) => storyKey(m.url)));
  const byBlock = new Map();
  for (const k of relKeys) {
    const b = blockOf.get(k);
    const id = b ? b.id : '?';
    if (!byBlock.has(id)) byBlock.set(id, { b, all: 0, missed: [] });
    byBlock.get(id).all++;
    if (missedKeys.has(k)) byBlock.get(id).missed.push(k);
  }
  for (const g of byBlock.values()) {
    if (!g.missed.length) continue;
    const desc = g.b
      ? `${g.b.id} [${g.b.landmark || '-'}] ${g.b.chain.slice(-60)} «${(g.b.heading || '').slice(0, 40)}»`
      : '?';
    const item = {
      key: r.key,
      block: desc,
      missed: g.missed.length,
      of: g.all,
      example: r.missed.find((m) => storyKey(m.url) === g.missed[0]),
    };
    (g.missed.length === g.all ? out.missedBlocks : out.partialMiss).push(item);
  }
  for (const m of r.missed) {
    const h = new URL(m.url).host;
    if (h !== host)
      out.sisterMiss.push({
        key: r.key,
        url: m.url,
        title: m.title,
        sameDomain: getDomain(m.url) === getDomain(page.page.url),
      });
  }
  for (const f of r.falsePos) {
    const b = blockOf.get(storyKey(f.url));
    const item = {
      key: r.key,
      title: f.title,
      url: f.url,
      section: f.section,
      block: b
        ? `${b.id} [${b.landmark || '-'}] ${b.chain.slice(-70)} «${(b.heading || '').slice(0, 40)}»`
        : '(not a link on the page)',
    };
    (f.excluded ? out.extraExcluded : out.extraUnlabelled).push(item);
  }
  for (const t of r.titleMiss) out.titles.push({ key: r.key, got: t.got, want: t.want });
  if (r.top3Hit !== null && r.top3Hit < 1)
    out.top3.push({
      key: r.key,
      hit: r.top3Hit,
      first3: r.returned.slice(0, 3).map((h) => h.title.slice(0, 50)),
      want: labels.pages[r.key].top3.map((u) =>
        (labels.pages[r.key].related.find((x) => x.url === u)?.title ?? u).slice(0, 50),
      ),
    });
}
const show = (name, list, fmt) => {
  if (kind && !name.startsWith(kind)) return;
  console.log(`\n== ${name}: ${list.length}`);
  for (const it of list.slice(0, kind ? 1000 : max)) console.log('  ' + fmt(it));
};
show(
  'missed whole blocks',
  out.missedBlocks,
  (i) => `${i.key.slice(0, 60)} ${i.block} ${i.missed}/${i.of} e.g. "${i.example.title.slice(0, 60)}"`,
);
show(
  'missed partially',
  out.partialMiss,
  (i) => `${i.key.slice(0, 60)} ${i.block} ${i.missed}/${i.of} e.g. "${i.example.title.slice(0, 60)}"`,
);
show(
  'missed sister/other-host stories',
  out.sisterMiss,
  (i) => `${i.key.slice(0, 50)} ${i.sameDomain ? 'same-domain' : 'other-domain'} ${i.url.slice(0, 80)}`,
);
show(
  'extra (labelled excluded)',
  out.extraExcluded,
  (i) => `${i.key.slice(0, 50)} "${i.title.slice(0, 50)}" <${i.url.slice(0, 70)}> [${i.section}] ${i.block}`,
);
show(
  'extra (not labelled)',
  out.extraUnlabelled,
  (i) => `${i.key.slice(0, 50)} "${i.title.slice(0, 50)}" <${i.url.slice(0, 70)}> [${i.section}] ${i.block}`,
);
show('titles', out.titles, (i) => `${i.key.slice(0, 50)} got "${i.got.slice(0, 70)}" want "${i.want.slice(0, 70)}"`);
show(
  'top3',
  out.top3,
  (i) =>
    `${i.key.slice(0, 50)} hit ${i.hit.toFixed(2)} first3 ${JSON.stringify(i.first3)} want ${JSON.stringify(i.want)}`,
);
const tot = (l) => l.reduce((a, i) => a + (i.missed ?? 1), 0);
console.log(
  `\nmissed stories in whole-block misses: ${tot(out.missedBlocks)} (${out.missedBlocks.length} blocks), in partial misses: ${tot(out.partialMiss)} (${out.partialMiss.length} blocks); extras: ${out.extraExcluded.length} excluded + ${out.extraUnlabelled.length} unlabelled; title differences ${out.titles.length}; pages under top-3: ${out.top3.length}`,
);
