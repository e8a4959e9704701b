import { useQuery } from '@tanstack/react-query';
import { endpoints } from '@/contract/endpoints';
import { initiativeListSchema } from '@/contract/initiatives';
import { metricListSchema } from '@/contract/metrics';
import { regionSchema } from '@/contract/region';
import { sourceListSchema } from '@/contract/sources';
import { apiGet } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

/*
 * The public catalogue, as the proposal form and the review queue need it: read under the
 * management keys (and never cached for long), so an approval shows at once.
 */

export function useFigures() {
  return useQuery({
    queryKey: manageKeys.catalogue('metrics'),
    queryFn: ({ signal }) => apiGet(endpoints.metrics, metricListSchema, { signal }),
    staleTime: 0,
  });
}

export function useProgrammes() {
  return useQuery({
    queryKey: manageKeys.catalogue('initiatives'),
    queryFn: ({ signal }) => apiGet(endpoints.initiatives, initiativeListSchema, { signal }),
  });
}

export function useSources() {
  return useQuery({
    queryKey: manageKeys.catalogue('sources'),
    queryFn: ({ signal }) => apiGet(endpoints.sources, sourceListSchema, { signal }),
    staleTime: 0,
  });
}

export function useRegion() {
  return useQuery({
    queryKey: manageKeys.catalogue('region'),
    queryFn: ({ signal }) => apiGet(endpoints.region, regionSchema, { signal }),
  });
}
