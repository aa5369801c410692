/**
 * The overlay's stylesheet, adopted into its shadow root (page CSS cannot reach in; ours cannot leak out).
 * Settings arrive as CSS custom properties and data attributes on `.reader`, so changing a setting
 * is one attribute write and one style recalculation, never a re-render.
 * Themes: auto follows prefers-color-scheme; light, sepia and dark are fixed palettes.
 */
export const READER_CSS = String.raw`
/* Not !important: an !important :host rule would beat the host's inline !important positioning (for
   important declarations the shadow context wins over the page, inline style included). */
:host { all: initial; }
/* !important in a shadow tree beats the page's !important for the host's pseudo-elements: a page rule
   like *::before { position: fixed; inset: 0 } must not paint over the reader. */
:host::before, :host::after { content: none !important; display: none !important; }

.reader, .notice {
  --bg: #fbfaf7; --fg: #1f1f1f; --muted: #5c5f66; --rule: #e3e0d8; --link: #1a5fb4; --accent: #b3261e;
  --chip: #efece4; --panel: #ffffff; --shadow: 0 6px 28px rgba(0,0,0,.18); --focus: #1a5fb4;
  /* A control's boundary: ≥ 3:1 against the toolbar and the button fill in every theme (WCAG 1.4.11). */
  --control: #84807a;
  --serif:
    Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "Noto Serif", "DejaVu Serif", "Liberation Serif", serif;
  --sans:
    system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "Liberation Sans", Arial, sans-serif;
  --humanist: "Iowan Old Style", "Palatino Linotype", Palatino, "URW Palladio L", P052, "Book Antiqua",
    "TeX Gyre Pagella", Georgia, serif;
  --mono: ui-monospace, "SF Mono", "Cascadia Mono", "JetBrains Mono", "DejaVu Sans Mono", "Liberation Mono", Menlo,
    monospace;
  --ui: var(--sans);
  --body-font: var(--serif);
  --size: 19px; --measure: 54ch; --leading: 1.6;
  color-scheme: light;
  font: 15px/1.4 var(--ui);
  color: var(--fg);
  -webkit-font-smoothing: antialiased;
  text-align: start;
}
.reader[data-theme="sepia"] {
  --bg: #f5ecd9; --fg: #3a2e1f; --muted: #6d5a42; --rule: #e2d3b5; --link: #8a4a0b; --accent: #9c3b12;
  --chip: #ecdfc4; --panel: #fbf4e4; --focus: #8a4a0b; --control: #8c7657;
}
.reader[data-theme="dark"], .notice[data-theme="dark"] {
  --bg: #17181b; --fg: #e4e2dd; --muted: #a3a6ad; --rule: #2e3035; --link: #8ab4f8; --accent: #f2b8b5;
  --chip: #25272b; --panel: #202226; --shadow: 0 6px 28px rgba(0,0,0,.6); --focus: #8ab4f8; --control: #7d8088;
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  .reader[data-theme="auto"], .notice[data-theme="auto"] {
    --bg: #17181b; --fg: #e4e2dd; --muted: #a3a6ad; --rule: #2e3035; --link: #8ab4f8; --accent: #f2b8b5;
    --chip: #25272b; --panel: #202226; --shadow: 0 6px 28px rgba(0,0,0,.6); --focus: #8ab4f8; --control: #7d8088;
    color-scheme: dark;
  }
}
.reader[data-font="sans"] { --body-font: var(--sans); }
.reader[data-font="humanist"] { --body-font: var(--humanist); }
/* Monospace runs wide: the same measure in ch would be fewer words, so the body is a little smaller. */
.reader[data-font="mono"] { --body-font: var(--mono); }
.reader[data-font="mono"] .article-body { font-size: .9em; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap;
}

/* Not *::before, *::after, which every element of the article would be matched against for both of its
   pseudo-elements: the two the reader draws (live-view.ts) set their own box-sizing. */
* { box-sizing: border-box; }
[hidden] { display: none !important; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 3px; }

/* ── the full-screen reader ── */
.reader {
  position: absolute; inset: 0;
  display: flex; flex-direction: column;
  background: var(--bg);
}
.toolbar {
  flex: none;
  display: flex; align-items: center; gap: 8px;
  padding: 6px 16px;
  border-bottom: 1px solid var(--rule);
  background: var(--bg);
  position: relative;
}
.site { position: relative; min-width: 0; flex: 1; display: flex; }
button.site-menu {
  display: inline-flex; align-items: center; gap: 8px; min-width: 0; max-width: 100%;
  background: transparent; padding: 0 10px 0 8px; font-size: 14px; color: var(--fg);
}
button.site-menu:hover, button.site-menu[aria-expanded="true"] {
  border-color: var(--control); background: var(--chip);
}
.site img { width: 16px; height: 16px; flex: none; border-radius: 3px; }
.site-name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-weight: 600; letter-spacing: .01em; }
.caret { flex: none; font-size: 11px; color: var(--muted); }
.menu {
  position: absolute; inset-inline-start: 0; top: calc(100% + 6px); z-index: 3;
  min-width: 240px; max-width: min(340px, calc(100vw - 24px)); padding: 6px; border-radius: 12px;
  background: var(--panel); box-shadow: var(--shadow); border: 1px solid var(--rule);
  display: grid; gap: 2px;
}
.menu [role="menuitem"] {
  display: flex; align-items: center; width: 100%; min-height: 44px; padding: 10px 12px; border-radius: 8px;
  border: 0; background: transparent; color: var(--fg); font: 500 14px/1.3 var(--ui); text-align: start;
  text-decoration: none;
  white-space: normal;
}
.menu [role="menuitem"]:hover, .menu [role="menuitem"]:focus-visible { background: var(--chip); }
.time-left {
  flex: none; font: 13px/1 var(--ui); color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap;
}
.actions { display: flex; gap: 8px; align-items: center; flex: none; }
button, .btn {
  font: 600 14px/1 var(--ui); color: var(--fg); background: var(--panel);
  border: 1px solid var(--control); border-radius: 8px; padding: 0 14px; cursor: pointer;
  min-height: 44px; min-width: 44px; white-space: nowrap;
}
button:hover { background: var(--chip); }
button[disabled] { opacity: .55; cursor: default; }
button.done { border-color: var(--link); color: var(--link); }
button.icon { width: 44px; padding: 0; display: inline-grid; place-items: center; font-size: 17px; }
button.aa { font-family: var(--serif); font-size: 17px; padding: 0 12px; }
button.aa[aria-expanded="true"] { background: var(--chip); box-shadow: inset 0 0 0 1px var(--control); }
button.link {
  background: none; border: 0; min-height: 0; min-width: 0; padding: 6px 0; color: var(--link); font-weight: 500;
  text-decoration: underline; text-underline-offset: .2em; text-decoration-thickness: 1px; white-space: normal;
  text-align: start;
}
.progress { position: absolute; inset-inline: 0; bottom: -1px; height: 3px; pointer-events: none; }
.progress .bar { height: 100%; background: var(--link); transform: scaleX(0); transform-origin: left; opacity: .85; }

.panel {
  position: absolute; inset-inline-end: 16px; top: calc(100% + 6px); z-index: 2;
  max-height: calc(100vh - 80px); overflow: auto;
  width: 300px; padding: 14px; border-radius: 12px;
  background: var(--panel); box-shadow: var(--shadow); border: 1px solid var(--rule);
  display: grid; gap: 12px;
}
.panel fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.panel legend {
  font-size: 12px; color: var(--muted); padding: 0 0 6px; text-transform: uppercase; letter-spacing: .06em;
}
.segmented { display: flex; gap: 4px; flex-wrap: wrap; }
.segmented label { flex: 1 1 0; min-width: 56px; position: relative; }
.segmented input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.segmented span {
  display: block; text-align: center; padding: 12px 4px; border-radius: 8px; border: 1px solid var(--control);
  font-size: 13px; background: var(--chip); color: var(--fg);
}
.segmented input:checked + span { border-color: var(--fg); box-shadow: inset 0 0 0 1px var(--fg); font-weight: 600; }
.segmented input:focus-visible + span { outline: 2px solid var(--focus); outline-offset: 2px; }
.swatch-light span { background: #fbfaf7; color: #1f1f1f; }
.swatch-sepia span { background: #f5ecd9; color: #3a2e1f; }
.swatch-dark span { background: #17181b; color: #e4e2dd; }
.font-serif span { font-family: var(--serif); font-size: 15px; }
.font-sans span { font-family: var(--sans); }
.font-humanist span { font-family: var(--humanist); font-size: 15px; }
.font-mono span { font-family: var(--mono); }
.panel .help-open { justify-self: start; font-size: 13px; }
.stepper { display: flex; align-items: center; gap: 6px; }
.stepper output {
  flex: 1; text-align: center; font-variant-numeric: tabular-nums; color: var(--muted); font-size: 13px;
}
.stepper button { width: 44px; }

.scroller {
  flex: 1; overflow: auto; overscroll-behavior: contain;
  scroll-padding-top: 16px;
  /* Themed scrollbar: Firefox otherwise drew a light track beside dark right-to-left pages. */
  scrollbar-color: var(--rule) var(--bg);
}
.scroller:focus { outline: none; }
.page {
  max-width: calc(var(--measure) + 48px);
  margin: 0 auto; padding: 36px 24px 64px;
  font-family: var(--body-font); font-size: var(--size); line-height: var(--leading);
  overflow-wrap: break-word;
}
.kicker {
  font: 600 13px/1.3 var(--ui); color: var(--accent); text-transform: uppercase; letter-spacing: .08em;
  margin: 0 0 10px;
}
/* Fluid: 26 px on a phone, up to 1.75 × the body size on a desktop (33 px at 19 px). Never rem: the page sets it. */
h1 {
  font: 700 clamp(24px, calc(15px + 2.6vw), calc(var(--size) * 1.75))/1.16 var(--body-font);
  margin: 0 0 12px; letter-spacing: -.01em; text-wrap: balance;
}
/* Focus starts on the title (a reading start point, not a control): no ring around the headline. */
h1:focus, h1:focus-visible { outline: none; }
/* The dateline: its own line, in the text colour, with weight — when and where the story was filed. */
.dateline { font: 500 15px/1.5 var(--ui); color: var(--fg); margin: 0 0 6px; }
.dateline .wire { font-weight: 700; }
.dateline .place { text-transform: uppercase; letter-spacing: .05em; }
.dateline .agency { font-weight: 600; }
.dateline .local, .dateline .updated { color: var(--muted); }
.dateline time { font-variant-numeric: tabular-nums; }
.dateline time, .dateline .local, .dateline .wire { white-space: nowrap; }
.meta { font: 14px/1.5 var(--ui); color: var(--muted); margin: 0; }
.kicker { font: 600 14px/1.4 var(--ui); color: var(--accent); margin: 0 0 6px; letter-spacing: .02em; }
.standfirst { font: 400 calc(var(--size) * 1.1)/1.4 var(--body-font); color: var(--muted); margin: 0 0 12px; }
.byline { color: var(--fg); font-weight: 600; }
.sep { padding: 0 .15em; opacity: .7; }
.meta .sep { padding: 0 .45em; }
.paywall {
  font: 14px/1.45 var(--ui); margin: 16px 0 0; padding: 10px 12px; border-radius: 8px;
  background: var(--chip); border-inline-start: 3px solid var(--accent);
}
.head { border-bottom: 1px solid var(--rule); padding-bottom: 18px; margin-bottom: 22px; }

/* Figures: the picture centred, its caption under it at the picture's own width (contain: inline-size
   keeps a long caption from widening the figure past a narrow picture). */
figure.lead, .article-body figure {
  width: fit-content; max-width: 100%; min-width: min(100%, 16em); margin: 0 auto 1.2em;
}
figure.lead { margin-bottom: 1.6em; }
figure.lead img, .article-body img {
  max-width: 100%; height: auto; display: block; margin: 0 auto; border-radius: 4px;
}
figure.lead img { width: 100%; }
figure.lead figcaption, .article-body figcaption {
  contain: inline-size; font: 13px/1.45 var(--ui); color: var(--muted); margin-top: 8px; text-align: start;
}
.img-failed {
  display: inline-block; font: 13px/1.4 var(--ui); color: var(--muted); padding: 6px 10px; margin: 0;
  border: 1px dashed var(--control); border-radius: 6px;
}
a.img-failed { color: var(--link); }
figure:has(> .img-failed) { width: auto; margin-inline: 0; }

.toc {
  font: 15px/1.4 var(--ui); margin: 0 0 1.4em; border: 1px solid var(--rule); border-radius: 10px; padding: 0 14px;
}
.toc summary { cursor: pointer; min-height: 44px; display: flex; align-items: center; font-weight: 600; }
.toc ol { margin: 0 0 10px; padding-inline-start: 1.2em; }
.toc li.sub { margin-inline-start: 1em; list-style: circle; }
.toc button.link { color: var(--link); text-align: start; padding: 8px 0; font-size: 15px; }

.article-body { hyphens: auto; }
.article-body p, .article-body ul, .article-body ol, .article-body blockquote, .article-body pre, .article-body table {
  margin: 0 0 1em;
}
.article-body h2, .article-body h3, .article-body h4 {
  font-family: var(--body-font); line-height: 1.25; margin: 1.6em 0 .5em; scroll-margin-top: 16px;
}
.article-body h2 { font-size: 1.3em; }
.article-body h2:focus, .article-body h3:focus { outline: none; }
/* A heading that opens the article is its standfirst ("spot"), not a section title (marked in mount-reader.ts). */
.article-body .standfirst {
  font-size: 1.12em; font-weight: 500; line-height: 1.45; color: var(--muted); margin: 0 0 1em;
} .article-body h3 { font-size: 1.15em; } .article-body h4 { font-size: 1em; }
.article-body a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: .15em; }
.article-body blockquote {
  margin-inline: 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--rule); color: var(--muted);
}
.article-body pre, .article-body code { font-family: var(--mono); font-size: .85em; }
.article-body pre { overflow: auto; background: var(--chip); padding: 10px; border-radius: 6px; }
.article-body table { border-collapse: collapse; display: block; overflow: auto; font-size: .9em; max-width: 100%; }
.article-body td, .article-body th { border: 1px solid var(--rule); padding: 4px 8px; }
.article-body hr { border: 0; border-top: 1px solid var(--rule); }
.article-body iframe, .article-body video { max-width: 100%; }

/* Related headlines: the page's own lists ("Most read", "Trending"), each under its own name; the
   headlines are links and look like links. */
.related { margin-top: 40px; border-top: 3px double var(--rule); padding-top: 8px; font-family: var(--ui); }
.related section { margin: 18px 0 8px; }
.related h2 {
  font: 700 15px/1.3 var(--ui); text-transform: uppercase; letter-spacing: .06em; color: var(--accent);
  margin: 0 0 6px;
}
.related ol { list-style: none; margin: 0; padding: 0; }
.related li {
  display: flex; gap: 12px; align-items: baseline; justify-content: space-between;
  border-bottom: 1px solid var(--rule); padding: 10px 0;
}
.related li:last-child { border-bottom: 0; }
.related a {
  color: var(--link); font-size: 16px; line-height: 1.4; font-weight: 500;
  text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: .2em;
  text-decoration-color: color-mix(in srgb, var(--link) 45%, transparent);
}
.related a:hover { text-decoration-color: currentColor; }
.related time {
  flex: none; font-size: 13px; color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap;
}
.source { margin-top: 32px; font: 13px/1.4 var(--ui); color: var(--muted); }
.source a { color: var(--link); }

/* Zap mode: the block under the pointer is outlined; the bar says what a click does. */
.zap-bar {
  flex: none; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between;
  padding: 8px 16px; background: var(--chip); border-bottom: 1px solid var(--rule); font: 14px/1.4 var(--ui);
}
.zap-bar p { margin: 0; }
.zap-bar .row { display: flex; gap: 8px; }
.zap-bar .primary { background: var(--fg); color: var(--bg); border-color: var(--fg); }
.zapping, .zapping a { cursor: crosshair; }
.zapping .zap-target {
  outline: 2px dashed var(--accent); outline-offset: 4px;
  background: color-mix(in srgb, var(--accent) 8%, transparent);
}

/* The "?" dialog: a layer over the reader, its own focus trap (mount-reader.ts). */
.help {
  position: absolute; inset: 0; margin: auto; z-index: 4; height: fit-content; max-height: calc(100% - 32px);
  overflow: auto;
  width: min(460px, calc(100% - 24px)); padding: 18px 20px; border-radius: 14px;
  background: var(--panel); color: var(--fg); box-shadow: var(--shadow), 0 0 0 100vmax rgba(0,0,0,.35);
  border: 1px solid var(--rule);
  font: 14px/1.4 var(--ui);
}
.help h2 { font: 700 17px/1.3 var(--ui); margin: 0 0 10px; }
.help h2:focus { outline: none; }
.help dl { margin: 0 0 12px; display: grid; gap: 6px; }
.help .row { display: flex; gap: 12px; align-items: baseline; }
.help dt { flex: 0 0 4.5em; }
.help dd { margin: 0; }
.help kbd {
  font: 600 12px/1 var(--mono); padding: 3px 6px; border-radius: 5px; border: 1px solid var(--control);
  background: var(--chip); white-space: nowrap;
}
.help .end { justify-content: flex-end; }
.help .primary { background: var(--fg); color: var(--panel); border-color: var(--fg); }

.status {
  position: absolute; inset-inline: 0; bottom: 16px; margin: auto; width: max-content; max-width: calc(100% - 32px);
  padding: 10px 14px; border-radius: 10px; background: var(--fg); color: var(--bg); font: 14px/1.3 var(--ui);
  box-shadow: var(--shadow); pointer-events: none;
}
.status:empty { display: none; }

/* ── the small "not an article" notice ── */
.notice {
  margin: 0; padding: 16px 16px 14px; border-radius: 14px;
  background: var(--panel); color: var(--fg); box-shadow: var(--shadow); border: 1px solid var(--rule);
}
.notice h2 { font: 600 15px/1.3 var(--ui); margin: 0 0 4px; }
.notice p { margin: 0 0 12px; color: var(--muted); font-size: 14px; }
.notice .row { display: flex; gap: 8px; justify-content: flex-end; }
.notice .primary { background: var(--fg); color: var(--panel); }

@media (max-width: 560px) {
  .page { padding: 20px 16px 48px; }
  .toolbar { padding: 6px 8px; gap: 6px; }
  .panel { inset-inline: 8px; width: auto; }
  .time-left { display: none; }
  /* "WASHINGTON (AP)" on a line of its own, not with a dot left dangling at the end of it. */
  .dateline .wire { display: block; }
  .dateline .wire + .sep { display: none; }
  button { padding: 0 12px; }
}
@media (prefers-reduced-motion: no-preference) {
  .reader { animation: dr-in 90ms ease-out; }
  .reader[data-settled] { animation: none; }
  @keyframes dr-in { from { opacity: .5; } to { opacity: 1; } }
}
/* Printing prints the article, not the page behind it and not the reader's controls (the page itself
   is hidden by a print-only rule the overlay puts next to its host; see page-lock.ts). */
@media print {
  .reader { position: static; display: block; background: #fff; color: #000; }
  .toolbar, .panel, .status, .related, .paywall, .help, .toc, .img-failed, .zap-bar { display: none !important; }
  .scroller { overflow: visible; }
  .page { max-width: none; padding: 0; }
  .article-body a { color: inherit; }
}
`;
