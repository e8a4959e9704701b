import { checkApiAgainstLog } from './api-check';
import { decodeUtf8, toBase64 } from './bytes';
import { parseCheckpoint } from './checkpoint';
import { parseLogEntry } from './entry';
import { leafHash, rootFromLeaves } from './merkle';
import { NoteError, openNote, parseVerifierKey } from './note';
import { decodeEntryBundle, partialWidth, TILE_WIDTH, tilePath } from './tiles';

/*
 * The monitor an NGO runs from cron (npm run verify-log): it downloads the signed checkpoint and
 * every entry bundle, recomputes the tree, checks the signature and that the tree still contains
 * the one it saw last time (the saved state), parses every entry, and checks the API's figures
 * and revisions against their entries (api-check.ts). Pure apart from the
 * `fetch` it is given, so tests run it against the server's routes directly.
 */

export interface MonitorState {
  origin: string;
  size: number;
  /** base64 root hash of that size. */
  root: string;
}

export interface MonitorReport {
  ok: boolean;
  problems: string[];
  /** The state to save for next time (only when ok). */
  state: MonitorState | null;
  entries: string[];
}

type Fetch = (url: string) => Promise<Response>;

async function get(fetcher: Fetch, url: string): Promise<Uint8Array> {
  const response = await fetcher(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Every entry of a tree of `size`, from its entry bundles. */
async function downloadEntries(fetcher: Fetch, base: string, size: number, problems: string[]) {
  const entries: Uint8Array[] = [];
  const full = Math.floor(size / TILE_WIDTH);
  const last = partialWidth(0, size);
  for (let index = 0; index <= full; index += 1) {
    const width = index < full ? TILE_WIDTH : last;
    if (width === 0) break;
    const path = tilePath({ level: 'entries', index, width });
    const bundle = decodeEntryBundle(await get(fetcher, `${base}/log/${path}`));
    if (bundle === null || bundle.length !== width) {
      problems.push(`entry bundle ${path} is malformed or holds the wrong number of entries`);
      return null;
    }
    entries.push(...bundle);
  }
  return entries;
}

export async function monitorLog(options: {
  /** The site's base address, e.g. https://ashyq.example */
  baseUrl: string;
  /** The verifier key, "<name>+<id>+<base64>". */
  verifierKey: string;
  previous: MonitorState | null;
  fetch: Fetch;
  /** Also check every figure and revision the API serves against its entry (default true). */
  checkApi?: boolean;
}): Promise<MonitorReport> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const problems: string[] = [];
  const fail = (problem: string): MonitorReport => ({
    ok: false,
    problems: [...problems, problem],
    state: null,
    entries: [],
  });
  const key = await parseVerifierKey(options.verifierKey);
  if (key === null) return fail('the verifier key is not a "<name>+<id>+<base64>" Ed25519 key');

  const note = new TextDecoder().decode(await get(options.fetch, `${base}/log/checkpoint`));
  let text: string;
  try {
    text = (await openNote(note, [key])).text;
  } catch (error) {
    const why = error instanceof NoteError ? error.message : String(error);
    return fail(`the checkpoint is not signed by ${key.name}: ${why}`);
  }
  const checkpoint = parseCheckpoint(text, key.name);
  if (checkpoint === null) return fail(`the signed text is not a checkpoint of ${key.name}`);

  const previous = options.previous;
  if (previous && previous.origin !== checkpoint.origin) {
    return fail(`the saved state is of the log "${previous.origin}", not "${checkpoint.origin}"`);
  }
  if (previous && checkpoint.size < previous.size) {
    return fail(
      `the log shrank: it was ${previous.size} entries, the checkpoint now says ${checkpoint.size} (rolled back)`,
    );
  }

  const entries = await downloadEntries(options.fetch, base, checkpoint.size, problems);
  if (entries === null) return { ok: false, problems, state: null, entries: [] };
  const leaves = await Promise.all(entries.map((entry) => leafHash(entry)));
  const root = toBase64(await rootFromLeaves(leaves));
  if (root !== toBase64(checkpoint.root)) {
    problems.push(
      `the entries served do not hash to the signed root of size ${checkpoint.size} (an entry was altered, removed or added)`,
    );
  }
  if (previous) {
    const earlier = toBase64(await rootFromLeaves(leaves.slice(0, previous.size)));
    if (earlier !== previous.root) {
      problems.push(
        `the first ${previous.size} entries no longer hash to the root saved last time (the log was forked or rewritten)`,
      );
    }
  }
  // Strict UTF-8: a lenient decoder would turn bad bytes into U+FFFD and let the entry pass.
  const texts = entries.map((entry) => decodeUtf8(entry));
  const parsed = texts.map((entry) => (entry === null ? null : parseLogEntry(entry)));
  parsed.forEach((entry, index) => {
    if (entry === null) problems.push(`entry ${index} is not a valid log entry`);
  });
  if (options.checkApi !== false) {
    problems.push(...(await checkApiAgainstLog(options.fetch, base, parsed)));
  }
  const ok = problems.length === 0;
  return {
    ok,
    problems,
    state: ok ? { origin: checkpoint.origin, size: checkpoint.size, root } : null,
    entries: texts.map((text) => text ?? ''),
  };
}
