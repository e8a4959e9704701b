import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fromBase64, utf8 } from '../../src/transparency/bytes';
import {
  leafHash,
  rootFromLeaves,
  verifyConsistency,
  verifyInclusion,
} from '../../src/transparency/merkle';
import { openNote, parseVerifierKey } from '../../src/transparency/note';
import { decodeEntryBundle, parseTilePath } from '../../src/transparency/tiles';
import { openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrations';
import type { Database } from '../db/schema';
import {
  announceSkippedBackends,
  backends,
  freshDatabase,
  isAvailable,
  type TestDatabase,
} from '../test-support';
import { appendToLog, type LogIdentity } from './append';
import { LOG_KEY_FILE, loadLogIdentity, verifierKeyOf } from './key';
import { checkpointOf, consistencyText, latestCheckpoint, proofText, readTile } from './read';

announceSkippedBackends('server/log/log.test.ts');

const ORIGIN = 'ashyq.test/log';
const NOW = new Date('2026-12-02T09:00:00Z');
const entry = (i: number) => `ashyq test entry\nindex ${i}\nтест ${i}\n`;

const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => fromBase64(line) ?? new Uint8Array(0));

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`the transparency log on ${backend}`, () => {
    let database: TestDatabase;
    let db: Kysely<Database>;
    let dir: string;
    let identity: LogIdentity;
    const appended: string[] = [];
    const checkpoints = new Map<number, string>();

    beforeAll(async () => {
      database = await freshDatabase(backend);
      db = openDatabase(database.config).db;
      await migrateToLatest(db);
      dir = await mkdtemp(path.join(tmpdir(), 'ashyq-log-'));
      identity = await loadLogIdentity(dir, ORIGIN);
      // Batches of several sizes, so subtrees complete inside and across appends.
      for (const count of [1, 1, 3, 250, 2, 300]) {
        const batch = Array.from({ length: count }, (_, i) => entry(appended.length + i));
        const result = await db
          .transaction()
          .execute((trx) => appendToLog(trx, identity, batch, NOW));
        expect(result.indexes[0]).toBe(appended.length);
        appended.push(...batch);
        checkpoints.set(result.size, result.checkpoint);
      }
    });
    afterAll(async () => {
      await db?.destroy();
      await database?.cleanup();
      await rm(dir, { recursive: true, force: true });
    });

    test('every signed checkpoint verifies with the published key and has the tree’s root', async () => {
      const key = await parseVerifierKey(await verifierKeyOf(identity));
      expect(key).not.toBeNull();
      const leaves = await Promise.all(appended.map((text) => leafHash(utf8(text))));
      for (const [size, note] of checkpoints) {
        const opened = await openNote(note, key ? [key] : []);
        expect(opened.verified).toHaveLength(1);
        const checkpoint = checkpointOf(note);
        expect(checkpoint?.origin).toBe(ORIGIN);
        expect(checkpoint?.size).toBe(size);
        expect(checkpoint?.root).toEqual(await rootFromLeaves(leaves.slice(0, size)));
      }
      expect((await latestCheckpoint(db))?.size).toBe(appended.length);
    });

    test('inclusion proofs of the first, a middle and the last entry verify; an altered entry fails', async () => {
      const latest = checkpointOf((await latestCheckpoint(db))?.note ?? '');
      for (const index of [0, 1, 255, 256, 400, appended.length - 1]) {
        const text = (await proofText(db, index)) ?? '';
        const [head = '', signed = ''] = [text.slice(0, text.indexOf('\n\n')), text];
        expect(head.split('\n').slice(0, 2)).toEqual(['c2sp.org/tlog-proof@v1', `index ${index}`]);
        expect(signed.endsWith((await latestCheckpoint(db))?.note ?? 'x')).toBe(true);
        const proof = lines(head.split('\n').slice(2).join('\n'));
        const leaf = await leafHash(utf8(appended[index] ?? ''));
        const root = latest?.root ?? new Uint8Array(0);
        expect(await verifyInclusion(index, appended.length, leaf, proof, root)).toBe(true);
        const forged = await leafHash(utf8(`${appended[index]}!`));
        expect(await verifyInclusion(index, appended.length, forged, proof, root)).toBe(false);
      }
      expect(await proofText(db, appended.length)).toBeNull();
    });

    test('consistency proofs between every pair of signed sizes verify', async () => {
      const sizes = [...checkpoints.keys()];
      for (const from of sizes) {
        for (const to of sizes.filter((size) => size >= from)) {
          const proof = lines((await consistencyText(db, from, to)) ?? '');
          const a = checkpointOf(checkpoints.get(from) ?? '');
          const b = checkpointOf(checkpoints.get(to) ?? '');
          expect(
            await verifyConsistency(
              from,
              to,
              proof,
              a?.root ?? new Uint8Array(),
              b?.root ?? new Uint8Array(),
            ),
            `${from} → ${to}`,
          ).toBe(true);
        }
      }
    });

    test('tiles: full and partial hash tiles and entry bundles hold what the tree holds', async () => {
      const size = appended.length; // 557: two full level-0 tiles and one 45 wide
      const tile = (p: string) => {
        const parsed = parseTilePath(p);
        if (!parsed) throw new Error(p);
        return readTile(db, parsed, size);
      };
      const full = await tile('tile/0/001');
      expect(full?.length).toBe(256 * 32);
      const leaves = await Promise.all(appended.map((text) => leafHash(utf8(text))));
      expect(full?.slice(0, 32)).toEqual(leaves[256]);
      expect((await tile('tile/0/002.p/45'))?.length).toBe(45 * 32);
      // An older checkpoint's partial tile is a prefix of today's; a wider one does not exist yet.
      expect(await tile('tile/0/002.p/44')).toEqual(
        full && (await tile('tile/0/002.p/45'))?.slice(0, 44 * 32),
      );
      expect(await tile('tile/0/002.p/46')).toBeNull();
      expect(await tile('tile/0/002')).toBeNull();
      expect((await tile('tile/1/000.p/2'))?.length).toBe(64);
      const bundle = decodeEntryBundle((await tile('tile/entries/002.p/45')) ?? new Uint8Array());
      expect(bundle?.map((bytes) => new TextDecoder().decode(bytes))).toEqual(appended.slice(512));
    });

    test('the database refuses to rewrite or delete entries, hashes and checkpoints, or shrink the log', async () => {
      await expect(
        db.updateTable('log_entries').set({ entry: 'forged\n' }).where('idx', '=', 0).execute(),
      ).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('log_hashes').where('idx', '=', 0).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(db.deleteFrom('log_checkpoints').execute()).rejects.toThrow(/append-only/);
      await expect(db.updateTable('log_state').set({ size: 1 }).execute()).rejects.toThrow(
        /only grows/,
      );
    });

    test('a failed transaction leaves no trace: the size, entries and checkpoints stay', async () => {
      const before = await latestCheckpoint(db);
      await expect(
        db.transaction().execute(async (trx) => {
          await appendToLog(trx, identity, [entry(9999)], NOW);
          throw new Error('the publication failed after its log entry');
        }),
      ).rejects.toThrow(/publication failed/);
      expect(await latestCheckpoint(db)).toEqual(before);
    });

    test('appends at the same moment get distinct, consecutive indexes', async () => {
      const start = (await latestCheckpoint(db))?.size ?? 0;
      const results = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          db.transaction().execute((trx) => appendToLog(trx, identity, [entry(5000 + i)], NOW)),
        ),
      );
      expect(results.map((r) => r.indexes[0]).sort()).toEqual([
        start,
        start + 1,
        start + 2,
        start + 3,
      ]);
      const rows = await db.selectFrom('log_checkpoints').select('size').execute();
      expect(new Set(rows.map((row) => row.size)).size).toBe(rows.length);
    });
  });
}

describe('the signing key', () => {
  test('is made on first start with mode 0600, read back the same, and bound to its origin', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ashyq-log-key-'));
    try {
      const first = await loadLogIdentity(dir, ORIGIN);
      expect((await stat(path.join(dir, LOG_KEY_FILE))).mode & 0o777).toBe(0o600);
      const again = await loadLogIdentity(dir, ORIGIN);
      expect(await verifierKeyOf(again)).toBe(await verifierKeyOf(first));
      expect(await verifierKeyOf(first)).toMatch(
        /^ashyq\.test\/log\+[0-9a-f]{8}\+[A-Za-z0-9+/]+=*$/,
      );
      await expect(loadLogIdentity(dir, 'another.example/log')).rejects.toThrow(
        /origin never changes/,
      );
      await expect(loadLogIdentity(dir, 'has space')).rejects.toThrow(/LOG_ORIGIN/);
      await writeFile(path.join(dir, LOG_KEY_FILE), 'not a key\n');
      await expect(loadLogIdentity(dir, ORIGIN)).rejects.toThrow(/not a signing key/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
