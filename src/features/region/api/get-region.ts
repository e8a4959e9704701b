import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { endpoints } from '@/contract/endpoints';
import { regionSchema } from '@/contract/region';
import { apiGet } from '@/lib/api-client';
import { regionKeys } from './region-keys';

export function getRegion(signal?: AbortSignal) {
  return apiGet(endpoints.region, regionSchema, { signal });
}

export function regionQueryOptions() {
  return queryOptions({
    queryKey: regionKeys.all,
    queryFn: ({ signal }) => getRegion(signal),
    staleTime: Infinity,
  });
}

export function useRegion() {
  return useSuspenseQuery(regionQueryOptions());
}
