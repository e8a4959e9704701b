import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { endpoints } from '@/contract/endpoints';
import { metricListSchema, type MetricQuery } from '@/contract/metrics';
import { apiGet } from '@/lib/api-client';
import { metricKeys } from './metric-keys';

export function getMetrics(query: MetricQuery, signal?: AbortSignal) {
  return apiGet(endpoints.metrics, metricListSchema, { params: query, signal });
}

export function metricsQueryOptions(query: MetricQuery = {}) {
  return queryOptions({
    queryKey: metricKeys.list(query),
    queryFn: ({ signal }) => getMetrics(query, signal),
  });
}

export function useMetrics(query: MetricQuery = {}) {
  return useSuspenseQuery(metricsQueryOptions(query));
}
