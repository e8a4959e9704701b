import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { meSchema, type changePasswordBodySchema } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiSend } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export function changePassword(body: z.infer<typeof changePasswordBodySchema>) {
  return apiSend('POST', manageEndpoints.password, body, meSchema);
}

/** Replaces the password; needs the current one (the one-time password at first sign-in). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: (me) => {
      queryClient.setQueryData(manageKeys.me(), me);
      // A new password ends every other session.
      void queryClient.invalidateQueries({ queryKey: manageKeys.sessions() });
    },
  });
}
