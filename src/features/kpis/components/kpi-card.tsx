import type { ReactNode } from 'react';
import { useTranslation } from '@/lib/i18n-react';
import type { Locale } from '@/contract/common';
import type { Metric } from '@/contract/metrics';
import { Badge, DerivedBadge, SampleBadge } from '@/components/ui/badge';
import { LangLink } from '@/components/ui/lang-link';
import { formatChange, formatNumber, formatPeriod, formatShare, localize } from '@/lib/format';
import { progressOf, trendOf } from '../lib/kpi';
import { ProgressLine, TargetLine } from './progress-line';

export interface Attribution {
  sourceLabel: string;
  /** The publication's name alone, for the card's one line. */
  sourceShort: string;
  /** Null where nothing may link away (kiosk, slides): the source is then named, not linked. */
  sourceHref: string | null;
  reporter: string | null;
  /** The reporter's name alone; the role is on the source page. */
  reporterName: string | null;
}

interface Props {
  metric: Metric;
  parts: Metric[];
  locale: Locale;
  attribution: Attribution;
  headingLevel?: 'h2' | 'h3';
  /** Shown last in the card: the route's line about the figure's public log entry. */
  logMark?: ReactNode;
}

/** One reported figure: its value, what it measures, how far along it is, and where it came from. */
export function KpiCard({
  metric,
  parts,
  locale,
  attribution,
  headingLevel = 'h3',
  logMark = null,
}: Props) {
  const { t } = useTranslation();
  const Heading = headingLevel;
  const progress = progressOf(metric);
  const trend = trendOf(metric);
  const headingId = `kpi-${metric.id}`;

  return (
    <article className="card kpi-card" aria-labelledby={headingId} id={metric.id}>
      <div className="kpi-card__head">
        <Heading id={headingId} className="kpi-card__label">
          {localize(metric.label, locale)}
        </Heading>
        <div className="badges">
          {metric.sample ? <SampleBadge /> : null}
          {metric.derived ? <DerivedBadge /> : null}
        </div>
      </div>

      <p className="kpi-card__value">
        {metric.kind === 'status' && metric.statusText ? (
          <span className="kpi-card__status">{localize(metric.statusText, locale)}</span>
        ) : metric.kind === 'change' && metric.value !== null ? (
          <span className="kpi-card__number">{formatChange(metric.value, locale)}</span>
        ) : metric.value !== null ? (
          <>
            <span className="kpi-card__number">{formatNumber(metric.value, locale)}</span>{' '}
            {metric.unit ? (
              <span className="kpi-card__unit">{localize(metric.unit, locale)}</span>
            ) : null}
          </>
        ) : null}
      </p>

      <p className="kpi-card__description">{localize(metric.description, locale)}</p>

      {metric.kind === 'change' && trend !== 'not-applicable' ? (
        <p className="kpi-card__trend">
          <Badge tone={trend === 'improved' ? 'good' : trend === 'worsened' ? 'bad' : 'neutral'}>
            {t(`kpi.trend.${trend}`)}
          </Badge>{' '}
          {t(metric.direction === 'lower-is-better' ? 'kpi.lowerIsBetter' : 'kpi.higherIsBetter')}.{' '}
          {t('kpi.changeAgainst')}
        </p>
      ) : null}

      {progress && metric.totalLabel ? (
        <ProgressLine
          text={t('kpi.progress', {
            value: formatNumber(progress.value, locale),
            total: formatNumber(progress.total, locale),
            totalLabel: localize(metric.totalLabel, locale),
            share: formatShare(progress.share, locale),
          })}
          share={progress.share}
          label={localize(metric.label, locale)}
        />
      ) : null}

      {parts.map((part) => {
        const partProgress = progressOf(part);
        if (!partProgress || !part.totalLabel) return null;
        return (
          <ProgressLine
            key={part.id}
            text={t('kpi.part', {
              label: localize(part.label, locale),
              value: formatNumber(partProgress.value, locale),
              total: formatNumber(partProgress.total, locale),
              share: formatShare(partProgress.share, locale),
            })}
            share={partProgress.share}
            label={localize(part.label, locale)}
            target={part.target}
            formatTarget={(value) => formatNumber(value, locale)}
          />
        );
      })}

      {metric.target ? (
        <TargetLine
          value={formatNumber(metric.target.value, locale)}
          sample={metric.target.sample}
        />
      ) : null}

      {/* The working is a paragraph long: one click away, so the card stays one glance. */}
      {metric.derived && metric.derivation ? (
        <details className="note kpi-card__derivation">
          <summary>{t('kpi.derivedHow')}</summary>
          {localize(metric.derivation, locale)}
        </details>
      ) : null}

      {/*
        Where the figure comes from, in one line: who reported it, whether anyone checked it, the
        source, and the full record on the figure's history page. Links only where links may be.
      */}
      <p className="kpi-card__provenance">
        {metric.asOf ? <>{formatPeriod(metric.asOf, locale)} · </> : null}
        {attribution.reporterName
          ? t(`kpi.line.${metric.verification}`, { name: attribution.reporterName })
          : t(`verification.${metric.verification}`)}
        {' · '}
        {attribution.sourceHref ? (
          <LangLink to={attribution.sourceHref} title={attribution.sourceLabel}>
            {attribution.sourceShort}
          </LangLink>
        ) : (
          attribution.sourceShort
        )}
        {attribution.sourceHref ? (
          <>
            {' · '}
            {/* The name starts with the visible word and says whose history (eight cards, eight links). */}
            <LangLink
              to={`/figures/${metric.id}`}
              className="kpi-card__history"
              aria-label={`${t('kpi.history')}: ${localize(metric.label, locale)}`}
            >
              {t('kpi.history')}
            </LangLink>
          </>
        ) : null}
      </p>
      {logMark}
    </article>
  );
}
