import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { endpoints } from '@/contract/endpoints';
import { metricHistorySchema } from '@/contract/revisions';
import { apiGet } from '@/lib/api-client';
import { historyKeys } from './history-keys';

/** Revisions per page: a figure gets a few a year, so one page is years of history. */
export const HISTORY_PAGE_SIZE = 20;
/** The most revisions one chart asks for: years of a figure's history at any pace of reporting. */
export const CHART_REVISIONS = 500;

export function getMetricHistory(
  metricId: string,
  page: number,
  pageSize: number,
  signal?: AbortSignal,
) {
  return apiGet(endpoints.metricHistory(metricId), metricHistorySchema, {
    params: { page: String(page), pageSize: String(pageSize) },
    signal,
  });
}

export function metricHistoryQueryOptions(
  metricId: string,
  page = 1,
  pageSize = HISTORY_PAGE_SIZE,
) {
  return queryOptions({
    queryKey: historyKeys.detail(metricId, page, pageSize),
    queryFn: ({ signal }) => getMetricHistory(metricId, page, pageSize, signal),
  });
}

export function useMetricHistory(metricId: string, page = 1, pageSize = HISTORY_PAGE_SIZE) {
  return useSuspenseQuery(metricHistoryQueryOptions(metricId, page, pageSize));
}
