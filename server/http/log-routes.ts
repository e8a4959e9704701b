import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { parseDecimal } from '../../src/transparency/bytes';
import { parseTilePath, TILE_WIDTH } from '../../src/transparency/tiles';
import type { Database } from '../db/schema';
import type { LogIdentity } from '../log/append';
import { verifierKeyOf } from '../log/key';
import { consistencyText, latestCheckpoint, proofText, readTile } from '../log/read';
import { cosignedCheckpoint } from '../log/witness';

/*
 * The transparency log under /log/ (C2SP tlog-tiles): checkpoint, tiles, entry bundles, and
 * beside them key, proof/<index> and consistency?from=M&to=N. Plain text and bytes, readable by
 * any tlog client and from any origin. Full tiles never change and are cached for a year;
 * everything that moves with the tree is revalidated.
 */

export const LOG_PREFIX = '/log/';
export const isLogPath = (path: string) => path.startsWith(LOG_PREFIX);
/** The log's answers computed per request (proofs), which the API's rate limit covers. */
export const isLogProofPath = (path: string) =>
  path.startsWith(`${LOG_PREFIX}proof/`) || path === `${LOG_PREFIX}consistency`;

const TEXT = 'text/plain; charset=utf-8';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const FRESH = 'no-cache';

const answer = (body: string | Uint8Array, type: string, cache: string, status = 200) =>
  new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: {
      'Content-Type': type,
      'Cache-Control': cache,
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
    },
  });

const notFound = (what: string) => answer(`${what}\n`, TEXT, FRESH, 404);

/** Full tiles never change: the last FULL_TILES_KEPT served stay in memory (8 kB each). */
const FULL_TILES_KEPT = 2048;

export function logRoutes(db: Kysely<Database>, identity: LogIdentity): Hono {
  const app = new Hono().basePath('/log');
  const fullTiles = new Map<string, Uint8Array>();

  app.get('/checkpoint', async () => {
    // With the witnesses' cosignatures for that size (C2SP: more signature lines in the note).
    const latest = await cosignedCheckpoint(db);
    return latest ? answer(latest.note, TEXT, FRESH) : notFound('The log has no entries yet.');
  });

  app.get('/key', async () => answer(`${await verifierKeyOf(identity)}\n`, TEXT, 'no-cache'));

  app.get('/tile/*', async (c) => {
    const path = c.req.path.slice(LOG_PREFIX.length);
    const kept = fullTiles.get(path);
    if (kept) return answer(kept, 'application/octet-stream', IMMUTABLE);
    const tile = parseTilePath(path);
    if (tile === null) return notFound('Not a tile path (C2SP tlog-tiles).');
    const latest = await latestCheckpoint(db);
    const bytes = latest ? await readTile(db, tile, latest.size) : null;
    if (bytes === null) return notFound('That tile is not part of the log yet.');
    if (tile.width === TILE_WIDTH) {
      if (fullTiles.size >= FULL_TILES_KEPT) fullTiles.delete(fullTiles.keys().next().value ?? '');
      fullTiles.set(path, bytes);
    }
    return answer(bytes, 'application/octet-stream', tile.width === TILE_WIDTH ? IMMUTABLE : FRESH);
  });

  app.get('/proof/:index', async (c) => {
    const index = parseDecimal(c.req.param('index'));
    const text = index === null ? null : await proofText(db, index);
    return text === null ? notFound('No entry with that index.') : answer(text, TEXT, FRESH);
  });

  app.get('/consistency', async (c) => {
    const from = parseDecimal(c.req.query('from') ?? '');
    const to = parseDecimal(c.req.query('to') ?? '');
    const text = from === null || to === null ? null : await consistencyText(db, from, to);
    if (text === null) {
      return answer('Give from=M&to=N with M ≤ N ≤ the latest size.\n', TEXT, FRESH, 400);
    }
    // Between two fixed sizes the proof never changes.
    return answer(text, TEXT, IMMUTABLE);
  });

  app.notFound(() => notFound('Not part of the log.'));
  return app;
}
