import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { server } from '@mocks/node';
import { renderRoute } from '../test-utils';

test('the overview shows a card per hearing figure with its source, in English', async () => {
  renderRoute('/?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: /openness and anti-corruption/i })).toBeVisible();
  const cards = await screen.findAllByRole('article');
  expect(cards).toHaveLength(8);

  const services = screen.getByRole('article', { name: 'Public services automated' });
  expect(within(services).getByText('141')).toBeVisible();
  expect(within(services).getByText('141 of 173 public services in all (81.5%)')).toBeVisible();
  // Where it comes from, in one line: who reported it, unverified, the source, the history.
  expect(within(services).getByText(/Reported by Serik Akhmet, not independently verified/)).toBeVisible();
  expect(within(services).getByRole('link', { name: /Syr boyy/ })).toHaveAttribute(
    'href',
    '/sources?lang=en#syr-boyy-hearing',
  );
  expect(within(services).getByRole('link', { name: 'History: Public services automated' })).toHaveAttribute(
    'href',
    '/figures/services-automated?lang=en',
  );

  const offences = screen.getByRole('article', { name: 'Corruption-related offences' });
  expect(within(offences).getByText('\u221246%')).toBeVisible();
  expect(within(offences).getByText('Improvement')).toBeVisible();

  const commission = screen.getByRole('article', { name: 'Interdepartmental commission' });
  expect(within(commission).getByText('Works on a standing basis')).toBeVisible();

  const openSpace = screen.getByRole('article', { name: 'Heads moved to the ground floor' });
  expect(within(openSpace).getByText('304')).toBeVisible();
  expect(within(openSpace).getByRole('progressbar', { name: 'Institutions fully converted to Open space' })).toHaveAttribute(
    'aria-valuenow',
    '19.7',
  );
  // The target is not in the source: it carries the sample badge.
  expect(within(openSpace).getByText('Sample data')).toBeVisible();

  const centres = screen.getByRole('article', { name: 'Service Open Akimat coverage' });
  expect(within(centres).getByText('Derived')).toBeVisible();
});

test('the overview speaks Kazakh by default, with Kazakh number formats', async () => {
  renderRoute('/');
  const services = await screen.findByRole('article', { name: 'Автоматтандырылған мемлекеттік қызметтер' });
  expect(within(services).getByText('173 барлық мемлекеттік қызмет ішінен 141 (81,5%)')).toBeVisible();
  expect(within(services).getByText(/Хабарлаған: Серік Ахмет, тәуелсіз тексерілмеген/)).toBeVisible();
  expect(document.documentElement.lang).toBe('kk');
});

test('charts render bars, state their numbers and mark sample data', async () => {
  renderRoute('/?lang=en');
  const chart = await screen.findByRole('region', { name: 'Public services automated: done and not yet' });
  expect(within(chart).getByText('Public services automated: 141 of 173 (81.5%); 32 not yet.')).toBeVisible();
  const picture = within(chart).getByRole('img');
  // The bars themselves have no role; counting Recharts' rectangles proves the chart really drew.
  // eslint-disable-next-line testing-library/no-node-access
  await waitFor(() => expect(picture.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2));

  const sampleChart = screen.getByRole('region', { name: 'Project-office working groups by district' });
  expect(within(sampleChart).getByText('Sample data')).toBeVisible();
  expect(within(sampleChart).getByText(/invented for demonstration/)).toBeVisible();
});

test('a chart’s table view shows the same numbers and the URL remembers it', async () => {
  const { user, router } = renderRoute('/?lang=en');
  const chart = await screen.findByRole('region', { name: 'Public services automated: done and not yet' });
  await user.click(within(chart).getByRole('button', { name: 'Table' }));
  const table = within(chart).getByRole('table');
  const rows = within(table).getAllByRole('row').map((row) => row.textContent);
  expect(rows).toEqual(['PartValueNote', 'Public services automated141Reported', 'Not yet32Reported']);
  expect(router.state.location.search).toBe('?lang=en&table=services-automated-split');
  expect(within(chart).getByRole('button', { name: 'Table' })).toHaveAttribute('aria-pressed', 'true');
});

test('the CSV download carries a BOM, the headers and the numbers', async () => {
  const blobs: Blob[] = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return 'blob:test';
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  const { user } = renderRoute('/?lang=ru');
  const chart = await screen.findByRole('region', { name: 'Коррупционные правонарушения: индекс, прежний период = 100' });
  await user.click(within(chart).getByRole('button', { name: /Скачать CSV/ }));
  expect(blobs).toHaveLength(1);
  const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes.slice(3));
  expect(text).toBe(
    'Период,Индекс (прежний период = 100),Примечание\r\nПрежний период,100,Выведено\r\nНа момент слушаний,54,Выведено\r\n',
  );
});

test('a failed request shows an error panel per widget, keeps the frame, and retry recovers', async () => {
  server.use(http.get('*/api/v1/metrics', () => HttpResponse.json({ error: { code: 'down', message: 'Down' } }, { status: 503 })));
  const { user } = renderRoute('/?lang=en');
  const alerts = await screen.findAllByRole('alert');
  expect(alerts.length).toBeGreaterThanOrEqual(1);
  expect(alerts[0]).toHaveTextContent('This part could not be loaded');
  expect(alerts[0]).toHaveTextContent('The server answered with an error (status 503) at /api/v1/metrics.');
  // The frame still works: navigation and languages are there.
  expect(screen.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(screen.getByRole('link', { name: 'Русский' })).toBeVisible();

  server.resetHandlers();
  await user.click(within(alerts[0]!).getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('article', { name: 'Public services automated' })).toBeVisible();
});

test('a response of the wrong shape says so and names the endpoint', async () => {
  server.use(http.get('*/api/v1/metrics', () => HttpResponse.json({ metrics: 'nope' })));
  renderRoute('/?lang=en');
  const [alert] = await screen.findAllByRole('alert');
  expect(alert).toHaveTextContent('The server sent data this dashboard cannot read (/api/v1/metrics).');
  expect(screen.getByRole('heading', { level: 1 })).toBeVisible();
});

test('an unknown language falls back to Kazakh and says so', async () => {
  renderRoute('/?lang=de');
  expect(await screen.findByText('«de» тілі жоқ, сондықтан бет қазақ тілінде көрсетілді.')).toBeVisible();
});
