// @vitest-environment node
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { metrics } from '../../mocks/fixtures/metrics';
import { region } from '../../mocks/fixtures/region';
import { sources } from '../../mocks/fixtures/sources';
import type { DatasetSnapshot } from '../repository';
import { prepareDatabase, type PreparedDatabase } from '../start';
import { parseCsv } from './csv';
import { ImportError } from './errors';
import { planImport } from './plan';
import { rowsFromCsv, rowsFromJson } from './read';
import { importColumns, type RawRow } from './rows';
import { importFile } from './run';

/*
 * Whatever a file holds, the import either accepts it or throws an ImportError whose message names
 * what is wrong; it never throws anything else, and a refused file writes nothing.
 */

const snapshot: DatasetSnapshot = {
  metrics: structuredClone(metrics),
  districtIds: region.districts.map((d) => d.id),
  sources: structuredClone(sources),
};

/** Either a result, or an ImportError with a message: never another kind of failure. */
function clearlyRefusedOrAccepted(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message.length).toBeGreaterThan(0);
  }
}

const cell = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    'public-receptions',
    'open-dialogue-answers',
    'aral',
    '2022',
    '2025-02-30',
    'verified',
    'true',
    '1e400',
    '-0',
    'NaN',
  ),
  fc.double().map(String),
);
const csvText = fc
  .tuple(
    fc.shuffledSubarray([...importColumns, 'extra', ''], { minLength: 0 }),
    fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 8 }),
    fc.constantFrom(',', ';', '\t'),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([header, rows, separator, newline, bom]) => {
    const quote = (text: string) =>
      /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    const lines = [header.join(separator), ...rows.map((row) => row.map(quote).join(separator))];
    return (bom ? '\uFEFF' : '') + lines.join(newline);
  });

test('any CSV text is read into rows or refused with a clear ImportError', () => {
  fc.assert(
    fc.property(fc.oneof(csvText, fc.string({ unit: 'binary' })), (text) => {
      // The CSV reader names the line; the import turns that into an ImportError.
      try {
        parseCsv(text);
      } catch (error) {
        expect(String(error)).toMatch(/line \d+/);
      }
      clearlyRefusedOrAccepted(() => rowsFromCsv(text));
    }),
    { numRuns: 500 },
  );
});

test('any JSON text is read into rows or refused with a clear ImportError', () => {
  const jsonish = fc.oneof(
    fc.json(),
    fc.string(),
    fc
      .array(fc.dictionary(fc.constantFrom(...importColumns, 'x'), fc.jsonValue()))
      .map((v) => JSON.stringify(v)),
  );
  fc.assert(
    fc.property(jsonish, (text) => clearlyRefusedOrAccepted(() => rowsFromJson(text))),
    { numRuns: 500 },
  );
});

const rawRows = fc.array(
  fc.record({
    row: fc.nat({ max: 1000 }),
    values: fc.dictionary(
      fc.constantFrom(...importColumns, '__proto__', 'constructor', 'other'),
      fc.oneof(cell, fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue()),
    ),
  }),
  { minLength: 1, maxLength: 6 },
);

test('planning an import from any rows gives figures the contract accepts, or a clear refusal', () => {
  fc.assert(
    fc.property(rawRows, (rows: RawRow[]) => {
      const before = JSON.stringify(snapshot);
      clearlyRefusedOrAccepted(() => planImport(rows, snapshot));
      // The plan works on copies: the data it was given is untouched either way.
      expect(JSON.stringify(snapshot)).toBe(before);
    }),
    { numRuns: 500 },
  );
});

let dir = '';
let prepared: PreparedDatabase;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ashyq-import-prop-'));
  prepared = await prepareDatabase({ kind: 'sqlite', file: join(dir, 'ashyq.sqlite') });
});
afterAll(async () => {
  await prepared.repository.close();
  await rm(dir, { recursive: true, force: true });
});

test('a refused file writes nothing: the data and its version stay as they were', async () => {
  const state = async () =>
    JSON.stringify([
      await prepared.repository.listMetrics({}),
      await prepared.repository.datasetVersion(),
    ]);
  // Each file has at least one row that cannot be right, next to rows that could be.
  const badFile = fc
    .tuple(rawRows, fc.constantFrom('no-such-metric', ''))
    .map(([rows, metric]) => [...rows.map((r) => r.values), { metric, value: 1 }]);
  await fc.assert(
    fc.asyncProperty(badFile, async (rows) => {
      const before = await state();
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify(rows));
      await expect(importFile(prepared.repository, file)).rejects.toBeInstanceOf(ImportError);
      expect(await state()).toBe(before);
    }),
    { numRuns: 40 },
  );
});
