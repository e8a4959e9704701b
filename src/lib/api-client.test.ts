import { http, HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { z } from 'zod/mini';
import { server } from '@mocks/node';
import { ApiError, apiGet, apiSend, retryAfterSeconds } from './api-client';
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

test('apiSend posts JSON with the session cookie and parses the answer', async () => {
  let seen: {
    method: string;
    type: string | null;
    credentials: RequestCredentials;
    body: unknown;
  } | null = null;
  server.use(
    http.post(`*${path}`, async ({ request }) => {
      seen = {
        method: request.method,
        type: request.headers.get('Content-Type'),
        credentials: request.credentials,
        body: await request.json(),
      };
      return HttpResponse.json({ answer: 7 });
    }),
  );
  await expect(apiSend('POST', path, { name: 'a' }, schema)).resolves.toEqual({ answer: 7 });
  expect(seen).toEqual({
    method: 'POST',
    type: 'application/json',
    credentials: 'same-origin',
    body: { name: 'a' },
  });
});

test('a refusal carries the contract code and the Retry-After wait', async () => {
  server.use(
    http.post(`*${path}`, () =>
      HttpResponse.json(
        { error: { code: 'throttled', message: 'Too many failed sign-ins.' } },
        { status: 429, headers: { 'Retry-After': '600' } },
      ),
    ),
  );
  await expect(apiSend('POST', path, {}, schema)).rejects.toMatchObject({
    kind: 'http',
    status: 429,
    code: 'throttled',
    retryAfter: 600,
    message: 'Too many failed sign-ins.',
  });
});

test('Retry-After is read as seconds or as a date', () => {
  const now = Date.parse('2026-12-02T06:00:00Z');
  expect(retryAfterSeconds('120', now)).toBe(120);
  expect(retryAfterSeconds('Wed, 02 Dec 2026 06:05:00 GMT', now)).toBe(300);
  expect(retryAfterSeconds(null, now)).toBeNull();
  expect(retryAfterSeconds('soon', now)).toBeNull();
});
