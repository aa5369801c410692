/**
 * The wire dateline that opens an agency story: "WASHINGTON (AP) —", "LONDON, March 3 (Reuters) -",
 * "Berlin (dpa) -", "SPRINGFIELD, Ill. —", "القاهرة -". Parses place and agency off the start of a
 * paragraph's text, and lifts that prefix out of a paragraph element so the sentence reads cleanly.
 *
 * Invariant: a normal sentence is never eaten. A prefix counts only when it is an ALL-CAPS place, a
 * place followed by an agency in parentheses, or a short right-to-left place, and a dash (or, for
 * ALL-CAPS, a colon) follows it. "Washington is…" or "Berlin – die Stadt…" are left alone.
 */
import { MONTHS } from '../text/lexicon/months.js';

export interface WireDateline {
  place: string | null;
  agency: string | null;
  /** Characters of the text the dateline (with its dash and spaces) takes. */
  length: number;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Case variants spelled out: the pattern cannot be case-insensitive, or \p{Lu} would match lower case.
const monthAlternation = (): string =>
  [...MONTHS.keys()]
    .filter((k) => /^[a-zäöüéû]/.test(k))
    .flatMap((k) => [k, k.charAt(0).toUpperCase() + k.slice(1), k.toUpperCase()])
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');

const CAPS_PLACE = "\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]*(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}'’.\\-]*){0,3}";
const MIXED_PLACE =
  "\\p{Lu}[\\p{L}\\p{M}'’./\\-]+(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’.\\-]+|de|da|del|am|an|der|upon|on)){0,3}";
const RTL_PLACE = '[\\p{Script=Arabic}\\p{Script=Hebrew}]+(?:\\s+[\\p{Script=Arabic}\\p{Script=Hebrew}]+){0,2}';

/**
 * Built on first use, not at load (issue #24): its Unicode classes and month names cost about a
 * millisecond to parse when the content script is evaluated on the click, and most pages never get
 * past mayBeWire's test below.
 */
let wire: RegExp | null = null;
function wirePattern(): RegExp {
  if (wire) return wire;
  const months = monthAlternation();
  wire = new RegExp(
    `^(\\s*)(?<place>${CAPS_PLACE}|${MIXED_PLACE}|${RTL_PLACE})` +
      `(?:,\\s*(?<region>\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*)?))?` +
      `(?:,\\s*(?:(?:${months})\\.?\\s+\\d{1,2}|\\d{1,2}\\.?\\s+(?:${months})\\.?)(?:,\\s*\\d{4})?)?` +
      `\\s*(?:\\((?<agency>[\\p{L}][\\p{L}\\s/&.-]{0,24})\\))?` +
      `\\s*(?<dash>[-–—:])\\s+(?=\\S)`,
    'u',
  );
  return wire;
}

/** Capitalised words that open a sentence or a kicker, not a place. */
const KICKERS = ['update[ds]?', 'breaking', 'breaking news', 'exclusive', 'watch', 'live', 'analysis', 'opinion'];
const MORE_KICKERS = ["editor'?s note", 'note', 'video', 'photos?', 'correction', 'fact check', 'q', 'a'];
const KICKERS_ABROAD = ['eilmeldung', 'kommentar', 'interview', 'exklusiv', 'direct', 'urgent'];
const NOT_PLACES = new RegExp(`^(${[...KICKERS, ...MORE_KICKERS, ...KICKERS_ABROAD].join('|')})$`, 'i');

const AGENCY_CASE: Record<string, string> = {
  ap: 'AP',
  reuters: 'Reuters',
  dpa: 'dpa',
  afp: 'AFP',
  upi: 'UPI',
  xinhua: 'Xinhua',
  ansa: 'ANSA',
  efe: 'EFE',
  kna: 'KNA',
  epd: 'epd',
  apa: 'APA',
  sda: 'SDA',
  kyodo: 'Kyodo',
  yonhap: 'Yonhap',
  tass: 'TASS',
  pti: 'PTI',
  ians: 'IANS',
  aa: 'AA',
  'dpa-afx': 'dpa-AFX',
  bloomberg: 'Bloomberg',
  cnn: 'CNN',
  anadolu: 'Anadolu',
  'ap photo': 'AP',
  keystone: 'Keystone',
  'keystone-sda': 'Keystone-SDA',
  'sda-keystone': 'SDA-Keystone',
  ats: 'ATS',
  belga: 'Belga',
  anp: 'ANP',
  ctk: 'ČTK',
  čtk: 'ČTK',
  pap: 'PAP',
  'europa press': 'Europa Press',
  lusa: 'Lusa',
  agi: 'AGI',
  adnkronos: 'Adnkronos',
  jiji: 'Jiji',
  ria: 'RIA',
  interfax: 'Interfax',
  'ria novosti': 'RIA Novosti',
  wafa: 'WAFA',
  mena: 'MENA',
  kap: 'Kathpress',
  kathpress: 'Kathpress',
  idea: 'idea',
  sid: 'SID',
  ddp: 'ddp',
  dapd: 'dapd',
  'afp-jiji': 'AFP-Jiji',
  tt: 'TT',
  ntb: 'NTB',
  stt: 'STT',
  ritzau: 'Ritzau',
  'reuters/afp': 'Reuters/AFP',
};

/**
 * Paragraphs after the first that may open with the wire dateline: a teaser or lead paragraph often
 * comes first ("<p class=teaser>…</p><p>Berlin (dpa) - …"). There only a known agency counts.
 */
const WIRE_PARAGRAPHS = 3;

const SMALL_WORDS = new Set([
  'de',
  'da',
  'del',
  'la',
  'le',
  'les',
  'of',
  'on',
  'upon',
  'am',
  'an',
  'der',
  'des',
  'do',
  'dos',
  'di',
  'y',
  'el',
]);

/** "NEW YORK" → "New York", "RIO DE JANEIRO" → "Rio de Janeiro"; mixed case is kept as written. */
export function titleCasePlace(place: string): string {
  if (/\p{Ll}/u.test(place)) return place;
  return place
    .toLowerCase()
    .split(/(\s+|-)/)
    .map((w, i) => {
      if (i > 0 && SMALL_WORDS.has(w)) return w;
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join('')
    .replace(/(^|\s)(U\.s\.|D\.c\.)/g, (m) => m.toUpperCase());
}

function normaliseAgency(a: string): string {
  return a
    .split('/')
    .map((p) => AGENCY_CASE[p.trim().toLowerCase()] ?? p.trim())
    .join('/');
}

/**
 * What the wire pattern cannot match without: a dash or colon followed by a space, and a first letter
 * that is not lower case. A plain pattern, cheap to compile: the wire pattern's Unicode classes cost
 * 4–14 ms to compile on the reader's first open (issue #9), and most opening paragraphs fail this test.
 */
const DASH_THEN_SPACE = /[-–—:]\s/;
function mayBeWire(head: string): boolean {
  if (!DASH_THEN_SPACE.test(head)) return false;
  const first = head.trimStart().charAt(0);
  // \p{Lu} and the Arabic/Hebrew scripts are never lower-case letters (those change under toUpperCase).
  return !(first.toUpperCase() !== first && first.toLowerCase() === first);
}

/** Parses a wire dateline off the start of `text`; null when the text opens with a normal sentence. */
export function parseWireDateline(text: string): WireDateline | null {
  const head = text.slice(0, 160);
  if (!mayBeWire(head)) return null;
  const m = wirePattern().exec(head);
  if (!m?.groups) return null;
  const rawPlace = m.groups.place!.trim();
  const agency = m.groups.agency?.trim();
  const caps = !/\p{Ll}/u.test(rawPlace) && /\p{Lu}.*\p{Lu}/u.test(rawPlace);
  const rtl = /^[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(rawPlace);
  if (NOT_PLACES.test(rawPlace)) return null;
  if (m.groups.dash === ':' && !caps) return null;
  if (!agency && !caps && !rtl) return null;
  if (agency && !/^[\p{L}]/u.test(agency)) return null;
  // What follows must look like a sentence, not a list or a heading.
  const rest = text.slice(m[0].length);
  if (rest.length < 15) return null;
  const region = m.groups.region?.trim();
  const place = titleCasePlace(rawPlace) + (region ? `, ${region}` : '');
  return { place, agency: agency ? normaliseAgency(agency) : null, length: m[0].length };
}

/** Whether each part of "dpa/lno", "Keystone-SDA" names an agency the table knows. */
function knownAgency(agency: string | null): boolean {
  if (!agency) return false;
  const first = agency.split('/')[0]!.trim().toLowerCase();
  return first in AGENCY_CASE || first.split('-')[0]! in AGENCY_CASE;
}

/**
 * The first `count` real paragraphs under `root`, by a bounded walk in document order (a whole-container
 * querySelectorAll('p') costs milliseconds on big pages under jsdom, for 8 elements at most).
 */
function firstParagraphs(root: Element, count: number): Element[] {
  const out: Element[] = [];
  let seen = 0;
  let steps = 0;
  for (let e: Element | null = root.firstElementChild; e && steps < 3000; steps++) {
    if (e.tagName === 'P') {
      if ((e.textContent ?? '').trim().length >= 20) {
        out.push(e);
        if (out.length >= count) return out;
      } else if (++seen >= 8) return out;
    }
    // Next element in document order inside root (paragraphs are not nested in paragraphs).
    if (e.tagName !== 'P' && e.firstElementChild) {
      e = e.firstElementChild;
      continue;
    }
    let n: Element | null = e;
    while (n && n !== root && !n.nextElementSibling) n = n.parentElement;
    e = n && n !== root ? n.nextElementSibling : null;
  }
  return out;
}

/**
 * The paragraph that opens with the wire dateline: the first real paragraph, or one of the next two
 * when it names a known agency (a teaser paragraph or a credit line kept in the body, then
 * "Berlin (dpa) - …" or "WASHINGTON (AP) — …"); an unknown "(CDU)" after a teaser is not a dateline.
 */
function wireParagraph(root: Element): { p: Element; found: WireDateline } | null {
  const ps = firstParagraphs(root, WIRE_PARAGRAPHS);
  for (let i = 0; i < ps.length; i++) {
    const found = parseWireDateline(ps[i]!.textContent ?? '');
    if (found && (i === 0 || knownAgency(found.agency))) return { p: ps[i]!, found };
  }
  return null;
}

/** Removes the first `count` characters of `el`'s text, across its text nodes, in place. */
function dropLeadingText(el: Element, count: number): void {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let left = count;
  for (let n = walker.nextNode(); n && left > 0; n = walker.nextNode()) {
    const t = n.nodeValue ?? '';
    const cut = Math.min(left, t.length);
    n.nodeValue = t.slice(cut);
    left -= cut;
  }
  // Emptied wrappers (<strong>WASHINGTON</strong>) would leave stray markup behind.
  for (const child of Array.from(el.querySelectorAll('strong, b, span, em'))) {
    if (!(child.textContent ?? '').trim() && !child.querySelector('img')) child.remove();
  }
}

function capitaliseFirstLetter(el: Element): void {
  const walker = el.ownerDocument.createTreeWalker(el, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.nodeValue ?? '';
    const i = t.search(/\S/);
    if (i < 0) continue;
    if (/\p{Ll}/u.test(t.charAt(i))) n.nodeValue = t.slice(0, i) + t.charAt(i).toUpperCase() + t.slice(i + 1);
    return;
  }
}

/** The wire dateline of the first paragraph under `root`, without touching it. */
export function readWireDateline(root: Element): WireDateline | null {
  return wireParagraph(root)?.found ?? null;
}

/**
 * Lifts the wire dateline off the first paragraph under `root` (in place) when `accept` takes what it
 * says; returns it. One walk finds, checks and lifts it.
 */
export function liftWire(root: Element, accept: (found: WireDateline) => boolean = () => true): WireDateline | null {
  const hit = wireParagraph(root);
  if (!hit || !accept(hit.found)) return null;
  const { p, found } = hit;
  dropLeadingText(p, found.length);
  capitaliseFirstLetter(p);
  return found;
}
