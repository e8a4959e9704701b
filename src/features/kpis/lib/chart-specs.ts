import type { TFunction } from '@/lib/translator';
// Units are worded for their own number ("144 сельских округа"), so columns say "Value".
import type { Locale } from '@/contract/common';
import type { Initiative } from '@/contract/initiatives';
import type { Metric } from '@/contract/metrics';
import type { Region } from '@/contract/region';
import type { ChartRow, ChartSpec } from '@/components/charts/chart-types';
import { formatChange, formatNumber, formatShare, localize } from '@/lib/format';
import { childMetrics, indexOf } from './kpi';

interface Context {
  t: TFunction;
  locale: Locale;
  region: Region;
}

const row = (
  key: string,
  label: string,
  value: number,
  flags: Partial<ChartRow> = {},
): ChartRow => ({
  key,
  label,
  value,
  sample: false,
  derived: false,
  muted: false,
  ...flags,
});

const leastSure = (metrics: Metric[]): ChartSpec['verification'] =>
  metrics.every((m) => m.verification === 'verified') ? 'verified' : 'reported';

function splitChart(metric: Metric, { t, locale }: Context): ChartSpec | null {
  if (metric.value === null || metric.total === null || metric.value >= metric.total) return null;
  const label = localize(metric.label, locale);
  const rest = metric.total - metric.value;
  return {
    id: `${metric.id}-split`,
    initiativeId: metric.initiativeId,
    kind: 'bar',
    title: t('chart.split.title', { label }),
    summary: t('chart.split.summary', {
      label,
      value: formatNumber(metric.value, locale),
      total: formatNumber(metric.total, locale),
      share: formatShare(metric.value / metric.total, locale),
      rest: formatNumber(rest, locale),
    }),
    categoryHeader: t('chart.header.part'),
    valueHeader: t('chart.header.value'),
    rows: [
      row('done', label, metric.value),
      row('rest', t('chart.split.rest'), rest, { muted: true }),
    ],
    sourceId: metric.sourceId,
    verification: metric.verification,
  };
}

function partChart(parent: Metric, child: Metric, { t, locale }: Context): ChartSpec | null {
  if (parent.value === null || child.value === null) return null;
  const parentLabel = localize(parent.label, locale);
  const childLabel = localize(child.label, locale);
  return {
    id: `${parent.id}-parts`,
    initiativeId: parent.initiativeId,
    kind: 'bar',
    title: t('chart.parts.title', { parent: parentLabel, child: childLabel }),
    summary: t('chart.parts.summary', {
      parent: parentLabel,
      parentValue: formatNumber(parent.value, locale),
      child: childLabel,
      childValue: formatNumber(child.value, locale),
      share: formatShare(child.value / parent.value, locale),
    }),
    categoryHeader: t('chart.header.figure'),
    valueHeader: t('chart.header.value'),
    rows: [row(parent.id, parentLabel, parent.value), row(child.id, childLabel, child.value)],
    sourceId: parent.sourceId,
    verification: leastSure([parent, child]),
  };
}

function indexChart(metric: Metric, { t, locale }: Context): ChartSpec | null {
  const index = indexOf(metric);
  if (index === null || metric.value === null) return null;
  const label = localize(metric.label, locale);
  return {
    id: `${metric.id}-index`,
    initiativeId: metric.initiativeId,
    kind: 'bar',
    title: t('chart.index.title', { label }),
    summary: t('chart.index.summary', {
      label,
      baseline: formatNumber(index.baseline, locale),
      now: formatNumber(index.now, locale),
      change: formatChange(metric.value, locale),
    }),
    categoryHeader: t('chart.header.period'),
    valueHeader: t('chart.header.index'),
    rows: [
      row('earlier', t('chart.index.earlier'), index.baseline, { derived: true }),
      row('now', t('chart.index.now'), index.now, { derived: true }),
    ],
    sourceId: metric.sourceId,
    verification: metric.verification,
  };
}

