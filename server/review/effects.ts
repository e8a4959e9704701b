import type { Kysely } from 'kysely';
import type { Metric } from '../../src/contract/metrics';
import { type LogEntryActor, formatLogEntry, type LogEntry } from '../../src/transparency/entry';
import { fromJson } from '../db/mapping';
import type { Database } from '../db/schema';
import { appendToLog, type LogIdentity } from '../log/append';
import { bumpDatasetVersion, loadMetrics, writeMetric } from '../repository';
import { applyPublished, type Effect, effectOf } from './apply';
import type { RevisionRow } from './records';

/*
 * What a publication or verification does beyond the revision row, inside the same
 * transaction: the figure's public value, and the log entry (when the server keeps a log).
 */
type Trx = Kysely<Database>;

/** Writes the published revision's value into its figure; returns the figure and the effect. */
export async function applyToMetric(
  trx: Trx,
  row: RevisionRow & { metric_id: string; source_id: string },
  reporterId: string,
): Promise<{ metric: Metric; effect: Effect }> {
  const districtIds = await bumpDatasetVersion(trx);
  const [metric] = await loadMetrics(trx, { ids: [row.metric_id] });
  if (!metric) throw new Error(`figure ${row.metric_id} vanished`);
  const published = {
    value: row.value,
    total: row.total,
    statusText:
      row.status_text === null ? null : (fromJson(row.status_text) as Metric['statusText']),
    period: row.period,
    districtId: row.district_id,
    sourceId: row.source_id,
    reporterId,
  };
  const updated = applyPublished(metric, published, (id) => districtIds.indexOf(id));
  await writeMetric(trx, updated, districtIds);
  return { metric: updated, effect: effectOf(metric, published) };
}

export interface LogEvent {
  kind: LogEntry['kind'];
  row: RevisionRow & { metric_id: string; source_id: string };
  unit: Metric['unit'];
  enteredBy: LogEntryActor | null;
  approvedBy: LogEntryActor | null;
  verifiedBy: LogEntryActor | null;
  reason: string | null;
  evidenceIds: string[];
  time: Date;
  /** The entry records the figure's headline value (not an earlier period or a district). */
  headline: boolean;
}

/** Appends one entry for `event` and records which revision it is; null without a log. */
export async function appendFigureEntry(
  trx: Trx,
  log: LogIdentity | null,
  event: LogEvent,
): Promise<number | null> {
  if (log === null) return null;
  const { row } = event;
  const previous = await trx
    .selectFrom('figure_log')
    .select(({ fn }) => fn.max('idx').as('idx'))
    .where('metric_id', '=', row.metric_id)
    .executeTakeFirst();
  const hashes = event.evidenceIds.length
    ? await trx
        .selectFrom('evidence')
        .select(['id', 'sha256'])
        .where('id', 'in', event.evidenceIds)
        .execute()
    : [];
  const shaOf = new Map(hashes.map((h) => [h.id, h.sha256]));
  const region = row.region_id;
  const entry = formatLogEntry({
    kind: event.kind,
    region,
    figure: row.metric_id,
    revision: row.id,
    value: row.value,
    unit: event.unit,
    total: row.total,
    period: row.period,
    district: row.district_id,
    source: row.source_id,
    statedBy: row.stated_by,
    evidence: event.evidenceIds.flatMap((id) => shaOf.get(id) ?? []),
    enteredBy: event.enteredBy,
    approvedBy: event.approvedBy,
    verifiedBy: event.verifiedBy,
    reason: event.reason,
    corrects: row.corrects,
    time: event.time.toISOString(),
    previous: previous?.idx === null || previous?.idx === undefined ? null : Number(previous.idx),
  });
  const { indexes } = await appendToLog(trx, log, [entry], event.time);
  const idx = indexes[0] as number;
  await trx
    .insertInto('figure_log')
    .values({
      idx,
      metric_id: row.metric_id,
      revision_id: row.id,
      kind: event.kind,
      headline: event.headline ? 1 : 0,
    })
    .execute();
  return idx;
}
