import { useMutation, useQueryClient } from '@tanstack/react-query';
import { oneTimePasswordSchema, type CreateAccountBody } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiSend } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export function createAccount(body: CreateAccountBody) {
  return apiSend('POST', manageEndpoints.accounts, body, oneTimePasswordSchema);
}

/** A new account; the answer carries its one-time password, shown once. */
export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: manageKeys.accounts() }),
  });
}
