/**
 * Entry point: the options page (options.html), auto-clean section. Wiring only: the state comes
 * from the background (autoclean:state), every change goes back through a message, and permission
 * prompts are raised here, in the click's gesture (grant-flow.ts). `?grant=<site>&mode=always`
 * (opened by the overlay's "Always clean <site>") shows a focused prompt for that one site.
 * The page follows changes made elsewhere (permissions revoked in the browser, the overlay's
 * choices) by listening to permission and storage events.
 */
import { browser } from '../shell/browser.js';
import { sendToBackground } from '../shell/messages.js';
import type { AutoCleanState } from '../shell/messages/autoclean.js';
import { chooseMode, requestSites } from './grant-flow.js';
import { parseSite, displaySite } from '../autoclean/site.js';
import { parseSiteList } from '../autoclean/list-text.js';
import { isSiteMode, type SiteMode, type SiteRow, type SiteStatus } from '../autoclean/settings.js';
import { setUpReadingDefaults } from './reading-defaults.js';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`options.html has no #${id}`);
  return el as T;
};

const STATUS_TEXT: Record<SiteStatus, string> = {
  active: 'Active',
  'needs-permission': 'Needs permission',
  paused: 'Paused (auto-clean is off)',
  never: 'Never',
  suggested: 'Not enabled',
};
const MODE_TEXT: Record<SiteMode, string> = { always: 'Always', ask: 'Ask', never: 'Never' };

const request = (p: { origins: string[] }): Promise<boolean> => browser.permissions.request(p);
const save = (site: string, mode: SiteMode): Promise<AutoCleanState> =>
  sendToBackground('autoclean:set-mode', { site, mode });

let state: AutoCleanState = { enabled: false, rows: [], needsPermission: [] };

function say(text: string): void {
  $('message').textContent = text;
}

