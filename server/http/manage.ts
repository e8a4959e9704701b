import { type Context, Hono } from 'hono';
import { API_PREFIX, manageEndpoints } from '../../src/contract/endpoints';
import { AuthError } from '../auth/errors';
import { type AuthDeps, guard, type ManageEnv } from '../auth/guard';
import { adminRoutes } from './admin-routes';
import { authRoutes } from './auth-routes';
import { evidenceRoutes } from './evidence-routes';
import { requestShape } from './manage-shape';
import { type ReviewHooks, reviewRoutes } from './review-routes';
import type { ManageRoute } from './manage-route';
import { errorResponse } from './respond';

const MANAGE_PREFIXES = ['auth/', 'admin/', 'revisions', 'batches'].map(
  (prefix) => `${API_PREFIX}/${prefix}`,
);

/**
 * The management API's paths: sign-in and its steps, administration, the review workflow, and
 * evidence uploads (the upload path exactly: an evidence file, GET endpoints.evidenceFile, is
 * the public API's).
 */
export const isManagePath = (path: string) =>
  MANAGE_PREFIXES.some((prefix) => path.startsWith(prefix)) ||
  path === manageEndpoints.evidenceUpload;

const noHooks: ReviewHooks = { log: null, onPublicChange: () => {} };

export const manageRouteList = (deps: AuthDeps, hooks: ReviewHooks = noHooks): ManageRoute[] => [
  ...authRoutes(deps),
  ...adminRoutes(deps),
  ...reviewRoutes(deps, hooks),
  ...evidenceRoutes(deps),
];

/**
 * Every management route, each behind the request-shape rules and its own guard. The routes
 * are registered from one list, so the role-matrix test can read them back from the router.
 */
export function manageRoutes(
  deps: AuthDeps,
  onUnexpected: (error: Error, c: Context) => Response,
  hooks: ReviewHooks = noHooks,
): Hono<ManageEnv> {
  const app = new Hono<ManageEnv>();
  app.use('*', requestShape(deps.settings));
  for (const route of manageRouteList(deps, hooks)) {
    app.on(route.method, route.path, guard(deps, route.access), route.handle);
  }
  app.notFound((c) =>
    errorResponse(404, 'not_found', `No endpoint ${c.req.method} ${c.req.path}.`),
  );
  app.onError((error, c) => {
    if (error instanceof AuthError) {
      const response = errorResponse(error.status, error.code, error.message);
      if (error.retryAfter !== undefined)
        response.headers.set('Retry-After', String(error.retryAfter));
      return response;
    }
    return onUnexpected(error, c);
  });
  return app;
}
