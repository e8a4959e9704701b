import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { accounts } from './migration-0002';
import { transparencyLog } from './migration-0005';
import { review } from './migration-0006';
import { witness } from './migration-0007';

/*
 * Migrations live in code, not in a folder read at run time, so they work the same under tsx, in a
 * bundle and in tests. Each one is portable: only types and constraints that SQLite and
 * PostgreSQL both understand ("double precision" is REAL affinity in SQLite, float8 in PostgreSQL).
 * Never edit a migration that has shipped; add the next one.
 */

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('region')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('name', 'text', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('districts')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('region_id', 'text', (col) => col.notNull().references('region.id'))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('name', 'text', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('sources')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('title', 'text', (col) => col.notNull())
      .addColumn('publication', 'text', (col) => col.notNull())
      .addColumn('event', 'text', (col) => col.notNull())
      .addColumn('people', 'text', (col) => col.notNull())
      .execute();

    await db.schema
      .createTable('initiatives')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('name', 'text', (col) => col.notNull())
      .addColumn('summary', 'text', (col) => col.notNull())
      .addColumn('description', 'text', (col) => col.notNull())
      .addColumn('source_id', 'text', (col) => col.notNull().references('sources.id'))
      .execute();

    await db.schema
      .createTable('metrics')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('initiative_id', 'text', (col) => col.notNull().references('initiatives.id'))
      .addColumn('kind', 'text', (col) => col.notNull())
      .addColumn('label', 'text', (col) => col.notNull())
      .addColumn('description', 'text', (col) => col.notNull())
      .addColumn('value', 'double precision')
      .addColumn('unit', 'text')
      .addColumn('status_text', 'text')
      .addColumn('total', 'double precision')
      .addColumn('total_label', 'text')
      .addColumn('parent_id', 'text')
      .addColumn('target_value', 'double precision')
      .addColumn('target_sample', 'integer')
      .addColumn('baseline', 'double precision')
      .addColumn('direction', 'text')
      .addColumn('as_of', 'text')
      .addColumn('district_id', 'text', (col) => col.references('districts.id'))
      .addColumn('source_id', 'text', (col) => col.notNull().references('sources.id'))
      .addColumn('reporter_id', 'text', (col) => col.notNull())
      .addColumn('verification', 'text', (col) => col.notNull())
      .addColumn('derived', 'integer', (col) => col.notNull())
      .addColumn('derivation', 'text')
      .addColumn('sample', 'integer', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('metrics_initiative_idx')
      .on('metrics')
      .columns(['initiative_id', 'position'])
      .execute();

    await db.schema
      .createTable('metric_series')
      .addColumn('metric_id', 'text', (col) =>
        col.notNull().references('metrics.id').onDelete('cascade'),
      )
      .addColumn('period', 'text', (col) => col.notNull())
      .addColumn('value', 'double precision', (col) => col.notNull())
      .addColumn('sample', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('metric_series_pk', ['metric_id', 'period'])
      .execute();

    await db.schema
      .createTable('metric_breakdown')
      .addColumn('metric_id', 'text', (col) =>
        col.notNull().references('metrics.id').onDelete('cascade'),
      )
      .addColumn('district_id', 'text', (col) => col.notNull().references('districts.id'))
      .addColumn('position', 'integer', (col) => col.notNull())
      .addColumn('value', 'double precision', (col) => col.notNull())
      .addColumn('sample', 'integer', (col) => col.notNull())
      .addColumn('derived', 'integer', (col) => col.notNull())
      .addPrimaryKeyConstraint('metric_breakdown_pk', ['metric_id', 'district_id'])
      .execute();
    // The metrics?district= filter looks entries up by district.
    await db.schema
      .createIndex('metric_breakdown_district_idx')
      .on('metric_breakdown')
      .column('district_id')
      .execute();

    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (col) => col.primaryKey())
      .addColumn('value', 'text', (col) => col.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'meta',
      'metric_breakdown',
      'metric_series',
      'metrics',
      'initiatives',
      'sources',
      'districts',
      'region',
    ]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_accounts': accounts,
  '0005_log': transparencyLog,
  '0006_review': review,
  '0007_witness': witness,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((result) => result.status === 'Error');
  if (error !== undefined) {
    const name = failed ? ` ${failed.migrationName}` : '';
    throw new Error(`Database migration${name} failed: ${String(error)}`, { cause: error });
  }
  return results.map((result) => result.migrationName);
}
