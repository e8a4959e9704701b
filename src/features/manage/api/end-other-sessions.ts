import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { manageEndpoints } from '@/contract/endpoints';
import { apiSend } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export function endOtherSessions() {
  return apiSend('POST', manageEndpoints.endOtherSessions, {}, z.unknown());
}

/** Signs out every other device; this one stays signed in. */
export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endOtherSessions,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: manageKeys.sessions() }),
  });
}
