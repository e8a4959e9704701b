// @vitest-environment node
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { initiativeListSchema } from '../src/contract/initiatives';
import { metricListSchema } from '../src/contract/metrics';
import { openDataTableNames } from '../src/contract/open-data';
import { regionSchema } from '../src/contract/region';
import { sourceListSchema } from '../src/contract/sources';
import { datasetTables } from '../src/open-data/tables';
import { startTestServer, type TestServer } from './test-support';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('sqlite');
});
afterAll(() => server?.stop());

const get = (path: string) => fetch(`${server.url}${path}`);

/**
 * The required structure of Data Package v2.0 (datapackage.org/profiles/2.0/datapackage.json and
 * the Data Resource and Table Schema profiles it refers to), written out here because the
 * profiles cannot be fetched offline.
 */
const posixPath = z
  .string()
  .regex(/^((?=[^./~])(?!file:)((?!\/\.\.\/)(?!\\)(?!:\/\/).)*|(http|ftp)s?:\/\/.*)$/);
const fieldTypes = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'list',
  'date',
  'time',
  'datetime',
  'year',
  'yearmonth',
  'duration',
  'geopoint',
  'geojson',
  'any',
] as const;
const tableSchemaV2 = z.object({
  fields: z
    .array(
      z.object({
        name: z.string().min(1),
        type: z.enum(fieldTypes),
        description: z.string().optional(),
        constraints: z
          .object({
            required: z.boolean().optional(),
            enum: z.array(z.unknown()).min(1).optional(),
            pattern: z.string().optional(),
          })
          .optional(),
      }),
    )
    .min(1),
  missingValues: z.array(z.string()).optional(),
  primaryKey: z.array(z.string()).min(1).optional(),
});
const dataPackageV2 = z.object({
  $schema: z.literal('https://datapackage.org/profiles/2.0/datapackage.json'),
  name: z.string().regex(/^[a-z0-9._-]+$/),
  title: z.string().optional(),
  version: z.string().optional(),
  created: z.iso.datetime(),
  licenses: z
    .array(
      z
        .object({
          name: z
            .string()
            .regex(/^([-a-zA-Z0-9._])+$/)
            .optional(),
          path: posixPath.optional(),
          title: z.string().optional(),
        })
        .refine((l) => l.name || l.path),
    )
    .min(1),
  sources: z
    .array(
      z
        .object({ title: z.string().optional(), path: posixPath.optional() })
        .refine((s) => Object.keys(s).length > 0),
    )
    .optional(),
  resources: z
    .array(
      z.object({
        name: z.string().regex(/^[a-z0-9._-]+$/),
        path: posixPath,
        type: z.literal('table').optional(),
        format: z.string().optional(),
        mediatype: z
          .string()
          .regex(/^(.+)\/(.+)$/)
          .optional(),
        encoding: z.string().optional(),
        schema: tableSchemaV2,
      }),
    )
    .min(1),
});
type DataPackage = z.infer<typeof dataPackageV2>;

