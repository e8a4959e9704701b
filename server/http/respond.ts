import type { ApiErrorBody } from '../../src/contract/common';
import type { CachedJson } from './json-cache';

/**
 * API answers may be stored but must be revalidated: the ETag makes that a cheap 304, and an
 * import shows on the next request instead of after some max-age.
 */
export const API_CACHE_CONTROL = 'public, no-cache';

/** The contract's error body. Errors are never cached. */
export function errorResponse(status: number, code: string, message: string): Response {
  const body: ApiErrorBody = { error: { code, message } };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** True when an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks). */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch
    .split(',')
    .some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === bare);
}

/** True when the client takes gzip (q > 0, named or by `*`). */
export function acceptsGzip(acceptEncoding: string | null): boolean {
  if (!acceptEncoding) return false;
  let wildcard = false;
  for (const part of acceptEncoding.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') return accepted;
    if (name === '*') wildcard = accepted;
  }
  return wildcard;
}

/**
 * 200 with the cached body (gzip when the client takes it), or 304 when the client already has
 * it. Plain header objects and a byte body keep @hono/node-server on its fast path.
 */
export function cachedJsonResponse(
  request: Request,
  cached: CachedJson & { body: Uint8Array<ArrayBuffer> },
) {
  const headers: Record<string, string> = {
    'Cache-Control': API_CACHE_CONTROL,
    ETag: cached.etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  };
  if (etagMatches(request.headers.get('If-None-Match'), cached.etag)) {
    return new Response(null, { status: 304, headers });
  }
  headers['Content-Type'] = 'application/json';
  if (cached.gzip && acceptsGzip(request.headers.get('Accept-Encoding'))) {
    headers['Content-Encoding'] = 'gzip';
    return new Response(cached.gzip, { status: 200, headers });
  }
  return new Response(cached.body, { status: 200, headers });
}
