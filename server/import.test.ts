// @vitest-environment node
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { endpoints } from '../src/contract/endpoints';
import { type Metric, metricListSchema } from '../src/contract/metrics';
import { ImportError } from './import/errors';
import { importFile } from './import/run';
import {
  announceSkippedBackends,
  backends,
  isAvailable,
  startTestServer,
  type TestServer,
} from './test-support';

announceSkippedBackends('server/import.test.ts');

let files: string;
beforeAll(async () => {
  files = await mkdtemp(join(tmpdir(), 'ashyq-import-'));
});
afterAll(() => rm(files, { recursive: true, force: true }));

async function file(name: string, content: string): Promise<string> {
  const path = join(files, `${crypto.randomUUID()}-${name}`);
  await writeFile(path, content);
  return path;
}

/** Each test gets a freshly seeded server; imports go through its repository like the CLI's. */
async function withServer(
  backend: (typeof backends)[number],
  run: (server: TestServer) => Promise<void>,
) {
  const server = await startTestServer(backend);
  try {
    await run(server);
  } finally {
    await server.stop();
  }
}

async function metricsOf(server: TestServer): Promise<Metric[]> {
  return metricListSchema.parse(await (await fetch(`${server.url}${endpoints.metrics}`)).json());
}

const byId = (list: Metric[], id: string) => {
  const metric = list.find((m) => m.id === id);
  if (!metric) throw new Error(`no ${id}`);
  return metric;
};

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`import on ${backend}`, () => {
    test('a good CSV changes what the API returns: headline, history point, district entry', async () => {
      await withServer(backend, async (server) => {
        const before = await fetch(`${server.url}${endpoints.metrics}`);
        const etagBefore = before.headers.get('etag');
        const path = await file(
          'figures.csv',
          '\uFEFFmetric,value,asOf,period,district,source,reporter,verification,sample\r\n' +
            'public-receptions,18,2025-03-01,,,syr-boyy-hearing,serik-akhmet,verified,\r\n' +
            'open-dialogue-answers,140,,2022,,,,,\r\n' +
            'open-dialogue-answers,130,,2021,,,,,false\r\n' +
            '"project-office-okrugs",30,,,aral,,,,\r\n' +
            'service-open-akimat-centres,8,,,,,,,\r\n',
        );
        const summary = await importFile(server.repository, path);
        server.invalidate();
        expect(summary).toEqual({
          rows: 5,
          metrics: [
            'public-receptions',
            'open-dialogue-answers',
            'project-office-okrugs',
            'service-open-akimat-centres',
          ],
          headline: 2,
          series: 2,
          breakdown: 1,
        });

        const after = await fetch(`${server.url}${endpoints.metrics}`, {
          headers: { 'If-None-Match': etagBefore ?? '' },
        });
        expect(after.status).toBe(200);
        expect(after.headers.get('etag')).not.toBe(etagBefore);
        const list = metricListSchema.parse(await after.json());

        expect(byId(list, 'public-receptions')).toMatchObject({
          value: 18,
          asOf: '2025-03-01',
          verification: 'verified',
          sample: false,
        });
        expect(byId(list, 'open-dialogue-answers').series).toEqual([
          { period: '2019', value: 38, sample: true },
          { period: '2020', value: 81, sample: true },
          { period: '2021', value: 130, sample: false },
          { period: '2022', value: 140, sample: false },
        ]);
        const okrugs = byId(list, 'project-office-okrugs');
        expect(okrugs.breakdown[0]).toEqual({
          districtId: 'aral',
          value: 30,
          sample: false,
          derived: false,
        });
        expect(okrugs.breakdown).toHaveLength(8);
        // A stated value replaces a derived one, and says so.
        expect(byId(list, 'service-open-akimat-centres')).toMatchObject({
          value: 8,
          derived: false,
          derivation: null,
          verification: 'reported',
        });
        // The detail endpoint and the district filter see the same data.
        const detail = (await (
          await fetch(`${server.url}${endpoints.initiative('aqmeshit-adaldyq-alany')}`)
        ).json()) as {
          metrics: Metric[];
        };
        expect(byId(detail.metrics, 'public-receptions').value).toBe(18);
      });
    });

    test('a good JSON file adds a district entry that the district filter then finds', async () => {
      await withServer(backend, async (server) => {
        const filtered = `${server.url}${endpoints.metrics}?district=shieli`;
        const before = metricListSchema.parse(await (await fetch(filtered)).json());
        expect(before.map((m) => m.id)).not.toContain('services-automated');
        const path = await file(
          'figures.json',
          JSON.stringify([
            { metric: 'services-automated', value: 12, district: 'shieli', sample: true },
            { metric: 'services-automated', value: 150, asOf: '2025', verification: 'reported' },
          ]),
        );
        await importFile(server.repository, path);
        server.invalidate();
        const after = metricListSchema.parse(await (await fetch(filtered)).json());
        const automated = byId(after, 'services-automated');
        expect(automated.value).toBe(150);
        expect(automated.asOf).toBe('2025');
        expect(automated.breakdown).toEqual([
          { districtId: 'shieli', value: 12, sample: true, derived: false },
        ]);
      });
    });

    test('a bad file is rejected whole, naming row and field, and nothing is written', async () => {
      await withServer(backend, async (server) => {
        const before = await metricsOf(server);
        const versionBefore = await server.repository.datasetVersion();
        const path = await file(
          'bad.csv',
          'metric,value,asOf,period,district\n' +
            'public-receptions,99,,,\n' + // good on its own: must not be written either
            'open-dialogue-answers,12a,,2022,\n' +
            'project-office-okrugs,3,,,atlantis\n' +
            'public-receptions,1,2025-02-30,,\n' +
            'no-such-figure,1,,,\n' +
            'commission-status,1,,,\n',
        );
        const error: unknown = await importFile(server.repository, path).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ImportError);
        const { issues, message } = error as ImportError;
        expect(issues.map(({ row, line, field }) => ({ row, line, field }))).toEqual([
          { row: 2, line: 3, field: 'value' },
          { row: 3, line: 4, field: 'district' },
          { row: 4, line: 5, field: 'asOf' },
          { row: 5, line: 6, field: 'metric' },
          { row: 6, line: 7, field: 'value' },
        ]);
        expect(message).toContain('Import rejected, nothing was written (5 problems)');
        expect(message).toContain('row 2 (line 3), field "value": must be a number');
        expect(message).toContain(
          'row 3 (line 4), field "district": no district with id "atlantis"',
        );

        server.invalidate();
        expect(await metricsOf(server)).toEqual(before);
        expect(await server.repository.datasetVersion()).toBe(versionBefore);
      });
    });

    test('rows that contradict the data are rejected: unknown source, reporter not of that source', async () => {
      await withServer(backend, async (server) => {
        const before = await metricsOf(server);
        const path = await file(
          'refs.json',
          JSON.stringify([
            { metric: 'public-receptions', value: 1, source: 'no-such-source' },
            { metric: 'public-receptions', value: 1, reporter: 'nobody' },
            { metric: 'public-receptions', value: 1, period: '2024', verification: 'verified' },
            { metric: 'public-receptions', value: 1, sample: true },
            { value: 1, extra: 'x' },
          ]),
        );
        const error = (await importFile(server.repository, path).catch(
          (e: unknown) => e,
        )) as ImportError;
        expect(error).toBeInstanceOf(ImportError);
        expect(error.issues.map(({ row, field }) => `${row}:${field}`)).toEqual([
          '1:source',
          '2:reporter',
          '3:verification',
          '4:sample',
          '5:metric',
          '5:extra',
        ]);
        expect(error.issues[4]?.message).toBe('is required');
        expect(await metricsOf(server)).toEqual(before);
      });
    });
  });
}
