import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openNote, parseNote, parseVerifierKey } from '../src/transparency/note';
import { appendToLog, type LogIdentity } from './log/append';
import { loadLogIdentity, verifierKeyOf } from './log/key';
import { createTestWitness, type TestWitness } from './log/test-witness';
import { cosignatureLines } from './log/witness';
import { parseWitnesses } from './log/witness-config';
import { createLogger } from './logger';
import { startServer } from './start';
import { runVerifyLog } from './verify-log-cli';
import {
  announceSkippedBackends,
  backends,
  freshDatabase,
  isAvailable,
  type TestDatabase,
} from './test-support';

announceSkippedBackends('server/witness-server.test.ts');

const ORIGIN = 'ashyq.test/log';

/** A port nothing listens on any more. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

/** A witness that takes the request and never answers. */
async function silentWitness(): Promise<{ url: string; close(): void }> {
  const app = new Hono();
  app.post('/add-checkpoint', () => new Promise<Response>(() => {}));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({
        url: `http://127.0.0.1:${(info as AddressInfo).port}/`,
        close: () => {
          if ('closeAllConnections' in server) server.closeAllConnections();
          server.close();
        },
      }),
    );
  });
}

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`witnesses of the log on ${backend}`, () => {
    let database: TestDatabase;
    let dataDir: string;
    let identity: LogIdentity;
    let witness: TestWitness;
    let witnessAt: { url: string; close(): Promise<void> };
    const warnings: string[] = [];
    const closers: (() => unknown)[] = [];

    const start = (witnesses: string) =>
      startServer({
        database: database.config,
        distDir: null,
        port: 0,
        hostname: '127.0.0.1',
        logger: createLogger('warn', { write: (line: string) => void warnings.push(line) }),
        transparencyLog: {
          dataDir,
          origin: ORIGIN,
          fallbackOrigin: ORIGIN,
          witnesses: parseWitnesses(witnesses),
          witnessTimeoutMs: 500,
        },
      });
    const checkpointOf = async (url: string) => (await fetch(`${url}/log/checkpoint`)).text();
    const sizeOf = (note: string) => Number(note.split('\n')[1]);
    const append = async (server: Awaited<ReturnType<typeof start>>, label: string) => {
      await server.db
        .transaction()
        .execute((trx) =>
          appendToLog(trx, identity, [`witness test entry\n${label}\n`], new Date()),
        );
      server.invalidate();
    };
    /** The witness's valid cosignature lines in a served checkpoint. */
    const cosignedBy = async (note: string, by: TestWitness) => {
      const [config] = parseWitnesses(`http://w/ ${by.vkey}`);
      if (!config) throw new Error('no witness');
      const key = await crypto.subtle.importKey(
        'raw',
        new Uint8Array(config.publicKey),
        'Ed25519',
        false,
        ['verify'],
      );
      const { text, signatures } = parseNote(note);
      const lines = note.slice(note.lastIndexOf('\n\n') + 2);
      expect(signatures.length).toBeGreaterThan(0);
      return (await cosignatureLines({ ...config, key }, text, lines)).valid;
    };

    beforeAll(async () => {
      database = await freshDatabase(backend);
      dataDir = await mkdtemp(path.join(tmpdir(), 'ashyq-witness-'));
      identity = await loadLogIdentity(dataDir, ORIGIN);
      witness = await createTestWitness('witness.test', [
        { origin: ORIGIN, vkey: await verifierKeyOf(identity) },
      ]);
      witnessAt = await witness.listen();
    });
    afterAll(async () => {
      await witnessAt?.close();
      for (const close of closers) await close();
      await database?.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('the first checkpoint and the next one carry the witness cosignature, which verifies', async () => {
      const server = await start(`${witnessAt.url} ${witness.vkey}`);
      try {
        await server.witnesses?.settled();
        const note = await checkpointOf(server.url);
        const size = sizeOf(note);
        expect(size).toBeGreaterThan(0);
        // The log's own signature verifies; the witness's is a cosignature (type 0x04).
        const logKey = await parseVerifierKey(await verifierKeyOf(identity));
        const opened = await openNote(note, logKey ? [logKey] : []);
        expect(opened.verified.map((each) => each.name)).toEqual([ORIGIN]);
        expect(opened.unverified.map((each) => each.name)).toEqual(['witness.test']);
        expect(await cosignedBy(note, witness)).toHaveLength(1);
        expect(witness.state.get(ORIGIN)?.size).toBe(size);
        expect(server.witnesses?.sizes().get('witness.test')).toBe(size);
        // The monitor, which does not know the witness, still accepts the cosigned checkpoint.
        const said: string[] = [];
        const vkey = await verifierKeyOf(identity);
        expect(await runVerifyLog([server.url, '--key', vkey], (line) => said.push(line))).toBe(0);
        expect(said[0]).toMatch(/^OK: ashyq\.test\/log has \d+ entries/);

        await append(server, 'second');
        await server.witnesses?.settled();
        const next = await checkpointOf(server.url);
        expect(sizeOf(next)).toBe(size + 1);
        expect(await cosignedBy(next, witness)).toHaveLength(1);
        expect(witness.state.get(ORIGIN)?.size).toBe(size + 1);
        // The consistency proof went from the witness's size, not from 0.
        expect(witness.answers).toEqual([200, 200]);
      } finally {
        await server.close();
      }
    });

    test('after a restart the witness knows a later size: 409, then the retry from it succeeds', async () => {
      const server = await start(`${witnessAt.url} ${witness.vkey}`);
      try {
        await server.witnesses?.settled();
        // The latest size is cosigned already: nothing is sent at start.
        expect(witness.answers).toEqual([200, 200]);
        await append(server, 'third');
        await server.witnesses?.settled();
        expect(witness.answers.slice(2)).toEqual([409, 200]);
        const note = await checkpointOf(server.url);
        expect(await cosignedBy(note, witness)).toHaveLength(1);
        expect(witness.state.get(ORIGIN)?.size).toBe(sizeOf(note));
      } finally {
        await server.close();
      }
    });

    test('a forked witness (422), an unreachable one and a silent one change nothing for readers', async () => {
      const forked = await createTestWitness('forked.test', [
        { origin: ORIGIN, vkey: await verifierKeyOf(identity) },
      ]);
      // It saw a different tree of size 3: the log's real proof from 3 fails against that root.
      forked.state.set(ORIGIN, { size: 3, root: new Uint8Array(32).fill(9) });
      const forkedAt = await forked.listen();
      closers.push(forkedAt.close);
      const silent = await silentWitness();
      closers.push(silent.close);
      const dead = await createTestWitness('dead.test', []);
      const quiet = await createTestWitness('silent.test', []);
      warnings.length = 0;
      const server = await start(
        [
          `${witnessAt.url} ${witness.vkey}`,
          `${forkedAt.url} ${forked.vkey}`,
          `${await deadUrl()} ${dead.vkey}`,
          `${silent.url} ${quiet.vkey}`,
        ].join(';'),
      );
      try {
        await server.witnesses?.settled();
        warnings.length = 0;
        await append(server, 'fourth');
        // Readers see the new checkpoint while the witnesses are still being asked.
        const early = await checkpointOf(server.url);
        await server.witnesses?.settled();
        const note = await checkpointOf(server.url);
        expect(sizeOf(note)).toBe(sizeOf(early));
        expect(forked.answers).toEqual([409, 422, 422]);
        expect(forked.state.get(ORIGIN)?.size).toBe(3);
        expect(await cosignedBy(note, witness)).toHaveLength(1);
        expect(await cosignedBy(note, forked)).toEqual([]);
        const stored = await server.db
          .selectFrom('log_cosignatures')
          .select('witness')
          .distinct()
          .execute();
        expect(stored.map((row) => row.witness)).toEqual(['witness.test']);
        const logged = warnings.map(
          (line) => JSON.parse(line) as { witness?: string; msg: string },
        );
        expect(logged).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              witness: 'forked.test',
              msg: 'witness refused the checkpoint',
            }),
            expect.objectContaining({ witness: 'dead.test', msg: 'witness unreachable' }),
            expect.objectContaining({ witness: 'silent.test', msg: 'witness unreachable' }),
          ]),
        );
        // The server goes on answering.
        expect((await fetch(`${server.url}/log/key`)).status).toBe(200);
      } finally {
        await server.close();
      }
    });
  });
}
