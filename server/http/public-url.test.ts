// @vitest-environment node
import { Hono } from 'hono';
import { expect, test } from 'vitest';
import { publicOrigin } from './public-url';

test('links use PUBLIC_URL when it is set, whatever Host the client sent', async () => {
  const app = new Hono();
  const configured = new URL('https://figures.example.kz/base/');
  app.get('/a', (c) => c.text(publicOrigin(c, configured)));
  app.get('/b', (c) => c.text(publicOrigin(c, null)));
  expect(await (await app.request('/a', { headers: { Host: 'evil.example' } })).text()).toBe(
    'https://figures.example.kz',
  );
  expect(await (await app.request('http://localhost:4173/b')).text()).toBe('http://localhost:4173');
});
