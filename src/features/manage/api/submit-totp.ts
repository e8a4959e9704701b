import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { meSchema, type totpBodySchema } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiSend } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export function submitTotp(body: z.infer<typeof totpBodySchema>) {
  return apiSend('POST', manageEndpoints.totp, body, meSchema);
}

/** The second factor: a code from the authenticator app, or one of the recovery codes. */
export function useSubmitTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitTotp,
    onSuccess: (me) => queryClient.setQueryData(manageKeys.me(), me),
  });
}
