import { http, HttpResponse } from 'msw';
import { API_PREFIX } from '@/contract/endpoints';
import { initiativeHandlers } from './initiatives';
import { manageHandlers } from './manage';
import { metricHandlers } from './metrics';
import { publicHistoryHandlers } from './public-history';
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
  ...publicHistoryHandlers,
  // The mock API keeps no public log (ISSUE 11): /log/ answers 404, as a server with none would.
  http.all(onAnyOrigin('/log/*'), () =>
    HttpResponse.text('This server keeps no public log.\n', { status: 404 }),
  ),
  // Any other API path answers like the real server will: a JSON 404.
  http.all(onAnyOrigin(`${API_PREFIX}/*`), ({ request }) =>
    errorResponse(404, 'not_found', `No endpoint ${new URL(request.url).pathname}.`),
  ),
];
