import type { Account } from '@/contract/accounts';
import type { Metric } from '@/contract/metrics';
import type { ActingUser, RevisionFacts } from '@/contract/review-rules';
import type { Actor, Change, Evidence, Revision } from '@/contract/revisions';
import type { Source } from '@/contract/sources';
import { initiatives } from '../fixtures/initiatives';
import { metrics } from '../fixtures/metrics';
import { region } from '../fixtures/region';
import { sources } from '../fixtures/sources';
import { onManageReset, randomText } from './manage-state';
import { resetPublicHistory } from './public-history';

/**
 * The mock revisions' memory: every figure starts with its published hearing revision
 * (`hearing-<metricId>`), and approvals change the fixtures' figures in place (so the overview
 * shows them). Reset with resetManageMock(), which also restores the fixtures.
 */
export type StoredRevision = Omit<Revision, 'may'>;

export interface StoredBatch {
  id: string;
  createdBy: Actor;
  createdAt: string;
  note: string | null;
}

interface RevisionState {
  revisions: StoredRevision[];
  evidence: Map<string, Evidence>;
  batches: Map<string, StoredBatch>;
}

const HEARING_AT = '2026-11-20T08:00:00.000Z';
const originalMetrics: Metric[] = structuredClone(metrics);
const originalSourceCount = sources.length;

export function hearingRevision(metric: Metric): StoredRevision {
  return {
    id: `hearing-${metric.id}`,
    regionId: region.id,
    metricId: metric.id,
    newMetric: null,
    status: 'published',
    version: 1,
    value: metric.value,
    total: metric.total,
    statusText: metric.statusText,
    period: metric.asOf,
    districtId: null,
    sourceId: metric.sourceId,
    newSource: null,
    statedBy: metric.reporterId,
    evidence: [],
    corrects: null,
    correctionReason: null,
    note: null,
    rejectionReason: null,
    batchId: null,
    createdBy: null,
    lastEditedBy: null,
    reviewedBy: null,
    createdAt: HEARING_AT,
    updatedAt: HEARING_AT,
    submittedAt: null,
    reviewedAt: null,
    publishedAt: HEARING_AT,
    verification: null,
  };
}

function freshState(): RevisionState {
  return { revisions: metrics.map(hearingRevision), evidence: new Map(), batches: new Map() };
}

let state = freshState();

onManageReset(() => {
  metrics.splice(0, metrics.length, ...structuredClone(originalMetrics));
  sources.splice(originalSourceCount);
  state = freshState();
  resetPublicHistory();
});

export const revisionState = () => state;

export const newRevisionId = () => `rev-${randomText(10)}`;
export const newEvidenceId = () => `ev-${randomText(12)}`;
export const newBatchId = () => `batch-${randomText(8)}`;

export const actorOf = (account: Account): Actor => ({
  id: account.id,
  displayName: account.displayName,
  organisation: account.organisation,
});

export const actingUser = (account: Account): ActingUser => ({
  id: account.id,
  roles: account.roles,
  regionId: account.regionId,
  disabled: account.disabled,
});

export function factsOf(revision: StoredRevision): RevisionFacts {
  return {
    status: revision.status,
    regionId: revision.regionId,
    createdById: revision.createdBy?.id ?? null,
    lastEditedById: revision.lastEditedBy?.id ?? null,
    reviewedById: revision.reviewedBy?.id ?? null,
    proposesNewMetric: revision.newMetric !== null,
    verified: revision.verification?.state === 'verified',
  };
}

function metricOf(id: string | null): Metric | undefined {
  return metrics.find((metric) => metric.id === id);
}

/** A new source named in a proposal enters the catalogue when the proposal is published. */
function publishSource(revision: StoredRevision): string {
  if (revision.sourceId !== null || revision.newSource === null) return revision.sourceId ?? '';
  const proposed = revision.newSource;
  const text = (value: string) => ({ kk: value, ru: value, en: value });
  const source: Source = {
    id: `source-${randomText(8)}`,
    kind: proposed.kind,
    title: text(proposed.title),
    publication: {
      name: text(proposed.publisher),
      author: text(proposed.publisher),
      language: 'kk',
      url: proposed.url,
    },
    event: {
      name: text(proposed.title),
      format: 'in-person',
      topic: text(proposed.title),
      date: proposed.date,
      dateNote: null,
      organisers: [],
      participantsNote: null,
    },
    people: [],
  };
  sources.push(source);
  return source.id;
}

