import { chartsForAll } from '../../src/features/kpis/lib/chart-specs';
import { citationOf } from '../../src/features/sources/lib/citation';
import { chartLink, pictureTexts } from '../../src/components/charts/svg/picture-texts';
import type { Locale } from '../../src/contract/common';
import type { EmbedPageText } from '../../src/embed/embed-html';
import en from '../../src/locales/en/common.json' with { type: 'json' };
import kk from '../../src/locales/kk/common.json' with { type: 'json' };
import ru from '../../src/locales/ru/common.json' with { type: 'json' };
import { createTranslator } from '../../src/lib/translator';
import type { Repository } from '../repository';

const i18n = createTranslator('kk', { kk: { common: kk }, ru: { common: ru }, en: { common: en } });

/** The words of one chart's embed page, as the dashboard builds them; null for an unknown chart. */
export async function embedPageText(
  repository: Repository,
  chartId: string,
  locale: Locale,
  origin: string,
): Promise<EmbedPageText | null> {
  const t = i18n.getFixedT(locale);
  const [region, initiatives, metrics, sources] = await Promise.all([
    repository.getRegion(),
    repository.listInitiatives(),
    repository.listMetrics({}),
    repository.listSources(),
  ]);
  const spec = chartsForAll(initiatives, metrics, { t, locale, region }).find(
    (c) => c.id === chartId,
  );
  if (!spec) return null;
  const source = sources.find((s) => s.id === spec.sourceId);
  const link = chartLink(origin, spec, locale);
  const texts = pictureTexts(spec, t, source ? citationOf(source, locale) : spec.sourceId, link);
  return {
    lang: locale,
    title: texts.title,
    summary: texts.summary,
    footer: [texts.source, texts.verification, texts.licence],
    dashboardLink: link,
    openDashboard: t('embed.openDashboard'),
  };
}
