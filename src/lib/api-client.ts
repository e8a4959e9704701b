import type { z } from 'zod/mini';
import { apiErrorBodySchema } from '@/contract/common';
import { env } from '@/config/env';

export type ApiErrorKind = 'network' | 'http' | 'not-found' | 'malformed';

/** A failed API call, with enough detail for a plain-words error panel. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly endpoint: string;
  readonly status: number | null;
  /** The contract's `error.code` (e.g. `invalid_credentials`, `throttled`), when the server sent one. */
  readonly code: string | null;
  /** Seconds to wait, from a 429's `Retry-After` header. */
  readonly retryAfter: number | null;

  constructor(
    kind: ApiErrorKind,
    endpoint: string,
    message: string,
    status: number | null = null,
    details: { code?: string | null; retryAfter?: number | null } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.endpoint = endpoint;
    this.status = status;
    this.code = details.code ?? null;
    this.retryAfter = details.retryAfter ?? null;
  }
}

/** `Retry-After` as seconds: a number of seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Resolves before the first request. The mock worker must be running before anything is fetched;
 * main.tsx replaces this with the worker's start when the mock API is used, so the first paint
 * does not wait for it.
 */
let ready: Promise<unknown> = Promise.resolve();
export function setApiReady(promise: Promise<unknown>): void {
  ready = promise;
}

function urlFor(path: string, params?: Record<string, string | undefined>): string {
  // Always absolute: the mock API answers on the page's own origin.
  const url = new URL(`${env.VITE_API_URL ?? ''}${path}`, window.location.origin);
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}

interface RequestOptions {
  params?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Send the session cookie: every management request does; the public API needs none. */
  credentials?: boolean;
}

/** One request and its answer parsed with the contract; the one place errors are told apart. */
async function request<Schema extends z.ZodMiniType>(
  method: string,
  path: string,
  schema: Schema,
  options: RequestOptions & { body?: unknown },
): Promise<z.infer<Schema>> {
  await ready;
  let response: Response;
  try {
    response = await fetch(urlFor(path, options.params), {
      method,
      headers:
        options.body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: options.credentials ? 'same-origin' : undefined,
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('network', path, 'The server could not be reached.');
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }

  if (!response.ok) {
    const parsedError = apiErrorBodySchema.safeParse(body);
    const message = parsedError.success ? parsedError.data.error.message : response.statusText;
    const kind = response.status === 404 ? 'not-found' : 'http';
    throw new ApiError(kind, path, message, response.status, {
      code: parsedError.success ? parsedError.data.error.code : null,
      retryAfter: retryAfterSeconds(response.headers.get('Retry-After')),
    });
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('malformed', path, parsed.error.message, response.status);
  }
  return parsed.data;
}

/** GET a JSON resource and parse it with its contract schema. Never returns unparsed data. */
export function apiGet<Schema extends z.ZodMiniType>(
  path: string,
  schema: Schema,
  options: RequestOptions = {},
): Promise<z.infer<Schema>> {
  return request('GET', path, schema, options);
}

/**
 * A state change: a JSON body (the server refuses any other type), the session cookie, and the
 * answer parsed with its contract schema. Errors are `ApiError`s with status, code and Retry-After.
 */
export function apiSend<Schema extends z.ZodMiniType>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: Schema,
  options: Omit<RequestOptions, 'credentials'> = {},
): Promise<z.infer<Schema>> {
  return request(method, path, schema, { ...options, body, credentials: true });
}
