import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { accountSchema, type updateAccountBodySchema } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiSend } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export type UpdateAccountBody = z.infer<typeof updateAccountBodySchema>;

export function updateAccount(id: string, body: UpdateAccountBody) {
  return apiSend('PUT', manageEndpoints.account(id), body, accountSchema);
}

/** Changes an account's names or roles. */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateAccountBody }) => updateAccount(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: manageKeys.accounts() }),
  });
}
