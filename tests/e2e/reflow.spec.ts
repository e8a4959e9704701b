import type { Page } from '@playwright/test';
import { expect, openPage, test, type Lang } from './fixtures';

/**
 * Every route. The overview carries every figure card and every chart; the commission has the
 * longest Kazakh heading; the table view is the widest thing a chart can turn into.
 */
const views = [
  '/',
  '/initiatives',
  '/initiatives/anti-corruption-commission',
  '/initiatives/public-services-automation?tab=charts&table=services-automated-split',
  '/sources',
  '/no-such-page',
];

/*
 * Two widths, in CSS pixels. 320 is WCAG 1.4.10's reflow width (1280 px at 400 % zoom). 640 is
 * 200 % zoom of a 1280 px window: browser zoom lays a page out exactly as a viewport of
 * width / zoom CSS pixels (media queries, vw and rem all see 640), so a 640 px viewport with a
 * device scale factor of 2 is what a reader at 200 % gets. Playwright cannot press Ctrl +, and CSS
 * `zoom` on <html> would not change what media queries see, so it would test something else.
 * The scale factor of 2 also suits 320 px: that is a phone, and phones have dense screens.
 */
test.use({ deviceScaleFactor: 2 });

/** What sticks out past the right edge, for a readable failure. */
function overflowingElements(page: Page) {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > limit + 0.5)
      .filter((element) => !element.parentElement?.closest('.table-scroll'))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  });
}

async function expectNoSidewaysScroll(page: Page, width: number) {
  await page.setViewportSize({ width, height: 640 });
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(clientWidth).toBe(width);
  expect(
    scrollWidth,
    `wider than ${width} px: ${await overflowingElements(page)}`,
  ).toBeLessThanOrEqual(clientWidth);
}

for (const lang of ['kk', 'ru'] as Lang[]) {
  for (const view of views) {
    test(`${view} in ${lang} does not scroll sideways at 320 px or at 200 % zoom`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await openPage(page, view, lang);
      await expectNoSidewaysScroll(page, 320);
      // Growing the viewport re-lays the same page out; charts only widen, so nothing stale sticks out.
      await expectNoSidewaysScroll(page, 640);
    });
  }
}
