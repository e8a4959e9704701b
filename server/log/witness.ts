import type { Kysely } from 'kysely';
import { concat, fromBase64, parseDecimal, toHex } from '../../src/transparency/bytes';
import { cosignatureMessage, parseCosignature } from '../../src/transparency/checkpoint';
import { parseNote } from '../../src/transparency/note';
import type { Database } from '../db/schema';
import type { Logger } from '../logger';
import { consistencyText, type LatestCheckpoint, latestCheckpoint } from './read';
import type { WitnessConfig } from './witness-config';

/*
 * Sends the log's latest checkpoint to its witnesses (C2SP tlog-witness add-checkpoint) and keeps
 * the cosignatures they return (C2SP tlog-cosignature) in `log_cosignatures`. It runs after the
 * change has committed, in the background: a witness that is down, slow or refusing is logged and
 * never delays or breaks a publication. One push at a time; asking again while one runs makes one
 * more run afterwards (for whatever is latest then).
 */

export const WITNESS_TIMEOUT_MS = 5000;
/** More than any honest answer (a few cosignature lines); a longer one is cut off. */
const MAX_ANSWER_BYTES = 16_384;
const DASH = '\u2014 ';

export interface WitnessPusher {
  /** Schedules a push of the latest checkpoint (returns at once). */
  push(): void;
  /** Resolves when no push is running or scheduled (tests). */
  settled(): Promise<void>;
  /** The size each witness is known to hold (tests). */
  sizes(): ReadonlyMap<string, number>;
}

interface Witness extends WitnessConfig {
  key: CryptoKey;
}

type Answer = { status: number; type: string; body: string } | { error: string };

/** The add-checkpoint request body: "old N", the proof lines, an empty line, the note. */
export const addCheckpointBody = (old: number, proof: string, note: string) =>
  `old ${old}\n${proof}\n${note}`;

