import { useMutation } from '@tanstack/react-query';
import { mfaSetupSchema } from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { apiSend } from '@/lib/api-client';

export function setupMfa() {
  return apiSend('POST', manageEndpoints.mfaSetup, {}, mfaSetupSchema);
}

/** A new authenticator secret; the server keeps it pending until a code confirms it. */
export function useSetupMfa() {
  return useMutation({ mutationFn: setupMfa });
}
