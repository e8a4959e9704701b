import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod/mini';
import { recoveryCodesSchema, type confirmMfaBodySchema } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiSend } from '@/lib/api-client';

export function confirmMfa(body: z.infer<typeof confirmMfaBodySchema>) {
  return apiSend('POST', manageEndpoints.mfaConfirm, body, recoveryCodesSchema);
}

/**
 * Confirms the authenticator with a code. The answer's recovery codes are shown once, so the
 * caller stores the new session stage only after the person says they have saved them.
 */
export function useConfirmMfa() {
  return useMutation({ mutationFn: confirmMfa });
}
