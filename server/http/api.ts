import { Hono } from 'hono';
import { endpoints } from '../../src/contract/endpoints';
import { z } from 'zod';
import { metricQuerySchema } from '../../src/contract/metrics';
import { changeQuerySchema, historyQuerySchema } from '../../src/contract/revisions';
import type { AuthDeps } from '../auth/guard';
import { evidenceDownload } from '../evidence/download';
import type { Repository } from '../repository';
import type { CachedJson, JsonCache } from './json-cache';
import { openApiRoutes } from './open-api-routes';
import { cachedJsonResponse, errorResponse } from './respond';

/**
 * Query parameters parsed by the contract; a 400 naming the first bad one otherwise. Like the
 * mock: the last value of a repeated parameter wins.
 */
function parseQuery<Schema extends z.core.$ZodType>(
  url: string,
  schema: Schema,
): { success: true; data: z.infer<Schema> } | { success: false; error: Response } {
  const parsed = z.safeParse(schema, Object.fromEntries(new URL(url).searchParams));
  if (parsed.success) return { success: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const name = issue?.path.join('.') ?? '';
  const message = `Invalid query: ${name ? `${name}: ` : ''}${issue?.message ?? 'bad parameter'}`;
  return { success: false, error: errorResponse(400, 'bad_request', message) };
}

/**
 * The /api/v1 endpoints, answering exactly as mocks/handlers do. Each answer comes from the
 * repository (already parsed by the contract) through the cache, so a request costs a Map
 * lookup until the next import.
 */
export function apiRoutes(repository: Repository, cache: JsonCache, auth?: AuthDeps): Hono {
  const api = new Hono();

  const answer = (
    request: Request,
    key: string,
    load: () => Promise<unknown>,
    notFound?: () => Response,
  ): Response | Promise<Response> => {
    const respond = (cached: CachedJson) =>
      cached.body === null
        ? (notFound?.() ?? errorResponse(404, 'not_found', 'Not found.'))
        : cachedJsonResponse(request, { ...cached, body: cached.body });
    const ready = cache.peek(key);
    return ready ? respond(ready) : cache.get(key, load).then(respond);
  };

  api.get(endpoints.region, (c) => answer(c.req.raw, 'region', () => repository.getRegion()));

  api.get(endpoints.initiatives, (c) =>
    answer(c.req.raw, 'initiatives', () => repository.listInitiatives()),
  );

  api.get(`${endpoints.initiatives}/:id`, (c) => {
    const id = c.req.param('id');
    return answer(
      c.req.raw,
      `initiative:${id}`,
      () => repository.getInitiative(id),
      () => errorResponse(404, 'not_found', `No initiative with id "${id}".`),
    );
  });

  api.get(endpoints.metrics, (c) => {
    const query = parseQuery(c.req.url, metricQuerySchema);
    if (!query.success) return query.error;
    const { initiative, district } = query.data;
    return answer(c.req.raw, `metrics:${initiative ?? ''}:${district ?? ''}`, () =>
      repository.listMetrics(query.data),
    );
  });

  api.get(`${endpoints.metrics}/:id/history`, (c) => {
    const id = c.req.param('id');
    const query = parseQuery(c.req.url, historyQuerySchema);
    if (!query.success) return query.error;
    const { page, pageSize } = query.data;
    return answer(
      c.req.raw,
      `history:${id}:${page}:${pageSize}`,
      () => repository.metricHistory(id, query.data),
      () => errorResponse(404, 'not_found', `No figure with id "${id}".`),
    );
  });

  api.get(endpoints.changes, (c) => {
    const query = parseQuery(c.req.url, changeQuerySchema);
    if (!query.success) return query.error;
    const { initiative, page, pageSize } = query.data;
    return answer(c.req.raw, `changes:${initiative ?? ''}:${page}:${pageSize}`, () =>
      repository.listChanges(query.data),
    );
  });

  api.get(endpoints.sources, (c) => answer(c.req.raw, 'sources', () => repository.listSources()));

  api.get(`${endpoints.sources}/:id`, (c) => {
    const id = c.req.param('id');
    return answer(
      c.req.raw,
      `source:${id}`,
      () => repository.getSource(id),
      () => errorResponse(404, 'not_found', `No source with id "${id}".`),
    );
  });

  // An evidence file (server/evidence/download.ts): not cached here, visibility is per request.
  api.get(
    endpoints.evidenceFile(':id').replace(encodeURIComponent(':id'), ':id'),
    evidenceDownload(auth),
  );

  openApiRoutes(api);

  // Any other API path or method answers like the mock: a JSON 404. (A notFound handler rather
  // than a catch-all route: each request then matches one handler, which Hono runs directly.)
  api.notFound((c) => errorResponse(404, 'not_found', `No endpoint ${c.req.path}.`));

  return api;
}
