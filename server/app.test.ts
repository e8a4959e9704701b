// @vitest-environment node
import { expect, test, vi } from 'vitest';
import { apiErrorBodySchema } from '../src/contract/common';
import { createApp } from './app';
import { DatasetVersion } from './http/dataset-version';
import { JsonCache } from './http/json-cache';
import { acceptsGzip, etagMatches } from './http/respond';
import type { Repository } from './repository';

function appOver(repository: Partial<Repository>) {
  const full = { datasetVersion: async () => 1, ...repository } as Repository;
  const cache = new JsonCache(new DatasetVersion(() => full.datasetVersion()));
  const logError = vi.fn();
  return { app: createApp({ repository: full, cache, distDir: null, logError }), logError };
}

test('an unexpected failure is logged and answered as a 500 JSON error without a stack', async () => {
  const failure = new Error('database on fire at /secret/path.ts:12');
  const { app, logError } = appOver({
    getRegion: () => Promise.reject(failure),
  });
  const response = await app.request('/api/v1/region');
  expect(response.status).toBe(500);
  const text = await response.text();
  expect(apiErrorBodySchema.parse(JSON.parse(text)).error.code).toBe('internal');
  expect(text).not.toMatch(/fire|secret|\bat\b.*:\d+/);
  expect(logError).toHaveBeenCalledWith(failure, expect.any(Request));
});

test('a response that breaks the contract is a 500, not bad data', async () => {
  const { app, logError } = appOver({
    // The repository parses with the contract; a parse failure surfaces as this error.
    listSources: () => Promise.reject(new Error('sources[0].id: must be a lower-case slug')),
  });
  const response = await app.request('/api/v1/sources');
  expect(response.status).toBe(500);
  expect(logError).toHaveBeenCalledOnce();
});

test('a failed read is not cached: the next request tries again', async () => {
  const region = { id: 'r', name: { kk: 'a', ru: 'b', en: 'c' }, districts: [] };
  const getRegion = vi
    .fn<Repository['getRegion']>()
    .mockRejectedValueOnce(new Error('blip'))
    .mockResolvedValue(region);
  const { app } = appOver({ getRegion });
  expect((await app.request('/api/v1/region')).status).toBe(500);
  expect(await (await app.request('/api/v1/region')).json()).toEqual(region);
  await app.request('/api/v1/region');
  expect(getRegion).toHaveBeenCalledTimes(2);
});

test('the dataset version is re-read after its max age, so other processes\u2019 imports show', async () => {
  let version = 1;
  const read = vi.fn(async () => version);
  const current = new DatasetVersion(read, 0);
  const before = await current.current();
  version = 2;
  await new Promise((resolve) => setTimeout(resolve, 2));
  expect(await current.current()).not.toBe(before);
  const cached = new DatasetVersion(read, 60_000);
  const first = await cached.current();
  version = 3;
  expect(await cached.current()).toBe(first);
  cached.bump();
  expect(await cached.current()).not.toBe(first);
});

test('If-None-Match and Accept-Encoding are read as HTTP says', () => {
  expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true);
  expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
  expect(etagMatches('"x", W/"abc"', 'W/"abc"')).toBe(true);
  expect(etagMatches('*', 'W/"abc"')).toBe(true);
  expect(etagMatches('"abcd"', 'W/"abc"')).toBe(false);
  expect(etagMatches(null, 'W/"abc"')).toBe(false);
  expect(acceptsGzip('gzip, deflate, br')).toBe(true);
  expect(acceptsGzip('br, *;q=0.1')).toBe(true);
  expect(acceptsGzip('*, gzip;q=0')).toBe(false);
  expect(acceptsGzip('identity')).toBe(false);
  expect(acceptsGzip(null)).toBe(false);
});
