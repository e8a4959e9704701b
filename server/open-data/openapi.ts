import { z } from 'zod';
import { apiErrorBodySchema, idSchema, localizedTextSchema } from '../../src/contract/common';
import { endpoints } from '../../src/contract/endpoints';
import {
  initiativeDetailSchema,
  initiativeListSchema,
  initiativeSchema,
} from '../../src/contract/initiatives';
import {
  breakdownEntrySchema,
  metricListSchema,
  metricSchema,
  seriesPointSchema,
} from '../../src/contract/metrics';
import { districtSchema, regionSchema } from '../../src/contract/region';
import {
  actorSchema,
  changePageSchema,
  changeSchema,
  evidenceSchema,
  metricHistorySchema,
  publicRevisionSchema,
  verificationRecordSchema,
} from '../../src/contract/revisions';
import { personSchema, sourceListSchema, sourceSchema } from '../../src/contract/sources';

/** An example answer of every endpoint (the fixtures: the hearing as the seed has it). */
export interface OpenApiExamples {
  region: unknown;
  initiatives: unknown;
  initiative: unknown;
  metrics: unknown;
  sources: unknown;
  source: unknown;
  history: unknown;
  changes: unknown;
}

/** The named schemas, in the order the reference lists them; the contract is the only source. */
const components = {
  LocalizedText: localizedTextSchema,
  District: districtSchema,
  Region: regionSchema,
  Initiative: initiativeSchema,
  InitiativeList: initiativeListSchema,
  InitiativeDetail: initiativeDetailSchema,
  SeriesPoint: seriesPointSchema,
  BreakdownEntry: breakdownEntrySchema,
  Metric: metricSchema,
  MetricList: metricListSchema,
  Person: personSchema,
  Source: sourceSchema,
  SourceList: sourceListSchema,
  Actor: actorSchema,
  Evidence: evidenceSchema,
  Verification: verificationRecordSchema,
  PublicRevision: publicRevisionSchema,
  MetricHistory: metricHistorySchema,
  Change: changeSchema,
  ChangePage: changePageSchema,
  Error: apiErrorBodySchema,
} as const;
export type ComponentName = keyof typeof components;

function componentSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` });
  // OpenAPI 3.1 takes draft 2020-12 schemas as they are; the per-schema $schema and $id only
  // repeat what the document says.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]),
  );
}

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });
const error = (description: string, code: string, message: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error'), example: { error: { code, message } } } },
});
const notModified = { description: 'Not modified: the ETag given in If-None-Match still holds.' };
const ok = (description: string, schema: ComponentName, example: unknown) => ({
  description,
  headers: { ETag: { description: 'Weak entity tag of this answer.', schema: { type: 'string' } } },
  content: { 'application/json': { schema: ref(schema), example } },
});
const idParameter = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `The ${what}'s id (a lower-case slug).`,
  schema: z.toJSONSchema(idSchema),
});
/** OpenAPI writes path parameters as {id}; the routes (Hono) as :id. */
export const openApiPath = (routePath: string): string => routePath.replace(/:(\w+)/g, '{$1}');
const internal = error(
  'The server failed; the failure is logged, the answer says no more.',
  'internal',
  'The server failed to answer this request.',
);

export const API_DOCS_PATH = '/api/docs';

/** GET an evidence file: the bytes, as a download (server/evidence/download.ts). */
function evidenceFileOperation() {
  const file = (type: string) => ({ schema: { type: 'string', contentMediaType: type } });
  const header = (description: string) => ({ description, schema: { type: 'string' } });
  return {
    get: {
      summary: 'An evidence file (PDF, PNG or JPEG) of a published figure or a verification',
      description:
        'The uploaded bytes, always as an attachment (`Content-Disposition` with the original name ' +
        'as RFC 6266 `filename` and UTF-8 `filename*`), with `X-Content-Type-Options: nosniff` and ' +
        '`Content-Security-Policy: sandbox`. Public once the file is attached to a published revision ' +
        'or a verification; before that, only to a signed-in account of its region. Its SHA-256 is in ' +
        'the revision that lists it, and in the strong ETag.',
      parameters: [
        {
          name: 'id',
          in: 'path',
          required: true,
          description: "The evidence file's id, as a revision or verification lists it.",
          schema: { type: 'string', minLength: 1 },
        },
      ],
      responses: {
        '200': {
          description: 'The file.',
          headers: {
            'Content-Disposition': header('attachment; filename="…"; filename*=UTF-8\'\'…'),
            ETag: header('"sha256-<hex>": the SHA-256 of the bytes.'),
            'Cache-Control': header('public, no-cache once public; private, no-store before.'),
          },
          content: {
            'application/pdf': file('application/pdf'),
            'image/png': file('image/png'),
            'image/jpeg': file('image/jpeg'),
          },
        },
        '304': notModified,
        '404': error(
          'No such file, or not public yet (the same answer).',
          'not_found',
          'No such evidence file.',
        ),
        '500': internal,
      },
    },
  };
}

