import { locales, type LocalizedText } from '@/contract/common';
import type { Metric } from '@/contract/metrics';
import { proposalBodySchema, type ProposalBody } from '@/contract/revisions';
import { NEW_FIGURE, type ProposalDraft } from './proposal-draft';
import { parseNumber } from './revision-change';

/**
 * A field's problem: a key of the `review` catalogue (`form.*`), or the server's own words about
 * it (`message`, shown as given). Fields are named by their path in the body, e.g. "newSource.url";
 * "figure" stands for the choice of figure (metricId / newMetric).
 */
export interface FieldProblem {
  key: string;
  message?: string;
}
export type FieldErrors = Record<string, FieldProblem>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());
const filled = (text: LocalizedText) => locales.every((locale) => text[locale].trim() !== '');
const trimmed = (text: LocalizedText): LocalizedText => ({
  kk: text.kk.trim(),
  ru: text.ru.trim(),
  en: text.en.trim(),
});

function requireText(errors: FieldErrors, path: string, text: string) {
  if (text.trim() === '') errors[path] = { key: 'form.required' };
}
function requireAll(errors: FieldErrors, path: string, text: LocalizedText) {
  for (const locale of locales) requireText(errors, `${path}.${locale}`, text[locale]);
}

/** The kind of figure being proposed: the chosen one's, or the new one's. */
export function kindOf(draft: ProposalDraft, figures: readonly Metric[]): Metric['kind'] | null {
  if (draft.figure === NEW_FIGURE) return draft.newMetric.kind;
  return figures.find((figure) => figure.id === draft.figure)?.kind ?? null;
}

function figureFields(draft: ProposalDraft, errors: FieldErrors) {
  if (draft.figure === '') errors.figure = { key: 'form.chooseFigure' };
  if (draft.figure !== NEW_FIGURE) return { metricId: draft.figure || null, newMetric: null };
  const proposed = draft.newMetric;
  if (!SLUG.test(proposed.id)) errors['newMetric.id'] = { key: 'form.slug' };
  if (proposed.initiativeId === '') errors['newMetric.initiativeId'] = { key: 'form.required' };
  requireAll(errors, 'newMetric.label', proposed.label);
  requireAll(errors, 'newMetric.description', proposed.description);
  return {
    metricId: null,
    newMetric: {
      id: proposed.id,
      initiativeId: proposed.initiativeId,
      kind: proposed.kind,
      label: trimmed(proposed.label),
      description: trimmed(proposed.description),
      unit: filled(proposed.unit) ? trimmed(proposed.unit) : null,
      totalLabel: null,
    },
  };
}

function valueFields(draft: ProposalDraft, kind: Metric['kind'] | null, errors: FieldErrors) {
  if (kind === 'status') {
    requireAll(errors, 'statusText', draft.statusText);
    return { value: null, total: null, statusText: trimmed(draft.statusText) };
  }
  const value = parseNumber(draft.value);
  if (value === null) errors.value = { key: draft.value.trim() ? 'form.number' : 'form.required' };
  let total: number | null = null;
  if (kind === 'ratio') {
    total = parseNumber(draft.total);
    if (total === null || total <= 0) {
      errors.total = { key: draft.total.trim() ? 'form.positive' : 'form.required' };
    }
  }
  return { value, total, statusText: null };
}

function periodField(draft: ProposalDraft, errors: FieldErrors): string | null {
  const period = draft.period.trim();
  if (period === '') {
    if (draft.figure === NEW_FIGURE) errors.period = { key: 'form.periodNew' };
    return null;
  }
  const pattern = draft.periodKind === 'year' ? /^\d{4}$/ : /^\d{4}-\d{2}-\d{2}$/;
  if (!pattern.test(period)) errors.period = { key: `form.${draft.periodKind}` };
  return period;
}

function sourceFields(draft: ProposalDraft, errors: FieldErrors) {
  if (draft.sourceMode === 'existing') {
    if (draft.sourceId === '') errors.sourceId = { key: 'form.chooseSource' };
    return { sourceId: draft.sourceId || null, newSource: null };
  }
  const proposed = draft.newSource;
  requireText(errors, 'newSource.title', proposed.title);
  requireText(errors, 'newSource.publisher', proposed.publisher);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(proposed.date)) errors['newSource.date'] = { key: 'form.date' };
  const url = blankToNull(proposed.url);
  if (url !== null && !/^https?:\/\/\S+$/i.test(url)) errors['newSource.url'] = { key: 'form.url' };
  return {
    sourceId: null,
    newSource: {
      title: proposed.title.trim(),
      publisher: proposed.publisher.trim(),
      date: proposed.date,
      url,
      kind: proposed.kind,
    },
  };
}

/** The body to send, or every problem the form can name before sending. */
export function bodyFromDraft(
  draft: ProposalDraft,
  figures: readonly Metric[],
): { body: ProposalBody } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const kind = kindOf(draft, figures);
  const body: ProposalBody = {
    ...figureFields(draft, errors),
    ...valueFields(draft, kind, errors),
    period: periodField(draft, errors),
    districtId: draft.districtId || null,
    ...sourceFields(draft, errors),
    statedBy: draft.statedBy.trim(),
    evidenceIds: draft.evidence.map((file) => file.id),
    corrects: draft.corrects,
    correctionReason: draft.corrects === null ? null : draft.correctionReason.trim(),
    note: blankToNull(draft.note),
  };
  requireText(errors, 'statedBy', draft.statedBy);
  if (draft.corrects !== null) requireText(errors, 'correctionReason', draft.correctionReason);
  if (Object.keys(errors).length > 0) return { errors };
  // Anything the contract refuses that the checks above did not name.
  const parsed = proposalBodySchema.safeParse(body);
  if (parsed.success) return { body };
  return { errors: serverFieldErrors(parsed.error.issues.map(issueText).join('; ')).fields };
}

const issueText = (issue: { path: PropertyKey[]; message: string }) =>
  `${issue.path.map(String).join('.')}: ${issue.message}`;

const fieldOf = (path: string) =>
  path === 'metricId' || (path.startsWith('newMetric') && !path.includes('.')) ? 'figure' : path;

/**
 * The server's 400 message ("value: Invalid input; newSource.url: Invalid URL") split by field,
 * so each problem shows beside its field; what names no field is shown above the form.
 */
export function serverFieldErrors(message: string): { fields: FieldErrors; rest: string[] } {
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z][\w.]*): (.+)$/.exec(part.trim());
    if (match?.[1] && match[2])
      fields[fieldOf(match[1])] = { key: 'form.server', message: match[2] };
    else if (part.trim() !== '') rest.push(part.trim());
  }
  return { fields, rest };
}
