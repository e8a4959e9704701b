import type { Page } from '@playwright/test';
import { expect, expectNoA11yViolations, fill, literally, settle, test, ui } from './fixtures';

/** The hearing deck: a title, seven programmes, two further charts and the sources. */
const TOTAL = 11;

const stage = (page: Page) => page.locator('.deck__stage');

/** The slide on screen is number `n`: in the URL, the counter and the stage's accessible name. */
async function expectSlide(page: Page, n: number) {
  const counter = fill(ui.en.present.counter, { current: String(n), total: String(TOTAL) });
  if (n === 1) await expect(page).not.toHaveURL(/[?&]slide=(?!1(&|$))/);
  else await expect(page).toHaveURL(new RegExp(`[?&]slide=${n}(&|$)`));
  await expect(page.locator('.deck__counter')).toHaveText(counter);
  await expect(stage(page)).toHaveAttribute('aria-label', counter);
}

test('the keyboard moves through the deck, the URL keeps the slide, and a reload reopens it', async ({
  page,
}) => {
  await page.goto('/present?lang=en');
  await settle(page, 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.en.present.title);
  await expectSlide(page, 1);

  const steps: [key: string, slide: number][] = [
    ['ArrowRight', 2],
    ['ArrowRight', 3],
    ['ArrowLeft', 2],
    ['Space', 3],
    ['PageDown', 4],
    ['ArrowDown', 5],
    ['PageUp', 4],
    ['ArrowUp', 3],
    ['End', TOTAL],
    ['ArrowRight', TOTAL], // the last slide stays the last
    ['Space', TOTAL],
    ['Home', 1],
    ['ArrowLeft', 1], // and the first the first
    ['PageUp', 1],
  ];
  for (const [key, slide] of steps) {
    await page.keyboard.press(key);
    await expectSlide(page, slide);
  }

  // A slide number in the URL survives a reload, and a shared link opens the same slide.
  await page.keyboard.press('End');
  await page.keyboard.press('PageUp');
  await expectSlide(page, TOTAL - 1);
  const heading = await stage(page).getByRole('heading').first().textContent();
  await page.reload();
  await settle(page, 'en');
  await expectSlide(page, TOTAL - 1);
  await expect(stage(page).getByRole('heading').first()).toHaveText(heading ?? '');

  await page.goto('/present?lang=en&slide=4');
  await settle(page, 'en');
  await expectSlide(page, 4);
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 5);
});

test('F asks for full screen and F again leaves it', async ({ page }) => {
  await page.goto('/present?lang=en&slide=2');
  await settle(page, 'en');
  const fullScreen = () => page.evaluate(() => document.fullscreenElement?.tagName ?? null);
  expect(await fullScreen()).toBeNull();

  await page.keyboard.press('f');
  // Headless Chromium grants full screen to a key press (a user gesture); the deck goes on
  // working either way, and any refusal would surface as a console error failing the test.
  await expect.poll(fullScreen).toBe('HTML');
  await expectSlide(page, 2);
  await page.keyboard.press('ArrowRight');
  await expectSlide(page, 3);
  await page.keyboard.press('F');
  await expect.poll(fullScreen).toBeNull();
  await expectSlide(page, 3);
});

test('every slide names its source and whether its figures were verified', async ({ page }) => {
  await page.goto('/present?lang=en');
  await settle(page, 'en');
  const words = ui.en;
  const sourceLine = new RegExp(
    `^${literally(words.source)}: (?!—)\\S.* · (${literally(words.verification.reported)}|${literally(
      words.verification.verified,
    )})`,
  );
  const kinds = new Set<string>();
  for (let n = 1; n <= TOTAL; n += 1) {
    await expectSlide(page, n);
    const slide = stage(page).locator('.slide');
    await expect(slide).toHaveCount(1);
    await expect(slide.locator('.slide__source')).toHaveText(sourceLine);
    await expect(slide.getByRole('heading').first()).not.toBeEmpty();
    kinds.add((await slide.getAttribute('class')) ?? '');
    // Nothing on a slide links away from the presentation.
    await expect(stage(page).locator('a[href]')).toHaveCount(0);
    if (n < TOTAL) await page.keyboard.press('ArrowRight');
  }
  expect([...kinds].sort()).toEqual([
    'slide slide--chart',
    'slide slide--initiative',
    'slide slide--sources',
    'slide slide--title',
  ]);
});

/** Page objects of a PDF (`/Type /Page`, not the `/Type /Pages` tree) and their media boxes. */
function pdfPages(pdf: Buffer): { pages: number; mediaBoxes: number[][] } {
  const text = pdf.toString('latin1');
  const pages = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
  const mediaBoxes = [...text.matchAll(/\/MediaBox\s*\[([^\]]*)\]/g)].map((match) =>
    (match[1] ?? '').trim().split(/\s+/).map(Number),
  );
  return { pages, mediaBoxes };
}

test('the handout prints as eleven A4 landscape pages', async ({ page }) => {
  await page.goto('/present/print?lang=ru');
  await settle(page, 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.ru.present.handoutTitle);
  const pages = page.getByRole('main').locator('.handout > li');
  await expect(pages).toHaveCount(TOTAL);
  for (let n = 1; n <= TOTAL; n += 1) {
    await expect(pages.nth(n - 1).locator('.slide__source')).toContainText(`${ui.ru.source}: `);
  }

  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { pages: count, mediaBoxes } = pdfPages(pdf);
  expect(count, 'pages in the PDF').toBe(TOTAL);
  expect(mediaBoxes.length).toBeGreaterThan(0);
  for (const [x0, y0, x1, y1] of mediaBoxes) {
    // A4 landscape is 297 × 210 mm: 841.89 × 595.28 pt.
    expect(x0).toBe(0);
    expect(y0).toBe(0);
    expect(x1).toBeCloseTo(841.89, 0);
    expect(y1).toBeCloseTo(595.28, 0);
  }
});

test('the deck and the handout pass axe (WCAG 2.2 AA)', async ({ page }) => {
  await page.goto('/present?lang=en&slide=2');
  await settle(page, 'en');
  await expectNoA11yViolations(page);
  // A slide number that is not one is reported, not silently ignored.
  await page.goto('/present?lang=kk&slide=sources');
  const invalid = fill(ui.kk.present.invalidSlide, { value: 'sources', total: String(TOTAL) });
  await expect(page.getByRole('status').filter({ hasText: invalid })).toBeVisible();
  await page.goto(`/present?lang=kk&slide=${TOTAL}`);
  await settle(page, 'kk');
  await expectNoA11yViolations(page);

  await page.goto('/present/print?lang=ru');
  await settle(page, 'ru');
  await expectNoA11yViolations(page);
});
