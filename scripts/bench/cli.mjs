/** Command line of `npm run bench`. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './util.mjs';

export class UsageError extends Error {}

export const usage = (sections) => `Usage: node scripts/bench.mjs [options]

  --no-build        reuse the existing build in --out-dir instead of running vite build
  --no-lighthouse   skip the lighthouse section (sizes only)
  --server          build as npm start does (real API, no mock) and serve it with server/
  --only a,b        run only these sections (${sections.map((s) => s.name).join(', ')})
  --runs N          Lighthouse runs per page and preset (default 3; the median is reported)
  --port N          port for vite preview (default 4175)
  --out-dir DIR     build output directory, relative to the project (default dist)
  --json FILE       where to write the JSON results (default bench-results/bench.json)
  -h, --help        this text`;

export function parseCli(argv, SECTIONS) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'no-build': { type: 'boolean', default: false },
      'no-lighthouse': { type: 'boolean', default: false },
      server: { type: 'boolean', default: false },
      only: { type: 'string' },
      runs: { type: 'string', default: '3' },
      port: { type: 'string', default: '4175' },
      'out-dir': { type: 'string', default: 'dist' },
      json: { type: 'string', default: path.join('bench-results', 'bench.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new UsageError(`--runs must be a positive integer, got ${values.runs}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`--port must be a port number, got ${values.port}`);

  let selected;
  if (values.only) {
    const names = values.only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = names.filter((n) => !SECTIONS.some((s) => s.name === n));
    if (unknown.length)
      throw new UsageError(`unknown section(s) for --only: ${unknown.join(', ')}`);
    selected = SECTIONS.filter((s) => names.includes(s.name));
  } else {
    selected = SECTIONS.filter((s) => s.default !== false);
  }
  if (values['no-lighthouse']) selected = selected.filter((s) => s.name !== 'lighthouse');

  return {
    help: values.help,
    build: !values['no-build'],
    server: values.server,
    runs,
    port,
    outDir: path.resolve(ROOT, values['out-dir']),
    jsonFile: path.resolve(ROOT, values.json),
    sections: selected,
  };
}
