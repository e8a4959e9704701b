import { screen, waitFor } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { server } from '@mocks/node';
import { renderRoute } from '../test-utils';

afterEach(() => server.events.removeAllListeners());

/**
 * The API requests a page makes, in the order they start, and how many had started when the first
 * answer came back. A page that asks in turn (each part suspending until the one above it has its
 * answer) starts some of them only after an answer: on a phone, a round trip each.
 */
function apiTraffic() {
  const started: string[] = [];
  let beforeFirstAnswer: number | null = null;
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/api/')) started.push(`${url.pathname}${url.search}`);
  });
  server.events.on('response:mocked', ({ request }) => {
    if (new URL(request.url).pathname.startsWith('/api/')) beforeFirstAnswer ??= started.length;
  });
  return { started, beforeFirstAnswer: () => beforeFirstAnswer };
}

test.each([
  [
    '/figures/services-automated?lang=en',
    [
      '/api/v1/metrics',
      '/api/v1/sources',
      '/api/v1/region',
      '/api/v1/metrics/services-automated/history?page=1&pageSize=500',
      '/api/v1/metrics/services-automated/history?page=1&pageSize=20',
    ],
  ],
  [
    '/changes?lang=en',
    [
      '/api/v1/changes?page=1&pageSize=20',
      '/api/v1/metrics',
      '/api/v1/sources',
      '/api/v1/initiatives',
    ],
  ],
  [
    '/initiatives/public-services-automation?lang=en',
    ['/api/v1/initiatives/public-services-automation', '/api/v1/sources'],
  ],
])('%s asks for everything it shows at once, not one answer after another', async (url, needs) => {
  const traffic = apiTraffic();
  renderRoute(url);
  await waitFor(() => expect(new Set(traffic.started)).toEqual(new Set(needs)));
  expect(traffic.beforeFirstAnswer()).toBe(needs.length);
  // And the page shows what it asked for.
  expect(await screen.findByRole('heading', { level: 1 })).toBeVisible();
});
