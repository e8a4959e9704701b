import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { endpoints } from '@/contract/endpoints';
import { initiativeDetailSchema } from '@/contract/initiatives';
import { apiGet } from '@/lib/api-client';
import { initiativeKeys } from './initiative-keys';

export function getInitiative(id: string, signal?: AbortSignal) {
  return apiGet(endpoints.initiative(id), initiativeDetailSchema, { signal });
}

export function initiativeQueryOptions(id: string) {
  return queryOptions({
    queryKey: initiativeKeys.detail(id),
    queryFn: ({ signal }) => getInitiative(id, signal),
  });
}

export function useInitiative(id: string) {
  return useSuspenseQuery(initiativeQueryOptions(id));
}
