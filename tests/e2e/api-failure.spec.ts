import type { Page } from '@playwright/test';
import { endonyms, expect, metricLabel, serveMockApiFromTests, settle, test, ui } from './fixtures';

// How the API is made to fail in a mock build: see `serveMockApiFromTests` in fixtures.ts.
test.use({ serviceWorkers: 'block' });

const metricsEndpoint = '**/api/v1/metrics*';

async function failMetrics(page: Page) {
  await page.route(metricsEndpoint, (route) =>
    route.fulfill({
      status: 500,
      json: { error: { code: 'internal', message: 'The database is down (test).' } },
    }),
  );
}

test('with the metrics API down, the page keeps its frame and recovers on retry', async ({
  page,
  consoleErrors,
}) => {
  // The browser logs each failed response; those are the point of this test.
  consoleErrors.allow(/status of 500/);
  const api = await serveMockApiFromTests(page);
  await failMetrics(page);

  await page.goto('/?lang=en');
  const alerts = page.getByRole('alert');
  // React Query retries twice (after 1 s and 2 s) before the panels give up.
  await expect(alerts).toHaveCount(2, { timeout: 15_000 });
  expect(api.workerSwapped(), 'the mock worker module was found and switched off').toBe(true);
  await expect(alerts.first()).toContainText(ui.en.errorTitle);
  await expect(alerts.first()).toContainText('status 500');
  await expect(alerts.first()).toContainText('/api/v1/metrics');
  await expect(alerts.first().getByRole('button', { name: ui.en.retry })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.en.overviewTitle);

  // The frame needs no data: the language switch and the navigation still work.
  await page
    .getByRole('navigation', { name: ui.en.languageNav })
    .getByRole('link', { name: endonyms.ru })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(alerts.first()).toContainText(ui.ru.errorTitle);
  await expect(alerts.first().getByRole('button', { name: ui.ru.retry })).toBeVisible();

  const nav = page.getByRole('navigation', { name: ui.ru.mainNav });
  await nav.getByRole('link', { name: ui.ru.nav.initiatives }).click();
  await settle(page, 'ru');
  await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(7);
  await expect(alerts).toHaveCount(0);

  await nav.getByRole('link', { name: ui.ru.nav.overview }).click();
  await expect(alerts).toHaveCount(2, { timeout: 15_000 });

  // The API comes back; each failed panel recovers when asked to try again.
  await page.unroute(metricsEndpoint);
  const figures = page.getByRole('region', { name: ui.ru.figuresHeading, exact: true });
  await figures.getByRole('button', { name: ui.ru.retry }).click();
  await expect(figures.getByRole('alert')).toHaveCount(0);
  const card = figures.getByRole('article', { name: metricLabel('services-automated', 'ru') });
  await expect(card.getByText('141', { exact: true })).toBeVisible();
  await expect(card).toContainText('173');

  const charts = page.getByRole('region', { name: ui.ru.chartsHeading, exact: true });
  await charts.getByRole('button', { name: ui.ru.retry }).click();
  await expect(alerts).toHaveCount(0);
  await settle(page, 'ru');
  await expect(charts.getByRole('img').first()).toBeVisible();
});

test("when the app's code cannot be fetched, the painted frame says so in the reader's language", async ({
  page,
  consoleErrors,
}) => {
  consoleErrors.allow(/Failed to load resource|net::ERR_FAILED/);
  await page.route('**/assets/*.js', (route) => route.abort());

  await page.goto('/?lang=ru');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText(
    'Страница не загрузилась. Проверьте подключение к интернету и обновите страницу.',
  );
  // The frame painted from index.html alone is still there and still works as plain links.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.ru.overviewTitle);
  await expect(page.getByRole('link', { name: endonyms.en })).toHaveAttribute('href', '?lang=en');
});
