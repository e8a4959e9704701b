import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { endpoints } from '@/contract/endpoints';
import { changePageSchema, type ChangeQuery } from '@/contract/revisions';
import { apiGet } from '@/lib/api-client';
import { changeKeys } from './change-keys';

export function getChanges(query: ChangeQuery, signal?: AbortSignal) {
  return apiGet(endpoints.changes, changePageSchema, {
    params: {
      initiative: query.initiative,
      page: String(query.page),
      pageSize: String(query.pageSize),
    },
    signal,
  });
}

export function changesQueryOptions(query: ChangeQuery) {
  return queryOptions({
    queryKey: changeKeys.list(query),
    queryFn: ({ signal }) => getChanges(query, signal),
  });
}

export function useChanges(query: ChangeQuery) {
  return useSuspenseQuery(changesQueryOptions(query));
}
