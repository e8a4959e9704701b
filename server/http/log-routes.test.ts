import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openNote, parseVerifierKey } from '../../src/transparency/note';
import { openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrations';
import type { Database } from '../db/schema';
import { appendToLog } from '../log/append';
import { loadLogIdentity } from '../log/key';
import { freshDatabase, type TestDatabase } from '../test-support';
import { logRoutes } from './log-routes';

let database: TestDatabase;
let db: Kysely<Database>;
let dir: string;
let app: ReturnType<typeof logRoutes>;

beforeAll(async () => {
  database = await freshDatabase('sqlite');
  db = openDatabase(database.config).db;
  await migrateToLatest(db);
  dir = await mkdtemp(path.join(tmpdir(), 'ashyq-log-routes-'));
  const identity = await loadLogIdentity(dir, 'ashyq.test/log');
  app = logRoutes(db, identity);
  const empty = await app.request('/log/checkpoint');
  expect(empty.status).toBe(404);
  const entries = Array.from({ length: 300 }, (_, i) => `entry ${i}\n`);
  await db
    .transaction()
    .execute((trx) => appendToLog(trx, identity, entries, new Date('2026-12-02T00:00:00Z')));
});
afterAll(async () => {
  await db?.destroy();
  await database?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

test('the checkpoint is a signed note that the served key verifies', async () => {
  const checkpoint = await app.request('/log/checkpoint');
  expect(checkpoint.status).toBe(200);
  expect(checkpoint.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(checkpoint.headers.get('cache-control')).toBe('no-cache');
  expect(checkpoint.headers.get('access-control-allow-origin')).toBe('*');
  const note = await checkpoint.text();
  expect(note.split('\n').slice(0, 2)).toEqual(['ashyq.test/log', '300']);
  const keyLine = (await (await app.request('/log/key')).text()).trim();
  const key = await parseVerifierKey(keyLine);
  expect(key).not.toBeNull();
  expect((await openNote(note, key ? [key] : [])).verified).toHaveLength(1);
});

test('full tiles are immutable, partial ones revalidated, others 404', async () => {
  const full = await app.request('/log/tile/0/000');
  expect(full.status).toBe(200);
  expect(full.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect((await full.arrayBuffer()).byteLength).toBe(256 * 32);
  const partial = await app.request('/log/tile/0/001.p/44');
  expect(partial.headers.get('cache-control')).toBe('no-cache');
  expect((await partial.arrayBuffer()).byteLength).toBe(44 * 32);
  expect((await app.request('/log/tile/entries/001.p/44')).status).toBe(200);
  expect((await app.request('/log/tile/0/001')).status).toBe(404);
  expect((await app.request('/log/tile/0/x000/001')).status).toBe(404);
  expect((await app.request('/log/tile/0/../../etc/passwd')).status).toBe(404);
});

test('proofs and consistency answer for what exists and say so for what does not', async () => {
  const proof = await app.request('/log/proof/299');
  expect(proof.status).toBe(200);
  expect((await proof.text()).startsWith('c2sp.org/tlog-proof@v1\nindex 299\n')).toBe(true);
  expect((await app.request('/log/proof/300')).status).toBe(404);
  expect((await app.request('/log/proof/01')).status).toBe(404);
  expect((await app.request('/log/proof/-1')).status).toBe(404);
  const consistency = await app.request('/log/consistency?from=10&to=300');
  expect(consistency.status).toBe(200);
  expect((await consistency.text()).trim().split('\n').length).toBeGreaterThan(0);
  expect((await app.request('/log/consistency?from=10&to=301')).status).toBe(400);
  expect((await app.request('/log/consistency?from=x')).status).toBe(400);
  expect((await app.request('/log/nothing')).status).toBe(404);
});
