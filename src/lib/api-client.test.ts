import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { z } from 'zod';
import { server } from '@mocks/node';
import { ApiError, apiGet } from './api-client';
import { shouldRetry } from './query-client';

const schema = z.object({ answer: z.number() });
const path = '/api/v1/test-resource';

test('parses a good response with the contract', async () => {
  server.use(http.get(`*${path}`, () => HttpResponse.json({ answer: 42 })));
  await expect(apiGet(path, schema)).resolves.toEqual({ answer: 42 });
});

test('a response of the wrong shape is a malformed error naming the endpoint', async () => {
  server.use(http.get(`*${path}`, () => HttpResponse.json({ answer: 'forty-two' })));
  const error = await apiGet(path, schema).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect(error).toMatchObject({ kind: 'malformed', endpoint: path });
});

test('a body that is not JSON is malformed too', async () => {
  server.use(http.get(`*${path}`, () => new HttpResponse('<html>', { status: 200 })));
  await expect(apiGet(path, schema)).rejects.toMatchObject({ kind: 'malformed' });
});

test('a 404 carries the server’s message', async () => {
  server.use(
    http.get(`*${path}`, () =>
      HttpResponse.json(
        { error: { code: 'not_found', message: 'No such thing.' } },
        { status: 404 },
      ),
    ),
  );
  await expect(apiGet(path, schema)).rejects.toMatchObject({
    kind: 'not-found',
    status: 404,
    message: 'No such thing.',
  });
});

test('a server error and a network failure are told apart', async () => {
  server.use(http.get(`*${path}`, () => new HttpResponse(null, { status: 503 })));
  await expect(apiGet(path, schema)).rejects.toMatchObject({ kind: 'http', status: 503 });
  server.use(http.get(`*${path}`, () => HttpResponse.error()));
  await expect(apiGet(path, schema)).rejects.toMatchObject({ kind: 'network' });
});

test('query parameters are sent, undefined ones left out', async () => {
  let seen = '';
  server.use(
    http.get(`*${path}`, ({ request }) => {
      seen = new URL(request.url).search;
      return HttpResponse.json({ answer: 1 });
    }),
  );
  await apiGet(path, schema, { params: { initiative: 'open-space', district: undefined } });
  expect(seen).toBe('?initiative=open-space');
});

test('retrying cannot fix a missing or unreadable resource', () => {
  expect(shouldRetry(0, new ApiError('not-found', path, ''))).toBe(false);
  expect(shouldRetry(0, new ApiError('malformed', path, ''))).toBe(false);
  expect(shouldRetry(0, new ApiError('network', path, ''))).toBe(true);
  expect(shouldRetry(2, new ApiError('network', path, ''))).toBe(false);
});
