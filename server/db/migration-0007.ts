import type { Kysely, Migration } from 'kysely';

/*
 * 0007_witness (ISSUE 11): cosignatures that witnesses returned for the log's checkpoints (C2SP
 * tlog-cosignature), kept as the exact signature line the witness sent, one per size and witness
 * (the first valid one; a later one for the same size adds nothing). /log/checkpoint serves them
 * after the log's own signature.
 */

export const witness: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('log_cosignatures')
      .addColumn('size', 'integer', (col) => col.notNull())
      .addColumn('witness', 'text', (col) => col.notNull())
      .addColumn('line', 'text', (col) => col.notNull())
      .addColumn('created_at', 'text', (col) => col.notNull())
      .addPrimaryKeyConstraint('log_cosignatures_pk', ['size', 'witness'])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('log_cosignatures').execute();
  },
};
