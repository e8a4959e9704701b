import enHistory from '../../src/locales/en/history.json' with { type: 'json' };
import kkHistory from '../../src/locales/kk/history.json' with { type: 'json' };
import ruHistory from '../../src/locales/ru/history.json' with { type: 'json' };
import en from '../../src/locales/en/common.json' with { type: 'json' };
import kk from '../../src/locales/kk/common.json' with { type: 'json' };
import ru from '../../src/locales/ru/common.json' with { type: 'json' };
import {
  expect,
  expectAccessiblePage,
  langs,
  metricLabel as label,
  openPage,
  settle,
  test,
  withLang,
} from './fixtures';

const history = { kk: kkHistory, ru: ruHistory, en: enHistory };
const common = { kk, ru, en };

/*
 * The overview on a 390 × 844 phone was 10,866 px tall in Kazakh (10,644 in Russian, 10,489 in
 * English) when every card repeated four provenance rows and every chart was drawn: 26 screens.
 * One line of provenance per card, and the charts on their programmes' pages, make it a third.
 */
const PHONE_BUDGET_PX = Math.floor(10_866 / 3);

for (const lang of langs) {
  test(`the phone overview in ${lang} is at most a third of its old height`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(withLang('/', lang));
    await settle(page, lang, { drawCharts: false });
    await expect(page.getByRole('article')).toHaveCount(8);
    const services = page.getByRole('article', { name: label('services-automated', lang) });
    await expect(services.getByRole('link', { name: /Syr boyy|Сыр бойы/ })).toBeVisible();
    await expect(
      services.getByRole('link', {
        name: `${common[lang].kpi.history}: ${label('services-automated', lang)}`,
      }),
    ).toBeVisible();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(PHONE_BUDGET_PX);
  });

  test(`a figure's history in ${lang} shows its record and passes axe`, async ({ page }) => {
    await openPage(page, '/figures/open-dialogue-answers', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      label('open-dialogue-answers', lang),
    );
    await expect(
      page.getByRole('heading', { level: 2, name: history[lang].history.revisionsTitle }),
    ).toBeVisible();
    await expect(page.getByText(history[lang].history.notVerified, { exact: true })).toBeVisible();
    await expect(page.getByText(history[lang].history.hearingRecord, { exact: true })).toHaveCount(
      2,
    );
    await expectAccessiblePage(page, lang);
  });

  test(`the change list in ${lang} links its feed and passes axe`, async ({ page }) => {
    await openPage(page, '/changes', lang);
    await expect(page.getByRole('link', { name: history[lang].changes.feed })).toHaveAttribute(
      'href',
      `/changes.atom?lang=${lang}`,
    );
    await expect(
      page.getByRole('listitem').filter({ hasText: label('services-automated', lang) }),
    ).toHaveCount(1);
    await expectAccessiblePage(page, lang);
  });
}