function newMetricFrom(revision: StoredRevision): Metric | undefined {
  const proposed = revision.newMetric;
  if (proposed === null) return undefined;
  const metric: Metric = {
    ...proposed,
    // The mock API keeps no transparency log.
    logIndex: null,
    value: revision.value,
    statusText: revision.statusText,
    total: revision.total,
    parentId: null,
    target: null,
    baseline: null,
    direction: null,
    asOf: revision.period,
    districtId: null,
    sourceId: revision.sourceId ?? '',
    reporterId: 'unknown',
    verification: 'reported',
    derived: false,
    derivation: null,
    sample: false,
    series: [],
    breakdown: [],
  };
  metrics.push(metric);
  return metric;
}

/** Approval: the figure (or its district's entry) now shows the published value. */
export function applyPublication(revision: StoredRevision): Metric | undefined {
  revision.sourceId = publishSource(revision);
  revision.newSource = null;
  const existing = metricOf(revision.metricId);
  const metric = existing ?? newMetricFrom(revision);
  if (!metric) return undefined;
  revision.metricId = metric.id;
  if (revision.districtId !== null) {
    const entry = {
      districtId: revision.districtId,
      value: revision.value ?? 0,
      sample: false,
      derived: false,
    };
    const index = metric.breakdown.findIndex((item) => item.districtId === revision.districtId);
    if (index === -1) metric.breakdown.push(entry);
    else metric.breakdown[index] = entry;
    return metric;
  }
  metric.value = revision.value;
  if (revision.total !== null) metric.total = revision.total;
  if (revision.statusText !== null) metric.statusText = revision.statusText;
  if (revision.period !== null) metric.asOf = revision.period;
  metric.sourceId = revision.sourceId;
  metric.verification = 'reported';
  return metric;
}

/** The published revision the figure shows now (region-wide or a district's), if any. */
export function currentPublished(metricId: string | null, districtId: string | null) {
  return state.revisions
    .filter(
      (item) =>
        item.status === 'published' && item.metricId === metricId && item.districtId === districtId,
    )
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0];
}

/** A verification of the figure's current revision shows on the overview's card. */
export function applyVerification(revision: StoredRevision): void {
  const metric = metricOf(revision.metricId);
  if (!metric || revision.districtId !== null) return;
  if (currentPublished(revision.metricId, null)?.id !== revision.id) return;
  metric.verification = revision.verification?.state === 'verified' ? 'verified' : 'reported';
}

/** The public change (history, /changes, Atom) an approval or a verification makes. */
export function changeOf(
  revision: StoredRevision,
  kind: Change['kind'],
  by: Actor,
  reason: string | null,
): Change | undefined {
  const metric = metricOf(revision.metricId);
  if (!metric || revision.metricId === null || revision.publishedAt === null) return undefined;
  const at =
    kind === 'publication' || kind === 'correction'
      ? revision.publishedAt
      : new Date().toISOString();
  return {
    id: `${kind}:${revision.id}${kind.endsWith('verification') ? `:${at}` : ''}`,
    kind,
    at,
    metricId: metric.id,
    initiativeId: metric.initiativeId,
    label: metric.label,
    by,
    reason,
    revision: {
      id: revision.id,
      metricId: metric.id,
      value: revision.value,
      total: revision.total,
      statusText: revision.statusText,
      period: revision.period,
      districtId: revision.districtId,
      sourceId: revision.sourceId ?? metric.sourceId,
      statedBy: revision.statedBy,
      evidence: revision.evidence,
      enteredBy: revision.createdBy,
      approvedBy: revision.reviewedBy,
      publishedAt: revision.publishedAt,
      corrects: revision.corrects,
      correctionReason: revision.correctionReason,
      verification: revision.verification,
      sample: false,
      logIndex: null,
    },
  };
}

export const knownInitiative = (id: string) => initiatives.some((item) => item.id === id);
export const knownDistrict = (id: string) => region.districts.some((item) => item.id === id);
export const knownSource = (id: string) => sources.some((item) => item.id === id);
export const knownMetric = (id: string) => metrics.some((item) => item.id === id);
