import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { apiRoutes } from './http/api';
import type { BodyLimits } from './http/body-limit';
import { HtmlPolicies } from './http/csp';
import { frontDoor } from './http/front-door';
import type { JsonCache } from './http/json-cache';
import type { AuthDeps } from './auth/guard';
import { isManagePath, manageRoutes } from './http/manage';
import { errorResponse } from './http/respond';
import type { RateLimiter } from './http/rate-limit';
import { isOpenDataFile, openDataRoutes } from './http/open-data-routes';
import { spaRoutes } from './http/spa';
import { isLogPath, isLogProofPath } from './http/log-routes';
import { changesFeedRoutes, isChangesFeedPath } from './http/changes-feed';
import { embedPageText } from './open-data/embed-text';
import type { Repository } from './repository';
import type { LogIdentity } from './log/append';

export interface AppOptions {
  repository: Repository;
  cache: JsonCache;
  /** The built SPA; null serves the API alone. */
  distDir: string | null;
  /** Where unexpected errors go; the client only ever sees a generic 500. */
  logError?: (error: unknown, request: Request) => void;
  /** Accounts and sign-in (the management API); without it those paths answer 404. */
  auth?: AuthDeps;
  /** Request body limits by path prefix (default: 1 MiB everywhere). */
  bodyLimits?: BodyLimits;
  /** Per-address limit on /api (RATE_LIMIT); absent or 0 per minute: no limit. */
  rateLimiter?: RateLimiter;
  /** PUBLIC_URL: absolute links in the Atom feed; null: the request's own origin. */
  publicUrl?: URL | null;
  /** PUBLIC_URL is https: HSTS on every dashboard answer, not only on those that came over https. */
  publicHttps?: boolean;
  /** The transparency log's routes (/log/); absent: those paths answer 404. */
  log?: Hono;
  /** The log's key and origin, for appends from the review workflow; absent: no log. */
  logIdentity?: LogIdentity;
  /** Called after a change the public sees (an approval): cached answers refill at once. */
  onPublicChange?: () => void;
  /** CSPs of the build's HTML files; default: read from distDir now. */
  htmlPolicies?: HtmlPolicies;
}

/** /api and everything under it belongs to the API, never to the SPA. */
const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * The API and the SPA are two apps behind one dispatch on the path, so that an API request
 * never runs the SPA's middleware (compression, static files) and matches exactly one handler.
 */
export function createApp(options: AppOptions): Hono {
  const { repository, cache, distDir, logError, auth } = options;
  const onError = (error: Error, c: Context) => {
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(error.status, 'bad_request', error.message || 'Bad request.');
    }
    (logError ?? defaultLogError)(error, c.req.raw);
    return errorResponse(500, 'internal', 'The server failed to answer this request.');
  };

  const api = apiRoutes(repository, cache, auth);
  api.onError(onError);

  const security = {
    policies:
      options.htmlPolicies ??
      (distDir === null ? new HtmlPolicies(new Map()) : HtmlPolicies.fromDist(distDir)),
    publicHttps: options.publicHttps ?? false,
  };
  const site =
    distDir === null
      ? new Hono()
      : spaRoutes(distDir, security, {
          embedText: (id, locale, origin) => embedPageText(repository, id, locale, origin),
        });
  site.notFound((c) => c.text('Not found', 404));
  site.onError(onError);

  // The management API (accounts, sign-in) is an app of its own: none of the public API's cache.
  const manage = auth
    ? manageRoutes(auth, onError, {
        log: options.logIdentity ?? null,
        onPublicChange: options.onPublicChange ?? (() => cache.clear()),
      })
    : api;

  const data = openDataRoutes(repository);
  data.onError(onError);
  const feed = changesFeedRoutes(repository, options.publicUrl ?? null);
  feed.onError(onError);

  const app = new Hono();
  app.all(
    '*',
    frontDoor({
      bodyLimits: options.bodyLimits,
      rateLimiter: options.rateLimiter,
      ready: () => repository.datasetVersion(),
      isApiPath,
      isLimitedSitePath: options.log ? isLogProofPath : undefined,
      security,
      api: (c) => (isManagePath(c.req.path) ? manage : api).fetch(c.req.raw, c.env),
      site: (c) => {
        const path = c.req.path;
        const app = isOpenDataFile(path)
          ? data
          : isChangesFeedPath(path)
            ? feed
            : options.log && isLogPath(path)
              ? options.log
              : site;
        return app.fetch(c.req.raw, c.env);
      },
    }),
  );
  app.onError(onError);
  return app;
}

function defaultLogError(error: unknown, request: Request): void {
  console.error(`[ashyq] ${request.method} ${new URL(request.url).pathname} failed:`, error);
}
