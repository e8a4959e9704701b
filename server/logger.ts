import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { ClientInfo } from './http/client-address';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * One JSON object per line on stdout (pino): what a log collector reads without a parser of its
 * own. Times are ISO 8601 UTC. Nothing here ever logs headers, cookies or bodies.
 */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'ashyq' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const silentLogger = (): Logger => pino({ level: 'silent' });

/**
 * The request id: ours, never the client's (a client could otherwise make its lines look like
 * someone else's). It replaces any X-Request-Id the client sent, so handlers read it as
 * `c.req.header('x-request-id')`, and goes back to the client in the answer.
 */
export function assignRequestId(incoming: IncomingMessage, outgoing: ServerResponse): string {
  const id = randomUUID();
  incoming.headers['x-request-id'] = id;
  outgoing.setHeader('X-Request-Id', id);
  return id;
}

/** One line when the answer is finished (or the client went away first). */
export function logRequest(
  logger: Logger,
  entry: {
    id: string;
    incoming: IncomingMessage;
    outgoing: ServerResponse;
    client: ClientInfo;
    startedAt: bigint;
  },
): void {
  const { incoming, outgoing } = entry;
  const ms = Number(process.hrtime.bigint() - entry.startedAt) / 1e6;
  // The path without its query: a query may one day carry something that must not be kept.
  const url = incoming.url ?? '';
  const query = url.indexOf('?');
  const length = outgoing.getHeader('content-length');
  logger.info({
    reqId: entry.id,
    method: incoming.method,
    path: (query === -1 ? url : url.slice(0, query)).slice(0, 2048),
    status: outgoing.statusCode,
    ms: Math.round(ms * 100) / 100,
    bytes: typeof length === 'string' || typeof length === 'number' ? Number(length) : undefined,
    client: entry.client.address,
    ...(outgoing.writableFinished ? {} : { aborted: true }),
  });
}
