import { http, HttpResponse } from 'msw';
import type { ApiErrorBody } from '@/contract/common';
import { endpoints } from '@/contract/endpoints';
import { metricQuerySchema, type Metric } from '@/contract/metrics';
import { metrics } from '../fixtures/metrics';
import { errorResponse, onAnyOrigin } from './respond';

export const metricHandlers = [
  http.get<never, never, Metric[] | ApiErrorBody>(onAnyOrigin(endpoints.metrics), ({ request }) => {
    const query = metricQuerySchema.safeParse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    if (!query.success) {
      return errorResponse(
        400,
        'bad_request',
        `Invalid query: ${query.error.issues[0]?.message ?? ''}`,
      );
    }
    const { initiative, district } = query.data;
    return HttpResponse.json<Metric[]>(
      metrics.filter(
        (metric) =>
          (initiative === undefined || metric.initiativeId === initiative) &&
          (district === undefined ||
            metric.breakdown.some((entry) => entry.districtId === district)),
      ),
    );
  }),
];
