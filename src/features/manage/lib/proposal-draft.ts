import type { LocalizedText } from '@/contract/common';
import type { Metric } from '@/contract/metrics';
import type { Evidence, NewSource, Revision } from '@/contract/revisions';

/**
 * What the proposal form holds: text as typed (numbers stay strings until sent), so a refused
 * save loses nothing and a half-typed number is never turned into something else.
 */
export interface ProposalDraft {
  /** A figure's id, or NEW_FIGURE (admins). */
  figure: string;
  newMetric: {
    id: string;
    initiativeId: string;
    kind: Metric['kind'];
    label: LocalizedText;
    description: LocalizedText;
    unit: LocalizedText;
  };
  value: string;
  total: string;
  statusText: LocalizedText;
  periodKind: 'date' | 'year';
  period: string;
  districtId: string;
  sourceMode: 'existing' | 'new';
  sourceId: string;
  newSource: {
    title: string;
    publisher: string;
    date: string;
    url: string;
    kind: NewSource['kind'];
  };
  statedBy: string;
  evidence: Evidence[];
  corrects: string | null;
  correctionReason: string;
  note: string;
}

export const NEW_FIGURE = '__new';

const noText: LocalizedText = { kk: '', ru: '', en: '' };

export function emptyDraft(): ProposalDraft {
  return {
    figure: '',
    newMetric: {
      id: '',
      initiativeId: '',
      kind: 'count',
      label: { ...noText },
      description: { ...noText },
      unit: { ...noText },
    },
    value: '',
    total: '',
    statusText: { ...noText },
    periodKind: 'date',
    period: '',
    districtId: '',
    sourceMode: 'existing',
    sourceId: '',
    newSource: { title: '', publisher: '', date: '', url: '', kind: 'official-report' },
    statedBy: '',
    evidence: [],
    corrects: null,
    correctionReason: '',
    note: '',
  };
}

const numberText = (value: number | null) => (value === null ? '' : String(value));

/** A saved draft or a rejected proposal, to edit. */
export function draftFromRevision(revision: Revision): ProposalDraft {
  const draft = emptyDraft();
  const proposed = revision.newMetric;
  return {
    ...draft,
    figure: revision.metricId ?? (proposed ? NEW_FIGURE : ''),
    newMetric: proposed
      ? {
          id: proposed.id,
          initiativeId: proposed.initiativeId,
          kind: proposed.kind,
          label: proposed.label,
          description: proposed.description,
          unit: proposed.unit ?? { ...noText },
        }
      : draft.newMetric,
    value: numberText(revision.value),
    total: numberText(revision.total),
    statusText: revision.statusText ?? { ...noText },
    periodKind: revision.period !== null && /^\d{4}$/.test(revision.period) ? 'year' : 'date',
    period: revision.period ?? '',
    districtId: revision.districtId ?? '',
    sourceMode: revision.newSource ? 'new' : 'existing',
    sourceId: revision.sourceId ?? '',
    newSource: revision.newSource
      ? { ...revision.newSource, url: revision.newSource.url ?? '' }
      : draft.newSource,
    statedBy: revision.statedBy,
    evidence: revision.evidence,
    corrects: revision.corrects,
    correctionReason: revision.correctionReason ?? '',
    note: revision.note ?? '',
  };
}

/** A correction of a published revision: its figures to start from, and a reason to give. */
export function draftForCorrection(published: Revision): ProposalDraft {
  return {
    ...draftFromRevision(published),
    evidence: [],
    note: '',
    corrects: published.id,
    correctionReason: '',
  };
}
