import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { auditPageSchema } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiGet } from '@/lib/api-client';
import { auditParams, type AuditFilters } from '../lib/audit-filters';
import { manageKeys } from './manage-keys';

export function getAuditPage(filters: AuditFilters, before: number | null, signal?: AbortSignal) {
  return apiGet(manageEndpoints.audit, auditPageSchema, {
    params: auditParams(filters, before),
    signal,
    credentials: true,
  });
}

export function auditQueryOptions(filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: manageKeys.audit(filters),
    queryFn: ({ pageParam, signal }) => getAuditPage(filters, pageParam, signal),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.nextBefore,
    staleTime: 0,
  });
}

/** The audit log, newest first, one page at a time ("older" asks for the next). */
export function useAudit(filters: AuditFilters) {
  return useInfiniteQuery(auditQueryOptions(filters));
}
