/**
 * PouchDB as the extension runs it (issue #25): the mirror in IndexedDB (the idb adapter), the
 * server over HTTP, and CouchDB replication. Background only: the extension pages' CSP allows no
 * connection out, and the content script never loads sync code.
 */
import PouchDB from 'pouchdb-core';
import idb from 'pouchdb-adapter-idb';
import http from 'pouchdb-adapter-http';
import replication from 'pouchdb-replication';
import type { Pouch } from './sync-once.js';

PouchDB.plugin(idb).plugin(http).plugin(replication);

export function mirrorPouch(name: string): Pouch {
  return new PouchDB(name, { adapter: 'idb', auto_compaction: true }) as Pouch;
}

/** `skip_setup`: never create the database as a side effect (the user creates it, after a check). */
export function remotePouch(url: string, user: string, password: string): Pouch {
  return new PouchDB(url, { adapter: 'http', skip_setup: true, auth: { username: user, password } }) as Pouch;
}
