import type { z } from 'zod';
import type { editProposalBodySchema, proposalBodySchema } from '@/contract/revisions';
import { refuse, type Answer } from './manage-state';
import {
  knownDistrict,
  knownInitiative,
  knownMetric,
  knownSource,
  revisionState,
  type StoredRevision,
} from './revisions-state';

type Body = z.output<typeof proposalBodySchema> | z.output<typeof editProposalBodySchema>;

const bad = (field: string, message: string) => refuse(400, 'invalid_body', `${field}: ${message}`);

/** What the contract cannot know: that the figure, district, source and files exist. */
export function checkReferences(body: Body): Answer | null {
  if (body.metricId !== null && !knownMetric(body.metricId))
    return bad('metricId', 'no such figure');
  if (body.newMetric !== null) {
    if (knownMetric(body.newMetric.id)) return bad('newMetric.id', 'a figure with this id exists');
    if (!knownInitiative(body.newMetric.initiativeId)) {
      return bad('newMetric.initiativeId', 'no such programme');
    }
  }
  if (body.districtId !== null && !knownDistrict(body.districtId)) {
    return bad('districtId', 'no such district');
  }
  if (body.sourceId !== null && !knownSource(body.sourceId))
    return bad('sourceId', 'no such source');
  const evidence = revisionState().evidence;
  const missing = body.evidenceIds.find((id) => !evidence.has(id));
  if (missing !== undefined) return bad('evidenceIds', `no uploaded file ${missing}`);
  return null;
}

/** The proposal's own fields, as stored (evidence ids resolved to their records). */
export function fieldsOf(body: Body) {
  const evidence = revisionState().evidence;
  return {
    metricId: body.metricId,
    newMetric: body.newMetric,
    value: body.value,
    total: body.total,
    statusText: body.statusText,
    period: body.period,
    districtId: body.districtId,
    sourceId: body.sourceId,
    newSource: body.newSource,
    statedBy: body.statedBy,
    evidence: body.evidenceIds.flatMap((id) => evidence.get(id) ?? []),
    corrects: body.corrects,
    correctionReason: body.correctionReason,
    note: body.note === '' ? null : body.note,
  } satisfies Partial<StoredRevision>;
}
