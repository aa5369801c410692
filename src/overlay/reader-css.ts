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
  --serif:
    Charter, "Bitstream Charter", "Iowan Old Style", Georgia, "Noto Serif", "DejaVu Serif", "Liberation Serif", serif;
  --sans:
    system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", "Liberation Sans", Arial, sans-serif;
  --ui: var(--sans);
  --body-font: var(--serif);
  --size: 19px; --measure: 68ch; --leading: 1.6;
  color-scheme: light;
  font: 15px/1.4 var(--ui);
  color: var(--fg);
  -webkit-font-smoothing: antialiased;
  text-align: start;
}
.reader[data-theme="sepia"] {
  --bg: #f5ecd9; --fg: #3a2e1f; --muted: #6d5a42; --rule: #e2d3b5; --link: #8a4a0b; --accent: #9c3b12;
  --chip: #ecdfc4; --panel: #fbf4e4; --focus: #8a4a0b;
}
.reader[data-theme="dark"], .notice[data-theme="dark"] {
  --bg: #17181b; --fg: #e4e2dd; --muted: #a3a6ad; --rule: #2e3035; --link: #8ab4f8; --accent: #f2b8b5;
  --chip: #25272b; --panel: #202226; --shadow: 0 6px 28px rgba(0,0,0,.6); --focus: #8ab4f8;
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  .reader[data-theme="auto"], .notice[data-theme="auto"] {
    --bg: #17181b; --fg: #e4e2dd; --muted: #a3a6ad; --rule: #2e3035; --link: #8ab4f8; --accent: #f2b8b5;
    --chip: #25272b; --panel: #202226; --shadow: 0 6px 28px rgba(0,0,0,.6); --focus: #8ab4f8;
    color-scheme: dark;
  }
}
.reader[data-font="sans"] { --body-font: var(--sans); }

*, *::before, *::after { box-sizing: border-box; }
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
  padding: 8px 16px;
  border-bottom: 1px solid var(--rule);
  background: var(--bg);
  position: relative;
}
.site { display: flex; align-items: center; gap: 8px; min-width: 0; flex: 1; color: var(--muted); font-size: 14px; }
.site img { width: 16px; height: 16px; flex: none; border-radius: 3px; }
.site-name { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-weight: 600; letter-spacing: .01em; }
.actions { display: flex; gap: 6px; align-items: center; }
button, .btn {
  font: 500 13px/1 var(--ui); color: var(--fg); background: var(--chip);
  border: 1px solid transparent; border-radius: 8px; padding: 8px 12px; cursor: pointer;
  min-height: 34px;
}
button:hover { border-color: var(--rule); filter: brightness(0.97); }
button[disabled] { opacity: .55; cursor: default; }
button.icon { width: 34px; padding: 0; display: inline-grid; place-items: center; font-size: 16px; }
button.aa { font-family: var(--serif); font-size: 16px; width: auto; padding: 0 12px; }
button.aa[aria-expanded="true"] { border-color: var(--muted); }

