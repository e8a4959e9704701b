import { z } from 'zod/mini';
import {
  type OpenDataTable,
  openDataTableNames,
  openDataTables,
  primaryKeys,
} from '@/contract/open-data';
import { toCsv } from '@/lib/csv';
import { datasetTables, type Dataset, type Row } from './tables';

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export { ZIP_NAME } from './datapackage-names';

type JsonSchema = Record<string, unknown>;

export interface TableField {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date';
  description: string;
  constraints: { required?: boolean; enum?: unknown[]; pattern?: string };
}

/** One column's Table Schema field, from the JSON Schema zod writes for it. */
function fieldOf(
  name: string,
  schema: JsonSchema,
  required: boolean,
  description: string,
): TableField {
  const options = (schema.anyOf as JsonSchema[] | undefined)?.filter((s) => s.type !== 'null') ?? [
    schema,
  ];
  const main = options[0] ?? {};
  const types = ([] as unknown[]).concat(main.type ?? 'string').filter((t) => t !== 'null');
  const nullable =
    !required ||
    schema.anyOf !== undefined ||
    ([] as unknown[]).concat(schema.type).includes('null');
  const type =
    main.format === 'date'
      ? 'date'
      : types[0] === 'number' || types[0] === 'boolean'
        ? types[0]
        : 'string';
  const constraints: TableField['constraints'] = {};
  if (!nullable) constraints.required = true;
  if (Array.isArray(main.enum)) constraints.enum = main.enum;
  if (typeof main.pattern === 'string') constraints.pattern = main.pattern;
  return { name, type, description, constraints };
}

/** A table's Table Schema, generated from its zod schema; descriptions come from `describe`. */
export function tableSchema(
  name: OpenDataTable,
  describe: (table: OpenDataTable, column: string) => string,
) {
  const json = z.toJSONSchema(openDataTables[name]) as JsonSchema;
  const properties = json.properties as Record<string, JsonSchema>;
  const required = new Set((json.required as string[] | undefined) ?? []);
  return {
    fields: Object.entries(properties).map(([column, schema]) =>
      fieldOf(column, schema, required.has(column), describe(name, column)),
    ),
    missingValues: [''],
    primaryKey: primaryKeys[name],
  };
}

export interface PackageOptions {
  /** The dataset's version (it changes with every import). */
  version: string;
  /** When the package was generated (ISO date-time). */
  created: string;
  /** English descriptions of tables and columns (the /data page has all three languages). */
  describe: (table: OpenDataTable, column: string) => string;
  describeTable: (table: OpenDataTable) => string;
  /** Each source's own terms, by source id. */
  sourceTerms: (sourceId: string) => string;
}

/** CSV cells: booleans as true/false (Table Schema's defaults), null as an empty cell. */
const csvCell = (v: Row[string]) => (typeof v === 'boolean' ? String(v) : v);

/**
 * The bulk download: a Frictionless Data Package v2 (datapackage.json) with each table as CSV
 * (UTF-8 with BOM, the rules of src/lib/csv.ts) and as JSON. Returns file name -> contents.
 */
export function dataPackageFiles(data: Dataset, options: PackageOptions): Map<string, string> {
  const tables = datasetTables(data);
  const files = new Map<string, string>();
  const resources = openDataTableNames.flatMap((name) => {
    const schema = tableSchema(name, options.describe);
    const header = schema.fields.map((f) => f.name);
    files.set(
      `${name}.csv`,
      toCsv(
        header,
        tables[name].map((row) => header.map((h) => csvCell(row[h] ?? null))),
      ),
    );
    files.set(`${name}.json`, `${JSON.stringify(tables[name], null, 2)}\n`);
    const description = options.describeTable(name);
    return [
      {
        name,
        type: 'table',
        path: `${name}.csv`,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        title: name,
        description,
        dialect: { header: true, delimiter: ',', lineTerminator: '\r\n' },
        schema,
      },
      {
        name: `${name}-json`,
        type: 'table',
        path: `${name}.json`,
        format: 'json',
        mediatype: 'application/json',
        encoding: 'utf-8',
        title: `${name} (JSON)`,
        description: `${description} The rows of ${name}.csv as an array of objects.`,
        schema,
      },
    ];
  });
  const descriptor = {
    $schema: DATA_PACKAGE_PROFILE,
    name: 'ashyq-kyzylorda',
    title: 'Ashyq: anti-corruption and transparency figures of Kyzylorda region',
    description:
      'Every figure on the Ashyq dashboard with its source, reporter and verification. ' +
      'sample = invented for demonstration (no source reported it); derived = worked out from the source. ' +
      'The hearing figures carry no date (as_of is empty) because the source gives none; "created" is when this package was generated.',
    version: options.version,
    created: options.created,
    keywords: ['Kyzylorda', 'anti-corruption', 'transparency', 'open data'],
    licenses: [
      {
        name: 'CC-BY-4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
        title:
          'Creative Commons Attribution 4.0 (the Ashyq compilation; each source keeps its own terms)',
      },
    ],
    sources: data.sources.map((s) => ({
      title: `${s.publication.name.en}: ${s.title.en}`,
      ...(s.publication.url ? { path: s.publication.url } : {}),
      description: options.sourceTerms(s.id),
    })),
    resources,
  };
  files.set('datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`);
  return files;
}
