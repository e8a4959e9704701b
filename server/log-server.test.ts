import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { metricListSchema } from '../src/contract/metrics';
import { endpoints } from '../src/contract/endpoints';
import { parseLogEntry } from '../src/transparency/entry';
import { decodeEntryBundle } from '../src/transparency/tiles';
import { startServer } from './start';
import {
  announceSkippedBackends,
  backends,
  freshDatabase,
  isAvailable,
  type TestDatabase,
} from './test-support';
import { runVerifyLog } from './verify-log-cli';

announceSkippedBackends('server/log-server.test.ts');

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`the server's transparency log on ${backend}`, () => {
    let database: TestDatabase;
    let dataDir: string;
    const start = () =>
      startServer({
        database: database.config,
        distDir: null,
        port: 0,
        hostname: '127.0.0.1',
        transparencyLog: { dataDir, origin: null, fallbackOrigin: 'ashyq.test/log' },
      });

    beforeAll(async () => {
      database = await freshDatabase(backend);
      dataDir = await mkdtemp(path.join(tmpdir(), 'ashyq-log-server-'));
    });
    afterAll(async () => {
      await database?.cleanup();
      await rm(dataDir, { recursive: true, force: true });
    });

    test('a first start logs every hearing figure; the monitor passes; a restart adds nothing', async () => {
      const server = await start();
      let key: string;
      try {
        const metrics = metricListSchema.parse(
          await (await fetch(`${server.url}${endpoints.metrics}`)).json(),
        );
        const checkpoint = await (await fetch(`${server.url}/log/checkpoint`)).text();
        expect(checkpoint.split('\n').slice(0, 2)).toEqual([
          'ashyq.test/log',
          String(metrics.length),
        ]);
        key = (await (await fetch(`${server.url}/log/key`)).text()).trim();
        const width = metrics.length % 256;
        const bundle = await fetch(`${server.url}/log/tile/entries/000.p/${width}`);
        const entries = (decodeEntryBundle(new Uint8Array(await bundle.arrayBuffer())) ?? []).map(
          (bytes) => parseLogEntry(new TextDecoder().decode(bytes)),
        );
        expect(entries.map((entry) => entry?.figure)).toEqual(metrics.map((metric) => metric.id));
        expect(entries[0]).toMatchObject({ kind: 'hearing', value: metrics[0]?.value });
        const lines: string[] = [];
        expect(await runVerifyLog([server.url, '--key', key], (line) => lines.push(line))).toBe(0);
        expect(lines[0]).toMatch(/^OK: ashyq\.test\/log has \d+ entries/);
      } finally {
        await server.close();
      }
      const again = await start();
      try {
        expect((await (await fetch(`${again.url}/log/key`)).text()).trim()).toBe(key);
        const checkpoint = await (await fetch(`${again.url}/log/checkpoint`)).text();
        const size = Number(checkpoint.split('\n')[1]);
        const metrics = await (await fetch(`${again.url}${endpoints.metrics}`)).json();
        expect(size).toBe((metrics as unknown[]).length);
      } finally {
        await again.close();
      }
    });
  });
}
