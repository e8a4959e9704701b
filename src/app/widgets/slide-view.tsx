import { useTranslation } from '@/lib/i18n-react';
import type { Locale } from '@/contract/common';
import { ChartPanel } from '@/components/charts/chart-panel';
import { KpiCard } from '@/features/kpis/components/kpi-card';
import { LogMark } from '@/features/transparency/components/log-mark';
import { childMetrics } from '@/features/kpis/lib/kpi';
import type { Slide } from '@/features/slides/lib/deck';
import { attributionFor, citationOf } from '@/features/sources/lib/citation';
import { localize } from '@/lib/format';
import type { DeckData } from './use-deck-data';

interface Props {
  slide: Slide;
  data: DeckData;
  locale: Locale;
}

/** One slide of a deck, for the presenter's screen, the handout and the kiosk. Nothing links away. */
export function SlideView({ slide, data, locale }: Props) {
  const { t } = useTranslation();
  const { initiatives, metrics, sources, region, charts } = data;
  const source = sources.find((s) => s.id === sourceIdOf(slide, data)) ?? sources[0];
  const card = (metricId: string, headingLevel: 'h2' | 'h3') => {
    const metric = metrics.find((m) => m.id === metricId);
    if (!metric) return null;
    const attribution = { ...attributionFor(metric, sources, locale), sourceHref: null };
    return (
      <KpiCard
        key={metric.id}
        metric={metric}
        parts={childMetrics(metrics, metric.id)}
        locale={locale}
        attribution={attribution}
        headingLevel={headingLevel}
        // Checked against the public log after the first paint; nothing here links away.
        logMark={<LogMark metric={metric} linked={false} />}
      />
    );
  };
  const chart = (chartId: string | null) => {
    const spec = charts.find((c) => c.id === chartId);
    if (!spec) return null;
    const chartSource = sources.find((s) => s.id === spec.sourceId);
    return (
      <ChartPanel
        spec={spec}
        locale={locale}
        variant="slide"
        sourceLabel={chartSource ? citationOf(chartSource, locale) : spec.sourceId}
        sourceHref={null}
      />
    );
  };

  let body;
  switch (slide.kind) {
    case 'title':
      body = (
        <div className="slide__title-block">
          <p className="slide__kicker">{localize(region.name, locale)}</p>
          <h2 className="slide__heading">
            {source ? localize(source.event.name, locale) : t('app.name')}
          </h2>
          {source ? <p className="slide__lead">{localize(source.event.topic, locale)}</p> : null}
          <p>{t('present.titleNote')}</p>
        </div>
      );
      break;
    case 'initiative': {
      const initiative = initiatives.find((i) => i.id === slide.initiativeId);
      body = (
        <>
          <h2 className="slide__heading">
            {initiative ? localize(initiative.name, locale) : slide.id}
          </h2>
          {initiative ? (
            <p className="slide__lead">{localize(initiative.summary, locale)}</p>
          ) : null}
          <div className={`slide__columns${slide.chartId ? '' : ' slide__columns--single'}`}>
            <div className="slide__figures">{slide.metricIds.map((id) => card(id, 'h3'))}</div>
            {chart(slide.chartId)}
          </div>
        </>
      );
      break;
    }
    case 'figure':
      body = <div className="slide__single">{card(slide.metricId, 'h2')}</div>;
      break;
    case 'chart':
      body = <div className="slide__single">{chart(slide.chartId)}</div>;
      break;
    case 'sources':
      body = (
        <>
          <h2 className="slide__heading">{t('sources.title')}</h2>
          {sources.map((s) => {
            const reporters = s.people.filter((p) => metrics.some((m) => m.reporterId === p.id));
            return (
              <dl key={s.id} className="facts slide__facts">
                <div>
                  <dt>{t('sources.publication')}</dt>
                  <dd>{citationOf(s, locale)}</dd>
                </div>
                <div>
                  <dt>{t('sources.author')}</dt>
                  <dd>{localize(s.publication.author, locale)}</dd>
                </div>
                <div>
                  <dt>{t('sources.eventName')}</dt>
                  <dd>
                    {localize(s.event.name, locale)} ({t(`sources.formats.${s.event.format}`)})
                  </dd>
                </div>
                <div>
                  <dt>{t('sources.organisers')}</dt>
                  <dd>{s.event.organisers.map((o) => localize(o.name, locale)).join('; ')}</dd>
                </div>
                <div>
                  <dt>{t('kpi.reportedBy')}</dt>
                  <dd>
                    {reporters
                      .map((p) => `${localize(p.name, locale)}, ${localize(p.role, locale)}`)
                      .join('; ')}
                  </dd>
                </div>
                <div>
                  <dt>{t('kpi.date')}</dt>
                  <dd>
                    {s.event.dateNote ? localize(s.event.dateNote, locale) : t('kpi.dateNotStated')}
                  </dd>
                </div>
              </dl>
            );
          })}
        </>
      );
      break;
  }

  return (
    <div className={`slide slide--${slide.kind}`}>
      <div className="slide__body">{body}</div>
      <p className="slide__source">
        {t('kpi.source')}: {source ? citationOf(source, locale) : '—'} ·{' '}
        {t(`verification.${verificationOf(slide, data)}`)}
        {metricsOf(slide, data).every((m) => m.asOf === null)
          ? ` · ${t('kpi.dateNotStated')}`
          : null}
      </p>
    </div>
  );
}

function metricsOf(slide: Slide, { metrics, charts }: DeckData) {
  switch (slide.kind) {
    case 'initiative':
      return metrics.filter((m) => m.initiativeId === slide.initiativeId);
    case 'figure':
      return metrics.filter((m) => m.id === slide.metricId || m.parentId === slide.metricId);
    case 'chart': {
      const spec = charts.find((c) => c.id === slide.chartId);
      return metrics.filter((m) => m.initiativeId === spec?.initiativeId);
    }
    default:
      return metrics;
  }
}

function sourceIdOf(slide: Slide, data: DeckData): string | undefined {
  return metricsOf(slide, data)[0]?.sourceId;
}

/** A slide counts as verified only if every figure behind it is. */
function verificationOf(slide: Slide, data: DeckData): 'reported' | 'verified' {
  const behind = metricsOf(slide, data);
  return behind.length > 0 && behind.every((m) => m.verification === 'verified')
    ? 'verified'
    : 'reported';
}
