import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { apiRoutes } from './http/api';
import type { JsonCache } from './http/json-cache';
import { errorResponse } from './http/respond';
import { isOpenDataFile, openDataRoutes } from './http/open-data-routes';
import { spaRoutes } from './http/spa';
import { embedPageText } from './open-data/embed-text';
import type { Repository } from './repository';

export interface AppOptions {
  repository: Repository;
  cache: JsonCache;
  /** The built SPA; null serves the API alone. */
  distDir: string | null;
  /** Where unexpected errors go; the client only ever sees a generic 500. */
  logError?: (error: unknown, request: Request) => void;
}

/** /api and everything under it belongs to the API, never to the SPA. */
const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * The API and the SPA are two apps behind one dispatch on the path, so that an API request
 * never runs the SPA's middleware (compression, static files) and matches exactly one handler.
 */
export function createApp({ repository, cache, distDir, logError }: AppOptions): Hono {
  const onError = (error: Error, c: Context) => {
    if (error instanceof HTTPException && error.status < 500) {
      return errorResponse(error.status, 'bad_request', error.message || 'Bad request.');
    }
    (logError ?? defaultLogError)(error, c.req.raw);
    return errorResponse(500, 'internal', 'The server failed to answer this request.');
  };

  const api = apiRoutes(repository, cache);
  api.onError(onError);

  const site =
    distDir === null
      ? new Hono()
      : spaRoutes(distDir, {
          embedText: (id, locale, origin) => embedPageText(repository, id, locale, origin),
        });
  site.notFound((c) => c.text('Not found', 404));
  site.onError(onError);

  const data = openDataRoutes(repository);
  data.onError(onError);

  const app = new Hono();
  app.all('*', (c) => {
    const path = c.req.path;
    const target = isApiPath(path) ? api : isOpenDataFile(path) ? data : site;
    return target.fetch(c.req.raw, c.env);
  });
  app.onError(onError);
  return app;
}

function defaultLogError(error: unknown, request: Request): void {
  console.error(`[ashyq] ${request.method} ${new URL(request.url).pathname} failed:`, error);
}
