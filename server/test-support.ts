import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from './db/connect';
import { type RunningServer, startServer } from './start';

/*
 * Shared by the server's test files: a fresh database per server (a temp SQLite file, or a
 * throwaway schema in the PostgreSQL database named by TEST_DATABASE_URL) and a real server on
 * 127.0.0.1 with an ephemeral port.
 */

export const postgresUrl =
  process.env.TEST_DATABASE_URL ||
  (process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined);

export type Backend = 'sqlite' | 'postgres';
export const backends: Backend[] = ['sqlite', 'postgres'];
export const isAvailable = (backend: Backend) => backend === 'sqlite' || postgresUrl !== undefined;

export function announceSkippedBackends(file: string): void {
  if (!postgresUrl) {
    console.info(
      `[${file}] PostgreSQL suite skipped: set TEST_DATABASE_URL=postgres://... ` +
        '(scripts/ci-postgres.sh starts a throwaway cluster and prints the line).',
    );
  }
}

export interface TestDatabase {
  config: DatabaseConfig;
  cleanup(): Promise<void>;
}

export async function freshDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'ashyq-test-'));
    return {
      config: { kind: 'sqlite', file: join(dir, 'ashyq.sqlite') },
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  }
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const url = postgresUrl;
  const schema = `ashyq_test_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create schema ${schema}`);
  return {
    config: { kind: 'postgres', url, schema },
    cleanup: () => admin(`drop schema ${schema} cascade`),
  };
}

export interface TestServer extends RunningServer {
  database: TestDatabase;
  /** Closes the server and removes its database. */
  stop(): Promise<void>;
}

export async function startTestServer(
  backend: Backend,
  options: { distDir?: string | null } = {},
): Promise<TestServer> {
  const database = await freshDatabase(backend);
  const server = await startServer({
    database: database.config,
    distDir: options.distDir ?? null,
    port: 0,
    hostname: '127.0.0.1',
  });
  return {
    ...server,
    database,
    stop: async () => {
      await server.close();
      await database.cleanup();
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET that shows the bytes on the wire (fetch would decompress gzip out of sight). */
export function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
