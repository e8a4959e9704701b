import type { Kysely } from 'kysely';
import type { ProposalBody, proposalBodySchema } from '../../src/contract/revisions';
import { AuthError } from '../auth/errors';
import type { Database } from '../db/schema';

/*
 * What the contract cannot know: that the figure, district, source, evidence and the revision a
 * correction corrects exist, and that the value fits the figure's kind. A 400 names the field.
 */
export type Proposal = ReturnType<typeof proposalBodySchema.parse>;

const invalid = (field: string, message: string) =>
  new AuthError(400, 'invalid_body', `Invalid body: ${field}: ${message}`);

function checkKind(kind: string, body: Proposal) {
  if (kind === 'status') {
    if (body.statusText === null) throw invalid('statusText', `a status figure needs its text`);
    return;
  }
  if (body.value === null) throw invalid('value', 'is required for this figure');
  if (kind === 'ratio' && body.total === null) throw invalid('total', 'a ratio needs its total');
  if (kind !== 'ratio' && body.total !== null) throw invalid('total', `only ratios have a total`);
}

export async function checkProposal(
  db: Kysely<Database>,
  regionId: string,
  body: Proposal,
): Promise<void> {
  if (body.metricId !== null) {
    const metric = await db
      .selectFrom('metrics')
      .select(['id', 'kind'])
      .where('id', '=', body.metricId)
      .executeTakeFirst();
    if (!metric) throw invalid('metricId', `no figure with id "${body.metricId}"`);
    checkKind(metric.kind, body);
  } else if (body.newMetric !== null) {
    const { id, initiativeId, kind } = body.newMetric;
    const taken = await db
      .selectFrom('metrics')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (taken) throw invalid('newMetric.id', `a figure with id "${id}" exists`);
    const initiative = await db
      .selectFrom('initiatives')
      .select('id')
      .where('id', '=', initiativeId)
      .executeTakeFirst();
    if (!initiative) throw invalid('newMetric.initiativeId', `no programme "${initiativeId}"`);
    checkKind(kind, body);
  }
  if (body.districtId !== null) {
    const district = await db
      .selectFrom('districts')
      .select('id')
      .where('id', '=', body.districtId)
      .where('region_id', '=', regionId)
      .executeTakeFirst();
    if (!district) throw invalid('districtId', `no district "${body.districtId}" in this region`);
  }
  if (body.sourceId !== null) {
    const source = await db
      .selectFrom('sources')
      .select('id')
      .where('id', '=', body.sourceId)
      .executeTakeFirst();
    if (!source) throw invalid('sourceId', `no source with id "${body.sourceId}"`);
  }
  await checkEvidence(db, regionId, body.evidenceIds, 'evidenceIds');
  if (body.corrects !== null) {
    const corrected = await db
      .selectFrom('revisions')
      .select(['metric_id', 'status'])
      .where('id', '=', body.corrects)
      .where('region_id', '=', regionId)
      .executeTakeFirst();
    if (!corrected || corrected.status !== 'published') {
      throw invalid('corrects', 'names no published revision');
    }
    if (corrected.metric_id !== body.metricId) {
      throw invalid('corrects', 'a correction is for the same figure as the revision it corrects');
    }
  }
}

export async function checkEvidence(
  db: Kysely<Database>,
  regionId: string,
  ids: string[],
  field: string,
): Promise<void> {
  if (new Set(ids).size !== ids.length) throw invalid(field, 'names a file twice');
  if (ids.length === 0) return;
  const found = await db
    .selectFrom('evidence')
    .select('id')
    .where('id', 'in', ids)
    .where('region_id', '=', regionId)
    .execute();
  const known = new Set(found.map((row) => row.id));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw invalid(field, `no evidence file "${missing}"`);
}

export type { ProposalBody };
