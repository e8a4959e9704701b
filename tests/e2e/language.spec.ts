import { endonyms, expect, metricLabel, test, ui, type Lang } from './fixtures';

/**
 * 141 of 173 as each language writes it: a decimal point in English, a comma otherwise. Kazakh
 * may carry Russian's space before the sign where the browser lacks Kazakh number data.
 */
const share: Record<Lang, RegExp> = {
  en: /\(81\.5%\)/,
  ru: /\(81,5\u00a0%\)/,
  kk: /\(81,5\u00a0?%\)/,
};

test('switching language re-formats the numbers and the page language', async ({ page }) => {
  await page.goto('/?lang=en');
  const card = (lang: Lang) =>
    page.getByRole('article', { name: metricLabel('services-automated', lang) });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(card('en')).toContainText(share.en);

  for (const lang of ['ru', 'kk', 'en'] as const) {
    const from = (await page.locator('html').getAttribute('lang')) as Lang;
    const switcher = page.getByRole('navigation', { name: ui[from].languageNav });
    await switcher.getByRole('link', { name: endonyms[lang] }).click();

    await expect(page).toHaveURL(`/?lang=${lang}`);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const switched = page.getByRole('navigation', { name: ui[lang].languageNav });
    await expect(switched.getByRole('link', { name: endonyms[lang] })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(card(lang)).toContainText(share[lang]);
    if (lang !== 'en') await expect(page.getByRole('main')).not.toContainText('81.5');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui[lang].overviewTitle);
  }
});

test('the language switch keeps the page, its tab and its table', async ({ page }) => {
  await page.goto(
    '/initiatives/public-services-automation?tab=charts&table=services-automated-split',
  );
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  // The app, not the painted frame (whose links carry only the language), must have the page.
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await page
    .getByRole('navigation', { name: ui.kk.languageNav })
    .getByRole('link', { name: endonyms.ru })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page).toHaveURL(
    '/initiatives/public-services-automation?tab=charts&table=services-automated-split&lang=ru',
  );
  await expect(page.getByRole('tab', { name: ui.ru.tabs.charts })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('tabpanel')).toContainText(share.ru);
  await expect(page.getByRole('tabpanel').getByRole('table')).toBeVisible();
});

test('an unknown language falls back to Kazakh and says so', async ({ page }) => {
  await page.goto('/initiatives/public-services-automation?lang=de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'kk');
  await expect(page.getByRole('status').filter({ hasText: '«de»' })).toBeVisible();
  await expect(
    page.getByRole('article', { name: metricLabel('services-automated', 'kk') }),
  ).toContainText(share.kk);
});

test('a page fetches one font file a weight, and draws Kazakh letters with it', async ({
  page,
}) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.woff2')) fonts.push(new URL(request.url()).pathname);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.kk.overviewTitle);
  // The app's heading, not the painted frame's, which the app replaces.
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Every glyph of the Kazakh heading is drawn in Noto Sans, none in a fallback font.
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
  await cdp.send('CSS.enable');
  const { fonts: used } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  expect(used.map((font) => font.familyName)).toEqual(['Noto Sans']);
  expect(fonts.map((path) => path.replace(/-[\w-]{8}\.woff2$/, '')).sort()).toEqual([
    '/assets/noto-sans-400',
    '/assets/noto-sans-700',
  ]);
});
