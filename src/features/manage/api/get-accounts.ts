import { queryOptions, useQuery } from '@tanstack/react-query';
import { accountListSchema } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiGet } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export function getAccounts(signal?: AbortSignal) {
  return apiGet(manageEndpoints.accounts, accountListSchema, { signal, credentials: true });
}

export function accountsQueryOptions() {
  return queryOptions({
    queryKey: manageKeys.accounts(),
    queryFn: ({ signal }) => getAccounts(signal),
    staleTime: 0,
  });
}

/** Every account of the admin's region (admin only). */
export function useAccounts() {
  return useQuery(accountsQueryOptions());
}
