import { type Kysely, type Migration, SqliteAdapter, sql } from 'kysely';

/*
 * 0005_log (ISSUE 11): the transparency log. `log_state` is one row, the tree's size; appending
 * raises it with UPDATE … RETURNING, which also serialises concurrent appends (the row lock in
 * PostgreSQL, the one writer in SQLite). `log_hashes` holds every complete subtree's hash (level,
 * index), about two a leaf, from which any root or proof takes one read a level. Entries, hashes
 * and checkpoints are append-only in the database itself; `size` as primary key of
 * `log_checkpoints` means two roots are never signed for one size.
 */

const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;
const TABLES = ['log_entries', 'log_hashes', 'log_checkpoints'] as const;

export const transparencyLog: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('log_state')
      .addColumn('id', 'integer', (col) => col.primaryKey())
      .addColumn('size', 'integer', (col) => col.notNull())
      .execute();
    await sql`INSERT INTO log_state (id, size) VALUES (1, 0)`.execute(db);
    await db.schema
      .createTable('log_entries')
      .addColumn('idx', 'integer', (col) => col.primaryKey())
      .addColumn('entry', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createTable('log_hashes')
      .addColumn('level', 'integer', (col) => col.notNull())
      .addColumn('idx', 'integer', (col) => col.notNull())
      .addColumn('hash', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('log_hashes_pk', ['level', 'idx'])
      .execute();
    await db.schema
      .createTable('log_checkpoints')
      .addColumn('size', 'integer', (col) => col.primaryKey())
      .addColumn('note', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .execute();

    if (isSqlite(db)) {
      for (const table of TABLES) {
        for (const event of ['UPDATE', 'DELETE']) {
          await sql
            .raw(
              `CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table}
               BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
            )
            .execute(db);
        }
      }
      // The size only grows.
      await sql
        .raw(
          `CREATE TRIGGER log_state_only_grows BEFORE UPDATE ON log_state
           WHEN NEW.size < OLD.size BEGIN SELECT RAISE(ABORT, 'the log only grows'); END`,
        )
        .execute(db);
      return;
    }
    await sql
      .raw(
        `CREATE FUNCTION log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`,
      )
      .execute(db);
    for (const table of TABLES) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
           FOR EACH ROW EXECUTE FUNCTION log_append_only()`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
           FOR EACH STATEMENT EXECUTE FUNCTION log_append_only()`,
        )
        .execute(db);
    }
    await sql
      .raw(
        `CREATE FUNCTION log_state_only_grows() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN IF NEW.size < OLD.size THEN RAISE EXCEPTION 'the log only grows'; END IF;
         RETURN NEW; END $$`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER log_state_grows BEFORE UPDATE ON log_state
         FOR EACH ROW EXECUTE FUNCTION log_state_only_grows()`,
      )
      .execute(db);
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['log_checkpoints', 'log_hashes', 'log_entries', 'log_state']) {
      await db.schema.dropTable(table).execute();
    }
    if (!isSqlite(db)) {
      await sql.raw('DROP FUNCTION log_append_only()').execute(db);
      await sql.raw('DROP FUNCTION log_state_only_grows()').execute(db);
    }
  },
};
