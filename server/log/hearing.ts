import type { Kysely } from 'kysely';
import type { Metric } from '../../src/contract/metrics';
import { formatLogEntry } from '../../src/transparency/entry';
import type { Database } from '../db/schema';
import { appendToLog, type LogIdentity } from './append';

/*
 * The hearing's figures, as the log's first entries: one "hearing" entry per figure, in the
 * catalogue's order, written once, when the log is empty. Nobody entered or approved them in
 * this system (they came from the hearing's record), so those fields are "-".
 */

/** The revision id a hearing figure's entry names (the review workflow's first revision). */
export const hearingRevisionId = (metricId: string) => `hearing-${metricId}`;

export function hearingEntry(metric: Metric, regionId: string, time: Date): string {
  return formatLogEntry({
    kind: 'hearing',
    region: regionId,
    figure: metric.id,
    revision: hearingRevisionId(metric.id),
    value: metric.value,
    unit: metric.unit,
    total: metric.total,
    period: metric.asOf,
    district: metric.districtId,
    source: metric.sourceId,
    statedBy: metric.reporterId,
    evidence: [],
    enteredBy: null,
    approvedBy: null,
    verifiedBy: null,
    reason: null,
    corrects: null,
    time: time.toISOString(),
    previous: null,
  });
}

/** Appends the hearing entries when the log has none; returns how many it wrote. */
export async function seedLogIfEmpty(
  db: Kysely<Database>,
  identity: LogIdentity,
  figures: { metrics: Metric[]; regionId: string },
  now: Date,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const state = await trx
      .selectFrom('log_state')
      .select('size')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    if (state.size > 0 || figures.metrics.length === 0) return 0;
    // Each entry's time is its hearing revision's publication time, so the two agree.
    const revisions = await trx
      .selectFrom('revisions')
      .select(['id', 'published_at'])
      .where(
        'id',
        'in',
        figures.metrics.map((metric) => hearingRevisionId(metric.id)),
      )
      .execute();
    const publishedAt = new Map(revisions.map((row) => [row.id, row.published_at]));
    const timeOf = (metric: Metric) => {
      const at = publishedAt.get(hearingRevisionId(metric.id));
      return at ? new Date(at) : now;
    };
    const entries = figures.metrics.map((metric) =>
      hearingEntry(metric, figures.regionId, timeOf(metric)),
    );
    const { indexes } = await appendToLog(trx, identity, entries, now);
    await trx
      .insertInto('figure_log')
      .values(
        figures.metrics.map((metric, i) => ({
          idx: indexes[i] as number,
          metric_id: metric.id,
          revision_id: hearingRevisionId(metric.id),
          kind: 'hearing',
          headline: 1,
        })),
      )
      .execute();
    return entries.length;
  });
}
