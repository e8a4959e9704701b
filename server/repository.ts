import { type Kysely, sql } from 'kysely';
import {
  type Initiative,
  type InitiativeDetail,
  initiativeDetailSchema,
  initiativeListSchema,
} from '../src/contract/initiatives';
import { type Metric, type MetricQuery, metricListSchema } from '../src/contract/metrics';
import { type Region, regionSchema } from '../src/contract/region';
import { type Source, sourceListSchema, sourceSchema } from '../src/contract/sources';
import { breakdownToRows, fromJson, metricFields, rowToMetric, seriesToRows } from './db/mapping';
import type { Database } from './db/schema';
import { listChanges, metricHistory } from './review/read';
import type { ChangePage, ChangeQuery, MetricHistory } from '../src/contract/revisions';
import { DATASET_VERSION_KEY } from './db/seed';

/** What an import sees: the current figures and what they may refer to. */
export interface DatasetSnapshot {
  metrics: Metric[];
  districtIds: string[];
  sources: Source[];
}

/** Decides, from a snapshot, which figures to rewrite; throws to write nothing. */
export type MetricsPlan<T> = (snapshot: DatasetSnapshot) => { changed: Metric[]; result: T };

/**
 * Every read and write the server does, in contract types. Route handlers and the import call
 * this and never see SQL; every object it returns has been parsed by the contract schema.
 */
export interface Repository {
  getRegion(): Promise<Region>;
  listInitiatives(): Promise<Initiative[]>;
  getInitiative(id: string): Promise<InitiativeDetail | null>;
  listMetrics(query: MetricQuery): Promise<Metric[]>;
  listSources(): Promise<Source[]>;
  getSource(id: string): Promise<Source | null>;
  /** A figure's published revisions, newest first; null for an unknown figure. */
  metricHistory(
    id: string,
    paging: { page: number; pageSize: number },
  ): Promise<MetricHistory | null>;
  /** Publications, corrections and verifications, newest first. */
  listChanges(query: ChangeQuery): Promise<ChangePage>;
  /** A number that changes whenever the data does (every import bumps it). */
  datasetVersion(): Promise<number>;
  /** Runs `plan` and writes what it returns in one transaction, bumping the version. */
  updateMetrics<T>(plan: MetricsPlan<T>): Promise<T>;
  close(): Promise<void>;
}

type Executor = Kysely<Database>;

export async function loadMetrics(
  db: Executor,
  filter: MetricQuery & { ids?: string[] } = {},
): Promise<Metric[]> {
  let query = db.selectFrom('metrics').selectAll().orderBy('position');
  if (filter.initiative !== undefined) query = query.where('initiative_id', '=', filter.initiative);
  if (filter.ids !== undefined) query = query.where('id', 'in', filter.ids);
  const { district } = filter;
  if (district !== undefined) {
    // Same rule as the mock API: a figure belongs to a district when it has an entry for it.
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('metric_breakdown')
          .select('metric_breakdown.metric_id')
          .whereRef('metric_breakdown.metric_id', '=', 'metrics.id')
          .where('metric_breakdown.district_id', '=', district),
      ),
    );
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [series, breakdown, logged] = await Promise.all([
    db
      .selectFrom('metric_series')
      .selectAll()
      .where('metric_id', 'in', ids)
      .orderBy('metric_id')
      .orderBy('period')
      .execute(),
    db
      .selectFrom('metric_breakdown')
      .selectAll()
      .where('metric_id', 'in', ids)
      .orderBy('metric_id')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('figure_log')
      .select(({ fn }) => ['metric_id', fn.max('idx').as('idx')])
      .where('metric_id', 'in', ids)
      .where('headline', '=', 1)
      .groupBy('metric_id')
      .execute(),
  ]);
  const logIndex = new Map(logged.map((entry) => [entry.metric_id, Number(entry.idx)]));
  return metricListSchema.parse(
    rows.map((row) => ({
      ...(rowToMetric(
        row,
        series.filter((point) => point.metric_id === row.id),
        breakdown.filter((entry) => entry.metric_id === row.id),
      ) as object),
      logIndex: logIndex.get(row.id) ?? null,
    })),
  );
}