.panel {
  position: absolute; inset-inline-end: 16px; top: calc(100% + 6px); z-index: 2;
  width: 300px; padding: 14px; border-radius: 12px;
  background: var(--panel); box-shadow: var(--shadow); border: 1px solid var(--rule);
  display: grid; gap: 12px;
}
.panel fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
.panel legend {
  font-size: 12px; color: var(--muted); padding: 0 0 6px; text-transform: uppercase; letter-spacing: .06em;
}
.segmented { display: flex; gap: 4px; }
.segmented label { flex: 1; position: relative; }
.segmented input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.segmented span {
  display: block; text-align: center; padding: 8px 4px; border-radius: 8px; border: 1px solid var(--rule);
  font-size: 13px; background: var(--chip); color: var(--fg);
}
.segmented input:checked + span { border-color: var(--fg); box-shadow: inset 0 0 0 1px var(--fg); font-weight: 600; }
.segmented input:focus-visible + span { outline: 2px solid var(--focus); outline-offset: 2px; }
.swatch-light span { background: #fbfaf7; color: #1f1f1f; }
.swatch-sepia span { background: #f5ecd9; color: #3a2e1f; }
.swatch-dark span { background: #17181b; color: #e4e2dd; }
.font-serif span { font-family: var(--serif); font-size: 15px; }
.font-sans span { font-family: var(--sans); }
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
}
.kicker {
  font: 600 13px/1.3 var(--ui); color: var(--accent); text-transform: uppercase; letter-spacing: .08em;
  margin: 0 0 10px;
}
h1 {
  font: 700 calc(var(--size) * 1.75)/1.18 var(--body-font); margin: 0 0 14px; letter-spacing: -.01em;
  text-wrap: balance;
}
.meta { font: 14px/1.5 var(--ui); color: var(--muted); margin: 0 0 6px; }
.byline { color: var(--fg); font-weight: 600; }
.dateline { font: 14px/1.5 var(--ui); color: var(--muted); margin: 0 0 6px; }
.dateline .place { font-weight: 700; color: var(--fg); text-transform: uppercase; letter-spacing: .04em; }
.dateline .agency { font-weight: 600; color: var(--fg); }
.dateline time { color: var(--fg); }
.dateline .local, .dateline .updated { white-space: nowrap; }
.sep { padding: 0 .45em; opacity: .6; }
.paywall {
  font: 14px/1.45 var(--ui); margin: 16px 0 0; padding: 10px 12px; border-radius: 8px;
  background: var(--chip); border-inline-start: 3px solid var(--accent);
}
.head { border-bottom: 1px solid var(--rule); padding-bottom: 18px; margin-bottom: 22px; }

.article-body { overflow-wrap: break-word; hyphens: auto; }
.article-body p, .article-body ul, .article-body ol, .article-body blockquote,
.article-body figure, .article-body pre, .article-body table { margin: 0 0 1em; }
.article-body h2, .article-body h3, .article-body h4 {
  font-family: var(--body-font); line-height: 1.25; margin: 1.6em 0 .5em;
}
.article-body h2 { font-size: 1.3em; }
/* A heading that opens the article is its standfirst ("spot"), not a section title (marked in mount-reader.ts). */
.article-body .standfirst {
  font-size: 1.12em; font-weight: 500; line-height: 1.45; color: var(--muted); margin: 0 0 1em;
} .article-body h3 { font-size: 1.15em; } .article-body h4 { font-size: 1em; }
.article-body a { color: var(--link); text-decoration-thickness: 1px; text-underline-offset: .15em; }
.article-body img { max-width: 100%; height: auto; display: block; margin: 0 auto; border-radius: 4px; }
.article-body figure { margin-inline: 0; }
.article-body figcaption { font: 13px/1.4 var(--ui); color: var(--muted); margin-top: 6px; }
.article-body blockquote {
  margin-inline: 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--rule); color: var(--muted);
}
.article-body pre, .article-body code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; }
.article-body pre { overflow: auto; background: var(--chip); padding: 10px; border-radius: 6px; }
.article-body table { border-collapse: collapse; display: block; overflow: auto; font-size: .9em; }
.article-body td, .article-body th { border: 1px solid var(--rule); padding: 4px 8px; }
.article-body hr { border: 0; border-top: 1px solid var(--rule); }

.related { margin-top: 40px; border-top: 3px double var(--rule); padding-top: 18px; font-family: var(--ui); }
.related > h2 {
  font: 700 13px/1.3 var(--ui); text-transform: uppercase; letter-spacing: .08em; color: var(--accent);
  margin: 0 0 12px;
}
.related section { margin: 0 0 18px; }
.related h3 { font: 600 13px/1.3 var(--ui); color: var(--muted); margin: 0 0 6px; }
.related ol { list-style: none; margin: 0; padding: 0; }
.related li { border-bottom: 1px solid var(--rule); }
.related li:last-child { border-bottom: 0; }
.related a {
  display: flex; gap: 12px; align-items: baseline; justify-content: space-between; padding: 8px 0; color: var(--fg);
  text-decoration: none; font-size: 15px; line-height: 1.35;
}
.related a:hover .headline { text-decoration: underline; text-underline-offset: .15em; }
.related time { flex: none; font-size: 12px; color: var(--muted); font-variant-numeric: tabular-nums; }
.source { margin-top: 32px; font: 13px/1.4 var(--ui); color: var(--muted); }
.source a { color: var(--link); }

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
  .page { padding: 22px 16px 48px; }
  .toolbar { padding: 6px 10px; }
  .panel { inset-inline: 8px; width: auto; }
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
  .toolbar, .panel, .status, .related, .paywall { display: none !important; }
  .scroller { overflow: visible; }
  .page { max-width: none; padding: 0; }
  .article-body a { color: inherit; }
}
`;
