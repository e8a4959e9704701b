import { queryOptions, useQuery } from '@tanstack/react-query';
import { manageEndpoints } from '@/contract/endpoints';
import { revisionPageSchema, revisionSchema, type RevisionQuery } from '@/contract/revisions';
import { apiGet } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export type RevisionFilter = Partial<Omit<RevisionQuery, 'page'>>;

export function getRevisions(query: RevisionFilter, signal?: AbortSignal) {
  const params = Object.fromEntries(
    Object.entries(query).map(([key, value]) => [
      key,
      value === undefined ? undefined : String(value),
    ]),
  );
  return apiGet(manageEndpoints.revisions, revisionPageSchema, {
    params,
    signal,
    credentials: true,
  });
}

export function revisionsQueryOptions(query: RevisionFilter) {
  return queryOptions({
    queryKey: manageKeys.revisionList(query),
    queryFn: ({ signal }) => getRevisions(query, signal),
    staleTime: 0,
  });
}

/** One page of revisions (the first; 200 at most), newest change first. */
export function useRevisions(query: RevisionFilter) {
  return useQuery(revisionsQueryOptions(query));
}

export function getRevision(id: string, signal?: AbortSignal) {
  return apiGet(manageEndpoints.revision(id), revisionSchema, { signal, credentials: true });
}

export function revisionQueryOptions(id: string) {
  return queryOptions({
    queryKey: manageKeys.revision(id),
    queryFn: ({ signal }) => getRevision(id, signal),
    staleTime: 0,
  });
}

/** One revision with what the signed-in person may do with it; null id: nothing to load. */
export function useRevision(id: string | null) {
  return useQuery({ ...revisionQueryOptions(id ?? ''), enabled: id !== null });
}
