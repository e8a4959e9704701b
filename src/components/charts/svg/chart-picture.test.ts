import { describe, expect, test } from 'vitest';
import type { ChartSpec } from '../chart-types';
import { chartPicture, type PictureTexts } from './chart-picture';
import { darkChartTheme, lightChartTheme } from './chart-theme';
import { drawChart, niceTicks } from './chart-svg';
import { escapeXml, estimateWidth, wrapText } from './svg-text';

const row = (key: string, value: number, flags: Partial<ChartSpec['rows'][number]> = {}) => ({
  key,
  label: `Ауданы ${key}`,
  value,
  sample: false,
  derived: false,
  muted: false,
  ...flags,
});
const spec = (rows: ChartSpec['rows'], kind: ChartSpec['kind'] = 'bar'): ChartSpec => ({
  id: 'x-by-district',
  initiativeId: 'x',
  kind,
  title: 'Жобалық кеңсе <топтары> & аудандар',
  summary: 'Барлығы 144.',
  categoryHeader: 'Аудан',
  valueHeader: 'Мәні',
  rows,
  sourceId: 'hearing',
  verification: 'reported',
});
const texts: PictureTexts = {
  title: 'Жобалық кеңсе <топтары> & аудандар',
  summary: 'Барлығы 144.',
  legendReported: 'Мәлімделген',
  legendSample: 'Үлгі дерек',
  legendDerived: 'Есептелген',
  source: 'Дереккөз: «Сыр бойы»',
  verification: 'Тексеру: мәлімделген',
  licence: 'Лицензия: CC BY 4.0',
  link: 'https://example.org/initiatives/x?lang=kk#chart-x-by-district',
};
const options = {
  measure: estimateWidth,
  formatValue: String,
  theme: lightChartTheme,
  idPrefix: 'p',
  width: 600,
};

describe('chart drawing', () => {
  test('ticks are round numbers that cover the largest value', () => {
    expect(niceTicks(25)).toEqual([0, 10, 20, 30]);
    expect(niceTicks(144)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(0)).toEqual([0]);
  });

  test('a bar per row, sample bars hatched and derived ones dotted, with the value written', () => {
    const { markup, height } = drawChart(
      spec([row('a', 25, { sample: true }), row('b', 7, { derived: true }), row('c', 3)]),
      options,
    );
    expect(markup.match(/<rect x=/g)).toHaveLength(3);
    expect(markup).toContain('fill="url(#p-sample)"');
    expect(markup).toContain('fill="url(#p-derived)"');
    expect(markup).toContain(`fill="${lightChartTheme.primary}"`);
    expect(markup).toContain('<pattern id="p-sample"');
    expect(markup).toMatch(/>25<\/text>/);
    expect(height).toBeGreaterThan(3 * 34);
  });

  test('bars grow with their value and none passes the width', () => {
    const { markup } = drawChart(spec([row('a', 30), row('b', 15)]), options);
    const widths = [...markup.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map(
      (m) => Number(m[2]),
    );
    expect(widths[0]).toBeCloseTo((widths[1] ?? 0) * 2, 0);
    for (const m of markup.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)) {
      expect(Number(m[1]) + Number(m[2])).toBeLessThanOrEqual(600);
    }
  });

  test('a sample series is a dashed line in the sample colour; dark theme changes the colours', () => {
    const line = spec(
      [row('2019', 38, { sample: true }), row('2020', 81, { sample: true })],
      'line',
    );
    const light = drawChart(line, options).markup;
    expect(light).toContain('stroke-dasharray="8 5"');
    expect(light).toContain(`stroke="${lightChartTheme.sampleStroke}"`);
    const dark = drawChart(line, { ...options, theme: darkChartTheme }).markup;
    expect(dark).toContain(`stroke="${darkChartTheme.sampleStroke}"`);
  });

  test('long labels wrap instead of running past their column', () => {
    expect(wrapText('бір екі үш төрт бес алты', 60, 13, estimateWidth).length).toBeGreaterThan(1);
    expect(wrapText('', 60, 13, estimateWidth)).toEqual(['']);
  });
});

describe('the downloadable picture', () => {
  test('holds title, chart, legend and footer, escapes the data, and embeds the fonts given', () => {
    const picture = chartPicture(spec([row('a', 25, { sample: true }), row('b', 7)]), {
      texts,
      measure: estimateWidth,
      formatValue: String,
      fontCss: "@font-face{font-family:'Noto Sans';src:url(data:font/woff2;base64,AAAA)}",
    });
    expect(picture.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(picture.svg).toContain(`<title>${escapeXml(texts.title)}</title>`);
    expect(picture.svg).not.toContain('<топтары>');
    for (const line of [
      texts.source,
      texts.verification,
      texts.licence,
      texts.legendSample,
      texts.legendReported,
    ]) {
      expect(picture.svg).toContain(escapeXml(line));
    }
    expect(picture.svg).not.toContain(texts.legendDerived);
    expect(picture.svg).toContain('<style>@font-face');
    expect(picture.svg).toContain('font-family="\'Noto Sans\', sans-serif"');
    expect(picture.footerTop).toBeLessThan(picture.height);
    expect(picture.width).toBe(800);
  });
});
