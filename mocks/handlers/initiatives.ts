import { http, HttpResponse } from 'msw';
import type { ApiErrorBody } from '@/contract/common';
import { endpoints } from '@/contract/endpoints';
import type { Initiative, InitiativeDetail } from '@/contract/initiatives';
import { initiatives } from '../fixtures/initiatives';
import { metrics } from '../fixtures/metrics';
import { errorResponse, onAnyOrigin } from './respond';

export const initiativeHandlers = [
  http.get(onAnyOrigin(endpoints.initiatives), () => HttpResponse.json<Initiative[]>(initiatives)),
  http.get<{ id: string }, never, InitiativeDetail | ApiErrorBody>(
    onAnyOrigin(`${endpoints.initiatives}/:id`),
    ({ params }) => {
      const initiative = initiatives.find((item) => item.id === params.id);
      if (!initiative) {
        return errorResponse(404, 'not_found', `No initiative with id "${String(params.id)}".`);
      }
      return HttpResponse.json<InitiativeDetail>({
        initiative,
        metrics: metrics.filter((metric) => metric.initiativeId === initiative.id),
      });
    },
  ),
];
