/**
 * A real CouchDB-protocol server for the sync tests (issue #25), in this process on 127.0.0.1:
 * express-pouchdb (PouchDB's CouchDB REST layer; pure JavaScript, installs on Node 20 without
 * native builds or downloads) over the in-memory adapter. express-pouchdb's "minimumForPouchDB"
 * mode has no users, so a small gate in front answers like CouchDB: 401 for missing or wrong
 * credentials, 403 for a user without access to the database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import PouchDB from 'pouchdb-core';
import memory from 'pouchdb-adapter-memory';
import httpAdapter from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import expressPouchDB from 'express-pouchdb';
import type { Pouch } from '../../src/sync/sync-once.js';

PouchDB.plugin(memory).plugin(httpAdapter).plugin(replication);

export const USER = 'reader';
export const PASSWORD = 'correct horse';
/** Authenticates, but has no access to the databases (CouchDB answers 403). */
export const OUTSIDER = 'outsider';

let serverCount = 0;

export interface CouchServer {
  origin: string;
  close(): Promise<void>;
  /** Stops answering (connections cut, port closed), keeping the databases; `restart()` listens on the same port. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** A PouchDB on the server's database `name` with the test credentials (created when `create`). */
  remote(name: string, options?: { password?: string; create?: boolean }): Promise<Pouch>;
}

/** A local, in-memory PouchDB (a device's mirror). */
export function memoryPouch(name: string): Pouch {
  return new PouchDB(name, { adapter: 'memory' }) as unknown as Pouch;
}

function credentials(req: http.IncomingMessage): [string, string] | null {
  const m = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
  if (!m) return null;
  const [user, ...rest] = Buffer.from(m[1]!, 'base64').toString().split(':');
  return [user ?? '', rest.join(':')];
}

export async function startCouchServer(): Promise<CouchServer> {
  // Each server its own prefix: memory databases of the same name are shared within a process.
  const ServerPouch = PouchDB.defaults({ adapter: 'memory', prefix: `srv${++serverCount}-` });
  const app = expressPouchDB(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: '/dev/null' });
  const handle = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (req.url === '/' || req.url?.startsWith('/?')) return app(req, res);
    const who = credentials(req);
    const refuse = (status: number, error: string): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error, reason: error }));
    };
    if (!who || (who[0] === USER && who[1] !== PASSWORD)) return refuse(401, 'unauthorized');
    if (who[0] === OUTSIDER) return refuse(403, 'forbidden');
    if (who[0] !== USER) return refuse(401, 'unauthorized');
    return app(req, res);
  };
  let server = http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const stop = (): Promise<void> =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    origin,
    close: stop,
    stop,
    async restart() {
      server = http.createServer(handle);
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    },
    async remote(name, options = {}) {
      const auth = { username: USER, password: options.password ?? PASSWORD };
      if (options.create) {
        const res = await fetch(`${origin}/${name}`, {
          method: 'PUT',
          headers: { authorization: `Basic ${btoa(`${USER}:${PASSWORD}`)}` },
        });
        if (!res.ok && res.status !== 412) throw new Error(`create ${name}: ${res.status}`);
      }
      return new PouchDB(`${origin}/${name}`, {
        adapter: 'http',
        auth,
        skip_setup: true,
      } as object) as unknown as Pouch;
    },
  };
}
