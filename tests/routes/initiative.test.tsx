import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { expect, onTestFinished, test, vi } from 'vitest';
import { server } from '@mocks/node';
import { renderRoute } from '../test-utils';

test('an initiative shows its description, its figures and where they come from', async () => {
  renderRoute('/initiatives/open-space?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: '“Open space” project' })).toBeVisible();
  expect(screen.getByText(/Both numbers belong to the same programme/)).toBeVisible();
  expect(screen.getByRole('tab', { name: 'Figures' })).toHaveAttribute('aria-selected', 'true');
  const card = await screen.findByRole('article', { name: 'Heads moved to the ground floor' });
  expect(within(card).getByText('304')).toBeVisible();
  expect(within(card).getByText('Institutions fully converted to Open space: 60 of 304 (19.7%)')).toBeVisible();
});

test('tabs switch with the keyboard and the URL keeps the tab', async () => {
  const { user, router } = renderRoute('/initiatives/public-services-automation?lang=kk');
  const figures = await screen.findByRole('tab', { name: 'Көрсеткіштер' });
  await user.click(figures);
  await user.keyboard('{ArrowRight}');
  const charts = screen.getByRole('tab', { name: 'Диаграммалар' });
  await waitFor(() => expect(charts).toHaveAttribute('aria-selected', 'true'));
  expect(charts).toHaveFocus();
  expect(router.state.location.search).toBe('?lang=kk&tab=charts');
  expect(
    await screen.findByRole('region', { name: 'Автоматтандырылған мемлекеттік қызметтер: орындалғаны және қалғаны' }),
  ).toBeVisible();
  await user.keyboard('{End}');
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Дереккөз' })).toHaveAttribute('aria-selected', 'true'));
  expect(await screen.findByText('Мөлдір Қалымбет')).toBeVisible();
});

test('a link with language, tab and table view reopens the same view', async () => {
  renderRoute('/initiatives/corruption-prevention?lang=ru&tab=charts&table=corruption-offences-change-index');
  const chart = await screen.findByRole('region', { name: 'Коррупционные правонарушения: индекс, прежний период = 100' });
  expect(within(chart).getByRole('button', { name: 'Таблица' })).toHaveAttribute('aria-pressed', 'true');
  expect(within(chart).getByRole('cell', { name: '54' })).toBeVisible();
});

test("a link to one chart (a kiosk's QR code) brings that chart into view once it has arrived", async () => {
  const scrolled: Element[] = [];
  // jsdom lays nothing out and has no scrollIntoView: record which element was asked to show.
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
  onTestFinished(() => {
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });
  renderRoute('/initiatives/corruption-prevention?lang=en&tab=charts#chart-corruption-offences-change-index');
  const chart = await screen.findByRole('region', {
    name: 'Corruption-related offences: index, earlier period = 100',
  });
  await waitFor(() => expect(scrolled).toContain(chart));
  expect(scrolled.every((element) => element === chart)).toBe(true);
});

test('an unknown id shows the not-found page with a way back', async () => {
  renderRoute('/initiatives/no-such-programme?lang=en');
  expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  expect(screen.getByText('There is no initiative “no-such-programme”.')).toBeVisible();
  expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute('href', '/?lang=en');
});

test('a server failure on the initiative is an error with a retry, not a not-found', async () => {
  server.use(http.get('*/api/v1/initiatives/:id', () => HttpResponse.error()));
  renderRoute('/initiatives/open-space?lang=en');
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('The server could not be reached. Check the connection and try again.');
  expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  expect(screen.getByRole('heading', { level: 1, name: 'Initiative' })).toBeVisible();
});
