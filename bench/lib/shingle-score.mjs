/**
 * The scrapinghub article-extraction-benchmark scoring method, implemented from its README:
 * tokens are maximal runs of Unicode word characters (\p{L}, \p{N}, _), case kept; shingles are
 * overlapping token 4-grams (1–3 tokens give one shorter shingle, none give none); ground truth and
 * prediction are compared as multisets of shingles. Corpus F1 is the harmonic mean of the mean
 * page precision and the mean page recall (not the mean of page F1s).
 */

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokenize(text) {
  return (text ?? '').match(TOKEN) ?? [];
}

/** Multiset of token n-grams as a Map shingle → count. */
export function shingles(tokens, n = 4) {
  const out = new Map();
  if (tokens.length === 0) return out;
  const add = (k) => out.set(k, (out.get(k) ?? 0) + 1);
  if (tokens.length < n) {
    add(tokens.join('\u0001'));
    return out;
  }
  for (let i = 0; i + n <= tokens.length; i++) add(tokens.slice(i, i + n).join('\u0001'));
  return out;
}

/** Per-page tp/fp/fn, precision and recall (README steps 3–4). */
export function scorePage(truthText, predText) {
  const truthTokens = tokenize(truthText);
  const predTokens = tokenize(predText);
  const t = shingles(truthTokens);
  const p = shingles(predTokens);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, pc] of p) {
    const tc = t.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
  }
  for (const [k, tc] of t) fn += Math.max(0, tc - (p.get(k) ?? 0));
  let precision;
  let recall;
  if (fp === 0 && fn === 0) {
    precision = 1;
    recall = 1;
  } else {
    precision = tp + fp === 0 ? 0 : tp / (tp + fp);
    recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  }
  const exact = truthTokens.length === predTokens.length && truthTokens.every((x, i) => x === predTokens[i]);
  return { tp, fp, fn, precision, recall, hasPred: p.size > 0, hasTruth: t.size > 0, exact };
}

/** Corpus scores (README step 5). */
export function scoreCorpus(pages) {
  const withPred = pages.filter((s) => s.hasPred);
  const withTruth = pages.filter((s) => s.hasTruth);
  const precision = withPred.length ? withPred.reduce((a, s) => a + s.precision, 0) / withPred.length : 0;
  const recall = withTruth.length ? withTruth.reduce((a, s) => a + s.recall, 0) / withTruth.length : 0;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const accuracy = pages.length ? pages.filter((s) => s.exact).length / pages.length : 0;
  return { f1, precision, recall, accuracy };
}

/** Page F1 (for listing the worst pages only; the corpus F1 is not a mean of these). */
export function pageF1(s) {
  return s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
}
