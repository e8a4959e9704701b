import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { startServer } from './start';
import { freshDatabase } from './test-support';

test("RATE_LIMIT covers the log's proofs (inclusion and consistency), not its cacheable files", async () => {
  const database = await freshDatabase('sqlite');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'ashyq-log-limit-'));
  const server = await startServer({
    database: database.config,
    distDir: null,
    port: 0,
    hostname: '127.0.0.1',
    rateLimit: 3,
    transparencyLog: { dataDir, origin: null, fallbackOrigin: 'ashyq.test/log' },
  });
  try {
    const status = (url: string) => fetch(`${server.url}${url}`).then((r) => r.status);
    expect([
      await status('/log/proof/0'),
      await status('/log/consistency?from=1&to=2'),
      await status('/api/v1/region'),
    ]).toEqual([200, 200, 200]);
    // The address's budget is spent: proofs wait like the API does.
    const refused = await fetch(`${server.url}/log/proof/1`);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await status('/log/consistency?from=1&to=2')).toBe(429);
    // The checkpoint, the key and the tiles are cheap and cacheable: never limited.
    expect(await status('/log/checkpoint')).toBe(200);
    expect(await status('/log/key')).toBe(200);
    expect(await status('/log/tile/entries/000.p/1')).toBe(200);
  } finally {
    await server.close();
    await database.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  }
});
