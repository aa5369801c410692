/**
 * The library's "Sync" settings (issue #25), in its own section of library.html: server, database,
 * user, password, optional passphrase; "Test connection" (with "Create it" when the database is
 * missing), "Turn sync on", "Sync now", "Turn sync off", "Remove from server…" (confirmed), and a
 * status line (last sync, pending changes, the last error in plain words). The page itself never
 * connects out (its CSP); every action is a message to the background.
 *
 * Host permission for the server's one origin is asked in the click's own task (Firefox forgets
 * the user gesture at the first await), before the background is asked to connect.
 */
import { browser } from '../shell/browser.js';
import { sendToBackground } from '../shell/messages.js';
import { originPattern, type CheckResult } from '../sync/check-server.js';
import { syncStateItem, type SyncStatus } from '../sync/sync-settings.js';
import { describeProgress } from '../sync/sync-once.js';
import { el } from './dom.js';

interface Fields {
  url: HTMLInputElement;
  database: HTMLInputElement;
  user: HTMLInputElement;
  password: HTMLInputElement;
  passphrase: HTMLInputElement;
}

function field(doc: Document, label: string, input: HTMLInputElement): HTMLLabelElement {
  return el(doc, 'label', { class: 'sync-field' }, el(doc, 'span', {}, label), input);
}

export function describeStatus(s: SyncStatus, locale?: string): string {
  if (!s.enabled) return 'Sync is off. Your library stays on this device only.';
  const when = s.lastSync ? `Last synced ${new Date(s.lastSync).toLocaleString(locale)}` : 'Not synced yet';
  const pending = s.pending ? ` · ${s.pending} change${s.pending === 1 ? '' : 's'} waiting to be sent` : '';
  const lock = s.encrypted ? ' · end-to-end encrypted' : '';
  const now = s.running ? `Syncing… ${s.progress ? describeProgress(s.progress, locale) + ' ' : ''}` : '';
  return `${now}${when}${pending}${lock} (${s.database} on ${s.url}).`;
}

