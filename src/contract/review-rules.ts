import type { Role } from './accounts';
import type { RevisionAbilities, RevisionStatus } from './revisions';

/*
 * The review workflow as data and pure functions (ISSUE 10). The server enforces them (each
 * refusal maps to an HTTP status below), the screens ask the same functions so they never offer
 * what the server would refuse. No role, admin included, bypasses the four-eyes rule.
 */

export type RevisionAction = keyof RevisionAbilities;

/**
 * Every transition that exists; anything else is refused. `to: null` keeps the state (a
 * verification is a record beside a published revision; a correction starts a new draft).
 */
export const transitions: Record<
  RevisionAction,
  { from: readonly RevisionStatus[]; to: RevisionStatus | null }
> = {
  edit: { from: ['draft', 'rejected'], to: 'draft' },
  submit: { from: ['draft'], to: 'submitted' },
  withdraw: { from: ['submitted'], to: 'draft' },
  discard: { from: ['draft', 'rejected'], to: 'discarded' },
  approve: { from: ['submitted'], to: 'published' },
  reject: { from: ['submitted'], to: 'rejected' },
  verify: { from: ['published'], to: null },
  unverify: { from: ['published'], to: null },
  correct: { from: ['published'], to: null },
};

export const revisionActions = Object.keys(transitions) as RevisionAction[];

/** The state after `action`, or null when the transition does not exist. */
export function nextStatus(status: RevisionStatus, action: RevisionAction): RevisionStatus | null {
  const rule = transitions[action];
  if (!rule.from.includes(status)) return null;
  return rule.to ?? status;
}

export interface ActingUser {
  id: string;
  roles: readonly Role[];
  regionId: string;
  disabled: boolean;
}

export interface RevisionFacts {
  status: RevisionStatus;
  regionId: string;
  /** Null for figures carried over from the hearing's record. */
  createdById: string | null;
  lastEditedById: string | null;
  reviewedById: string | null;
  /** Proposes a figure that does not exist yet (admins only). */
  proposesNewMetric: boolean;
  /** Its latest verification record says verified. */
  verified: boolean;
}

/**
 * Why an action is refused. `state` → 409 (the revision is not, or no longer, in a state that
 * allows it); `role`, `region`, `four_eyes`, `independence` → 403.
 */
export type Refusal = 'state' | 'role' | 'region' | 'four_eyes' | 'independence';
export type Decision = { allowed: true } | { allowed: false; refusal: Refusal };

export const refusalStatus: Record<Refusal, 403 | 409> = {
  state: 409,
  role: 403,
  region: 403,
  four_eyes: 403,
  independence: 403,
};

const ROLE_OF: Record<RevisionAction, Role> = {
  edit: 'editor',
  submit: 'editor',
  withdraw: 'editor',
  discard: 'editor',
  correct: 'editor',
  approve: 'reviewer',
  reject: 'reviewer',
  verify: 'verifier',
  unverify: 'verifier',
};

function hasRole(user: ActingUser, action: RevisionAction, revision: RevisionFacts): boolean {
  // A figure that does not exist yet is an admin's to propose; its review is not.
  if (revision.proposesNewMetric && ROLE_OF[action] === 'editor') {
    return user.roles.includes('admin');
  }
  return user.roles.includes(ROLE_OF[action]);
}

const refuse = (refusal: Refusal): Decision => ({ allowed: false, refusal });

/** May `user` do `action` to `revision` now? Checked in this order: role, region, rule, state. */
export function decide(
  user: ActingUser,
  revision: RevisionFacts,
  action: RevisionAction,
): Decision {
  if (user.disabled || !hasRole(user, action, revision)) return refuse('role');
  if (user.regionId !== revision.regionId) return refuse('region');
  if (action === 'approve' || action === 'reject') {
    // Nobody reviews their own proposal, nor one they were the last to edit.
    if (user.id === revision.createdById || user.id === revision.lastEditedById) {
      return refuse('four_eyes');
    }
  }
  if (action === 'verify' || action === 'unverify') {
    // Independent means: neither the one who entered it nor the one who approved it.
    if (user.id === revision.createdById || user.id === revision.reviewedById) {
      return refuse('independence');
    }
  }
  if (nextStatus(revision.status, action) === null) return refuse('state');
  if (action === 'verify' && revision.verified) return refuse('state');
  if (action === 'unverify' && !revision.verified) return refuse('state');
  return { allowed: true };
}

/** Everything `user` may do next, for the `may` field of every answer. */
export function abilities(user: ActingUser, revision: RevisionFacts): RevisionAbilities {
  const result = {} as RevisionAbilities;
  for (const action of revisionActions) result[action] = decide(user, revision, action).allowed;
  return result;
}

/** May `user` start a proposal at all (the "new proposal" button)? */
export function mayPropose(user: ActingUser, regionId: string, newMetric = false): boolean {
  if (user.disabled || user.regionId !== regionId) return false;
  return newMetric ? user.roles.includes('admin') : user.roles.includes('editor');
}
