/**
 * "Test connection" (issue #25): what exactly is wrong with a sync configuration, in plain words.
 * Runs in the background (only it may connect out) with the user's fetch; no credentials are sent
 * before the server has answered as a CouchDB-compatible server on the origin the user typed.
 */
export interface SyncServerConfig {
  /** The server's address, e.g. https://couch.example.org:6984 (a path prefix is allowed). */
  url: string;
  database: string;
  user: string;
  password: string;
}

export type CheckProblem =
  | 'bad-url'
  | 'bad-database'
  | 'unreachable'
  | 'not-couchdb'
  | 'too-old'
  | 'unauthorized'
  | 'forbidden'
  | 'missing'
  | 'server-error';

export type CheckResult = { ok: true; message: string } | { ok: false; problem: CheckProblem; message: string };

/** CouchDB's rule for database names. */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** The server's base URL without a trailing slash, or null when it is not an http(s) address. */
export function serverBase(url: string): string | null {
  try {
    const u = new URL(url.trim());
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    if (u.username || u.password || u.search || u.hash) return null;
    return u.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/**
 * The one host sync needs permission for: `https://host/*`. Without the port: Firefox does not
 * count `http://127.0.0.1/*` as containing `http://127.0.0.1:5984/*` (permissions.contains says
 * false), while a pattern without a port covers every port of that host in both browsers.
 */
export function originPattern(url: string): string | null {
  const base = serverBase(url);
  if (!base) return null;
  const u = new URL(base);
  return `${u.protocol}//${u.hostname}/*`;
}

export function databaseUrl(cfg: SyncServerConfig): string {
  return `${serverBase(cfg.url)}/${encodeURIComponent(cfg.database)}`;
}

export function authHeader(cfg: Pick<SyncServerConfig, 'user' | 'password'>): Record<string, string> {
  const bytes = new TextEncoder().encode(`${cfg.user}:${cfg.password}`);
  return { authorization: `Basic ${btoa(String.fromCharCode(...bytes))}` };
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const fail = (problem: CheckProblem, message: string): CheckResult => ({ ok: false, problem, message });

async function reach(fetchImpl: Fetch, url: string, init: RequestInit = {}): Promise<Response | null> {
  try {
    return await fetchImpl(url, { ...init, credentials: 'omit', cache: 'no-store', redirect: 'error' });
  } catch {
    return null;
  }
}

export async function checkServer(cfg: SyncServerConfig, fetchImpl: Fetch = fetch): Promise<CheckResult> {
  const base = serverBase(cfg.url);
  if (!base)
    return fail(
      'bad-url',
      'The server address must start with https:// (or http://), without a user name or password in it.',
    );
  if (!DB_NAME.test(cfg.database)) {
    return fail(
      'bad-database',
      'A database name starts with a lowercase letter and has only lowercase letters, digits and _$()+-/.',
    );
  }
  const hello = await reach(fetchImpl, `${base}/`);
  if (!hello) {
    const tls = base.startsWith('https:') ? ', and that its certificate is valid and trusted by this browser' : '';
    return fail(
      'unreachable',
      `Can't reach ${base}: check the address, that the server is running and reachable from here${tls}.`,
    );
  }
  const welcome = (await hello.json().catch(() => null)) as {
    couchdb?: string;
    version?: string;
    'express-pouchdb'?: string;
  } | null;
  if (!welcome || (!welcome.couchdb && !welcome['express-pouchdb'])) {
    return fail('not-couchdb', `${base} answered, but not as a CouchDB server (is the address the server's root?).`);
  }
  const major = Number(/^(\d+)/.exec(welcome.version ?? '')?.[1] ?? NaN);
  if (welcome.couchdb && major < 2)
    return fail('too-old', `The server runs CouchDB ${welcome.version}; sync needs CouchDB 2 or newer.`);
  const db = await reach(fetchImpl, databaseUrl(cfg), { headers: authHeader(cfg) });
  if (!db) return fail('unreachable', `${base} stopped answering: try again.`);
  if (db.status === 401) return fail('unauthorized', 'The server refused this user name and password (401).');
  if (db.status === 403) {
    return fail(
      'forbidden',
      `The user "${cfg.user}" may not use the database "${cfg.database}" (403): add them to its members.`,
    );
  }
  if (db.status === 404) return fail('missing', `There is no database "${cfg.database}" on the server yet.`);
  if (!db.ok) return fail('server-error', `The server answered ${db.status} for the database "${cfg.database}".`);
  return { ok: true, message: `Connected: database "${cfg.database}" on ${new URL(base).host} is ready to sync.` };
}

/** "Create it" after a `missing` check. */
export async function createDatabase(cfg: SyncServerConfig, fetchImpl: Fetch = fetch): Promise<CheckResult> {
  const res = await reach(fetchImpl, databaseUrl(cfg), { method: 'PUT', headers: authHeader(cfg) });
  if (!res) return fail('unreachable', `Can't reach ${serverBase(cfg.url)}.`);
  if (res.ok || res.status === 412) return { ok: true, message: `Database "${cfg.database}" created.` };
  if (res.status === 401 || res.status === 403) {
    return fail(
      'forbidden',
      `The user "${cfg.user}" may not create databases: ask the server's admin to create "${cfg.database}".`,
    );
  }
  return fail('server-error', `The server answered ${res.status} when creating "${cfg.database}".`);
}
