import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, expect, test } from 'vitest';
import { endpoints } from '@/contract/endpoints';
import type { Metric } from '@/contract/metrics';
import { forgetChecks } from '@/features/transparency/check/run-check';
import { formatLogEntry } from '@/transparency/entry';
import { metrics } from '@mocks/fixtures/metrics';
import { server } from '@mocks/node';
import { onAnyOrigin } from '@mocks/handlers/respond';
import { fakeLog, type FakeLog } from '../fake-log';
import { renderRoute } from '../test-utils';

/** The hearing's figures as a log's first entries, in catalogue order (as server/log does it). */
const hearingLog = () =>
  fakeLog(
    metrics.map((metric) =>
      formatLogEntry({
        kind: 'hearing',
        region: 'kyzylorda',
        figure: metric.id,
        revision: `hearing-${metric.id}`,
        value: metric.value,
        unit: metric.unit,
        total: metric.total,
        period: metric.asOf,
        district: metric.districtId,
        source: metric.sourceId,
        statedBy: metric.reporterId,
        evidence: [],
        enteredBy: null,
        approvedBy: null,
        verifiedBy: null,
        reason: null,
        corrects: null,
        time: '2026-01-01T00:00:00.000Z',
        previous: null,
      }),
    ),
  );

/** Serves the log, and figures that name their entries (the mock API itself keeps no log). */
function serve(log: FakeLog, change: (metric: Metric) => Metric = (metric) => metric) {
  server.use(
    http.get(onAnyOrigin('/log/*'), ({ request }) => log.fetch(request.url)),
    http.get(onAnyOrigin(endpoints.metrics), () =>
      HttpResponse.json(metrics.map((metric, index) => change({ ...metric, logIndex: index }))),
    ),
  );
}

beforeEach(() => {
  localStorage.clear();
  forgetChecks();
});

test('with the mock API the page says plainly that this server keeps no log', async () => {
  renderRoute('/transparency?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: 'Public log' })).toBeVisible();
  expect(await screen.findByText(/This server keeps no public log/)).toBeVisible();
  expect(
    screen.getByRole('heading', { name: 'What the log guarantees, and what it does not' }),
  ).toBeVisible();
  expect(screen.queryByRole('heading', { name: 'The log’s public key' })).toBeNull();
});

test('the page shows the log key, the latest checkpoint and the command to check it', async () => {
  const log = await hearingLog();
  serve(log);
  renderRoute('/transparency?lang=ru');
  expect(await screen.findByRole('heading', { name: 'Открытый ключ журнала' })).toBeVisible();
  const key = await log.verifierKey();
  expect(screen.getByText(key)).toBeVisible();
  const checkpoint = screen.getByRole('region', { name: 'Последняя контрольная точка' });
  expect(within(checkpoint).getByText('test.example/log')).toBeVisible();
  expect(within(checkpoint).getByText(String(metrics.length))).toBeVisible();
  expect(screen.getByText(/Этот браузер ещё не проверял журнал/)).toBeVisible();
  expect(screen.getByLabelText('Команда запуска монитора')).toHaveTextContent(
    `npm run verify-log -- http://localhost:3000 --key ${key} --state`,
  );
});

test('figure cards show their log entry and, once checked, that they are in the public log', async () => {
  serve(await hearingLog());
  renderRoute('/?lang=en');
  const services = await screen.findByRole('article', { name: 'Public services automated' });
  const index = metrics.findIndex((metric) => metric.id === 'services-automated');
  expect(await within(services).findByText('in the public log')).toBeVisible();
  expect(within(services).getByText(new RegExp(`Public log: entry ${index}`))).toBeVisible();
  expect(within(services).getByRole('link', { name: 'What this means' })).toHaveAttribute(
    'href',
    '/transparency?lang=en',
  );
  // The page then says what this browser remembers.
  renderRoute('/transparency?lang=en');
  expect(
    await screen.findByText(
      `This browser last checked the log when it held ${metrics.length} entries.`,
    ),
  ).toBeVisible();
});

test('a figure whose value differs from its log entry carries a warning, in the reader’s language', async () => {
  serve(await hearingLog(), (metric) =>
    metric.id === 'services-automated' ? { ...metric, value: 150 } : metric,
  );
  renderRoute('/?lang=kk');
  const services = await screen.findByRole('article', { name: /Автоматтандырылған/ });
  expect(await within(services).findByRole('alert')).toHaveTextContent(
    'Назар аударыңыз: бұл көрсеткіш ашық журналдағы өз жазбасынан өзгеше (мәні).',
  );
});

test('a forked log is a warning on the figures of a browser that saw the earlier tree', async () => {
  const log = await hearingLog();
  localStorage.setItem(
    'ashyq.log.checkpoint',
    JSON.stringify({ origin: 'test.example/log', size: log.size, root: btoa('x'.repeat(32)) }),
  );
  localStorage.setItem('ashyq.log.key', await log.verifierKey());
  serve(log);
  renderRoute('/?lang=en');
  const services = await screen.findByRole('article', { name: 'Public services automated' });
  expect(await within(services).findByRole('alert')).toHaveTextContent(
    /may have been forked or rewritten/,
  );
});
