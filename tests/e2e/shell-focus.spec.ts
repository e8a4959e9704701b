import { expect, test } from '@playwright/test';

test('a Tab pressed on the painted frame keeps its place when the app replaces the frame', async ({
  page,
}) => {
  // Hold the app's code back, so the keys land on the frame index.html paints by itself.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/initiatives?lang=en', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('[data-shell]')).toBeVisible();
  // Skip link, brand, three languages, then the navigation's first two links.
  for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
  const before = await page.evaluate(() => {
    const element = document.activeElement;
    return {
      inFrame: element?.closest('[data-shell]') !== null,
      text: element?.textContent?.trim(),
    };
  });
  expect(before).toEqual({ inFrame: true, text: 'Initiatives' });

  release();
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const focused = page.locator(':focus');
  await expect(focused).toHaveText('Initiatives');
  await expect(focused).toHaveAttribute('href', /^\/initiatives/);
  // And the next Tab goes on from there, not from the top of the page.
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveText('Sources');
});
