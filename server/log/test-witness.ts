import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { concat, fromBase64, parseDecimal, toBase64 } from '../../src/transparency/bytes';
import {
  cosignatureMessage,
  cosignerKeyId,
  encodeCosignature,
  parseCheckpoint,
} from '../../src/transparency/checkpoint';
import { HASH_SIZE, verifyConsistency } from '../../src/transparency/merkle';
import {
  COSIGNATURE_V1,
  generateSigner,
  NoteError,
  openNote,
  parseNote,
  parseVerifierKey,
} from '../../src/transparency/note';

/*
 * A witness written to C2SP tlog-witness, for the tests only: it trusts logs by origin and
 * verifier key, keeps each log's size and root in memory, and answers POST /add-checkpoint:
 * 400 malformed body, 404 unknown log, 403 not signed by the trusted key, 409 with its size
 * (text/x.tlog.size) when "old" is not that size, 422 when the consistency proof fails, and 200
 * with its cosignature line (C2SP tlog-cosignature) otherwise.
 */

export interface AddCheckpoint {
  old: number;
  proof: Uint8Array[];
  note: string;
}

const MAX_PROOF_LINES = 63;

/** Parses an add-checkpoint body strictly; null when it is malformed. */
export function parseAddCheckpoint(body: string): AddCheckpoint | null {
  const first = body.indexOf('\n');
  const old = /^old (.*)$/u.exec(body.slice(0, Math.max(first, 0)))?.[1];
  const size = old === undefined ? null : parseDecimal(old);
  if (size === null) return null;
  const proof: Uint8Array[] = [];
  let at = first + 1;
  for (;;) {
    const end = body.indexOf('\n', at);
    if (end < 0) return null;
    const line = body.slice(at, end);
    at = end + 1;
    if (line === '') break;
    const hash = fromBase64(line);
    if (hash === null || hash.length !== HASH_SIZE || proof.length === MAX_PROOF_LINES) return null;
    proof.push(hash);
  }
  const note = body.slice(at);
  return note === '' ? null : { old: size, proof, note };
}

export interface TestWitness {
  app: Hono;
  name: string;
  /** Its verifier key, type 0x04, as LOG_WITNESSES takes it. */
  vkey: string;
  /** What it holds for each log origin. */
  state: Map<string, { size: number; root: Uint8Array }>;
  /** How many add-checkpoint requests it answered, by status. */
  answers: number[];
  /** Serves it on 127.0.0.1; `url` is its base URL. */
  listen(): Promise<{ url: string; close(): Promise<void> }>;
}

export async function createTestWitness(
  name: string,
  logs: { origin: string; vkey: string }[],
): Promise<TestWitness> {
  const { signer } = await generateSigner(name);
  const id = await cosignerKeyId(name, signer.publicKey);
  const vkey = `${name}+${id}+${toBase64(concat(new Uint8Array([COSIGNATURE_V1]), signer.publicKey))}`;
  const trusted = new Map(
    await Promise.all(
      logs.map(async (log) => [log.origin, await parseVerifierKey(log.vkey)] as const),
    ),
  );
  const state = new Map<string, { size: number; root: Uint8Array }>();
  const answers: number[] = [];
  const app = new Hono();
  const text = (body: string, status: 200 | 400 | 403 | 404 | 409 | 422, type = 'text/plain') => {
    answers.push(status);
    return new Response(body, { status, headers: { 'Content-Type': type } });
  };

  app.post('/add-checkpoint', async (c) => {
    const request = parseAddCheckpoint(await c.req.text());
    if (request === null) return text('malformed add-checkpoint body\n', 400);
    let checkpointText: string;
    try {
      checkpointText = parseNote(request.note).text;
    } catch {
      return text('malformed note\n', 400);
    }
    const checkpoint = parseCheckpoint(checkpointText);
    if (checkpoint === null) return text('malformed checkpoint\n', 400);
    const key = trusted.get(checkpoint.origin);
    if (key === undefined) return text('unknown log\n', 404);
    if (key === null) return text('untrusted log key\n', 403);
    try {
      await openNote(request.note, [key]);
    } catch (error) {
      if (error instanceof NoteError) return text('not signed by the log\n', 403);
      throw error;
    }
    if (request.old > checkpoint.size) return text('old is beyond the checkpoint\n', 400);
    const held = state.get(checkpoint.origin) ?? { size: 0, root: new Uint8Array() };
    if (request.old !== held.size) return text(`${held.size}\n`, 409, 'text/x.tlog.size');
    const consistent =
      held.size === 0
        ? request.proof.length === 0
        : await verifyConsistency(
            held.size,
            checkpoint.size,
            request.proof,
            held.root,
            checkpoint.root,
          );
    if (!consistent) return text('the consistency proof does not verify\n', 422);
    state.set(checkpoint.origin, { size: checkpoint.size, root: checkpoint.root });
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = await signer.sign(cosignatureMessage(checkpointText, timestamp));
    const bytes = concat(
      Uint8Array.from(id.match(/../gu) ?? [], (pair) => Number.parseInt(pair, 16)),
      encodeCosignature({ timestamp, signature }),
    );
    return text(`\u2014 ${name} ${toBase64(bytes)}\n`, 200);
  });

  return {
    app,
    name,
    vkey,
    state,
    answers,
    listen: () =>
      new Promise((resolve) => {
        const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
          const { port } = info as AddressInfo;
          resolve({
            url: `http://127.0.0.1:${port}/`,
            close: () =>
              new Promise<void>((done) => {
                server.close(() => done());
                if ('closeAllConnections' in server) server.closeAllConnections();
              }),
          });
        });
      }),
  };
}
