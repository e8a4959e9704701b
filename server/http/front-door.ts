import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  type BodyLimits,
  bodyLimitFor,
  DEFAULT_BODY_LIMITS,
  isStreamedByRoute,
  tooLarge,
} from './body-limit';
import { clientOf } from './client-address';
import type { HtmlPolicies } from './csp';
import type { RateLimiter } from './rate-limit';
import { errorResponse } from './respond';
import { applySecurityHeaders } from './security-headers';

/**
 * What every request passes before it reaches the API or the dashboard: the body limit (413 on
 * any path, before routing), the health checks, and the per-address API rate limit. Everything
 * here stays synchronous for a request without a body, so an API answer from the cache still
 * costs a Map lookup.
 */
export interface FrontDoorOptions {
  bodyLimits?: BodyLimits;
  rateLimiter?: RateLimiter;
  /** Resolves when the database answers (GET /readyz). */
  ready: () => Promise<unknown>;
  isApiPath: (path: string) => boolean;
  /**
   * Paths outside the API that count against the same per-address limit: the ones that cost the
   * server work per request (the log's inclusion and consistency proofs).
   */
  isLimitedSitePath?: (path: string) => boolean;
  /** For an HTML page under /api but outside /api/v1 (API documentation): the page headers. */
  security?: { policies: HtmlPolicies; publicHttps: boolean };
  api: (c: Context) => Response | Promise<Response>;
  site: (c: Context) => Response | Promise<Response>;
}

const HEALTH_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

const tooMany = (retryAfter: number) => {
  const response = errorResponse(
    429,
    'too_many_requests',
    `Too many requests from this address; try again in ${retryAfter} s.`,
  );
  response.headers.set('Retry-After', String(retryAfter));
  return response;
};

/** The declared body size, or null when there is none; NaN for a value that is not a size. */
function declaredLength(c: Context): number | null {
  const value = c.req.header('content-length');
  if (value === undefined) return null;
  return /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
}

export function frontDoor(options: FrontDoorOptions) {
  const limits = options.bodyLimits ?? DEFAULT_BODY_LIMITS;
  const limiter = options.rateLimiter;

  /** Gives an HTML answer the dashboard's headers (CSP by its file, nosniff, …). */
  const securePage = (c: Context, response: Response): Response =>
    options.security
      ? applySecurityHeaders(response, {
          path: c.req.path,
          https: options.security.publicHttps || clientOf(c).https,
          policies: options.security.policies,
        })
      : response;

  const route = (c: Context): Response | Promise<Response> => {
    const path = c.req.path;
    if (path === '/healthz') return Response.json({ status: 'ok' }, { headers: HEALTH_HEADERS });
    if (path === '/readyz') {
      return options.ready().then(
        () => Response.json({ status: 'ready' }, { headers: HEALTH_HEADERS }),
        () =>
          Response.json(
            { status: 'database unavailable' },
            { status: 503, headers: HEALTH_HEADERS },
          ),
      );
    }
    if (!options.isApiPath(path)) {
      if (limiter?.enabled && options.isLimitedSitePath?.(path)) {
        const verdict = limiter.hit(clientOf(c).address);
        if (!verdict.allowed) return tooMany(verdict.retryAfter);
      }
      return options.site(c);
    }
    // /api/v1 answers JSON with its own headers, on a fast path that this must not slow down.
    if (!path.startsWith('/api/v1/'))
      return Promise.resolve(options.api(c)).then((r) => securePage(c, r));
    if (!limiter?.enabled) return options.api(c);
    const verdict = limiter.hit(clientOf(c).address);
    if (verdict.allowed) return options.api(c);
    // Over the limit, a revalidation that the client's copy is current is still answered: a 304
    // costs nothing, and a kiosk must never go dark. Anything else waits.
    if (c.req.header('if-none-match') === undefined) return tooMany(verdict.retryAfter);
    return Promise.resolve(options.api(c)).then((response) =>
      response.status === 304 ? response : tooMany(verdict.retryAfter),
    );
  };

  const chunked = new Map<number, ReturnType<typeof bodyLimit>>();
  return (c: Context): Response | Promise<Response> => {
    const max = bodyLimitFor(c.req.path, limits);
    const declared = declaredLength(c);
    const streamed = c.req.header('transfer-encoding') !== undefined;
    if (declared !== null && !streamed) {
      if (Number.isNaN(declared)) {
        return errorResponse(400, 'bad_request', 'Content-Length is not a number of bytes.');
      }
      if (declared > max) return tooLarge(max);
      return route(c);
    }
    if (!streamed || isStreamedByRoute(c.req.path, limits)) return route(c);
    // A chunked body: counted as it arrives, refused once it passes the limit.
    let middleware = chunked.get(max);
    if (!middleware) {
      middleware = bodyLimit({ maxSize: max, onError: () => tooLarge(max) });
      chunked.set(max, middleware);
    }
    let answer: Response | undefined;
    return Promise.resolve(
      middleware(c, async () => {
        answer = await route(c);
      }),
    ).then((refused) => (refused instanceof Response ? refused : (answer ?? tooLarge(max))));
  };
}
