import { type Kysely, type Migration, SqliteAdapter, sql } from 'kysely';

/*
 * 0006_review (ISSUE 10): figure revisions and the review workflow, verification records,
 * evidence files, CSV batches, and `figure_log`, which says which log entry (ISSUE 11) records
 * which revision. Enforced in the database as well as in server/review/:
 * - no revision is ever deleted, and a published one is never changed;
 * - verifications and figure_log are append-only (a withdrawal is a new verification row).
 */

const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;

async function createTables(db: Kysely<unknown>, sqlite: boolean) {
  await db.schema
    .createTable('batches')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('region_id', 'text', (col) => col.notNull().references('region.id'))
    .addColumn('created_by', 'text', (col) => col.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('revisions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('region_id', 'text', (col) => col.notNull().references('region.id'))
    .addColumn('metric_id', 'text', (col) => col.references('metrics.id'))
    .addColumn('new_metric', 'text')
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('value', 'double precision')
    .addColumn('total', 'double precision')
    .addColumn('status_text', 'text')
    .addColumn('period', 'text')
    .addColumn('district_id', 'text', (col) => col.references('districts.id'))
    .addColumn('source_id', 'text', (col) => col.references('sources.id'))
    .addColumn('new_source', 'text')
    .addColumn('stated_by', 'text', (col) => col.notNull())
    .addColumn('evidence_ids', 'text', (col) => col.notNull())
    .addColumn('corrects', 'text', (col) => col.references('revisions.id'))
    .addColumn('correction_reason', 'text')
    .addColumn('note', 'text')
    .addColumn('rejection_reason', 'text')
    .addColumn('batch_id', 'text', (col) => col.references('batches.id'))
    .addColumn('created_by', 'text', (col) => col.references('accounts.id'))
    .addColumn('last_edited_by', 'text', (col) => col.references('accounts.id'))
    .addColumn('reviewed_by', 'text', (col) => col.references('accounts.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('sample', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('revisions_metric_idx')
    .on('revisions')
    .columns(['metric_id', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('revisions_queue_idx')
    .on('revisions')
    .columns(['region_id', 'status', 'updated_at'])
    .execute();
  await db.schema.createIndex('revisions_batch_idx').on('revisions').column('batch_id').execute();

  await db.schema
    .createTable('verifications')
    .addColumn('id', 'integer', (col) =>
      sqlite ? col.primaryKey().autoIncrement() : col.primaryKey().generatedAlwaysAsIdentity(),
    )
    .addColumn('revision_id', 'text', (col) => col.notNull().references('revisions.id'))
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('by_id', 'text', (col) => col.notNull().references('accounts.id'))
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('note', 'text', (col) => col.notNull())
    .addColumn('evidence_ids', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('verifications_revision_idx')
    .on('verifications')
    .columns(['revision_id', 'id'])
    .execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('region_id', 'text', (col) => col.notNull().references('region.id'))
    .addColumn('stored_name', 'text', (col) => col.notNull().unique())
    .addColumn('original_name', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('sha256', 'text', (col) => col.notNull())
    .addColumn('uploaded_by', 'text', (col) => col.notNull().references('accounts.id'))
    .addColumn('uploaded_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('figure_log')
    .addColumn('idx', 'integer', (col) => col.primaryKey())
    .addColumn('metric_id', 'text', (col) => col.notNull())
    .addColumn('revision_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('headline', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('figure_log_metric_idx')
    .on('figure_log')
    .columns(['metric_id', 'headline', 'idx'])
    .execute();
  await db.schema
    .createIndex('figure_log_revision_idx')
    .on('figure_log')
    .columns(['revision_id', 'idx'])
    .execute();
}

const APPEND_ONLY = ['verifications', 'figure_log'] as const;

async function sqliteGuards(db: Kysely<unknown>) {
  const trigger = (name: string, body: string) =>
    sql.raw(`CREATE TRIGGER ${name} ${body}`).execute(db);
  await trigger(
    'revisions_no_delete',
    `BEFORE DELETE ON revisions BEGIN SELECT RAISE(ABORT, 'revisions are never deleted'); END`,
  );
  await trigger(
    'revisions_published_frozen',
    `BEFORE UPDATE ON revisions WHEN OLD.status = 'published'
     BEGIN SELECT RAISE(ABORT, 'a published revision is never changed'); END`,
  );
  for (const table of APPEND_ONLY) {
    for (const event of ['UPDATE', 'DELETE']) {
      await trigger(
        `${table}_no_${event.toLowerCase()}`,
        `BEFORE ${event} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
      );
    }
  }
}

async function postgresGuards(db: Kysely<unknown>) {
  const run = (text: string) => sql.raw(text).execute(db);
  await run(
    `CREATE FUNCTION revisions_guard() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'revisions are never deleted'; END IF;
       IF OLD.status = 'published' THEN RAISE EXCEPTION 'a published revision is never changed'; END IF;
       RETURN NEW;
     END $$`,
  );
  await run(
    `CREATE TRIGGER revisions_guard BEFORE UPDATE OR DELETE ON revisions
     FOR EACH ROW EXECUTE FUNCTION revisions_guard()`,
  );
  await run(
    `CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON revisions
     FOR EACH STATEMENT EXECUTE FUNCTION log_append_only()`,
  );
  for (const table of APPEND_ONLY) {
    await run(
      `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION log_append_only()`,
    );
    await run(
      `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION log_append_only()`,
    );
  }
}

export const review: Migration = {
  async up(db: Kysely<unknown>) {
    const sqlite = isSqlite(db);
    await createTables(db, sqlite);
    // log_append_only() comes with 0005_log (PostgreSQL).
    await (sqlite ? sqliteGuards(db) : postgresGuards(db));
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['figure_log', 'evidence', 'verifications', 'revisions', 'batches']) {
      await db.schema.dropTable(table).execute();
    }
    if (!isSqlite(db)) await sql.raw('DROP FUNCTION revisions_guard()').execute(db);
  },
};
