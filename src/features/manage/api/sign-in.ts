import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { meSchema, type signInBodySchema } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiSend } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export function signIn(body: z.infer<typeof signInBodySchema>) {
  return apiSend('POST', manageEndpoints.signIn, body, meSchema);
}

/** Username and password; the answer's stage says which step comes next. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signIn,
    onSuccess: (me) => queryClient.setQueryData(manageKeys.me(), me),
  });
}
