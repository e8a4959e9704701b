import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from '../start';
import { fuzz } from './run';

/*
 * node --import tsx server/fuzz/cli.ts [--requests 20000] [--seed 13]
 * The fuzz run of server/fuzz.test.ts on its own, for `npm run bench` (its fuzz section): prints
 * one JSON object with the figures, exit 1 when a 5xx came back, the server stopped answering
 * or the data changed.
 */
const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '13' },
  },
});
const dir = mkdtempSync(join(tmpdir(), 'ashyq-fuzz-cli-'));
mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>x</title><script>1</script>');
const server = await startServer({
  database: { kind: 'sqlite', file: join(dir, 'ashyq.sqlite') },
  distDir: join(dir, 'dist'),
  port: 0,
  hostname: '127.0.0.1',
  rateLimit: 1_000_000,
  timeouts: { headersMs: 2000, requestMs: 4000 },
});
const snapshot = async () =>
  JSON.stringify(
    await Promise.all(
      ['/api/v1/region', '/api/v1/initiatives', '/api/v1/metrics', '/api/v1/sources'].map((path) =>
        fetch(server.url + path).then((response) => response.text()),
      ),
    ),
  );
try {
  const before = await snapshot();
  const result = await fuzz({
    port: server.port,
    count: Number(values.requests),
    seed: Number(values.seed),
    timeoutMs: 8000,
  });
  const healthy = (await fetch(`${server.url}/readyz`)).status === 200;
  const unchanged = (await snapshot()) === before;
  process.stdout.write(`${JSON.stringify({ ...result, healthy, unchanged })}\n`);
  process.exitCode = result.serverErrors === 0 && result.hung === 0 && healthy && unchanged ? 0 : 1;
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
