// PouchDB's own typings (@types/pouchdb-*) redeclare Node's global `Buffer` and break this project's
// type-check, so its modules are declared untyped here; src/sync/sync-once.ts types the small
// surface the extension uses (`Pouch`), and every use goes through it.
declare module 'pouchdb-core';
declare module 'pouchdb-adapter-idb';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-replication';
declare module 'express-pouchdb';