async function refresh(): Promise<void> {
  state = await sendToBackground('autoclean:state', {});
  render();
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

function matchesSearch(row: SiteRow, q: string): boolean {
  if (!q) return true;
  const hay = [row.site, row.display, row.starter?.name, row.starter?.lang, row.starter?.country]
    .join(' ')
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .every((w) => hay.includes(w));
}

function visibleRows(): SiteRow[] {
  const q = $<HTMLInputElement>('search').value.trim();
  const filter = $<HTMLSelectElement>('filter').value;
  return state.rows.filter((r) => {
    if (filter === 'mine' && !r.mode) return false;
    if (filter === 'starter' && r.mode) return false;
    if (filter === 'needs-permission' && r.status !== 'needs-permission') return false;
    return matchesSearch(r, q);
  });
}

function rowElement(row: SiteRow): HTMLTableRowElement {
  const name = row.starter?.name ?? (row.source === 'user' ? 'Added by you' : '');
  const siteCell = el('td', { className: 'site' }, row.display);
  if (row.display !== row.site) siteCell.title = row.site; // the punycode form, for homograph-wary users
  if (name) siteCell.append(el('small', {}, name));
  const modes = el('span', { className: 'modes' });
  modes.setAttribute('role', 'group');
  modes.setAttribute('aria-label', `Mode for ${row.display}`);
  for (const mode of ['always', 'ask', 'never'] as const) {
    const b = el('button', { type: 'button', textContent: MODE_TEXT[mode] });
    b.setAttribute('aria-pressed', String(row.mode === mode));
    b.dataset.site = row.site;
    b.dataset.mode = mode;
    modes.append(b);
  }
  const actions = el('td', { className: 'actions' });
  if (row.status === 'needs-permission') {
    const g = el('button', { type: 'button', textContent: 'Grant access', className: 'primary' });
    g.dataset.grant = row.site;
    actions.append(g, ' ');
  }
  if (row.mode) {
    const r = el('button', { type: 'button', textContent: 'Remove', className: 'danger' });
    r.dataset.remove = row.site;
    r.setAttribute('aria-label', `Remove ${row.display}`);
    actions.append(r);
  }
  const tr = el(
    'tr',
    {},
    siteCell,
    el('td', { className: 'lang' }, row.starter?.lang ?? ''),
    el('td', { className: `status ${row.status}`, textContent: STATUS_TEXT[row.status] }),
    el('td', {}, modes),
    actions,
  );
  tr.dataset.site = row.site;
  return tr;
}

/** A suggestion: the starter list's site the user has not chosen; "Add" sets it to Always (asks for access). */
function suggestionElement(row: SiteRow): HTMLTableRowElement {
  const siteCell = el('td', { className: 'site' }, row.display);
  if (row.starter?.name) siteCell.append(el('small', {}, row.starter.name));
  const add = el('button', { type: 'button', textContent: 'Add' });
  add.dataset.site = row.site;
  add.dataset.mode = 'always';
  add.setAttribute('aria-label', `Add ${row.display} (always clean)`);
  const tr = el(
    'tr',
    {},
    siteCell,
    el('td', { className: 'lang' }, row.starter?.lang ?? ''),
    el('td', { className: 'actions' }, add),
  );
  tr.dataset.site = row.site;
  return tr;
}

/** What the switch means now, and the next step when it does nothing yet. */
function explainSwitch(): void {
  const mine = state.rows.filter((r) => r.mode && r.mode !== 'never');
  const active = mine.filter((r) => r.status === 'active').length;
  const waiting = mine.filter((r) => r.status === 'needs-permission').length;
  const sites = (n: number): string => `${n} site${n === 1 ? '' : 's'}`;
  let hint: string;
  let next = '';
  if (!state.enabled) {
    hint = mine.length
      ? `Off: nothing runs on any site. Your ${sites(mine.length)} below ${mine.length === 1 ? 'is' : 'are'} kept.`
      : 'Off: nothing runs on any site.';
  } else if (active) {
    hint =
      `On: articles on ${sites(active)} open cleaned.` +
      (waiting ? ` ${sites(waiting)} still ${waiting === 1 ? 'needs' : 'need'} your permission.` : '');
  } else if (waiting) {
    hint = 'On, but no site is cleaned yet.';
    next =
      `Your browser has not given access to ${waiting === 1 ? 'your site' : `your ${sites(waiting)}`}` +
      ' yet: press "Grant access" next to it below.';
  } else {
    hint = 'On, but no site is chosen yet: nothing is cleaned.';
    next = 'Next: add the news sites you read. Press "Add" on a suggestion below, or type a site under "Your sites".';
  }
  $('enabled-hint').textContent = hint;
  $('next-step').hidden = !next;
  $('next-text').textContent = next;
  $('next-button').hidden = Boolean(waiting && !active);
}

function render(): void {
  $<HTMLInputElement>('enabled').checked = state.enabled;
  explainSwitch();
  const rows = visibleRows();
  const mineRows = rows.filter((r) => r.mode);
  const suggestions = rows.filter((r) => !r.mode);
  $('rows').replaceChildren(...mineRows.map(rowElement));
  $('suggestions').replaceChildren(...suggestions.map(suggestionElement));
  const mine = state.rows.filter((r) => r.mode).length;
  $('mine-empty').hidden = mine > 0;
  $('count').textContent = `${rows.length} shown · ${mine} chosen by you · ${state.rows.length - mine} suggestions`;
  const grantAll = $<HTMLButtonElement>('grant-all');
  grantAll.hidden = state.needsPermission.length === 0;
  const needing = state.needsPermission.length;
  grantAll.textContent = `Grant access to ${needing} site${needing === 1 ? '' : 's'} that need it`;
}

function reportOutcome(site: string, mode: SiteMode, saved: boolean): void {
  say(
    saved
      ? `${displaySite(site)}: ${MODE_TEXT[mode]}.`
      : `${displaySite(site)} was not changed: the browser did not grant access to it.`,
  );
}

/** Table clicks: mode buttons, grant, remove. Permission requests happen before any await. */
function onTableClick(ev: MouseEvent): void {
  const b = (ev.target as HTMLElement).closest('button');
  if (!b) return;
  const { site, mode, grant, remove } = b.dataset;
  if (site && isSiteMode(mode)) {
    void chooseMode(site, mode, { request, save }).then(
      (o) => {
        reportOutcome(site, mode, o.saved);
        return refresh();
      },
      (e: unknown) => say(String(e)),
    );
  } else if (grant) {
    void requestSites([grant], request).then((ok) => {
      say(ok ? `Access to ${displaySite(grant)} granted.` : 'Access was not granted.');
      return refresh();
    });
  } else if (remove) {
    void sendToBackground('autoclean:remove', { site: remove }).then((s) => {
      state = s;
      render();
      say(`${displaySite(remove)} removed from your list.`);
    });
  }
}

function onAdd(): void {
  const input = $<HTMLInputElement>('add-site');
  const parsed = parseSite(input.value);
  const mode = $<HTMLSelectElement>('add-mode').value as SiteMode;
  if (!parsed.ok) {
    say(`Not added: ${parsed.reason}.`);
    return;
  }
  void chooseMode(parsed.site, mode, { request, save }).then((o) => {
    reportOutcome(parsed.site, mode, o.saved);
    if (o.saved) input.value = '';
    return refresh();
  });
}

function onImport(): void {
  const parsed = parseSiteList($<HTMLTextAreaElement>('list-text').value);
  const toGrant = parsed.entries.filter((e) => e.mode !== 'never').map((e) => e.site);
  // One prompt for all of them, in this click's gesture; the list is saved whatever the answer.
  const asked = requestSites(toGrant, request).catch(() => false);
  void asked.then(async (granted) => {
    const r = await sendToBackground('autoclean:add', { entries: parsed.entries });
    state = r;
    render();
    const read = `${parsed.entries.length} site${parsed.entries.length === 1 ? '' : 's'} read`;
    const dupes = parsed.duplicates;
    const merged = dupes ? `, ${dupes} duplicate line${dupes === 1 ? '' : 's'} merged` : '';
    const lines = [
      `${read}: ${r.added} new, ${r.changed} changed${merged}.`,
      ...(toGrant.length && !granted ? ['The browser did not grant access: those sites show "Needs permission".'] : []),
      ...(parsed.problems.length
        ? [`${parsed.problems.length} line${parsed.problems.length === 1 ? ' was' : 's were'} not imported:`]
        : []),
      ...parsed.problems.map((p) => `  line ${p.line}: "${p.text}" — ${p.reason}`),
    ];
    $('import-report').textContent = lines.join('\n');
  });
}

async function onExport(): Promise<void> {
  const { text } = await sendToBackground('autoclean:export', {});
  $<HTMLTextAreaElement>('list-text').value = text;
  const a = $<HTMLAnchorElement>('download');
  if (a.href.startsWith('blob:')) URL.revokeObjectURL(a.href);
  a.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  a.hidden = false;
  $('import-report').textContent = 'Your list is in the box above (and as a file: Download).';
}

/** `?grant=<site>&mode=always|ask`: the overlay's "Always clean <site>" sent the user here to grant access. */
function setUpGrantPrompt(): void {
  const params = new URLSearchParams(location.search);
  const raw = params.get('grant');
  if (!raw) return;
  const parsed = parseSite(raw);
  const mode = params.get('mode') === 'ask' ? 'ask' : 'always';
  if (!parsed.ok) return;
  const site = parsed.site;
  $('grant').hidden = false;
  $('grant-text').textContent =
    `Articles on ${displaySite(site)} will open in Dateline Reader by themselves. ` +
    `Your browser will ask you to let Dateline Reader access ${displaySite(site)} (and only that site).`;
  $('grant-allow').addEventListener('click', () => {
    void chooseMode(site, mode, { request, save }).then(async (o) => {
      if (!o.saved) {
        $('grant-text').textContent = `Nothing changed: access to ${displaySite(site)} was not granted.`;
        return;
      }
      if (!state.enabled) await sendToBackground('autoclean:set-enabled', { enabled: true });
      $('grant-text').textContent =
        `Done: articles on ${displaySite(site)} will open cleaned. You can close this window.`;
      $('grant-allow').hidden = true;
      await refresh();
      setTimeout(() => window.close(), 1500);
    });
  });
  $('grant-cancel').addEventListener('click', () => window.close());
  $<HTMLInputElement>('search').value = displaySite(site);
}

function main(): void {
  $('rows').addEventListener('click', onTableClick);
  $('suggestions').addEventListener('click', onTableClick);
  $('next-button').addEventListener('click', () => {
    $('suggest-title').scrollIntoView({ block: 'start' });
    $('suggestions').querySelector('button')?.focus({ preventScroll: true });
  });
  setUpReadingDefaults(document);
  $('enabled').addEventListener('change', () => {
    void sendToBackground('autoclean:set-enabled', { enabled: $<HTMLInputElement>('enabled').checked }).then((s) => {
      state = s;
      render();
    });
  });
  $('add-button').addEventListener('click', onAdd);
  $('add-site').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') onAdd();
  });
  $('search').addEventListener('input', render);
  $('filter').addEventListener('change', render);
  $('grant-all').addEventListener('click', () => {
    void requestSites(state.needsPermission, request).then((ok) => {
      say(ok ? 'Access granted.' : 'Access was not granted.');
      return refresh();
    });
  });
  $('import-button').addEventListener('click', onImport);
  $<HTMLInputElement>('import-file').addEventListener('change', (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    // Reading the file loses the click's gesture, so it only fills the box; "Import" asks for access.
    if (file)
      void file.text().then((t) => {
        $<HTMLTextAreaElement>('list-text').value = t;
        $('import-report').textContent = 'Review the lines, then press "Import these lines".';
      });
  });
  $('export-button').addEventListener('click', () => void onExport());
  // Follow changes made elsewhere: permissions revoked in the browser's UI, the overlay's choices.
  browser.permissions.onAdded.addListener(() => void refresh());
  browser.permissions.onRemoved.addListener(() => void refresh());
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && 'autoclean' in changes) void refresh();
  });
  setUpGrantPrompt();
  void refresh();
}

main();
