import { http, HttpResponse } from 'msw';
import type { ApiErrorBody } from '@/contract/common';
import { describeIssues } from '@/contract/common';
import { API_PREFIX, endpoints } from '@/contract/endpoints';
import type { Metric } from '@/contract/metrics';
import {
  changeQuerySchema,
  historyQuerySchema,
  type Change,
  type ChangePage,
  type MetricHistory,
  type PublicRevision,
} from '@/contract/revisions';
import { metrics } from '../fixtures/metrics';
import { errorResponse, onAnyOrigin } from './respond';

/**
 * The public side of the figures' history: every published revision per figure and the change
 * list. It starts from the hearing (one carried-over revision per figure, one publication each);
 * the workflow's mock feeds it with recordChange() when a proposal is approved or verified.
 */

export { HEARING_RECORDED_AT, hearingRevision } from '../fixtures/revisions';
import { hearingRevision } from '../fixtures/revisions';

function hearingChange(metric: Metric): Change {
  const revision = hearingRevision(metric);
  return {
    id: `publication:${revision.id}`,
    kind: 'publication',
    at: revision.publishedAt,
    metricId: metric.id,
    initiativeId: metric.initiativeId,
    label: metric.label,
    revision,
    by: null,
    reason: null,
  };
}

interface State {
  /** Per figure, its published revisions in the order they were published (oldest first). */
  revisions: Map<string, PublicRevision[]>;
  /** In the order they happened (oldest first). */
  changes: Change[];
}

function initialState(): State {
  return {
    revisions: new Map(metrics.map((metric) => [metric.id, [hearingRevision(metric)]])),
    changes: metrics.map(hearingChange),
  };
}

let state = initialState();

/** Back to the hearing's record alone. Called between tests (tests/setup.ts). */
export function resetPublicHistory(): void {
  state = initialState();
}

/**
 * Something the public should see happened: appended to the change list. A publication or a
 * correction also becomes the figure's newest published revision; a verification or its
 * withdrawal updates that revision's `verification`.
 */
export function recordChange(change: Change): void {
  state.changes.push(change);
  const list = state.revisions.get(change.metricId) ?? [];
  state.revisions.set(change.metricId, list);
  if (change.kind === 'publication' || change.kind === 'correction') {
    list.push(change.revision);
    return;
  }
  const index = list.findIndex((revision) => revision.id === change.revision.id);
  const known = index === -1 ? undefined : list[index];
  if (known) list[index] = { ...known, verification: change.revision.verification };
}

/**
 * The figure as the public API would now answer it: the newest region-wide publication is its
 * headline value, each district's newest its breakdown entry. The metrics mock may apply this so
 * that an approval shows on the overview too (the real server does so).
 */
export function withPublishedValues(metric: Metric): Metric {
  const list = state.revisions.get(metric.id) ?? [];
  const newest = newestFirst(list, (revision) => revision.publishedAt);
  const headline = newest.find((revision) => revision.districtId === null);
  const breakdown = metric.breakdown.map((entry) => {
    const district = newest.find((revision) => revision.districtId === entry.districtId);
    return district && district.value !== null
      ? { ...entry, value: district.value, sample: district.sample, derived: false }
      : entry;
  });
  if (!headline || headline.id === `hearing-${metric.id}`) return { ...metric, breakdown };
  return {
    ...metric,
    value: headline.value,
    total: headline.total,
    statusText: headline.statusText,
    asOf: headline.period,
    sample: headline.sample,
    verification: headline.verification?.state === 'verified' ? 'verified' : 'reported',
    breakdown,
  };
}

/** Newest first; among equal times, the one recorded later first. */
function newestFirst<T>(items: T[], timeOf: (item: T) => string): T[] {
  return items
    .map((item, order) => ({ item, order }))
    .sort((a, b) => timeOf(b.item).localeCompare(timeOf(a.item)) || b.order - a.order)
    .map(({ item }) => item);
}

const pageOf = <T>(items: T[], page: number, pageSize: number) =>
  items.slice((page - 1) * pageSize, page * pageSize);

const badQuery = (message: string) =>
  errorResponse(400, 'bad_request', `Invalid query: ${message}`);

export const publicHistoryHandlers = [
  http.get<{ id: string }, never, MetricHistory | ApiErrorBody>(
    // endpoints.metricHistory() would encode the ':' of the route parameter.
    onAnyOrigin(`${API_PREFIX}/metrics/:id/history`),
    ({ params, request }) => {
      const query = historyQuerySchema.safeParse(
        Object.fromEntries(new URL(request.url).searchParams),
      );
      if (!query.success) return badQuery(describeIssues(query.error));
      const list = state.revisions.get(params.id);
      if (!list) return errorResponse(404, 'not_found', `No figure ${params.id}.`);
      const { page, pageSize } = query.data;
      const sorted = newestFirst(list, (revision) => revision.publishedAt);
      return HttpResponse.json<MetricHistory>({
        metricId: params.id,
        revisions: pageOf(sorted, page, pageSize),
        page,
        pageSize,
        total: sorted.length,
      });
    },
  ),
  http.get<never, never, ChangePage | ApiErrorBody>(
    onAnyOrigin(endpoints.changes),
    ({ request }) => {
      const query = changeQuerySchema.safeParse(
        Object.fromEntries(new URL(request.url).searchParams),
      );
      if (!query.success) return badQuery(describeIssues(query.error));
      const { initiative, page, pageSize } = query.data;
      const matching = state.changes.filter(
        (change) => initiative === undefined || change.initiativeId === initiative,
      );
      const sorted = newestFirst(matching, (change) => change.at);
      return HttpResponse.json<ChangePage>({
        changes: pageOf(sorted, page, pageSize),
        page,
        pageSize,
        total: sorted.length,
      });
    },
  ),
];
