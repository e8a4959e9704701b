import type { ChartRow, ChartSpec } from '../chart-types';
import type { ChartTheme } from './chart-theme';
import { escapeXml, type Measure, round, textBlock, wrapText } from './svg-text';

export interface DrawOptions {
  width: number;
  theme: ChartTheme;
  measure: Measure;
  formatValue: (value: number) => string;
  /** Prefix of the pattern ids, unique within the page that shows the SVG. */
  idPrefix: string;
}

/** A drawn chart: markup for inside an <svg> (its own <defs> included) and the height it takes. */
export interface DrawnChart {
  markup: string;
  height: number;
}

const FONT = 13;
const LINE = 17;

/**
 * Sample data hatched, derived data dotted: the same marks as the interactive charts, so they
 * survive in a picture, in print and in greyscale.
 */
function patterns(prefix: string, theme: ChartTheme): string {
  return (
    `<defs><pattern id="${prefix}-sample" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="8" height="8" fill="${theme.sampleFill}"/><line x1="0" y1="0" x2="0" y2="8" stroke="${theme.sampleStroke}" stroke-width="3"/></pattern>` +
    `<pattern id="${prefix}-derived" width="6" height="6" patternUnits="userSpaceOnUse">` +
    `<rect width="6" height="6" fill="${theme.derived}"/><circle cx="3" cy="3" r="1.2" fill="${theme.derivedDot}"/></pattern></defs>`
  );
}

export function barFill(row: ChartRow, prefix: string, theme: ChartTheme): string {
  if (row.sample) return `url(#${prefix}-sample)`;
  if (row.derived) return `url(#${prefix}-derived)`;
  return row.muted ? theme.muted : theme.primary;
}

/** Round tick steps (1, 2, 5 × 10ⁿ) covering 0…max in about `count` steps. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Horizontal bars, labels on the left (long Kazakh and Russian labels wrap rather than clip). */
function drawBars(spec: ChartSpec, o: DrawOptions): DrawnChart {
  const { width, theme, measure, formatValue, idPrefix } = o;
  const labelWidth = Math.min(
    Math.max(...spec.rows.map((r) => measure(r.label, FONT))) + 4,
    Math.round(width * 0.38),
  );
  const valueWidth = Math.max(...spec.rows.map((r) => measure(formatValue(r.value), FONT))) + 10;
  const x0 = labelWidth + 10;
  const ticks = niceTicks(Math.max(...spec.rows.map((r) => r.value), 0));
  const top = ticks.at(-1) ?? 1;
  const barArea = Math.max(40, width - x0 - valueWidth);
  const scale = (v: number) => (top > 0 ? (Math.max(v, 0) / top) * barArea : 0);

  let y = 8;
  const parts: string[] = [];
  for (const row of spec.rows) {
    const lines = wrapText(row.label, labelWidth, FONT, measure);
    const rowHeight = Math.max(34, lines.length * LINE + 10);
    const mid = y + rowHeight / 2;
    const firstBaseline = mid - ((lines.length - 1) * LINE) / 2 + FONT * 0.35;
    parts.push(
      textBlock(lines, {
        x: labelWidth,
        y: firstBaseline,
        size: FONT,
        lineHeight: LINE / FONT,
        fill: theme.text,
        anchor: 'end',
      }),
    );
    const w = scale(row.value);
    const stroke = row.sample ? ` stroke="${theme.sampleStroke}" stroke-width="1"` : '';
    parts.push(
      `<rect x="${x0}" y="${round(mid - 11)}" width="${round(w)}" height="22" fill="${barFill(row, idPrefix, theme)}"${stroke}/>`,
    );
    parts.push(
      `<text x="${round(x0 + w + 6)}" y="${round(mid + FONT * 0.35)}" font-size="${FONT}" fill="${theme.text}">${escapeXml(formatValue(row.value))}</text>`,
    );
    y += rowHeight;
  }
  const grid = ticks
    .map((t) => {
      const x = round(x0 + scale(t));
      return `<line x1="${x}" y1="4" x2="${x}" y2="${y}" stroke="${theme.grid}"/><text x="${x}" y="${y + 16}" font-size="12" fill="${theme.textSoft}" text-anchor="middle">${escapeXml(formatValue(t))}</text>`;
    })
    .join('');
  return { markup: patterns(idPrefix, theme) + grid + parts.join(''), height: y + 24 };
}

/** A series over time; a sample series is dashed in the sample colour, as in the app. */
function drawLine(spec: ChartSpec, o: DrawOptions): DrawnChart {
  const { width, theme, measure, formatValue, idPrefix } = o;
  const height = 240;
  const ticks = niceTicks(Math.max(...spec.rows.map((r) => r.value), 0));
  const top = ticks.at(-1) ?? 1;
  const left = Math.max(...ticks.map((t) => measure(formatValue(t), 12))) + 12;
  const plot = { x: left, y: 28, w: width - left - 24, h: height - 28 - 30 };
  const sample = spec.rows.some((r) => r.sample);
  const colour = sample ? theme.sampleStroke : theme.primary;
  // Inset from the axis, so the first value's label clears the tick labels.
  const inset = 28;
  const step = spec.rows.length > 1 ? (plot.w - 2 * inset) / (spec.rows.length - 1) : 0;
  const xAt = (i: number) => round(plot.x + (spec.rows.length > 1 ? inset + i * step : plot.w / 2));
  const yAt = (v: number) => round(plot.y + plot.h - (top > 0 ? (v / top) * plot.h : 0));

  const grid = ticks
    .map(
      (t) =>
        `<line x1="${plot.x}" y1="${yAt(t)}" x2="${plot.x + plot.w}" y2="${yAt(t)}" stroke="${theme.grid}"/><text x="${plot.x - 6}" y="${yAt(t) + 4}" font-size="12" fill="${theme.textSoft}" text-anchor="end">${escapeXml(formatValue(t))}</text>`,
    )
    .join('');
  const points = spec.rows.map((r, i) => `${xAt(i)},${yAt(r.value)}`).join(' ');
  const dash = sample ? ' stroke-dasharray="8 5"' : '';
  const marks = spec.rows
    .map(
      (r, i) =>
        `<circle cx="${xAt(i)}" cy="${yAt(r.value)}" r="5" fill="${colour}"/>` +
        `<text x="${xAt(i)}" y="${yAt(r.value) - 10}" font-size="${FONT}" fill="${theme.text}" text-anchor="middle">${escapeXml(formatValue(r.value))}</text>` +
        `<text x="${xAt(i)}" y="${plot.y + plot.h + 20}" font-size="12" fill="${theme.textSoft}" text-anchor="middle">${escapeXml(r.label)}</text>`,
    )
    .join('');
  return {
    markup: `${patterns(idPrefix, theme)}${grid}<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="3"${dash}/>${marks}`,
    height,
  };
}

/** The chart alone, drawn as SVG from its spec: the same picture in the embed and the downloads. */
export function drawChart(spec: ChartSpec, options: DrawOptions): DrawnChart {
  if (spec.rows.length === 0) return { markup: '', height: 0 };
  return spec.kind === 'line' ? drawLine(spec, options) : drawBars(spec, options);
}
