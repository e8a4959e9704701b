// @vitest-environment node
import { createHash } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { apiErrorBodySchema } from '../src/contract/common';
import { initiativeDetailSchema, initiativeListSchema } from '../src/contract/initiatives';
import { metricListSchema } from '../src/contract/metrics';
import { regionSchema } from '../src/contract/region';
import { sourceListSchema, sourceSchema } from '../src/contract/sources';
import { apiRoutes } from './http/api';
import { DatasetVersion } from './http/dataset-version';
import { JsonCache } from './http/json-cache';
import { openApiPath } from './open-data/openapi';
import { startTestServer, type TestServer } from './test-support';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer('sqlite');
});
afterAll(() => server?.stop());

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' ? (v as Json) : {});
const fetchDocument = async (): Promise<Json> => {
  const response = await fetch(`${server.url}/api/v1/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return obj(await response.json());
};

/** The management API (accounts, sessions, administration) is not part of the public document. */
const isPublic = (path: string) => !/^\/api\/v1\/(auth|admin)(\/|$)/.test(path);

describe('OpenAPI description', () => {
  test('GET /api/v1/openapi.json is a valid OpenAPI 3.1 document', async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  test('every public route of the API router is described, with its method', async () => {
    const doc = await fetchDocument();
    const paths = obj(doc.paths);
    const router = apiRoutes(server.repository, new JsonCache(new DatasetVersion(async () => 1)));
    const routes = router.routes.filter((r) => r.method !== 'ALL' && isPublic(r.path));
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const missing = routes
      .filter((r) => !obj(paths[openApiPath(r.path)])[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
    // And nothing described that the router lacks.
    const routed = new Set(routes.map((r) => openApiPath(r.path)));
    expect(Object.keys(paths).filter((p) => !routed.has(p))).toEqual([]);
  });

  test('every example answer parses with the contract schema it is documented with', async () => {
    const doc = await fetchDocument();
    const contract: Record<string, z.core.$ZodType> = {
      Region: regionSchema,
      InitiativeList: initiativeListSchema,
      InitiativeDetail: initiativeDetailSchema,
      MetricList: metricListSchema,
      SourceList: sourceListSchema,
      Source: sourceSchema,
      Error: apiErrorBodySchema,
    };
    let checked = 0;
    for (const [path, item] of Object.entries(obj(doc.paths))) {
      for (const [status, response] of Object.entries(obj(obj(obj(item).get).responses))) {
        const media = obj(obj(obj(response).content)['application/json']);
        const name =
          String(obj(media.schema).$ref ?? '')
            .split('/')
            .at(-1) ?? '';
        if (!(name in contract)) continue;
        expect(media.example, `${path} ${status} has an example`).toBeDefined();
        const schema = contract[name];
        const parsed = schema ? z.safeParse(schema, media.example) : undefined;
        expect(parsed?.success, `${path} ${status} example is a ${name}`).toBe(true);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
  });

  test('the example answers are what the API serves on a fresh database', async () => {
    const doc = await fetchDocument();
    const example = (path: string) =>
      obj(obj(obj(obj(obj(obj(doc.paths)[path]).get).responses)['200']).content)[
        'application/json'
      ];
    for (const path of ['/api/v1/region', '/api/v1/metrics', '/api/v1/sources']) {
      const served = await (await fetch(`${server.url}${path}`)).json();
      expect(obj(example(path)).example, path).toEqual(served);
    }
  });

  test('every operation names its errors and a 200 answer', async () => {
    const doc = await fetchDocument();
    for (const [path, item] of Object.entries(obj(doc.paths))) {
      const responses = obj(obj(obj(item).get).responses);
      expect(Object.keys(responses), path).toContain('200');
    }
    const byId = obj(obj(obj(doc.paths)['/api/v1/initiatives/{id}']).get);
    expect(Object.keys(obj(byId.responses))).toEqual(expect.arrayContaining(['200', '404', '500']));
    const metrics = obj(obj(obj(doc.paths)['/api/v1/metrics']).get);
    expect(Object.keys(obj(metrics.responses))).toContain('400');
  });

  test('/api/docs is a readable page on our own origin that refuses framing', async () => {
    const response = await fetch(`${server.url}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // Its one inline stylesheet is allowed by hash, exactly.
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(html).toContain('<h1>Ashyq API</h1>');
    expect(html).toContain('/api/v1/initiatives/{id}');
    expect(html).not.toMatch(/<script|https?:\/\/(?!creativecommons)[^"']*\.(js|css)/);
  });
});
