import type { Kysely } from 'kysely';
import type { Refusal } from '../../src/contract/review-rules';
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

export const stale = () =>
  new AuthError(
    409,
    'conflict',
    'Someone changed this proposal since you opened it (perhaps another reviewer acted first). Reload to see its current state.',
  );

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
