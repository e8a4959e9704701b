import type { Kysely, Transaction } from 'kysely';
import { initiatives } from '../../mocks/fixtures/initiatives';
import { metrics } from '../../mocks/fixtures/metrics';
import { region } from '../../mocks/fixtures/region';
import { sources } from '../../mocks/fixtures/sources';
import { breakdownToRows, metricToRow, seriesToRows, toJson } from './mapping';
import type { Database } from './schema';

export const DATASET_VERSION_KEY = 'dataset_version';

/**
 * Fills an empty database with the hearing (mocks/fixtures), flags and all, in one transaction.
 * Does nothing when the region is already there, so imported figures survive a restart.
 * Returns whether it seeded.
 */
export async function seedIfEmpty(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('region').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    await insertFixtures(trx);
    return true;
  });
}

async function insertFixtures(trx: Transaction<Database>): Promise<void> {
  await trx
    .insertInto('region')
    .values({ id: region.id, name: toJson(region.name) })
    .execute();
  await trx
    .insertInto('districts')
    .values(
      region.districts.map((district, position) => ({
        id: district.id,
        region_id: region.id,
        position,
        kind: district.kind,
        name: toJson(district.name),
      })),
    )
    .execute();
  await trx
    .insertInto('sources')
    .values(
      sources.map((source, position) => ({
        id: source.id,
        position,
        kind: source.kind,
        title: toJson(source.title),
        publication: toJson(source.publication),
        event: toJson(source.event),
        people: toJson(source.people),
      })),
    )
    .execute();
  await trx
    .insertInto('initiatives')
    .values(
      initiatives.map((initiative, position) => ({
        id: initiative.id,
        position,
        name: toJson(initiative.name),
        summary: toJson(initiative.summary),
        description: toJson(initiative.description),
        source_id: initiative.sourceId,
      })),
    )
    .execute();
  await trx
    .insertInto('metrics')
    .values(metrics.map((metric, position) => metricToRow(metric, position)))
    .execute();

  const districtPosition = (id: string) => region.districts.findIndex((d) => d.id === id);
  const series = metrics.flatMap(seriesToRows);
  if (series.length > 0) await trx.insertInto('metric_series').values(series).execute();
  const breakdown = metrics.flatMap((metric) => breakdownToRows(metric, districtPosition));
  if (breakdown.length > 0) await trx.insertInto('metric_breakdown').values(breakdown).execute();

  await trx.insertInto('meta').values({ key: DATASET_VERSION_KEY, value: '1' }).execute();
}
