import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { endpoints } from '@/contract/endpoints';
import { sourceListSchema } from '@/contract/sources';
import { apiGet } from '@/lib/api-client';
import { sourceKeys } from './source-keys';

export function getSources(signal?: AbortSignal) {
  return apiGet(endpoints.sources, sourceListSchema, { signal });
}

export function sourcesQueryOptions() {
  return queryOptions({
    queryKey: sourceKeys.list(),
    queryFn: ({ signal }) => getSources(signal),
  });
}

export function useSources() {
  return useSuspenseQuery(sourcesQueryOptions());
}
