import type { TFunction } from '@/lib/translator';
import { chartHasDerived, chartHasSample, type ChartSpec } from '@/components/charts/chart-types';
import type { EmbedView } from '@/components/charts/embed-code';
import { type ChartTheme } from '@/components/charts/svg/chart-theme';
import { drawChart } from '@/components/charts/svg/chart-svg';
import { LICENCE } from '@/components/charts/svg/picture-texts';
import { escapeXml, type Measure } from '@/components/charts/svg/svg-text';

const e = escapeXml;

function table(spec: ChartSpec, t: TFunction, formatValue: (v: number) => string): string {
  const note = (row: ChartSpec['rows'][number]) =>
    row.sample ? t('badge.sample') : row.derived ? t('badge.derived') : t('chart.table.reported');
  const rows = spec.rows
    .map(
      (row) =>
        `<tr><th scope="row">${e(row.label)}</th><td class="num">${e(formatValue(row.value))}</td><td>${e(note(row))}</td></tr>`,
    )
    .join('');
  return (
    `<div class="table-scroll"><table class="data-table"><caption class="visually-hidden">${e(spec.title)}</caption>` +
    `<thead><tr><th scope="col">${e(spec.categoryHeader)}</th><th scope="col" class="num">${e(spec.valueHeader)}</th><th scope="col">${e(t('chart.table.note'))}</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div>`
  );
}

/** The chart's SVG for a box `width` px wide, in the embed's theme. */
export function chartSvg(
  spec: ChartSpec,
  width: number,
  theme: ChartTheme,
  measure: Measure,
  formatValue: (v: number) => string,
): string {
  const drawn = drawChart(spec, {
    width,
    theme,
    measure,
    formatValue,
    idPrefix: `embed-${spec.id}`,
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${drawn.height}" viewBox="0 0 ${width} ${drawn.height}" font-family="'Noto Sans', sans-serif" aria-hidden="true" focusable="false">${drawn.markup}</svg>`;
}

/**
 * The embed's page: heading, summary, chart or table, notes, and a footer naming the source, its
 * verification and the licence, with a link to the dashboard that opens outside the frame.
 */
export function embedMarkup(o: {
  spec: ChartSpec;
  t: TFunction;
  view: EmbedView;
  sourceLabel: string;
  dashboardLink: string;
  formatValue: (v: number) => string;
}): string {
  const { spec, t, view, sourceLabel, dashboardLink, formatValue } = o;
  const newTab = `<span class="visually-hidden"> ${e(t('embed.opensNew'))}</span>`;
  const badges = [
    chartHasSample(spec) ? `<span class="badge badge--sample">${e(t('badge.sample'))}</span>` : '',
    chartHasDerived(spec)
      ? `<span class="badge badge--derived">${e(t('badge.derived'))}</span>`
      : '',
  ].join('');
  const body =
    view === 'table'
      ? table(spec, t, formatValue)
      : `<div class="embed__chart" role="img" aria-labelledby="embed-summary"></div>`;
  return (
    `<h1 id="embed-title">${e(spec.title)}</h1>` +
    (badges ? `<div class="badges">${badges}</div>` : '') +
    `<p id="embed-summary" class="embed__summary">${e(spec.summary)}</p>` +
    body +
    (chartHasSample(spec) ? `<p class="note note--sample">${e(t('chart.sampleNote'))}</p>` : '') +
    (chartHasDerived(spec) ? `<p class="note">${e(t('chart.derivedNote'))}</p>` : '') +
    `<footer class="embed__footer">` +
    `<p>${e(t('openData.sourceLine', { source: sourceLabel }))}</p>` +
    `<p>${e(t('openData.verificationLine', { status: t(`verification.${spec.verification}`) }))}</p>` +
    `<p><a href="${e(LICENCE.url)}" target="_blank" rel="noopener license">${e(t('openData.licence'))}${newTab}</a></p>` +
    `<p><a class="embed__open" href="${e(dashboardLink)}" target="_blank" rel="noopener">${e(t('embed.openDashboard'))}${newTab}</a></p>` +
    `</footer>`
  );
}
