import { join, resolve } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../src/contract/common';
import type { DatabaseConfig } from './db/connect';

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'PORT must be a port number' })
      .int('PORT must be a whole number')
      .min(0, 'PORT must be 0-65535')
      .max(65535, 'PORT must be 0-65535')
      .default(4173),
  ),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('./data')),
  DIST_DIR: z.preprocess(emptyToUndefined, z.string().default('./dist')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL (unset: SQLite)')
      .optional(),
  ),
});

export interface ServerConfig {
  port: number;
  hostname: string;
  distDir: string;
  database: DatabaseConfig;
}

/** Reads the environment; throws one message naming every variable that is wrong. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration: ${describeIssues(parsed.error)}`);
  const { PORT, HOST, DATA_DIR, DIST_DIR, DATABASE_URL } = parsed.data;
  return {
    port: PORT,
    hostname: HOST,
    distDir: resolve(DIST_DIR),
    database: DATABASE_URL
      ? { kind: 'postgres', url: DATABASE_URL }
      : { kind: 'sqlite', file: resolve(join(DATA_DIR, 'ashyq.sqlite')) },
  };
}