function countsChart(initiative: Initiative, counts: Metric[], { t, locale }: Context): ChartSpec {
  const name = localize(initiative.name, locale);
  const parts = counts.map((m) =>
    t('chart.counts.part', {
      label: localize(m.label, locale),
      value: formatNumber(m.value ?? 0, locale),
      unit: m.unit ? localize(m.unit, locale) : '',
    }).trim(),
  );
  return {
    id: `${initiative.id}-counts`,
    initiativeId: initiative.id,
    kind: 'bar',
    title: t('chart.counts.title', { name }),
    summary: t('chart.counts.summary', { parts: parts.join('; ') }),
    categoryHeader: t('chart.header.figure'),
    valueHeader: t('chart.header.value'),
    rows: counts.map((m) => row(m.id, localize(m.label, locale), m.value ?? 0)),
    sourceId: initiative.sourceId,
    verification: leastSure(counts),
  };
}

function historyChart(metric: Metric, { t, locale }: Context): ChartSpec | null {
  const first = metric.series[0];
  const last = metric.series.at(-1);
  if (!first || !last) return null;
  const label = localize(metric.label, locale);
  return {
    id: `${metric.id}-history`,
    initiativeId: metric.initiativeId,
    kind: 'line',
    title: t('chart.history.title', { label }),
    summary: t('chart.history.summary', {
      label,
      first: first.period,
      firstValue: formatNumber(first.value, locale),
      last: last.period,
      lastValue: formatNumber(last.value, locale),
    }),
    categoryHeader: t('chart.header.period'),
    valueHeader: t('chart.header.value'),
    rows: metric.series.map((point) =>
      row(point.period, point.period, point.value, { sample: point.sample }),
    ),
    sourceId: metric.sourceId,
    verification: metric.verification,
  };
}

function breakdownChart(metric: Metric, { t, locale, region }: Context): ChartSpec | null {
  if (metric.breakdown.length === 0) return null;
  const label = localize(metric.label, locale);
  const nameOf = (id: string) => {
    const district = region.districts.find((d) => d.id === id);
    return district ? localize(district.name, locale) : id;
  };
  const rows = metric.breakdown.map((entry) =>
    row(entry.districtId, nameOf(entry.districtId), entry.value, {
      sample: entry.sample,
      derived: entry.derived,
    }),
  );
  const values = rows.map((r) => r.value);
  const min = rows.reduce((a, b) => (b.value < a.value ? b : a));
  const max = rows.reduce((a, b) => (b.value > a.value ? b : a));
  const summary =
    min.value === max.value
      ? t('chart.breakdown.summaryEqual', {
          label,
          count: rows.length,
          value: formatNumber(min.value, locale),
        })
      : t('chart.breakdown.summary', {
          label,
          count: rows.length,
          min: formatNumber(min.value, locale),
          minName: min.label,
          max: formatNumber(max.value, locale),
          maxName: max.label,
          sum: formatNumber(
            values.reduce((a, b) => a + b, 0),
            locale,
          ),
        });
  return {
    id: `${metric.id}-by-district`,
    initiativeId: metric.initiativeId,
    kind: 'bar',
    title: t('chart.breakdown.title', { label }),
    summary,
    categoryHeader: t('chart.header.district'),
    valueHeader: t('chart.header.value'),
    rows,
    sourceId: metric.sourceId,
    verification: metric.verification,
  };
}

/**
 * The charts a programme's figures call for, decided by the shape of the data rather than by id,
 * so a new figure gets its charts without new code.
 */
export function chartsForInitiative(
  initiative: Initiative,
  metrics: Metric[],
  context: Context,
): ChartSpec[] {
  const own = metrics.filter((m) => m.initiativeId === initiative.id);
  const charts: (ChartSpec | null)[] = [];
  const counts = own.filter(
    (m) => m.kind === 'count' && m.parentId === null && childMetrics(own, m.id).length === 0,
  );
  if (counts.length > 0) charts.push(countsChart(initiative, counts, context));
  for (const metric of own) {
    if (metric.kind === 'ratio' && metric.parentId === null)
      charts.push(splitChart(metric, context));
    for (const child of childMetrics(own, metric.id))
      charts.push(partChart(metric, child, context));
    if (metric.kind === 'change') charts.push(indexChart(metric, context));
    charts.push(breakdownChart(metric, context));
    charts.push(historyChart(metric, context));
  }
  return charts.filter((chart): chart is ChartSpec => chart !== null);
}

export function chartsForAll(
  initiatives: Initiative[],
  metrics: Metric[],
  context: Context,
): ChartSpec[] {
  return initiatives.flatMap((initiative) => chartsForInitiative(initiative, metrics, context));
}
