import type { Kysely } from 'kysely';
import { concat, toBase64, utf8 } from '../../src/transparency/bytes';
import { parseCheckpoint } from '../../src/transparency/checkpoint';
import { consistencyProof, inclusionProof } from '../../src/transparency/merkle';
import { parseNote } from '../../src/transparency/note';
import { encodeEntryBundle, type Tile, TILE_WIDTH } from '../../src/transparency/tiles';
import type { Database } from '../db/schema';
import { withStoredHashes } from './append';

/*
 * What the log serves under /log/ (C2SP tlog-tiles, tlog-proof): read-only, from the tables that
 * appendToLog writes. Everything answers for the latest signed size: a tile or proof beyond it
 * does not exist yet.
 */

export interface LatestCheckpoint {
  size: number;
  note: string;
}

export async function latestCheckpoint(db: Kysely<Database>): Promise<LatestCheckpoint | null> {
  const row = await db
    .selectFrom('log_checkpoints')
    .select(['size', 'note'])
    .orderBy('size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Whether `tile` exists in a tree of `size`: its hashes (Merkle level 8·L) are all complete. A
 * partial tile of any width up to what the tree holds is served, so a reader of an older
 * checkpoint gets the tile its size names (hashes never change, a partial tile is a prefix).
 */
export function tileExists(tile: Tile, size: number): boolean {
  const level = tile.level === 'entries' ? 0 : tile.level;
  const nodes = Math.floor(size / TILE_WIDTH ** level);
  return tile.index * TILE_WIDTH + tile.width <= nodes;
}

/**
 * A tile's bytes: 32-byte hashes of Merkle level 8·L at positions [256·N, 256·N + W), or the
 * entries of that range as a bundle. Null when the tile is not part of the tree of `size`.
 */
export async function readTile(
  db: Kysely<Database>,
  tile: Tile,
  size: number,
): Promise<Uint8Array | null> {
  if (!tileExists(tile, size)) return null;
  const from = tile.index * TILE_WIDTH;
  const to = from + tile.width;
  if (tile.level === 'entries') {
    const rows = await db
      .selectFrom('log_entries')
      .select('entry')
      .where('idx', '>=', from)
      .where('idx', '<', to)
      .orderBy('idx')
      .execute();
    return encodeEntryBundle(rows.map((row) => utf8(row.entry)));
  }
  const rows = await db
    .selectFrom('log_hashes')
    .select('hash')
    .where('level', '=', tile.level * 8)
    .where('idx', '>=', from)
    .where('idx', '<', to)
    .orderBy('idx')
    .execute();
  if (rows.length !== tile.width) throw new Error(`the log is missing hashes of tile ${from}`);
  // Hashes this server wrote itself: Node's decoder, not the strict one that checks input.
  return concat(...rows.map((row) => Buffer.from(row.hash, 'base64')));
}

/**
 * Hashes of complete subtrees never change, so a reader keeps those it has read in memory: each
 * proof reads one hash a level, and the upper levels are shared by every proof. Bounded: past
 * KEPT_MAX (about 150 bytes each) it starts over.
 */
const KEPT_MAX = 50_000;
const keptHashes = new WeakMap<Kysely<Database>, Map<string, Uint8Array>>();

function withKeptHashes<T>(
  db: Kysely<Database>,
  compute: Parameters<typeof withStoredHashes<T>>[1],
): Promise<T> {
  let kept = keptHashes.get(db);
  if (kept === undefined || kept.size > KEPT_MAX) {
    kept = new Map();
    keptHashes.set(db, kept);
  }
  return withStoredHashes(db, compute, kept);
}

/** C2SP tlog-proof: entry `index`'s inclusion proof against the latest checkpoint. */
export async function proofText(db: Kysely<Database>, index: number): Promise<string | null> {
  const latest = await latestCheckpoint(db);
  if (latest === null || !(Number.isSafeInteger(index) && index >= 0 && index < latest.size)) {
    return null;
  }
  const hashes = await withKeptHashes(db, (at, node) =>
    inclusionProof(index, latest.size, at, node),
  );
  const lines = hashes.map((hash) => `${toBase64(hash)}\n`).join('');
  return `c2sp.org/tlog-proof@v1\nindex ${index}\n${lines}\n${latest.note}`;
}

/** The consistency proof between two signed sizes, base64 hashes one a line. */
export async function consistencyText(
  db: Kysely<Database>,
  from: number,
  to: number,
): Promise<string | null> {
  const latest = await latestCheckpoint(db);
  if (latest === null || !(from >= 0 && from <= to && to <= latest.size)) return null;
  const hashes = await withKeptHashes(db, (at, node) => consistencyProof(from, to, at, node));
  return hashes.map((hash) => `${toBase64(hash)}\n`).join('');
}

/** The root a stored checkpoint signed (for tests and the monitor's own checks). */
export function checkpointOf(note: string) {
  return parseCheckpoint(parseNote(note).text);
}
