import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { manageEndpoints } from '@/contract/endpoints';
import { batchPreviewSchema, batchSchema } from '@/contract/revisions';
import { apiGet, apiSend } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export interface BatchInput {
  csv: string;
  note: string | null;
}

/** Every row checked against the current values; nothing is written. */
export function usePreviewBatch() {
  return useMutation({
    mutationFn: (input: BatchInput) =>
      apiSend('POST', manageEndpoints.batchPreview, input, batchPreviewSchema),
  });
}

/** Submits every row as one batch, or nothing when a row is wrong. */
export function useSubmitBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BatchInput) => apiSend('POST', manageEndpoints.batches, input, batchSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: manageKeys.revisions() }),
  });
}

export function useBatch(id: string) {
  return useQuery({
    queryKey: manageKeys.batch(id),
    queryFn: ({ signal }) =>
      apiGet(manageEndpoints.batch(id), batchSchema, { signal, credentials: true }),
    staleTime: 0,
  });
}

/** Approves every submitted row of the batch (the reviewer may approve them all). */
export function useApproveBatch(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('POST', manageEndpoints.batchApprove(id), {}, batchSchema),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: manageKeys.revisions() }),
        queryClient.invalidateQueries({ queryKey: manageKeys.catalogue('metrics') }),
      ]),
  });
}
