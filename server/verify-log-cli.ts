import { readFile, rename, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type MonitorState, monitorLog } from '../src/transparency/monitor';

/*
 * npm run verify-log -- URL --key VKEY [--state FILE]: the log's monitor (README). Exits 0 when
 * everything holds (and saves the new state), 1 naming each problem, 2 for a wrong call.
 */
const USAGE =
  'Usage: npm run verify-log -- URL --key "<name>+<id>+<base64>" [--state FILE] [--log-only]';

async function readState(file: string | undefined): Promise<MonitorState | null> {
  if (file === undefined) return null;
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return null;
  const state = JSON.parse(text) as Partial<MonitorState>;
  if (
    typeof state.origin !== 'string' ||
    typeof state.size !== 'number' ||
    typeof state.root !== 'string'
  ) {
    throw new Error(`${file} is not a saved monitor state`);
  }
  return { origin: state.origin, size: state.size, root: state.root };
}

export async function runVerifyLog(
  argv: string[],
  out: (line: string) => void,
  fetcher: (url: string) => Promise<Response> = (url) => fetch(url),
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        key: { type: 'string' },
        state: { type: 'string' },
        'log-only': { type: 'boolean' },
      },
    });
  } catch (error) {
    out(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  const [url] = parsed.positionals;
  const { key, state: stateFile } = parsed.values;
  if (url === undefined || key === undefined || parsed.positionals.length > 1) {
    out(USAGE);
    return 2;
  }
  try {
    const previous = await readState(stateFile);
    const report = await monitorLog({
      baseUrl: url,
      verifierKey: key,
      previous,
      fetch: fetcher,
      checkApi: parsed.values['log-only'] !== true,
    });
    if (!report.ok || report.state === null) {
      for (const problem of report.problems) out(`PROBLEM: ${problem}`);
      return 1;
    }
    out(
      `OK: ${report.state.origin} has ${report.state.size} entries, signed, every entry valid` +
        (parsed.values['log-only'] ? '' : ', every revision the API serves matches its entry') +
        (previous ? `, and it still holds the ${previous.size} seen before` : ''),
    );
    if (stateFile !== undefined) {
      await writeFile(`${stateFile}.tmp`, `${JSON.stringify(report.state, null, 2)}\n`);
      await rename(`${stateFile}.tmp`, stateFile);
    }
    return 0;
  } catch (error) {
    out(`PROBLEM: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await runVerifyLog(process.argv.slice(2), (line) => console.log(line));
}
