import { queryOptions, useQuery } from '@tanstack/react-query';
import { meSchema, type Me } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { ApiError, apiGet } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

/** Who is signed in, and at which stage; null when nobody is (the server answers 401). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiGet(manageEndpoints.me, meSchema, { signal, credentials: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: manageKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    // A session can end on the server at any time (idle timeout, an admin): ask again when the
    // person comes back to the tab rather than trusting an hour-old answer.
    staleTime: 0,
    refetchOnWindowFocus: true,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
