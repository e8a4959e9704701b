import { useMutation, useQueryClient } from '@tanstack/react-query';
import { manageEndpoints } from '@/contract/endpoints';
import { revisionSchema, type ProposalBody } from '@/contract/revisions';
import { apiSend } from '@/lib/api-client';
import { manageKeys } from './manage-keys';

export type RevisionActionName = Parameters<typeof manageEndpoints.revisionAction>[1];

/** What an action sends besides the version: a reason (reject, unverify) or a note (verify). */
export type ActionExtras = { reason?: string; note?: string; evidenceIds?: string[] };

export function saveProposal(id: string | null, body: ProposalBody, version: number | null) {
  return id === null
    ? apiSend('POST', manageEndpoints.revisions, body, revisionSchema)
    : apiSend('PUT', manageEndpoints.revision(id), { ...body, version }, revisionSchema);
}

export function revisionAction(
  id: string,
  action: RevisionActionName,
  version: number,
  extras: ActionExtras = {},
) {
  return apiSend(
    'POST',
    manageEndpoints.revisionAction(id, action),
    { version, ...extras },
    revisionSchema,
  );
}

function useRefreshRevisions() {
  const queryClient = useQueryClient();
  // An approval changes the figures and may add a source: the form's catalogue is read again too.
  // Not awaited: a card the refetch removes must still hear how its own action ended (TanStack
  // calls `mutate`'s callbacks only after onSettled, and only while the caller is mounted).
  return () =>
    void Promise.all([
      queryClient.invalidateQueries({ queryKey: manageKeys.revisions() }),
      queryClient.invalidateQueries({ queryKey: manageKeys.catalogue('metrics') }),
      queryClient.invalidateQueries({ queryKey: manageKeys.catalogue('sources') }),
    ]);
}

/** A new draft (POST) or an edit of one (PUT, with the version it was loaded at). */
export function useSaveProposal() {
  const refresh = useRefreshRevisions();
  return useMutation({
    mutationFn: ({
      id,
      body,
      version,
    }: {
      id: string | null;
      body: ProposalBody;
      version: number | null;
    }) => saveProposal(id, body, version),
    onSettled: refresh,
  });
}

/**
 * submit, withdraw, discard, approve, reject, verify, unverify. Settled either way the lists are
 * fetched again: after a 409 the person sees what the other reviewer did.
 */
export function useRevisionAction() {
  const refresh = useRefreshRevisions();
  return useMutation({
    mutationFn: ({
      id,
      action,
      version,
      extras,
    }: {
      id: string;
      action: RevisionActionName;
      version: number;
      extras?: ActionExtras;
    }) => revisionAction(id, action, version, extras),
    onSettled: refresh,
  });
}
