import type { z } from 'zod';
import { apiErrorBodySchema } from '@/contract/common';
import { env } from '@/config/env';

export type ApiErrorKind = 'network' | 'http' | 'not-found' | 'malformed';

/** A failed API call, with enough detail for a plain-words error panel. */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly endpoint: string;
  readonly status: number | null;

  constructor(kind: ApiErrorKind, endpoint: string, message: string, status: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.endpoint = endpoint;
    this.status = status;
  }
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

/** GET a JSON resource and parse it with its contract schema. Never returns unparsed data. */
export async function apiGet<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  options: { params?: Record<string, string | undefined>; signal?: AbortSignal } = {},
): Promise<z.infer<Schema>> {
  await ready;
  let response: Response;
  try {
    response = await fetch(urlFor(path, options.params), {
      headers: { Accept: 'application/json' },
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
    throw new ApiError(kind, path, message, response.status);
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('malformed', path, parsed.error.message, response.status);
  }
  return parsed.data;
}
