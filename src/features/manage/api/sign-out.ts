import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { manageEndpoints } from '@/contract/endpoints';
import { apiSend } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

/** The contract names no answer for sign-out: any JSON, or none, will do. */
const anyAnswer = z.unknown();

export function signOut() {
  return apiSend('POST', manageEndpoints.signOut, {}, anyAnswer);
}

/**
 * Ends the session. Whatever the server answers, nothing of the management data stays in this
 * tab's cache, and the screens go back to the sign-in form.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      // The "who is signed in" query stays (its observers see null); everything else goes.
      queryClient.setQueryData(manageKeys.me(), null);
      queryClient.removeQueries({
        queryKey: manageKeys.all,
        predicate: (query) => query.queryKey[1] !== manageKeys.me()[1],
      });
    },
  });
}
