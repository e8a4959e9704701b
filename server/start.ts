import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { createApp } from './app';
import { type AuthSettings, defaultAuthSettings } from './config';
import type { Database } from './db/schema';
import type { BodyLimits } from './http/body-limit';
import {
  clientOfIncoming,
  rememberClient,
  TRUST_NONE,
  type TrustedProxies,
} from './http/client-address';
import { RateLimiter } from './http/rate-limit';
import { assignRequestId, type Logger, logRequest, silentLogger } from './logger';
import { type DatabaseConfig, openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrations';
import { seedIfEmpty } from './db/seed';
import { ensureHearingRevisions } from './review/hearing';
import { DatasetVersion } from './http/dataset-version';
import { JsonCache } from './http/json-cache';
import { createRepository, type Repository } from './repository';
import { logRoutes } from './http/log-routes';
import { seedLogIfEmpty } from './log/hearing';
import { loadLogIdentity } from './log/key';
import { createWitnessPusher, type WitnessPusher } from './log/witness';
import type { WitnessConfig } from './log/witness-config';
import { evidenceDirOf, sweepTemporary } from './evidence/store';

export interface PreparedDatabase {
  repository: Repository;
  /** The same connection, for accounts and sign-in (server/auth), which are not figures. */
  db: Kysely<Database>;
  /** e.g. "SQLite data/ashyq.sqlite" (never a password). */
  describe: string;
  /** True when this start created the data from the fixtures. */
  seeded: boolean;
}

/** Opens the database, runs pending migrations and seeds it when empty. */
export async function prepareDatabase(
  config: DatabaseConfig,
  now: () => Date = () => new Date(),
): Promise<PreparedDatabase> {
  const { db, describe } = openDatabase(config);
  try {
    await migrateToLatest(db);
    const seeded = await seedIfEmpty(db);
    await ensureHearingRevisions(db, now());
    return { repository: createRepository(db), db, describe, seeded };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** Loads (or makes) the log's key and writes the hearing's figures as its first entries. */
async function openTransparencyLog(
  db: Kysely<Database>,
  repository: Repository,
  config: NonNullable<StartOptions['transparencyLog']>,
  now: () => Date,
) {
  const identity = await loadLogIdentity(config.dataDir, config.origin, config.fallbackOrigin);
  const [metrics, region] = await Promise.all([repository.listMetrics({}), repository.getRegion()]);
  await seedLogIfEmpty(db, identity, { metrics, regionId: region.id }, now());
  return identity;
}

export interface StartOptions {
  database: DatabaseConfig;
  /** The built SPA to serve next to the API; null for the API alone. */
  distDir: string | null;
  /** 0 picks a free port. */
  port: number;
  hostname: string;
  /** How stale the dataset version may be when another process imports (ms). */
  versionMaxAgeMs?: number;
  logError?: (error: unknown, request: Request) => void;
  /** Session limits, PUBLIC_URL and the clock (tests pass a fake one); defaults otherwise. */
  auth?: Partial<AuthSettings>;
  /** API requests per minute per client address; 0 or absent: no limit. */
  rateLimit?: number;
  /** Proxies whose X-Forwarded-* headers are believed; default: none. */
  trustProxy?: TrustedProxies;
  /** The public address (PUBLIC_URL); an https one means HSTS on every answer. */
  publicUrl?: URL | null;
  bodyLimits?: BodyLimits;
  /** One JSON line per request; default: silent (tests). */
  logger?: Logger;
  /** DATA_DIR: evidence files go to DATA_DIR/evidence; absent: uploads answer 503. */
  dataDir?: string;
  /** The transparency log (/log/); absent: not served (most tests). */
  transparencyLog?: {
    dataDir: string;
    origin: string | null;
    fallbackOrigin: string;
    /** LOG_WITNESSES; absent: none. */
    witnesses?: WitnessConfig[];
    /** Tests shorten the wait for a witness (default 5 s). */
    witnessTimeoutMs?: number;
  };
  /** Tests shorten these; see HEADERS_TIMEOUT_MS and REQUEST_TIMEOUT_MS. */
  timeouts?: { headersMs: number; requestMs: number };
}

/**
 * A client that sends its headers slower than this, or its whole request slower than that, is
 * cut off (408), so slow clients cannot hold connections open. Node checks every second.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 60_000;
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;

export interface RunningServer {
  url: string;
  port: number;
  repository: Repository;
  /** The connection behind `repository` (tests and the user CLI's helpers use it). */
  db: Kysely<Database>;
  describe: string;
  seeded: boolean;
  /** Call after writing through `repository` in this process: caches refill at once. */
  invalidate(): void;
  /** Sends new checkpoints to LOG_WITNESSES in the background; null without a log. */
  witnesses: WitnessPusher | null;
  /** Stops accepting connections, lets open requests finish (up to 5 s), closes the database. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { repository, db, describe, seeded } = await prepareDatabase(
    options.database,
    options.auth?.now,
  );
  const version = new DatasetVersion(() => repository.datasetVersion(), options.versionMaxAgeMs);
  const cache = new JsonCache(version);
  const trustProxy = options.trustProxy ?? TRUST_NONE;
  const logger = options.logger ?? silentLogger();
  const transparency = options.transparencyLog
    ? await openTransparencyLog(
        db,
        repository,
        options.transparencyLog,
        options.auth?.now ?? (() => new Date()),
      ).catch(async (error) => {
        await repository.close();
        throw error;
      })
    : null;
  const witnesses = options.transparencyLog
    ? createWitnessPusher(db, options.transparencyLog.witnesses ?? [], logger, {
        timeoutMs: options.transparencyLog.witnessTimeoutMs,
        now: options.auth?.now,
      })
    : null;
  // The hearing entries are in: the first (or a restart's) checkpoint goes to the witnesses.
  witnesses?.push();
  const invalidate = () => {
    version.bump();
    cache.clear();
    // After every publication or verification (called once it has committed).
    witnesses?.push();
  };
  if (options.dataDir !== undefined)
    await sweepTemporary(evidenceDirOf(options.dataDir), new Date());
  const app = createApp({
    log: transparency ? logRoutes(db, transparency) : undefined,
    logIdentity: transparency ?? undefined,
    onPublicChange: invalidate,
    repository,
    cache,
    distDir: options.distDir,
    logError:
      options.logError ??
      ((error, request) =>
        logger.error({ reqId: request.headers.get('x-request-id'), err: error }, 'request failed')),
    bodyLimits: options.bodyLimits,
    rateLimiter: new RateLimiter(options.rateLimit ?? 0),
    publicHttps: options.publicUrl?.protocol === 'https:',
    publicUrl: options.publicUrl ?? null,
    auth: {
      db,
      evidenceDir: options.dataDir === undefined ? undefined : evidenceDirOf(options.dataDir),
      settings: {
        ...defaultAuthSettings(),
        publicUrl: options.publicUrl?.origin ?? null,
        ...options.auth,
      },
    },
  });

  let server: Server;
  let address: AddressInfo;
  try {
    [server, address] = await new Promise<[Server, AddressInfo]>((resolve, reject) => {
      // serve() makes a node:http server unless told otherwise.
      const created = serve(
        {
          fetch: app.fetch,
          port: options.port,
          hostname: options.hostname,
          serverOptions: {
            headersTimeout: options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS,
            requestTimeout: options.timeouts?.requestMs ?? REQUEST_TIMEOUT_MS,
            keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
            connectionsCheckingInterval: 1000,
          },
        },
        (info) => resolve([created as Server, info]),
      );
      created.once('error', reject);
    });
  } catch (error) {
    await repository.close();
    throw error;
  }

  // Requests being answered; on close they may finish (up to 5 s), idle keep-alive sockets may
  // not hold the process (Node only counts a socket idle once the client has read everything,
  // which for streamed files can be seconds later).
  let inFlight = 0;
  let onDrained: (() => void) | null = null;
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const startedAt = process.hrtime.bigint();
    const id = assignRequestId(request, response);
    const client = clientOfIncoming(request, trustProxy);
    rememberClient(request, client);
    inFlight += 1;
    response.once('close', () => {
      logRequest(logger, { id, incoming: request, outgoing: response, client, startedAt });
      inFlight -= 1;
      if (inFlight === 0) onDrained?.();
    });
  });

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        const closeAll = () => server.closeAllConnections();
        if (inFlight === 0) {
          closeAll();
        } else {
          onDrained = closeAll;
          setTimeout(closeAll, 5000).unref();
        }
      });
      await witnesses?.settled();
      await repository.close();
    })();
    return closing;
  };

  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    repository,
    db,
    describe,
    seeded,
    invalidate,
    witnesses,
    close,
  };
}
