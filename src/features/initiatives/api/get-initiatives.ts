import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { endpoints } from '@/contract/endpoints';
import { initiativeListSchema } from '@/contract/initiatives';
import { apiGet } from '@/lib/api-client';
import { initiativeKeys } from './initiative-keys';

export function getInitiatives(signal?: AbortSignal) {
  return apiGet(endpoints.initiatives, initiativeListSchema, { signal });
}

export function initiativesQueryOptions() {
  return queryOptions({
    queryKey: initiativeKeys.list(),
    queryFn: ({ signal }) => getInitiatives(signal),
  });
}

export function useInitiatives() {
  return useSuspenseQuery(initiativesQueryOptions());
}
