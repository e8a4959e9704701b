import { http } from 'msw';
import { API_PREFIX } from '@/contract/endpoints';
import { initiativeHandlers } from './initiatives';
import { manageHandlers } from './manage';
import { metricHandlers } from './metrics';
import { regionHandlers } from './region';
import { errorResponse, onAnyOrigin } from './respond';
import { revisionHandlers } from './revisions';
import { sourceHandlers } from './sources';

/** The normal API. Tests that need a failure override one handler with server.use(). */
export const handlers = [
  ...regionHandlers,
  ...initiativeHandlers,
  ...metricHandlers,
  ...sourceHandlers,
  ...manageHandlers,
  ...revisionHandlers,
  // Any other API path answers like the real server will: a JSON 404.
  http.all(onAnyOrigin(`${API_PREFIX}/*`), ({ request }) =>
    errorResponse(404, 'not_found', `No endpoint ${new URL(request.url).pathname}.`),
  ),
];