/** The answer's text, at most MAX_ANSWER_BYTES of it (a witness is not trusted to be small). */
async function readLimited(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.length;
    if (length >= MAX_ANSWER_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return new TextDecoder().decode(concat(...parts).slice(0, MAX_ANSWER_BYTES));
}

async function post(
  witness: Witness,
  body: string,
  fetcher: typeof fetch,
  timeoutMs: number,
): Promise<Answer> {
  try {
    const response = await fetcher(new URL('add-checkpoint', witness.url), {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    const text = await readLimited(response);
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      body: text,
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The valid cosignature lines of `witness` in an answer; the rest is reported in `rejected`. */
export async function cosignatureLines(
  witness: Pick<Witness, 'name' | 'cosignerId' | 'key'>,
  checkpointText: string,
  body: string,
): Promise<{ valid: string[]; rejected: string[] }> {
  const valid: string[] = [];
  const rejected: string[] = [];
  for (const line of body.split('\n').filter((each) => each !== '')) {
    const [name = '', encoded = '', ...extra] = line.startsWith(DASH)
      ? line.slice(DASH.length).split(' ')
      : [];
    const bytes = fromBase64(encoded);
    const cosignature = bytes === null ? null : parseCosignature(bytes.slice(4));
    const ok =
      extra.length === 0 &&
      name === witness.name &&
      bytes !== null &&
      toHex(bytes.slice(0, 4)) === witness.cosignerId &&
      cosignature !== null &&
      (await crypto.subtle
        .verify(
          'Ed25519',
          witness.key,
          cosignature.signature,
          cosignatureMessage(checkpointText, cosignature.timestamp),
        )
        .catch(() => false));
    (ok ? valid : rejected).push(line);
  }
  return { valid, rejected };
}

export function createWitnessPusher(
  db: Kysely<Database>,
  configs: WitnessConfig[],
  logger: Logger,
  options: { fetch?: typeof fetch; timeoutMs?: number; now?: () => Date } = {},
): WitnessPusher {
  const fetcher = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? WITNESS_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const known = new Map<string, number>(configs.map((config) => [config.name, 0]));
  // Imported on the first push, where a failure is caught and logged like any other.
  let imported: Promise<Witness[]> | null = null;
  const witnesses = () =>
    (imported ??= Promise.all(
      configs.map(async (config) => ({
        ...config,
        key: await crypto.subtle.importKey(
          'raw',
          new Uint8Array(config.publicKey),
          { name: 'Ed25519' },
          false,
          ['verify'],
        ),
      })),
    ));

  const already = async (size: number, name: string) =>
    (await db
      .selectFrom('log_cosignatures')
      .select('size')
      .where('size', '=', size)
      .where('witness', '=', name)
      .executeTakeFirst()) !== undefined;

  async function send(witness: Witness, latest: LatestCheckpoint, old: number, retry: boolean) {
    const warn = (message: string, extra: Record<string, unknown> = {}) =>
      logger.warn(
        { witness: witness.name, url: witness.url, size: latest.size, old, ...extra },
        message,
      );
    const proof = old <= latest.size ? await consistencyText(db, old, latest.size) : null;
    if (proof === null) {
      warn('witness holds a larger tree than this log: not sent');
      return;
    }
    const answer = await post(
      witness,
      addCheckpointBody(old, proof, latest.note),
      fetcher,
      timeoutMs,
    );
    if ('error' in answer) {
      warn('witness unreachable', { err: answer.error });
      return;
    }
    if (answer.status === 409) {
      const size = answer.type.startsWith('text/x.tlog.size')
        ? parseDecimal(answer.body.trim())
        : null;
      if (size !== null && size !== old) known.set(witness.name, size);
      if (size === null || size === old || !retry) {
        warn('witness refused the old size', { status: 409, body: answer.body.slice(0, 200) });
        return;
      }
      await send(witness, latest, size, false);
      return;
    }
    if (answer.status !== 200) {
      warn('witness refused the checkpoint', {
        status: answer.status,
        body: answer.body.slice(0, 200),
      });
      return;
    }
    known.set(witness.name, latest.size);
    const { valid, rejected } = await cosignatureLines(
      witness,
      parseNote(latest.note).text,
      answer.body,
    );
    if (rejected.length > 0)
      warn('witness sent lines that are not its valid cosignature', { rejected });
    const [line] = valid;
    if (line === undefined) return;
    await db
      .insertInto('log_cosignatures')
      .values({ size: latest.size, witness: witness.name, line, created_at: now().toISOString() })
      .onConflict((oc) => oc.columns(['size', 'witness']).doNothing())
      .execute();
  }

  async function pushOnce() {
    const latest = await latestCheckpoint(db);
    if (latest === null) return;
    await Promise.all(
      (await witnesses()).map(async (witness) => {
        if (await already(latest.size, witness.name)) return;
        await send(witness, latest, known.get(witness.name) ?? 0, true);
      }),
    );
  }

  let running: Promise<void> | null = null;
  let again = false;
  const run = async () => {
    do {
      again = false;
      try {
        await pushOnce();
      } catch (error) {
        logger.error({ err: error }, 'witness push failed');
      }
    } while (again);
    running = null;
  };

  return {
    push() {
      if (configs.length === 0) return;
      if (running) again = true;
      else running = run();
    },
    settled: () => running ?? Promise.resolve(),
    sizes: () => known,
  };
}

/** The latest checkpoint with the witnesses' cosignature lines for its size after its own. */
export async function cosignedCheckpoint(db: Kysely<Database>): Promise<LatestCheckpoint | null> {
  const latest = await latestCheckpoint(db);
  if (latest === null) return null;
  const rows = await db
    .selectFrom('log_cosignatures')
    .select('line')
    .where('size', '=', latest.size)
    .orderBy('witness')
    .execute();
  return { size: latest.size, note: latest.note + rows.map((row) => `${row.line}\n`).join('') };
}
