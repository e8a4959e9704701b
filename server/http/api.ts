import { Hono } from 'hono';
import { endpoints } from '../../src/contract/endpoints';
import { metricQuerySchema } from '../../src/contract/metrics';
import type { AuthDeps } from '../auth/guard';
import { evidenceDownload } from '../evidence/download';
import type { Repository } from '../repository';
import type { CachedJson, JsonCache } from './json-cache';
import { openApiRoutes } from './open-api-routes';
import { cachedJsonResponse, errorResponse } from './respond';

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
    // Like the mock: the last value of a repeated parameter wins, unknown parameters are ignored.
    const params = Object.fromEntries(new URL(c.req.url).searchParams);
    const query = metricQuerySchema.safeParse(params);
    if (!query.success) {
      const issue = query.error.issues[0];
      const name = issue?.path.join('.') ?? '';
      return errorResponse(
        400,
        'bad_request',
        `Invalid query: ${name ? `${name}: ` : ''}${issue?.message ?? 'bad parameter'}`,
      );
    }
    const { initiative, district } = query.data;
    return answer(c.req.raw, `metrics:${initiative ?? ''}:${district ?? ''}`, () =>
      repository.listMetrics(query.data),
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
