import { queryOptions, useQuery } from '@tanstack/react-query';
import { sessionListSchema } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiGet } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export function getSessions(signal?: AbortSignal) {
  return apiGet(manageEndpoints.sessions, sessionListSchema, { signal, credentials: true });
}

export function sessionsQueryOptions() {
  return queryOptions({
    queryKey: manageKeys.sessions(),
    queryFn: ({ signal }) => getSessions(signal),
    staleTime: 0,
  });
}

/** The signed-in person's own sessions. */
export function useSessions() {
  return useQuery(sessionsQueryOptions());
}
