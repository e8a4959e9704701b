// @vitest-environment node
import { Hono } from 'hono';
import { expect, test } from 'vitest';
import { HtmlPolicies } from './csp';
import { frontDoor } from './front-door';
import { RateLimiter } from './rate-limit';

const policies = new HtmlPolicies(
  new Map([['api-docs.html', { scripts: ["'sha256-docs'"], styles: [] }]]),
);

function appWith(api: (path: string) => Response) {
  const app = new Hono();
  app.all(
    '*',
    frontDoor({
      ready: async () => 1,
      isApiPath: (path) => path.startsWith('/api'),
      security: { policies, publicHttps: false },
      rateLimiter: new RateLimiter(1),
      api: (c) => api(c.req.path),
      site: () => new Response('site'),
    }),
  );
  return app;
}

test('an HTML page under /api outside /api/v1 (the API docs) gets the page headers, CSP by its file', async () => {
  const app = appWith(
    () =>
      new Response('<h1>docs</h1>', { headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
  );
  const docs = await app.request('/api/docs.html');
  // A file the path does not name: the strictest policy, no inline code at all.
  expect(docs.headers.get('content-security-policy')).toBe(policies.headerFor('/api/docs.html'));
  expect(docs.headers.get('content-security-policy')).toContain("script-src 'self';");
  expect(docs.headers.get('x-content-type-options')).toBe('nosniff');
  const named = appWith(
    () =>
      new Response('<h1>docs</h1>', {
        headers: {
          'Content-Type': 'text/html',
          'Content-Security-Policy': policies.headerFor('/api/docs', 'api-docs.html'),
        },
      }),
  );
  // A handler that names its file keeps its own policy, with that file's hashes.
  expect((await named.request('/api/docs')).headers.get('content-security-policy')).toContain(
    "'sha256-docs'",
  );
});

test('a body over the limit is refused before any handler runs; the API limit spares /api/v1 revalidations only', async () => {
  let calls = 0;
  const app = appWith(() => {
    calls += 1;
    return new Response('{}', { headers: { 'Content-Type': 'application/json' } });
  });
  const big = await app.request('/api/v1/metrics', {
    method: 'POST',
    headers: { 'Content-Length': String(2 ** 21) },
  });
  expect(big.status).toBe(413);
  const bad = await app.request('/', { method: 'POST', headers: { 'Content-Length': 'lots' } });
  expect(bad.status).toBe(400);
  expect(calls).toBe(0);
  expect((await app.request('/api/v1/metrics')).status).toBe(200);
  expect((await app.request('/api/v1/metrics')).status).toBe(429);
});
