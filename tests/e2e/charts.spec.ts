import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  chartPanel,
  expect,
  fill,
  langs,
  metricLabel,
  openPage,
  test,
  ui,
  type Lang,
} from './fixtures';

/** The split chart of services automated (141) and not yet (32), on its initiative's page. */
async function openSplitChart(page: Page, lang: Lang) {
  await openPage(page, '/initiatives/public-services-automation?tab=charts', lang);
  return chartPanel(
    page,
    fill(ui[lang].splitTitle, { label: metricLabel('services-automated', lang) }),
  );
}

/** The numbers written in a sentence, as numbers: "81,5" and "81.5" both read 81.5. */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/\d+(?:[.,]\d+)?/g)].map((match) => Number(match[0].replace(',', '.')));
}

for (const lang of langs) {
  test(`the table view in ${lang} shows the numbers its summary states`, async ({ page }) => {
    const panel = await openSplitChart(page, lang);
    const summary = await panel.getByRole('paragraph').first().innerText();
    // Word order differs by language ("173 ішінен 141"), so compare the numbers as a set.
    expect(numbersIn(summary).sort((a, b) => a - b)).toEqual([32, 81.5, 141, 173]);

    await panel.getByRole('button', { name: ui[lang].table }).click();
    await expect(panel.getByRole('button', { name: ui[lang].table })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    await expect(panel.getByRole('img')).toHaveCount(0);
    const rows = panel.getByRole('table').getByRole('rowgroup').last().getByRole('row');
    await expect(rows).toHaveCount(2);
    const values = (await rows.getByRole('cell').allInnerTexts())
      .map((text) => numbersIn(text))
      .filter((found) => found.length > 0)
      .flat();
    expect(values).toEqual([141, 32]);
    // Every number in the table is in the sentence, and together they make the stated total.
    for (const value of values) expect(numbersIn(summary)).toContain(value);
    expect(numbersIn(summary)).toContain(values.reduce((a, b) => a + b, 0));

    await panel.getByRole('button', { name: ui[lang].chart }).click();
    await expect(panel.getByRole('table')).toHaveCount(0);
    await expect(panel.getByRole('img', { name: summary })).toBeVisible();
  });
}

for (const lang of langs) {
  test(`a chart's CSV in ${lang} has a BOM, the table's header and its numbers`, async ({
    page,
  }) => {
    const panel = await openSplitChart(page, lang);
    await panel.getByRole('button', { name: ui[lang].table }).click();
    await expect(panel.getByRole('rowheader')).toHaveCount(2);
    const header = await panel.getByRole('columnheader').allInnerTexts();
    const labels = await panel.getByRole('rowheader').allInnerTexts();

    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: ui[lang].download }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`ashyq-services-automated-split-${lang}.csv`);

    const bytes = await readFile(await download.path());
    // A UTF-8 byte-order mark, so spreadsheet programs read the Cyrillic text as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(header.join(','));
    expect(lines[1]?.split(',').slice(0, 2)).toEqual([labels[0], '141']);
    expect(lines[2]?.split(',').slice(0, 2)).toEqual([labels[1], '32']);
    expect(lines.slice(3)).toEqual(['']);
  });
}

/**
 * Records every geometry a chart's bars and lines are drawn with, from the first frame on:
 * each bar path's `d` and each line's `stroke-dasharray` (Recharts animates a line by growing
 * its dash). Runs before the app, so nothing drawn escapes it.
 */
function recordChartGeometry() {
  const seen: { bars: string[]; lines: string[] } = { bars: [], lines: [] };
  Object.assign(window, { chartGeometry: seen });
  const note = (node: Element) => {
    if (node.matches('.recharts-bar-rectangle path')) seen.bars.push(node.getAttribute('d') ?? '');
    if (node.matches('path.recharts-line-curve')) {
      seen.lines.push(node.getAttribute('stroke-dasharray') ?? '');
    }
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes' && mutation.target instanceof Element)
        note(mutation.target);
      for (const added of mutation.addedNodes) {
        if (!(added instanceof Element)) continue;
        note(added);
        added.querySelectorAll('path').forEach(note);
      }
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['d', 'stroke-dasharray'],
  });
}

/** Every geometry seen so far, and the one each bar and line has now. */
async function chartGeometry(page: Page) {
  return page.evaluate(() => {
    const { chartGeometry: seen } = window as unknown as {
      chartGeometry: { bars: string[]; lines: string[] };
    };
    const now = (selector: string, attribute: string) =>
      [...document.querySelectorAll(selector)].map((node) => node.getAttribute(attribute) ?? '');
    return {
      seen,
      bars: now('.recharts-bar-rectangle path', 'd'),
      lines: now('path.recharts-line-curve', 'stroke-dasharray'),
    };
  });
}

// The "Open Dialogue" page has a bar chart and a line chart.
const bothKinds = '/initiatives/open-dialogue?tab=charts';

test('with reduced motion, charts are drawn in their final shape at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.addInitScript(recordChartGeometry);
  await openPage(page, bothKinds, 'en');
  await expect(page.locator('.recharts-bar-rectangle path')).not.toHaveCount(0);
  await expect(page.locator('path.recharts-line-curve')).toHaveCount(1);
  const { seen, bars, lines } = await chartGeometry(page);
  // No in-between frame was ever drawn: every shape seen is a final one.
  expect(new Set(seen.bars)).toEqual(new Set(bars));
  expect(new Set(seen.lines)).toEqual(new Set(lines));
});

test('without reduced motion, the same recorder sees the bars grow', async ({ page }) => {
  // The check above is only as good as its recorder: here it must catch the animation.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.addInitScript(recordChartGeometry);
  await openPage(page, bothKinds, 'en');
  await expect
    .poll(async () => {
      const { seen, bars } = await chartGeometry(page);
      return new Set(seen.bars).size > new Set(bars).size;
    })
    .toBe(true);
});
