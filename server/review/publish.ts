import type { Kysely } from 'kysely';
import type { Metric } from '../../src/contract/metrics';
import type { NewMetric, NewSource } from '../../src/contract/revisions';
import type { Person, Source } from '../../src/contract/sources';
import { type LogEntryActor, formatLogEntry, type LogEntry } from '../../src/transparency/entry';
import { fromJson, metricToRow, toJson } from '../db/mapping';
import type { Database } from '../db/schema';
import { appendToLog, type LogIdentity } from '../log/append';
import { bumpDatasetVersion, loadMetrics, loadSources, writeMetric } from '../repository';
import { applyPublished } from './apply';
import type { RevisionRow } from './records';

/*
 * What approval writes, inside the approver's transaction: a new source or figure when the
 * proposal names one, the figure's new public value, and the log entry (when the server keeps a
 * log). The caller has already moved the revision to published; a failure here rolls it all back.
 */
type Trx = Kysely<Database>;

/** The role of a person added to a source because a proposal named them as who stated it. */
const STATED_ROLE = {
  kk: 'Көрсеткішті мәлімдеген',
  ru: 'Сообщил(а) показатель',
  en: 'Stated the figure',
};
const same = (text: string) => ({ kk: text, ru: text, en: text });
const newId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

async function nextPosition(trx: Trx, table: 'sources' | 'metrics'): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select(({ fn }) => fn.max('position').as('top'))
    .executeTakeFirst();
  return Number(row?.top ?? -1) + 1;
}

export async function insertSource(trx: Trx, source: NewSource): Promise<string> {
  const id = newId('source');
  await trx
    .insertInto('sources')
    .values({
      id,
      position: await nextPosition(trx, 'sources'),
      kind: source.kind,
      title: toJson(same(source.title)),
      publication: toJson({
        name: same(source.publisher),
        author: same(source.publisher),
        language: 'und',
        url: source.url,
      }),
      event: toJson({
        name: same(source.title),
        format: 'in-person',
        topic: same(source.title),
        date: source.date,
        dateNote: null,
        organisers: [],
        participantsNote: null,
      }),
      people: '[]',
    })
    .execute();
  return id;
}

/**
 * The person id the figure's reporter is: one of the source's people when the proposal names
 * them (by id or by name); otherwise the named person is added to the source.
 */
export async function reporterFor(trx: Trx, sourceId: string, statedBy: string): Promise<string> {
  const [source] = await loadSources(trx).then((all) => all.filter((s) => s.id === sourceId));
  if (!source) throw new Error(`source ${sourceId} vanished`);
  const named = (person: Person) =>
    person.id === statedBy || Object.values(person.name).includes(statedBy);
  const known = source.people.find(named);
  if (known) return known.id;
  const person: Person = {
    id: `stated-${source.people.length + 1}`,
    name: same(statedBy),
    role: STATED_ROLE,
    isModerator: false,
    spokeOn: null,
  };
  const people: Source['people'] = [...source.people, person];
  await trx
    .updateTable('sources')
    .set({ people: toJson(people) })
    .where('id', '=', sourceId)
    .execute();
  return person.id;
}

export async function insertMetric(
  trx: Trx,
  spec: NewMetric,
  at: { sourceId: string; reporterId: string; period: string | null },
): Promise<void> {
  const metric: Metric = {
    ...spec,
    value: null,
    statusText: null,
    total: null,
    parentId: null,
    target: null,
    baseline: spec.kind === 'change' ? 100 : null,
    direction: null,
    asOf: at.period,
    districtId: null,
    sourceId: at.sourceId,
    reporterId: at.reporterId,
    verification: 'reported',
    derived: false,
    derivation: null,
    sample: false,
    series: [],
    breakdown: [],
    logIndex: null,
  };
  await trx
    .insertInto('metrics')
    .values(metricToRow(metric, await nextPosition(trx, 'metrics')))
    .execute();
}

/** Writes the published revision's value into its figure; returns the figure as it now is. */
export async function applyToMetric(
  trx: Trx,
  row: RevisionRow & { metric_id: string; source_id: string },
  reporterId: string,
): Promise<Metric> {
  const districtIds = await bumpDatasetVersion(trx);
  const [metric] = await loadMetrics(trx, { ids: [row.metric_id] });
  if (!metric) throw new Error(`figure ${row.metric_id} vanished`);
  const updated = applyPublished(
    metric,
    {
      value: row.value,
      total: row.total,
      statusText:
        row.status_text === null ? null : (fromJson(row.status_text) as Metric['statusText']),
      period: row.period,
      districtId: row.district_id,
      sourceId: row.source_id,
      reporterId,
    },
    (id) => districtIds.indexOf(id),
  );
  await writeMetric(trx, updated, districtIds);
  return updated;
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
    .values({ idx, metric_id: row.metric_id, revision_id: row.id, kind: event.kind })
    .execute();
  return idx;
}
