import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { accountSchema, oneTimePasswordSchema } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiSend } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export type AccountAction = Parameters<typeof manageEndpoints.accountAction>[1];

/**
 * Resetting a password answers with a new one-time password; the other actions with the account.
 * Read defensively: either shape parses, and a one-time password is picked out when present.
 */
const actionAnswerSchema = z.union([oneTimePasswordSchema, accountSchema, z.object({})]);

export function accountAction(id: string, action: AccountAction) {
  return apiSend('POST', manageEndpoints.accountAction(id, action), {}, actionAnswerSchema);
}

/** disable, enable, reset-password, reset-mfa or unlock (lift a throttle) on one account. */
export function useAccountAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: AccountAction }) =>
      accountAction(id, action),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: manageKeys.accounts() }),
  });
}
