import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  /** `schema` puts every table in that PostgreSQL schema (tests use one per file). */
  | { kind: 'postgres'; url: string; schema?: string };

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseConfig['kind'];
  /** Where the data lives, without credentials, for the start-up log line. */
  describe: string;
}

/** The one place that knows which driver is in use; everything above it speaks Kysely. */
export function openDatabase(config: DatabaseConfig): OpenDatabase {
  if (config.kind === 'sqlite') {
    mkdirSync(dirname(config.file), { recursive: true });
    const sqlite = new SQLite(config.file);
    // WAL lets the import CLI write while the server reads; busy_timeout makes them wait, not fail.
    sqlite.pragma('journal_mode = WAL');
    // FULL: each commit is on disk before it is acknowledged, so an acknowledged import or
    // publication survives a power cut (NORMAL in WAL mode may lose the last commits; README).
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    return {
      db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
      kind: 'sqlite',
      describe: `SQLite ${config.file}`,
    };
  }

  if (config.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(config.schema)) {
    throw new Error(`Invalid PostgreSQL schema name "${config.schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  const url = new URL(config.url);
  return {
    db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
    kind: 'postgres',
    describe: `PostgreSQL ${url.hostname}:${url.port || '5432'}${url.pathname}${
      config.schema ? ` (schema ${config.schema})` : ''
    }`,
  };
}
