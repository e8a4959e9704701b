// @vitest-environment node
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiErrorBodySchema } from '../src/contract/common';
import { createApp } from './app';
import { DatasetVersion } from './http/dataset-version';
import { JsonCache } from './http/json-cache';
import { prepareDatabase, type PreparedDatabase } from './start';

/*
 * Every API entry point, with any query and any path: a JSON answer, a 4xx with the contract's
 * error body naming what is wrong, never a 5xx; and the data is the same afterwards.
 */
let dir = '';
let prepared: PreparedDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ashyq-api-prop-'));
  prepared = await prepareDatabase({ kind: 'sqlite', file: join(dir, 'ashyq.sqlite') });
  const repository = prepared.repository;
  app = createApp({
    repository,
    cache: new JsonCache(new DatasetVersion(() => repository.datasetVersion())),
    distDir: null,
    logError: (error) => {
      throw error;
    },
  });
});
afterAll(async () => {
  await prepared.repository.close();
  await rm(dir, { recursive: true, force: true });
});

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    'aral',
    'public-services-automation',
    'open-space',
    'ARAL',
    'aral ',
    '__proto__',
    '%',
    '%zz',
    '..',
    '',
  ),
);
const query = fc.array(
  fc.tuple(fc.constantFrom('initiative', 'district', 'lang', 'x', 'initiative[]', ''), text),
  {
    maxLength: 5,
  },
);
const endpoint = fc.constantFrom(
  '/api/v1/metrics',
  '/api/v1/initiatives',
  '/api/v1/region',
  '/api/v1/sources',
);

/** A 2xx with JSON, or a 4xx with the contract's error body; returns the error's message. */
async function expectClearAnswer(response: Response): Promise<string> {
  expect(response.status).toBeLessThan(500);
  const body: unknown = await response.json();
  if (response.status < 400) return '';
  const { message } = apiErrorBodySchema.parse(body).error;
  expect(message.length).toBeGreaterThan(0);
  return message;
}

test('any query on any list endpoint: the figures, or a 400 naming the parameter', async () => {
  await fc.assert(
    fc.asyncProperty(endpoint, query, async (path, params) => {
      const search = new URLSearchParams(params).toString();
      const response = await app.request(`${path}?${search}`);
      const message = await expectClearAnswer(response);
      if (response.status === 400) expect(message).toMatch(/initiative|district/);
    }),
    { numRuns: 300 },
  );
});

test('any id and any path under /api: the resource, or a JSON 4xx', async () => {
  const segment = fc.oneof(text, fc.constantFrom('initiatives', 'sources', 'metrics', 'v1', 'v2'));
  await fc.assert(
    fc.asyncProperty(
      fc.array(
        segment.map((s) => encodeURIComponent(s)),
        { minLength: 1, maxLength: 4 },
      ),
      fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'),
      async (segments, method) => {
        const path = `/api/${segments.join('/')}`;
        const response = await app.request(path, { method });
        expect(response.status).toBeLessThan(500);
        // `..` segments can lead out of /api once the URL is resolved: then it is not the API's.
        const stillApi = new URL(path, 'http://x').pathname.startsWith('/api');
        if (method !== 'HEAD' && stillApi) await expectClearAnswer(response);
      },
    ),
    { numRuns: 300 },
  );
  for (const resource of ['initiatives', 'sources']) {
    await fc.assert(
      fc.asyncProperty(text, async (id) => {
        await expectClearAnswer(await app.request(`/api/v1/${resource}/${encodeURIComponent(id)}`));
      }),
      { numRuns: 100 },
    );
  }
});

test('any JSON body sent to the API is refused without a 5xx and writes nothing', async () => {
  const before = await prepared.repository.datasetVersion();
  await fc.assert(
    fc.asyncProperty(
      endpoint,
      fc.constantFrom('POST', 'PUT', 'PATCH', 'DELETE'),
      fc.json(),
      async (path, method, body) => {
        const response = await app.request(path, {
          method,
          body,
          headers: { 'Content-Type': 'application/json' },
        });
        await expectClearAnswer(response);
        expect(response.status).toBeGreaterThanOrEqual(400);
      },
    ),
    { numRuns: 200 },
  );
  expect(await prepared.repository.datasetVersion()).toBe(before);
});