async function loadInitiatives(db: Executor, id?: string): Promise<Initiative[]> {
  let query = db.selectFrom('initiatives').selectAll().orderBy('position');
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  let metricQuery = db.selectFrom('metrics').select(['id', 'initiative_id']).orderBy('position');
  if (id !== undefined) metricQuery = metricQuery.where('initiative_id', '=', id);
  const metricIds = await metricQuery.execute();
  return initiativeListSchema.parse(
    rows.map((row) => ({
      id: row.id,
      name: fromJson(row.name),
      summary: fromJson(row.summary),
      description: fromJson(row.description),
      sourceId: row.source_id,
      metricIds: metricIds.filter((m) => m.initiative_id === row.id).map((m) => m.id),
    })),
  );
}

export async function loadSources(db: Executor, id?: string): Promise<Source[]> {
  let query = db.selectFrom('sources').selectAll().orderBy('position');
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.execute();
  return sourceListSchema.parse(
    rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: fromJson(row.title),
      publication: fromJson(row.publication),
      event: fromJson(row.event),
      people: fromJson(row.people),
    })),
  );
}

export async function writeMetric(
  db: Executor,
  metric: Metric,
  districtIds: string[],
): Promise<void> {
  await db.updateTable('metrics').set(metricFields(metric)).where('id', '=', metric.id).execute();
  await db.deleteFrom('metric_series').where('metric_id', '=', metric.id).execute();
  await db.deleteFrom('metric_breakdown').where('metric_id', '=', metric.id).execute();
  const series = seriesToRows(metric);
  if (series.length > 0) await db.insertInto('metric_series').values(series).execute();
  const breakdown = breakdownToRows(metric, (districtId) => districtIds.indexOf(districtId));
  if (breakdown.length > 0) await db.insertInto('metric_breakdown').values(breakdown).execute();
}

/**
 * Raises the dataset version (every cached public answer is then stale) and returns the district
 * ids in order. Call it first in a transaction that changes figures: it takes the write lock
 * (SQLite) or the row lock (PostgreSQL), so two such transactions run one after the other and
 * each plans against the other's result.
 */
export async function bumpDatasetVersion(trx: Executor): Promise<string[]> {
  await trx
    .updateTable('meta')
    .set({ value: sql<string>`cast(cast(value as integer) + 1 as text)` })
    .where('key', '=', DATASET_VERSION_KEY)
    .execute();
  const districts = await trx.selectFrom('districts').select('id').orderBy('position').execute();
  return districts.map((d) => d.id);
}

export function createRepository(db: Kysely<Database>): Repository {
  return {
    async getRegion() {
      const region = await db.selectFrom('region').selectAll().executeTakeFirstOrThrow();
      const districts = await db
        .selectFrom('districts')
        .selectAll()
        .where('region_id', '=', region.id)
        .orderBy('position')
        .execute();
      return regionSchema.parse({
        id: region.id,
        name: fromJson(region.name),
        districts: districts.map((d) => ({ id: d.id, kind: d.kind, name: fromJson(d.name) })),
      });
    },

    listInitiatives: () => loadInitiatives(db),

    async getInitiative(id) {
      const [initiative] = await loadInitiatives(db, id);
      if (!initiative) return null;
      const metrics = await loadMetrics(db, { initiative: id });
      return initiativeDetailSchema.parse({ initiative, metrics });
    },

    listMetrics: (query) => loadMetrics(db, query),

    listSources: () => loadSources(db),

    async getSource(id) {
      const [source] = await loadSources(db, id);
      return source ? sourceSchema.parse(source) : null;
    },

    metricHistory: (id, paging) => metricHistory(db, id, paging),

    listChanges: (query) => listChanges(db, query),

    async datasetVersion() {
      const row = await db
        .selectFrom('meta')
        .select('value')
        .where('key', '=', DATASET_VERSION_KEY)
        .executeTakeFirst();
      return row ? Number(row.value) : 0;
    },

    updateMetrics(plan) {
      return db.transaction().execute(async (trx) => {
        const districtIds = await bumpDatasetVersion(trx);
        const snapshot: DatasetSnapshot = {
          metrics: await loadMetrics(trx),
          districtIds,
          sources: await loadSources(trx),
        };
        const { changed, result } = plan(snapshot);
        for (const metric of metricListSchema.parse(changed)) {
          await writeMetric(trx, metric, districtIds);
        }
        return result;
      });
    },

    close: () => db.destroy(),
  };
}
