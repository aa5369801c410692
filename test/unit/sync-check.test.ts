/** "Test connection" (issue #25) against a real CouchDB-protocol server on 127.0.0.1, and a dead port. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkServer, createDatabase, originPattern } from '../../src/sync/check-server.js';
import { OUTSIDER, PASSWORD, USER, startCouchServer, type CouchServer } from '../support/couch-server.js';

let server: CouchServer;
let other: http.Server;
let otherOrigin: string;
beforeAll(async () => {
  server = await startCouchServer();
  await server.remote('present', { create: true });
  // A web server that is not CouchDB.
  other = http.createServer((_req, res) => res.end('<!doctype html><title>hello</title>'));
  await new Promise<void>((r) => other.listen(0, '127.0.0.1', r));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await server.close();
  await new Promise((r) => other.close(r));
});

const cfg = (over: Partial<Parameters<typeof checkServer>[0]> = {}) => ({
  url: server.origin,
  database: 'present',
  user: USER,
  password: PASSWORD,
  ...over,
});

describe('checkServer', () => {
  it('says what is wrong, in plain words', async () => {
    expect(await checkServer(cfg())).toMatchObject({ ok: true, message: expect.stringMatching(/Connected/) });
    expect(await checkServer(cfg({ url: 'ftp://x' }))).toMatchObject({ problem: 'bad-url' });
    expect(await checkServer(cfg({ database: 'My Library' }))).toMatchObject({ problem: 'bad-database' });
    expect(await checkServer(cfg({ password: 'nope' }))).toMatchObject({
      problem: 'unauthorized',
      message: expect.stringMatching(/401/),
    });
    expect(await checkServer(cfg({ user: OUTSIDER }))).toMatchObject({
      problem: 'forbidden',
      message: expect.stringMatching(/403/),
    });
    expect(await checkServer(cfg({ database: 'absent' }))).toMatchObject({ problem: 'missing' });
    expect(await checkServer(cfg({ url: otherOrigin }))).toMatchObject({ problem: 'not-couchdb' });
    const dead = await new Promise<number>((r) => {
      const s = http.createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as AddressInfo).port;
        s.close(() => r(port));
      });
    });
    expect(await checkServer(cfg({ url: `http://127.0.0.1:${dead}` }))).toMatchObject({ problem: 'unreachable' });
  });

  it('reports a CouchDB 1.x server as too old', async () => {
    const old = async (): Promise<Response> => new Response(JSON.stringify({ couchdb: 'Welcome', version: '1.7.2' }));
    expect(await checkServer(cfg(), old)).toMatchObject({
      problem: 'too-old',
      message: expect.stringMatching(/1\.7\.2/),
    });
  });

  it('creates a missing database on request', async () => {
    expect(await createDatabase(cfg({ database: 'fresh' }))).toMatchObject({ ok: true });
    expect(await checkServer(cfg({ database: 'fresh' }))).toMatchObject({ ok: true });
  });

  it('asks permission for the server origin only', () => {
    expect(originPattern('https://couch.example.org:6984/prefix/')).toBe('https://couch.example.org/*');
    expect(originPattern('javascript:alert(1)')).toBeNull();
  });
});
