// @vitest-environment node
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiErrorBodySchema } from '../src/contract/common';
import { endpoints } from '../src/contract/endpoints';
import { initiativeDetailSchema, initiativeListSchema } from '../src/contract/initiatives';
import { metricListSchema } from '../src/contract/metrics';
import { regionSchema } from '../src/contract/region';
import { sourceListSchema, sourceSchema } from '../src/contract/sources';
import { initiatives } from '../mocks/fixtures/initiatives';
import { metrics } from '../mocks/fixtures/metrics';
import { region } from '../mocks/fixtures/region';
import { sources } from '../mocks/fixtures/sources';
import {
  announceSkippedBackends,
  backends,
  isAvailable,
  rawGet,
  startTestServer,
  type TestServer,
} from './test-support';

announceSkippedBackends('server/api.test.ts');

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`API on ${backend}`, () => {
    // One seeded server for the read-only tests of this file; import tests get their own.
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(backend);
    });
    afterAll(() => server?.stop());

    const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);
    const json = async (path: string) => {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      return (await response.json()) as unknown;
    };
    const expectError = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      const body = apiErrorBodySchema.parse(await response.json());
      expect(body.error.code).toBe(code);
      expect(response.headers.get('cache-control')).toBe('no-store');
      return body.error.message;
    };

    test('GET /region is the seeded region, in the contract', async () => {
      expect(regionSchema.parse(await json(endpoints.region))).toEqual(region);
    });

    test('GET /initiatives lists every initiative in fixture order', async () => {
      expect(initiativeListSchema.parse(await json(endpoints.initiatives))).toEqual(initiatives);
    });

    test('GET /initiatives/:id returns each programme with its figures', async () => {
      for (const initiative of initiatives) {
        const body = initiativeDetailSchema.parse(await json(endpoints.initiative(initiative.id)));
        expect(body).toEqual({
          initiative,
          metrics: metrics.filter((m) => m.initiativeId === initiative.id),
        });
      }
    });

    test('GET /initiatives/:id answers 404 in JSON for an unknown id', async () => {
      const message = await expectError(
        await get(endpoints.initiative('no-such')),
        404,
        'not_found',
      );
      expect(message).toBe('No initiative with id "no-such".');
    });

    test('GET /metrics returns every figure with its flags, series and breakdown', async () => {
      const body = metricListSchema.parse(await json(endpoints.metrics));
      expect(body).toEqual(metrics);
      expect(
        body.find((m) => m.id === 'open-dialogue-answers')?.series.every((p) => p.sample),
      ).toBe(true);
      expect(body.find((m) => m.id === 'service-open-akimat-centres')?.derived).toBe(true);
    });

    test('GET /metrics filters by initiative, by district and by both, like the mock', async () => {
      const cases: [string, (m: (typeof metrics)[number]) => boolean][] = [
        ['?initiative=open-space', (m) => m.initiativeId === 'open-space'],
        ['?district=aral', (m) => m.breakdown.some((e) => e.districtId === 'aral')],
        [
          '?initiative=service-open-akimat&district=kazaly',
          (m) =>
            m.initiativeId === 'service-open-akimat' &&
            m.breakdown.some((e) => e.districtId === 'kazaly'),
        ],
        ['?initiative=no-such-programme', () => false],
        ['?unknown=ignored', () => true],
      ];
      for (const [query, keep] of cases) {
        expect(await json(`${endpoints.metrics}${query}`), query).toEqual(metrics.filter(keep));
      }
    });

    test('GET /metrics answers 400 in JSON for a bad parameter', async () => {
      for (const query of ['?initiative=Open_Space', '?district=', '?district=a%20b']) {
        const message = await expectError(
          await get(`${endpoints.metrics}${query}`),
          400,
          'bad_request',
        );
        expect(message, query).toMatch(
          /^Invalid query: (initiative|district): must be a lower-case slug$/,
        );
      }
    });

    test('GET /sources and /sources/:id return the hearing; unknown ids are a JSON 404', async () => {
      expect(sourceListSchema.parse(await json(endpoints.sources))).toEqual(sources);
      const [first] = sources;
      expect(first).toBeDefined();
      if (first) expect(sourceSchema.parse(await json(endpoints.source(first.id)))).toEqual(first);
      const message = await expectError(await get(endpoints.source('nope')), 404, 'not_found');
      expect(message).toBe('No source with id "nope".');
    });

    test('unknown /api paths and methods answer a JSON 404, never the SPA', async () => {
      for (const path of [
        '/api/v1/nope',
        '/api/v2/region',
        '/api',
        '/api/',
        '/api/v1/region/extra',
      ]) {
        const message = await expectError(await get(path), 404, 'not_found');
        expect(message).toBe(`No endpoint ${path}.`);
      }
      await expectError(await get(endpoints.region, { method: 'POST' }), 404, 'not_found');
      await expectError(await get(endpoints.metrics, { method: 'DELETE' }), 404, 'not_found');
    });

    test('answers carry an ETag and Cache-Control; If-None-Match gives 304 with no body', async () => {
      const first = await get(endpoints.metrics);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^W\/"[\w-]+"$/);
      expect(first.headers.get('cache-control')).toBe('public, no-cache');
      expect(first.headers.get('vary')).toBe('Accept-Encoding');

      const again = await get(endpoints.metrics, { headers: { 'If-None-Match': etag ?? '' } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('public, no-cache');

      const listed = await get(endpoints.metrics, {
        headers: { 'If-None-Match': `"x", ${etag ?? ''}` },
      });
      expect(listed.status).toBe(304);
      const other = await get(endpoints.metrics, { headers: { 'If-None-Match': 'W/"stale"' } });
      expect(other.status).toBe(200);
      // Each resource and each filter has its own tag.
      const filtered = await get(`${endpoints.metrics}?initiative=open-space`);
      expect(filtered.headers.get('etag')).not.toBe(etag);
    });

    test('bodies are gzipped for clients that take gzip, and the same JSON otherwise', async () => {
      const plain = await rawGet(`${server.url}${endpoints.initiatives}`);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const zipped = await rawGet(`${server.url}${endpoints.initiatives}`, {
        'Accept-Encoding': 'br;q=1, gzip;q=0.8',
      });
      expect(zipped.status).toBe(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength / 2);
      expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
      expect(zipped.headers.etag).toBe(plain.headers.etag);

      const refused = await rawGet(`${server.url}${endpoints.initiatives}`, {
        'Accept-Encoding': 'gzip;q=0',
      });
      expect(refused.headers['content-encoding']).toBeUndefined();
    });

    test('the API answers without a built dashboard: other paths are a plain 404', async () => {
      const response = await get('/initiatives/open-space');
      expect(response.status).toBe(404);
    });
  });
}