/** The public API as OpenAPI 3.1, generated from the zod contract (never written by hand). */
export function openApiDocument(examples: OpenApiExamples): Record<string, unknown> {
  const get = (
    summary: string,
    responses: Record<string, unknown>,
    parameters: unknown[] = [],
  ) => ({
    get: { summary, parameters, responses: { ...responses, '304': notModified, '500': internal } },
  });
  const slug = (name: string, what: string) => ({
    name,
    in: 'query',
    required: false,
    description: `Only figures of this ${what} (a lower-case slug; the last one wins when repeated).`,
    schema: z.toJSONSchema(idSchema),
  });
  const page = () => ({
    name: 'page',
    in: 'query',
    required: false,
    description: 'The page, from 1.',
    schema: { type: 'integer', minimum: 1, default: 1 },
  });
  const pageSize = (max: number, fallback: number) => ({
    name: 'pageSize',
    in: 'query',
    required: false,
    description: 'Items a page.',
    schema: { type: 'integer', minimum: 1, maximum: max, default: fallback },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Ashyq API',
      version: '1',
      summary: "Kyzylorda region's anti-corruption and transparency figures, each with its source.",
      description:
        'Read-only JSON. Every figure names its source and reporter and says whether it was verified; ' +
        '`sample: true` marks data invented for demonstration, `derived: true` data worked out from the source. ' +
        'Answers carry a weak ETag and `Cache-Control: public, no-cache`. Errors are `{ "error": { "code", "message" } }`.',
      license: { name: 'CC BY 4.0 (the data)', identifier: 'CC-BY-4.0' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/', description: 'The server this document came from' }],
    paths: {
      [endpoints.region]: get('The region and its districts', {
        '200': ok('The region.', 'Region', examples.region),
      }),
      [endpoints.initiatives]: get('Every initiative', {
        '200': ok(
          'The initiatives, in the order of the hearing.',
          'InitiativeList',
          examples.initiatives,
        ),
      }),
      [openApiPath(`${endpoints.initiatives}/:id`)]: get(
        'One initiative with its figures',
        {
          '200': ok('The initiative and its figures.', 'InitiativeDetail', examples.initiative),
          '404': error('No initiative has this id.', 'not_found', 'No initiative with id "x".'),
        },
        [idParameter('initiative')],
      ),
      [endpoints.metrics]: get(
        'Figures, optionally filtered',
        {
          '200': ok('The figures that match.', 'MetricList', examples.metrics),
          '400': error(
            'A parameter is not a slug.',
            'bad_request',
            'Invalid query: initiative: must be a lower-case slug',
          ),
        },
        [
          slug('initiative', 'initiative'),
          slug('district', 'district (figures with an entry for it)'),
        ],
      ),
      [openApiPath(`${endpoints.metrics}/:id/history`)]: get(
        "A figure's published revisions, newest first",
        {
          '200': ok(
            'Every published revision: value, source, evidence, who entered and approved it, verification, log index.',
            'MetricHistory',
            examples.history,
          ),
          '404': error('No figure has this id.', 'not_found', 'No figure with id "x".'),
        },
        [idParameter('figure'), page(), pageSize(500, 100)],
      ),
      [endpoints.changes]: get(
        'Publications, corrections and verifications, newest first',
        { '200': ok('One page of the change list.', 'ChangePage', examples.changes) },
        [slug('initiative', 'initiative'), page(), pageSize(100, 20)],
      ),
      [endpoints.sources]: get('Every source', {
        '200': ok(
          'The sources, with event, people and publication.',
          'SourceList',
          examples.sources,
        ),
      }),
      [openApiPath(`${endpoints.sources}/:id`)]: get(
        'One source',
        {
          '200': ok('The source.', 'Source', examples.source),
          '404': error('No source has this id.', 'not_found', 'No source with id "x".'),
        },
        [idParameter('source')],
      ),
      [openApiPath(endpoints.evidenceFile(':id').replace(encodeURIComponent(':id'), ':id'))]:
        evidenceFileOperation(),
      [endpoints.openapi]: {
        get: {
          summary: 'This document',
          responses: {
            '200': {
              description: 'OpenAPI 3.1.',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
      [API_DOCS_PATH]: {
        get: {
          summary: 'This document as a readable page',
          responses: {
            '200': {
              description: 'HTML.',
              content: { 'text/html': { schema: { type: 'string' } } },
            },
          },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
}