export function mountSyncPanel(doc: Document, host: HTMLElement, signal: AbortSignal): void {
  const input = (name: string, type = 'text', extra: Record<string, string> = {}): HTMLInputElement =>
    el(doc, 'input', { name, type, autocomplete: 'off', spellcheck: 'false', ...extra });
  const f: Fields = {
    url: input('url', 'url', { placeholder: 'https://couch.example.org:6984' }),
    database: input('database', 'text', { value: 'dateline' }),
    user: input('user'),
    password: input('password', 'password', { autocomplete: 'new-password' }),
    passphrase: input('passphrase', 'password', {
      autocomplete: 'new-password',
      placeholder: 'optional: encrypts everything',
    }),
  };
  const button = (text: string, cls = ''): HTMLButtonElement =>
    el(doc, 'button', { type: 'button', class: cls || null }, text);
  const test = button('Test connection');
  const create = button('Create the database');
  const enable = button('Turn sync on');
  const now = button('Sync now');
  const disable = button('Turn sync off');
  const rekey = button('Change passphrase…');
  const remove = button('Remove from server…', 'danger');
  create.hidden = true;
  const status = el(doc, 'p', { id: 'sync-status', role: 'status' });
  const problem = el(doc, 'p', { id: 'sync-message', role: 'alert' });
  const form = el(
    doc,
    'div',
    { class: 'sync-form' },
    field(doc, 'Server address', f.url),
    field(doc, 'Database', f.database),
    field(doc, 'User', f.user),
    field(doc, 'Password', f.password),
    field(doc, 'Passphrase', f.passphrase),
  );
  host.append(
    el(
      doc,
      'details',
      { id: 'sync-details' },
      el(doc, 'summary', {}, 'Sync with your own server (CouchDB)'),
      el(
        doc,
        'p',
        { class: 'sync-note' },
        'Keeps this library the same on your devices through a CouchDB server you choose. ',
        'Nothing is sent until you turn it on. With a passphrase, articles and images are encrypted ',
        'in this browser before they leave: the server sees only ciphertext.',
      ),
      form,
      el(doc, 'div', { class: 'sync-actions' }, test, create, enable, now, disable, rekey, remove),
      status,
      problem,
    ),
  );

  const config = () => ({
    url: f.url.value.trim(),
    database: f.database.value.trim(),
    user: f.user.value.trim(),
    password: f.password.value,
  });
  /** The message line: what went wrong (`error`, in the danger colour) or what happened. */
  const say = (text: string, error = false): void => {
    problem.textContent = text;
    problem.classList.toggle('error', error && !!text);
  };
  /** The last pass's error as shown: a later pass that succeeds takes it away (the server is back). */
  let passError = '';
  const show = (s: SyncStatus): void => {
    status.textContent = describeStatus(s);
    if (s.lastError) say((passError = s.lastError), true);
    else if (passError) {
      if (problem.textContent === passError) say('');
      passError = '';
    }
    now.disabled = disable.disabled = rekey.disabled = remove.disabled = !s.enabled;
    if (s.enabled && !f.url.value) {
      f.url.value = s.url;
      f.database.value = s.database;
      f.user.value = s.user;
    }
  };
  const refresh = (): Promise<void> =>
    sendToBackground('sync:status', {}).then(show, (e: unknown) => say(String(e), true));
  const asking = (fn: () => Promise<unknown>) => (): void => {
    say('');
    void fn().catch((e: unknown) => say(e instanceof Error ? e.message : String(e), true));
  };
  /** Must be called synchronously from the click (see the module comment). */
  const grant = (): Promise<boolean> => {
    const origin = originPattern(f.url.value);
    if (!origin) return Promise.reject(new Error('The server address must start with https:// (or http://).'));
    return browser.permissions.request({ origins: [origin] });
  };
  const report = (r: CheckResult): void => {
    say(r.message, !r.ok);
    create.hidden = r.ok || r.problem !== 'missing';
  };

  test.addEventListener(
    'click',
    asking(async () => {
      const granted = grant();
      if (!(await granted))
        return say('Sync needs permission to connect to this server: the browser did not grant it.', true);
      say('Testing…');
      report(await sendToBackground('sync:check', { config: config() }));
    }),
    { signal },
  );
  create.addEventListener(
    'click',
    asking(async () => {
      report(await sendToBackground('sync:create-db', { config: config() }));
    }),
    { signal },
  );
  enable.addEventListener(
    'click',
    asking(async () => {
      const granted = grant();
      if (!(await granted))
        return say('Sync needs permission to connect to this server: the browser did not grant it.', true);
      const check = await sendToBackground('sync:check', { config: config() });
      if (!check.ok) return report(check);
      status.textContent = 'Syncing…';
      show(await sendToBackground('sync:enable', { config: { ...config(), passphrase: f.passphrase.value } }));
    }),
    { signal },
  );
  now.addEventListener(
    'click',
    asking(async () => {
      status.textContent = 'Syncing…';
      show(await sendToBackground('sync:now', {}));
    }),
    { signal },
  );
  disable.addEventListener(
    'click',
    asking(async () => show(await sendToBackground('sync:disable', {}))),
    { signal },
  );
  rekey.addEventListener(
    'click',
    asking(async () => {
      const passphrase = f.passphrase.value;
      if (!passphrase) return say('Type the new passphrase in Passphrase first.', true);
      const ok = doc.defaultView?.confirm(
        'Encrypt the library on the server again with the new passphrase? Your other devices stop syncing ' +
          'until you enter the new passphrase there too.',
      );
      if (!ok) return;
      status.textContent = 'Syncing…';
      const changed = await sendToBackground('sync:change-passphrase', { passphrase });
      say(changed.message, !changed.ok);
      await refresh();
    }),
    { signal },
  );
  remove.addEventListener(
    'click',
    asking(async () => {
      const ok = doc.defaultView?.confirm(
        `Delete the database "${f.database.value}" and everything in it from the server? ` +
          'Sync turns off; your library here stays.',
      );
      if (!ok) return;
      const removed = await sendToBackground('sync:remove-from-server', {});
      say(removed.message, !removed.ok);
      await refresh();
    }),
    { signal },
  );
  syncStateItem.onChanged(() => void refresh(), signal);
  void refresh();
}
