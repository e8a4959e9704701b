import { type Kysely, sql } from 'kysely';
import { toBase64, utf8 } from '../../src/transparency/bytes';
import { formatCheckpoint } from '../../src/transparency/checkpoint';
import { type NodeHasher, rangeHash, type SubtreeHash } from '../../src/transparency/merkle';
import { type Signer, signNote } from '../../src/transparency/note';
import { MAX_ENTRY_BYTES } from '../../src/transparency/tiles';
import type { Database } from '../db/schema';
import { leafHashSync, nodeHashSync } from './node-hash';

/*
 * Appending to the transparency log, inside the caller's transaction (the change, its audit row
 * and its log entry commit together or not at all). Sequence, hash, sign and store happen in
 * that one transaction, so the log never signs two roots for one size (the checkpoint's size is
 * its primary key) nor a checkpoint that disagrees with the stored tree.
 */

export interface LogIdentity {
  /** The log's origin: its stable name, the checkpoint's first line and the key's name. */
  origin: string;
  signer: Signer;
}

export interface Appended {
  /** 0-based index of each entry, in the order given. */
  indexes: number[];
  size: number;
  /** The signed checkpoint for the new size (C2SP signed note). */
  checkpoint: string;
}

/** Checks an entry before it goes in: a text record of at most 65,535 bytes, no NUL. */
export function entryBytes(entry: string): Uint8Array {
  const bytes = utf8(entry);
  if (bytes.length === 0 || bytes.length > MAX_ENTRY_BYTES) {
    throw new Error(`a log entry is 1 to ${MAX_ENTRY_BYTES} bytes, not ${bytes.length}`);
  }
  if (entry.includes('\u0000')) throw new Error('a log entry never holds a NUL character');
  return bytes;
}

/** Hashes this server wrote itself: Node's fast decoder (the strict one is for input). */
const storedHash = (text: string): Uint8Array | null => {
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === 32 ? new Uint8Array(bytes) : null;
};

/** Reads complete subtree hashes from the table, remembering what this append wrote. */
export function storedHashes(db: Kysely<Database>, written = new Map<string, Uint8Array>()) {
  const hashAt: SubtreeHash = async (level, index) => {
    const known = written.get(`${level}/${index}`);
    if (known) return known;
    const row = await db
      .selectFrom('log_hashes')
      .select('hash')
      .where('level', '=', level)
      .where('idx', '=', index)
      .executeTakeFirst();
    const hash = row ? storedHash(row.hash) : null;
    if (hash === null) throw new Error(`the log has no hash at level ${level}, index ${index}`);
    written.set(`${level}/${index}`, hash);
    return hash;
  };
  return hashAt;
}

const PLACEHOLDER = new Uint8Array(32);
const noHash: NodeHasher = () => PLACEHOLDER;

/**
 * Runs a computation over stored hashes with one query in place of one a hash: a first pass with
 * placeholders (and no hashing) finds which subtrees it reads (that depends on sizes only, never
 * on hash values), one query fetches them all, and the second pass computes for real, with
 * Node's synchronous SHA-256. `written` may hold hashes known already (this append's, or a
 * reader's cache of complete subtrees, which never change).
 */
export async function withStoredHashes<T>(
  db: Kysely<Database>,
  compute: (hashAt: SubtreeHash, node: NodeHasher) => Promise<T>,
  written = new Map<string, Uint8Array>(),
): Promise<T> {
  const wanted: [number, number][] = [];
  await compute(async (level, index) => {
    if (!written.has(`${level}/${index}`)) wanted.push([level, index]);
    return PLACEHOLDER;
  }, noHash);
  if (wanted.length > 0) {
    // A row-value IN list of integer literals: half the time of an OR of ANDs in SQLite, and the
    // literals type themselves in PostgreSQL (the numbers are computed here, never input).
    const pairs = wanted.map(([level, idx]) => {
      if (!Number.isSafeInteger(level) || !Number.isSafeInteger(idx)) throw new Error('bad node');
      return sql.raw(`(${level}, ${idx})`);
    });
    const { rows } = await sql<{ level: number; idx: number; hash: string }>`
      SELECT level, idx, hash FROM log_hashes
      WHERE (level, idx) IN (VALUES ${sql.join(pairs)})`.execute(db);
    for (const row of rows) {
      const hash = storedHash(row.hash);
      if (hash !== null) written.set(`${row.level}/${row.idx}`, hash);
    }
  }
  return compute(storedHashes(db, written), nodeHashSync);
}

/** Appends `entries` (text records) in order and signs the new checkpoint. */
export async function appendToLog(
  trx: Kysely<Database>,
  identity: LogIdentity,
  entries: string[],
  now: Date,
): Promise<Appended> {
  if (entries.length === 0) throw new Error('nothing to append');
  const bytes = entries.map(entryBytes);
  // Raising the size first takes the row lock (PostgreSQL): concurrent appends queue here.
  const { size } = await trx
    .updateTable('log_state')
    .set((eb) => ({ size: eb('size', '+', entries.length) }))
    .where('id', '=', 1)
    .returning('size')
    .executeTakeFirstOrThrow();
  const first = size - entries.length;
  const written = new Map<string, Uint8Array>();
  const hashAt = storedHashes(trx, written);
  const rows: Database['log_hashes'][] = [];
  const keep = (level: number, idx: number, hash: Uint8Array) => {
    written.set(`${level}/${idx}`, hash);
    rows.push({ level, idx, hash: toBase64(hash) });
  };
  for (const [offset, entry] of bytes.entries()) {
    let index = first + offset;
    let hash = leafHashSync(entry);
    keep(0, index, hash);
    // Each time this leaf completes a subtree, that subtree's hash is stored a level up.
    for (let level = 0; index % 2 === 1; level += 1) {
      hash = nodeHashSync(await hashAt(level, index - 1), hash);
      index = (index - 1) / 2;
      keep(level + 1, index, hash);
    }
  }
  await trx
    .insertInto('log_entries')
    .values(entries.map((entry, offset) => ({ idx: first + offset, entry })))
    .execute();
  for (let at = 0; at < rows.length; at += 500) {
    await trx
      .insertInto('log_hashes')
      .values(rows.slice(at, at + 500))
      .execute();
  }
  const root = await withStoredHashes(trx, (at, node) => rangeHash(0, size, at, node), written);
  const text = formatCheckpoint({ origin: identity.origin, size, root: new Uint8Array(root) });
  const checkpoint = await signNote(text, [identity.signer]);
  await trx
    .insertInto('log_checkpoints')
    .values({ size, note: checkpoint, created_at: now.toISOString() })
    .execute();
  return { indexes: entries.map((_, offset) => first + offset), size, checkpoint };
}
