/**
 * Listen's styles, added to the reader's stylesheet: the bar under the toolbar and the highlight of
 * the sentence being said (the Custom Highlight API's ::highlight, or a class on the block where the
 * API is missing). Colours follow the reader's theme variables.
 */
export const LISTEN_CSS = String.raw`
.reader { --listen-hl: #fde68a; --listen-fg: #1f1f1f; }
.reader[data-theme="sepia"] { --listen-hl: #f3d48b; --listen-fg: #3a2e1f; }
.reader[data-theme="dark"] { --listen-hl: #6b5416; --listen-fg: #fff7e0; }
@media (prefers-color-scheme: dark) { .reader[data-theme="auto"] { --listen-hl: #6b5416; --listen-fg: #fff7e0; } }
button.listen[aria-pressed="true"] { border-color: var(--muted); }
.listen-bar {
  flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 8px;
  padding: 6px 16px; border-bottom: 1px solid var(--rule); background: var(--bg); font-size: 13px;
}
.listen-bar label { display: inline-flex; align-items: center; gap: 6px; color: var(--muted); }
.listen-bar select {
  font: 13px var(--ui); color: var(--fg); background: var(--chip); border: 1px solid var(--rule);
  border-radius: 8px; padding: 6px 8px; max-width: 16em;
}
.listen-bar button[aria-pressed="true"] { border-color: var(--muted); }
.listen-status { flex: 1; min-width: 8em; color: var(--muted); }
::highlight(dateline-listen) { background-color: var(--listen-hl); color: var(--listen-fg); }
.listen-fallback { background-color: var(--listen-hl); color: var(--listen-fg); border-radius: 3px; }
@media print { .listen-bar { display: none !important; } }
`;
