import type { Kysely } from 'kysely';
import { type Refusal, refusalStatus } from '../../src/contract/review-rules';
import { AuthError } from '../auth/errors';
import type { Database } from '../db/schema';
import type { RevisionRow } from './records';

/* Refusals and the conditional write every transition goes through. */
type Trx = Kysely<Database>;

export const refusalMessage: Record<Refusal, string> = {
  state: 'This proposal is no longer in a state that allows that; reload to see its current state.',
  role: 'Your account does not have the role this needs.',
  region: 'This record belongs to another region.',
  four_eyes: 'Nobody reviews their own proposal or one they last edited: a colleague must do it.',
  independence: 'A verifier must be independent: neither who entered nor who approved the figure.',
};

export class Refused extends Error {
  constructor(readonly refusal: Refusal | 'stale') {
    super(refusal);
  }
}

const STALE =
  'Someone changed this proposal since you opened it (perhaps another reviewer acted first). Reload to see its current state.';

/**
 * The answer to a refusal: 403 or 409 (refusalStatus), its code the rule's name (`four_eyes`,
 * `state`, ...; `stale_version` for an old version), which the screens put in plain words.
 */
export function refusalError(refusal: Refusal | 'stale'): AuthError {
  if (refusal === 'stale') return new AuthError(409, 'stale_version', STALE);
  return new AuthError(refusalStatus[refusal], refusal, refusalMessage[refusal]);
}

/** Moves the row from the state and version read; a concurrent change makes this a 409. */
export async function update(trx: Trx, row: RevisionRow, set: Partial<RevisionRow>, at: string) {
  const result = await trx
    .updateTable('revisions')
    .set({ ...set, version: row.version + 1, updated_at: at })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Refused('stale');
}
