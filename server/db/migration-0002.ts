import { type Kysely, type Migration, SqliteAdapter, sql } from 'kysely';

/*
 * 0002_accounts (ISSUE 9): accounts, sessions, recovery codes, failed sign-ins and the audit log.
 * Portable except where the two databases differ on purpose: the audit log's id column (SQLite
 * autoincrement, PostgreSQL identity) and the triggers that make the log append-only.
 */

const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;

export const accounts: Migration = {
  async up(db: Kysely<unknown>) {
    const sqlite = isSqlite(db);
    await db.schema
      .createTable('accounts')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('region_id', 'text', (col) => col.notNull().references('region.id'))
      .addColumn('username', 'text', (col) => col.notNull().unique())
      .addColumn('display_name', 'text', (col) => col.notNull())
      .addColumn('organisation', 'text', (col) => col.notNull())
      .addColumn('roles', 'text', (col) => col.notNull())
      .addColumn('password_hash', 'text', (col) => col.notNull())
      .addColumn('password_expires_at', 'text')
      .addColumn('must_change_password', 'integer', (col) => col.notNull())
      .addColumn('totp_secret', 'text')
      .addColumn('totp_pending_secret', 'text')
      .addColumn('totp_last_step', 'integer')
      .addColumn('disabled', 'integer', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('last_sign_in_at', 'text')
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (col) => col.primaryKey())
      .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
      .addColumn('secret_hash', 'text', (col) => col.notNull())
      .addColumn('stage', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addColumn('last_seen_at', 'text', (col) => col.notNull())
      .addColumn('address', 'text', (col) => col.notNull())
      .addColumn('user_agent', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('sessions_account_idx')
      .on('sessions')
      .column('account_id')
      .execute();

    await db.schema
      .createTable('recovery_codes')
      .addColumn('account_id', 'text', (col) => col.notNull().references('accounts.id'))
      .addColumn('lookup', 'text', (col) => col.notNull())
      .addColumn('code_hash', 'text', (col) => col.notNull())
      .addColumn('used_at', 'text')
      .addPrimaryKeyConstraint('recovery_codes_pk', ['account_id', 'lookup'])
      .execute();

    await db.schema
      .createTable('auth_failures')
      .addColumn('id', 'integer', (col) =>
        sqlite ? col.primaryKey().autoIncrement() : col.primaryKey().generatedAlwaysAsIdentity(),
      )
      .addColumn('key', 'text', (col) => col.notNull())
      .addColumn('at', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('auth_failures_key_idx')
      .on('auth_failures')
      .columns(['key', 'at'])
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', (col) =>
        sqlite ? col.primaryKey().autoIncrement() : col.primaryKey().generatedAlwaysAsIdentity(),
      )
      .addColumn('at', 'text', (col) => col.notNull())
      .addColumn('region_id', 'text', (col) => col.notNull().references('region.id'))
      .addColumn('actor_id', 'text')
      .addColumn('actor_name', 'text', (col) => col.notNull())
      .addColumn('action', 'text', (col) => col.notNull())
      .addColumn('target', 'text')
      .addColumn('outcome', 'text', (col) => col.notNull())
      .addColumn('address', 'text', (col) => col.notNull())
      .addColumn('detail', 'text', (col) => col.notNull())
      .execute();
    await db.schema
      .createIndex('audit_log_region_idx')
      .on('audit_log')
      .columns(['region_id', 'id'])
      .execute();

    // Append-only in the database itself: not even the server's own connection can rewrite it.
    if (sqlite) {
      for (const event of ['UPDATE', 'DELETE']) {
        await sql
          .raw(
            `CREATE TRIGGER audit_log_no_${event.toLowerCase()} BEFORE ${event} ON audit_log
             BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
          )
          .execute(db);
      }
    } else {
      await sql
        .raw(
          `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
           BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
           FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
        )
        .execute(db);
      await sql
        .raw(
          `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
           FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
        )
        .execute(db);
    }
  },

  async down(db: Kysely<unknown>) {
    for (const table of ['audit_log', 'auth_failures', 'recovery_codes', 'sessions', 'accounts']) {
      await db.schema.dropTable(table).execute();
    }
    if (!isSqlite(db)) await sql.raw('DROP FUNCTION audit_log_append_only()').execute(db);
  },
};
