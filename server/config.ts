import { join, resolve } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../src/contract/common';
import type { DatabaseConfig } from './db/connect';
import { parseTrustProxy, type TrustedProxies } from './http/client-address';
import { LOG_LEVELS, type LogLevel } from './logger';
import { parseWitnesses, type WitnessConfig } from './log/witness-config';

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
  RATE_LIMIT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'RATE_LIMIT must be a number of requests per minute' })
      .int('RATE_LIMIT must be a whole number')
      .min(0, 'RATE_LIMIT must be 0 (off) or more')
      .default(600),
  ),
  TRUST_PROXY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .optional()
      .transform((value, ctx): TrustedProxies => {
        try {
          return parseTrustProxy(value);
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: error instanceof Error ? error.message : 'TRUST_PROXY is not valid',
          });
          return z.NEVER;
        }
      }),
  ),
  PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: 'PUBLIC_URL must be an http(s) URL' }).optional(),
  ),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS).default('info')),
  /** The transparency log's origin (its stable name); unset: kept from the first start. */
  LOG_ORIGIN: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[^\s+]+$/, 'LOG_ORIGIN must be one word without "+", e.g. ashyq.example/log')
      .optional(),
  ),
  /** Witnesses of the log: "<base URL> <verifier key>" entries separated by ";" or new lines. */
  LOG_WITNESSES: z
    .string()
    .optional()
    .transform((value, ctx): WitnessConfig[] => {
      try {
        return parseWitnesses(value);
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: error instanceof Error ? error.message : 'LOG_WITNESSES is not valid',
        });
        return z.NEVER;
      }
    }),
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
  /** API requests per minute per client address; 0: off. */
  rateLimit: number;
  trustProxy: TrustedProxies;
  /** Where readers reach the site (behind a proxy, its public address); null: as requested. */
  publicUrl: URL | null;
  logLevel: LogLevel;
  /** DATA_DIR, absolute: evidence files live in its `evidence/` folder. */
  dataDir: string;
  /** The transparency log: its key lives in `dataDir`; `origin` null keeps the first start's. */
  transparencyLog: {
    dataDir: string;
    origin: string | null;
    fallbackOrigin: string;
    /** LOG_WITNESSES: each new checkpoint goes to these (C2SP tlog-witness). */
    witnesses: WitnessConfig[];
  };
}

/** Reads the environment; throws one message naming every variable that is wrong. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration: ${describeIssues(parsed.error)}`);
  const { PORT, HOST, DATA_DIR, DIST_DIR, DATABASE_URL, RATE_LIMIT, TRUST_PROXY, PUBLIC_URL } =
    parsed.data;
  const { SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS } = parsed.data;
  return {
    rateLimit: RATE_LIMIT,
    trustProxy: TRUST_PROXY,
    publicUrl: PUBLIC_URL ? new URL(PUBLIC_URL) : null,
    logLevel: parsed.data.LOG_LEVEL,
    dataDir: resolve(DATA_DIR),
    transparencyLog: {
      dataDir: resolve(DATA_DIR),
      origin: parsed.data.LOG_ORIGIN ?? null,
      fallbackOrigin: `${PUBLIC_URL ? new URL(PUBLIC_URL).host : 'localhost'}/ashyq-log`,
      witnesses: parsed.data.LOG_WITNESSES,
    },
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
