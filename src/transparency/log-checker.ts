import { decodeUtf8, fromBase64, toBase64 } from './bytes';
import { type Checkpoint, parseCheckpoint } from './checkpoint';
import { parseLogEntry } from './entry';
import { type ComparedField, type DisplayedFigure, differingFields } from './figure-entry';
import { leafHash, verifyConsistency, verifyInclusion } from './merkle';
import { openNote, parseVerifierKey, type VerifierKey } from './note';
import { parseHashLines, parseProofText } from './proof-text';
import { decodeEntryBundle, TILE_WIDTH, tilePath } from './tiles';

/*
 * The browser's check of a figure against the public log (ISSUE 11): the entry's bytes from its
 * entry bundle, the inclusion proof against a checkpoint signed by the log's key, and that
 * checkpoint's consistency with the last one this reader saw. Pure apart from the `fetch` and
 * the storage it is given; one checker per page, so N cards share the key, the checkpoint, its
 * consistency proof and the entry bundles.
 */

export type CheckProblem =
  /** The log's key is not the one this browser (or the site's configuration) knows. */
  | 'key-changed'
  /** A checkpoint not validly signed by the log's key. */
  | 'bad-signature'
  /** The log no longer contains the tree this browser saw: forked or rewritten. */
  | 'forked'
  /** The log is smaller than the tree this browser saw, and does not contain it. */
  | 'rolled-back'
  /** The entry is not in the signed tree, or its bundle is malformed. */
  | 'not-included'
  /** The entry and the figure shown differ (see `fields`). */
  | 'mismatch';

export type CheckResult =
  | { status: 'checked'; index: number; size: number }
  /** The server keeps no log (the mock API), or the figure names no entry. */
  | { status: 'no-log' }
  /** The log could not be reached now; nothing is claimed either way. */
  | { status: 'unavailable' }
  | { status: 'warning'; problem: CheckProblem; fields: ComparedField[] };

export interface CheckerStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface CheckerOptions {
  /** Where /log/ is: the API's base address ("" for the page's own server). */
  base: string;
  fetch: (url: string) => Promise<Response>;
  storage: CheckerStorage;
  /** The log's verifier key from the site's configuration, when it pins one. */
  configuredKey?: string | null;
}

export const KEY_STORAGE = 'ashyq.log.key';
export const STATE_STORAGE = 'ashyq.log.checkpoint';

interface SavedState {
  origin: string;
  size: number;
  root: string;
}

class Unavailable extends Error {}
class Problem extends Error {
  constructor(readonly problem: CheckProblem) {
    super(problem);
  }
}

type KeyResult = { key: VerifierKey } | { noLog: true };

