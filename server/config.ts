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
  SESSION_IDLE_MINUTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'SESSION_IDLE_MINUTES must be a number of minutes' })
      .int('SESSION_IDLE_MINUTES must be a whole number')
      .min(1, 'SESSION_IDLE_MINUTES must be 1-1440')
      .max(1440, 'SESSION_IDLE_MINUTES must be 1-1440')
      .default(30),
  ),
  SESSION_ABSOLUTE_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'SESSION_ABSOLUTE_HOURS must be a number of hours' })
      .int('SESSION_ABSOLUTE_HOURS must be a whole number')
      .min(1, 'SESSION_ABSOLUTE_HOURS must be 1-168')
      .max(168, 'SESSION_ABSOLUTE_HOURS must be 1-168')
      .default(8),
  ),
  PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^https?:\/\/[^/]+\/?$/, 'PUBLIC_URL must be an origin such as https://ashyq.example')
      .optional(),
  ),
});

/** Sign-in and sessions (README, "Accounts and sign-in"). */
export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /**
   * The site's public origin, e.g. https://ashyq.example. Decides the cookie (https: __Host-
   * name and Secure) and the one Origin state changes may come from. Unset: the request's own
   * origin and protocol decide (right for http://localhost and for a direct https listener).
   */
  publicUrl: string | null;
  /** The clock; tests pass a fake one. */
  now: () => Date;
}

export const defaultAuthSettings = (): AuthSettings => ({
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 8,
  publicUrl: null,
  now: () => new Date(),
});

export interface ServerConfig {
  port: number;
  hostname: string;
  distDir: string;
  database: DatabaseConfig;
  auth: AuthSettings;
}

/** Reads the environment; throws one message naming every variable that is wrong. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration: ${describeIssues(parsed.error)}`);
  const { PORT, HOST, DATA_DIR, DIST_DIR, DATABASE_URL } = parsed.data;
  const { SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS, PUBLIC_URL } = parsed.data;
  return {
    port: PORT,
    hostname: HOST,
    distDir: resolve(DIST_DIR),
    database: DATABASE_URL
      ? { kind: 'postgres', url: DATABASE_URL }
      : { kind: 'sqlite', file: resolve(join(DATA_DIR, 'ashyq.sqlite')) },
    auth: {
      ...defaultAuthSettings(),
      sessionIdleMinutes: SESSION_IDLE_MINUTES,
      sessionAbsoluteHours: SESSION_ABSOLUTE_HOURS,
      publicUrl: PUBLIC_URL ? new URL(PUBLIC_URL).origin : null,
    },
  };
}
