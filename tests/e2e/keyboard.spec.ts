import type { Page } from '@playwright/test';
import {
  endonyms,
  expect,
  focusIndicator,
  openPage,
  settle,
  test,
  ui,
  type FocusIndicator,
} from './fixtures';

/** Presses Tab and reports where focus landed and how it shows. */
async function tab(page: Page, key = 'Tab'): Promise<FocusIndicator> {
  await page.keyboard.press(key);
  const focused = await focusIndicator(page);
  if (!focused) throw new Error(`${key} left focus on the page body`);
  return focused;
}

function expectVisibleFocus(focused: FocusIndicator) {
  const what = `${focused.tag} "${focused.name}"`;
  expect(focused.outlineStyle, `outline of ${what}`).not.toBe('none');
  expect(focused.outlineWidth, `outline width of ${what}`).toBeGreaterThanOrEqual(2);
  expect(focused.clippedBy, `outline of ${what} cut off by`).toBeNull();
}

test('the first Tab reaches a visible skip link that moves focus to the main content', async ({
  page,
}) => {
  await page.goto('/?lang=en');
  await settle(page, 'en', { drawCharts: false });
  const skip = page.getByRole('link', { name: ui.en.skipLink });
  await expect(skip).not.toBeInViewport();

  expectVisibleFocus(await tab(page));
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL('/?lang=en#main');
  // The next Tab continues inside the main content, not back in the header.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('banner').locator(':focus')).toHaveCount(0);
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
});

test('Tab walks the header, the navigation and the charts in reading order', async ({ page }) => {
  // The chart buttons are there before the charts themselves are drawn.
  await page.goto('/?lang=en');
  await settle(page, 'en', { drawCharts: false });
  const expected = [
    ui.en.skipLink,
    endonyms.kk,
    endonyms.ru,
    endonyms.en,
    ui.en.nav.overview,
    ui.en.nav.initiatives,
    ui.en.nav.sources,
    ui.en.chart,
    ui.en.table,
    ui.en.download,
  ];
  const reached: string[] = [];
  for (let presses = 0; presses < 60 && reached.length < expected.length; presses += 1) {
    const focused = await tab(page);
    expectVisibleFocus(focused);
    // `name` is the text content: the download button also names its chart, for screen readers.
    const next = expected[reached.length];
    if (next && (focused.name === next || focused.name.startsWith(`${next}:`))) reached.push(next);
  }
  expect(reached).toEqual(expected);
});

test('chart view buttons and initiative tabs work from the keyboard', async ({ page }) => {
  await openPage(page, '/initiatives/public-services-automation', 'en');
  const figures = page.getByRole('tab', { name: ui.en.tabs.figures });
  await figures.focus();
  await page.keyboard.press('ArrowRight');
  const charts = page.getByRole('tab', { name: ui.en.tabs.charts });
  await expect(charts).toBeFocused();
  await expect(charts).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/tab=charts/);

  // One tab stop for the tab list: the next Tab goes to the panel, then into the chart.
  expectVisibleFocus(await tab(page));
  await expect(page.getByRole('tabpanel')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: ui.en.chart })).toBeFocused();
  expectVisibleFocus(await tab(page));
  await expect(page.getByRole('button', { name: ui.en.table })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tabpanel').getByRole('table')).toBeVisible();
  await expect(page.getByRole('button', { name: ui.en.table })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('tabpanel').getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('tabpanel').getByRole('img').first()).toBeVisible();
});