export function createLogChecker(options: CheckerOptions) {
  const base = `${options.base.replace(/\/+$/, '')}/log/`;
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(name: string, make: () => Promise<T>): Promise<T> => {
    if (!memo.has(name)) {
      const made = make();
      memo.set(name, made);
      // A failed fetch may succeed later: forget it, keep only answers.
      made.catch((error: unknown) => {
        if (error instanceof Unavailable) memo.delete(name);
      });
    }
    return memo.get(name) as Promise<T>;
  };

  const get = async (path: string): Promise<Response | null> => {
    let response: Response;
    try {
      response = await options.fetch(`${base}${path}`);
    } catch {
      throw new Unavailable(path);
    }
    if (response.status === 404) return null;
    if (!response.ok) throw new Unavailable(path);
    return response;
  };
  const text = async (path: string) => {
    const response = await get(path);
    return response === null ? null : await response.text();
  };

  const loadKey = () =>
    once('key', async (): Promise<KeyResult> => {
      const served = await text('key');
      if (served === null) return { noLog: true };
      const line = served.trim();
      const key = await parseVerifierKey(line);
      // A server with no log may answer its page for any path: not a key, so no log.
      if (key === null) return { noLog: true };
      const configured = options.configuredKey ?? null;
      const pinned = configured ?? options.storage.getItem(KEY_STORAGE);
      if (pinned !== null && pinned !== line) throw new Problem('key-changed');
      if (pinned === null) options.storage.setItem(KEY_STORAGE, line);
      return { key };
    });

  const saved = (origin: string): SavedState | null => {
    try {
      const state = JSON.parse(options.storage.getItem(STATE_STORAGE) ?? 'null') as SavedState;
      return state?.origin === origin && Number.isSafeInteger(state.size) ? state : null;
    } catch {
      return null;
    }
  };

  const consistent = async (from: Checkpoint | SavedState, to: Checkpoint | SavedState) => {
    const root = (c: Checkpoint | SavedState) =>
      typeof c.root === 'string' ? fromBase64(c.root) : c.root;
    const [rootFrom, rootTo] = [root(from), root(to)];
    if (rootFrom === null || rootTo === null) return false;
    const path = `consistency?from=${from.size}&to=${to.size}`;
    let response: Response;
    try {
      response = await options.fetch(`${base}${path}`);
    } catch {
      throw new Unavailable(path);
    }
    // 400: the server says it holds no tree of that size (any more).
    if (response.status >= 500) throw new Unavailable(path);
    const hashes = response.ok ? parseHashLines(await response.text()) : null;
    return hashes !== null && verifyConsistency(from.size, to.size, hashes, rootFrom, rootTo);
  };

  /** Opens a signed checkpoint and holds it against what this browser saw before. */
  const accept = (note: string) =>
    once(`checkpoint ${note}`, async (): Promise<Checkpoint> => {
      const keyResult = await loadKey();
      if ('noLog' in keyResult) throw new Unavailable('no key');
      const { key } = keyResult;
      let checkpoint: Checkpoint | null;
      try {
        checkpoint = parseCheckpoint((await openNote(note, [key])).text, key.name);
      } catch {
        throw new Problem('bad-signature');
      }
      if (checkpoint === null) throw new Problem('bad-signature');
      const before = saved(checkpoint.origin);
      if (before !== null && before.size === checkpoint.size) {
        if (before.root !== toBase64(checkpoint.root)) throw new Problem('forked');
      } else if (before !== null && before.size < checkpoint.size) {
        if (!(await consistent(before, checkpoint))) throw new Problem('forked');
      } else if (before !== null) {
        // An older checkpoint (a cache, say) is fine if the tree this browser saw extends it.
        if (!(await consistent(checkpoint, before))) throw new Problem('rolled-back');
        return checkpoint;
      }
      // Two checkpoints checked at once: keep the larger tree.
      if ((saved(checkpoint.origin)?.size ?? -1) > checkpoint.size) return checkpoint;
      const state: SavedState = {
        origin: checkpoint.origin,
        size: checkpoint.size,
        root: toBase64(checkpoint.root),
      };
      options.storage.setItem(STATE_STORAGE, JSON.stringify(state));
      return checkpoint;
    });

  const bundle = (index: number, size: number) => {
    const tile = Math.floor(index / TILE_WIDTH);
    const width = tile < Math.floor(size / TILE_WIDTH) ? TILE_WIDTH : size % TILE_WIDTH;
    const path = tilePath({ level: 'entries', index: tile, width });
    return once(`tile ${path}`, async () => {
      const response = await get(path);
      if (response === null) throw new Problem('not-included');
      const entries = decodeEntryBundle(new Uint8Array(await response.arrayBuffer()));
      if (entries === null || entries.length !== width) throw new Problem('not-included');
      return entries;
    });
  };

  const check = async (figure: DisplayedFigure, index: number): Promise<CheckResult> => {
    const keyResult = await loadKey();
    if ('noLog' in keyResult) return { status: 'no-log' };
    // The latest checkpoint first, so a fork is caught even before any proof.
    const latest = await once('latest', () => text('checkpoint'));
    if (latest === null) return { status: 'no-log' };
    await accept(latest);
    const served = await once(`proof ${index}`, () => text(`proof/${index}`));
    const proof = served === null ? null : parseProofText(served);
    if (proof === null || proof.index !== index) throw new Problem('not-included');
    const checkpoint = await accept(proof.checkpoint);
    const entries = await bundle(index, checkpoint.size);
    const bytes = entries[index % TILE_WIDTH];
    if (bytes === undefined) throw new Problem('not-included');
    const included = await verifyInclusion(
      index,
      checkpoint.size,
      await leafHash(bytes),
      proof.hashes,
      checkpoint.root,
    );
    if (!included) throw new Problem('not-included');
    const source = decodeUtf8(bytes);
    const entry = source === null ? null : parseLogEntry(source);
    if (entry === null) return { status: 'warning', problem: 'mismatch', fields: [] };
    const fields = differingFields(figure, entry);
    if (fields.length > 0) return { status: 'warning', problem: 'mismatch', fields };
    return { status: 'checked', index, size: checkpoint.size };
  };

  return {
    /** Checks one figure against its log entry; never throws. */
    async checkFigure(figure: DisplayedFigure, index: number | null): Promise<CheckResult> {
      if (index === null) return { status: 'no-log' };
      try {
        return await check(figure, index);
      } catch (error) {
        if (error instanceof Problem)
          return { status: 'warning', problem: error.problem, fields: [] };
        return { status: 'unavailable' };
      }
    },
  };
}

export type LogChecker = ReturnType<typeof createLogChecker>;
