import { abilities, decide, refusalStatus, type RevisionAction } from '@/contract/review-rules';
import { audit, refuse, type Answer, type MockAccount } from './manage-state';
import { actingUser, factsOf, revisionState, type StoredRevision } from './revisions-state';

/* The checks every revision handler makes: the rules of review-rules.ts, the version, the region. */

/** A revision as the signed-in person sees it: with what they may do next. */
export const withMay = (entry: MockAccount, revision: StoredRevision) => ({
  ...revision,
  may: abilities(actingUser(entry.account), factsOf(revision)),
});

export function denied(entry: MockAccount, action: string, target: string | null, refusal: string) {
  audit({
    actorId: entry.account.id,
    actorName: entry.account.username,
    action,
    target,
    outcome: 'denied',
    detail: { refusal },
  });
}

export const refusalMessages: Record<string, string> = {
  state: 'The revision is not, or no longer, in a state that allows this.',
  role: 'Your roles do not allow this.',
  region: 'This revision belongs to another region.',
  four_eyes: 'Nobody reviews their own proposal or one they last edited.',
  independence: 'A verifier must be neither who entered nor who approved it.',
};

/** Whether `action` is allowed now, or the refusal the server answers (and audits). */
export function check(
  entry: MockAccount,
  revision: StoredRevision,
  action: RevisionAction,
): Answer | null {
  const decision = decide(actingUser(entry.account), factsOf(revision), action);
  if (decision.allowed) return null;
  denied(entry, `revision.${action}`, `revision:${revision.id}`, decision.refusal);
  return refuse(
    refusalStatus[decision.refusal],
    decision.refusal,
    refusalMessages[decision.refusal] ?? 'Refused.',
  );
}

export function staleVersion(revision: StoredRevision, version: number): Answer | null {
  if (revision.version === version) return null;
  return refuse(
    409,
    'stale_version',
    `The revision changed since you saw it (version ${version}; it is now ${revision.version}).`,
  );
}

export function findRevision(id: unknown, entry: MockAccount): StoredRevision | undefined {
  const revision = revisionState().revisions.find((item) => item.id === id);
  return revision?.regionId === entry.account.regionId ? revision : undefined;
}

export const notFound = () => refuse(404, 'not_found', 'No such revision.');