/** RFC 4180 as src/lib/csv.ts writes it: quotes around cells with , " or line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
  }
  return rows;
}

async function dataPackage(): Promise<DataPackage> {
  const response = await get('/data/datapackage.json');
  expect(response.status).toBe(200);
  return dataPackageV2.parse(await response.json());
}

async function apiDataset() {
  const json = async (path: string) => (await get(path)).json() as Promise<unknown>;
  return {
    region: regionSchema.parse(await json('/api/v1/region')),
    initiatives: initiativeListSchema.parse(await json('/api/v1/initiatives')),
    metrics: metricListSchema.parse(await json('/api/v1/metrics')),
    sources: sourceListSchema.parse(await json('/api/v1/sources')),
  };
}

describe('bulk download (/data)', () => {
  test('datapackage.json follows Data Package v2: CC BY 4.0, the date, a table schema for every table', async () => {
    const pkg = await dataPackage();
    expect(pkg.licenses[0]?.name).toBe('CC-BY-4.0');
    expect(pkg.sources?.length).toBeGreaterThan(0);
    expect(pkg.resources.map((r) => r.name)).toEqual(
      openDataTableNames.flatMap((n) => [n, `${n}-json`]),
    );
    for (const resource of pkg.resources) {
      for (const field of resource.schema.fields)
        expect(field.description, `${resource.name}.${field.name}`).toMatch(/\w{3}/);
    }
  });

  test('every CSV has a BOM, the schema’s columns, and cells of each field’s type', async () => {
    const pkg = await dataPackage();
    for (const resource of pkg.resources.filter((r) => r.format === 'csv')) {
      const response = await get(`/data/${resource.path}`);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)], `${resource.path} starts with a BOM`).toEqual([
        0xef, 0xbb, 0xbf,
      ]);
      const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes.slice(3)));
      const fields = resource.schema.fields;
      expect(header).toEqual(fields.map((f) => f.name));
      expect(rows.length, resource.path).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).toHaveLength(fields.length);
        fields.forEach((field, i) => {
          const cell = row[i] ?? '';
          const where = `${resource.path} ${field.name}=${JSON.stringify(cell)}`;
          if (cell === '') return expect(field.constraints?.required, where).not.toBe(true);
          if (field.type === 'number') expect(Number.isFinite(Number(cell)), where).toBe(true);
          if (field.type === 'boolean') expect(['true', 'false'], where).toContain(cell);
          if (field.type === 'date') expect(cell, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (field.constraints?.enum) expect(field.constraints.enum, where).toContain(cell);
          if (field.constraints?.pattern)
            expect(cell, where).toMatch(new RegExp(field.constraints.pattern));
        });
      }
    }
  });

  test('the rows are what the API serves', async () => {
    const expected = datasetTables(await apiDataset());
    const served = await (await get('/data/figures.json')).json();
    expect(served).toEqual(expected.figures);
    for (const name of openDataTableNames) {
      const rows = parseCsv(
        new TextDecoder().decode(
          new Uint8Array(await (await get(`/data/${name}.csv`)).arrayBuffer()).slice(3),
        ),
      );
      expect(rows.length - 1, name).toBe(expected[name].length);
      expect(await (await get(`/data/${name}.json`)).json(), name).toEqual(expected[name]);
    }
    const figures = parseCsv(
      new TextDecoder().decode(
        new Uint8Array(await (await get('/data/figures.csv')).arrayBuffer()).slice(3),
      ),
    );
    const [header = [], ...rows] = figures;
    const at = (name: string) => header.indexOf(name);
    for (const metric of (await apiDataset()).metrics) {
      const row = rows.find((r) => r[at('metric_id')] === metric.id);
      expect(row?.[at('value')], metric.id).toBe(metric.value === null ? '' : String(metric.value));
      expect(row?.[at('sample')]).toBe(String(metric.sample));
      expect(row?.[at('label_kk')]).toBe(metric.label.kk);
    }
  });

  test('the ZIP holds every file, byte for byte', async () => {
    const response = await get('/data/ashyq-data.zip');
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('ashyq-data.zip');
    const zip = Buffer.from(await response.arrayBuffer());
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const names: string[] = [];
    for (let i = 0; i < count; i += 1) {
      expect(zip.readUInt32LE(at)).toBe(0x02014b50);
      const compressed = zip.readUInt32LE(at + 20);
      const size = zip.readUInt32LE(at + 24);
      const nameLength = zip.readUInt16LE(at + 28);
      const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      const local = zip.readUInt32LE(at + 42);
      const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const contents = inflateRawSync(zip.subarray(dataStart, dataStart + compressed));
      expect(contents.length, name).toBe(size);
      const file = Buffer.from(
        await (await get(`/data/${name.replace('ashyq-data/', '')}`)).arrayBuffer(),
      );
      if (!name.endsWith('datapackage.json')) expect(contents.equals(file), name).toBe(true);
      names.push(name);
      at += 46 + nameLength;
    }
    expect(names).toEqual(
      expect.arrayContaining([
        'ashyq-data/datapackage.json',
        'ashyq-data/figures.csv',
        'ashyq-data/README.txt',
      ]),
    );
  });

  test('an unknown file is a plain 404', async () => {
    const response = await get('/data/nothing.csv');
    expect(response.status).toBe(404);
    expect((await get('/data/../api/v1/region')).status).not.toBe(500);
  });
});
