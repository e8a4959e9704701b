import { chartHasDerived, chartHasSample, type ChartSpec } from '../chart-types';
import { type ChartTheme, lightChartTheme } from './chart-theme';
import { barFill, drawChart } from './chart-svg';
import { escapeXml, type Measure, round, textBlock, wrapText } from './svg-text';

/** The words of a picture, already in the reader's language. */
export interface PictureTexts {
  title: string;
  summary: string;
  legendReported: string;
  legendSample: string;
  legendDerived: string;
  /** "Source: …" */
  source: string;
  /** "Verification: reported, not independently verified" */
  verification: string;
  /** "Licence: CC BY 4.0 …" */
  licence: string;
  /** The dashboard address of the chart. */
  link: string;
}

export interface PictureOptions {
  texts: PictureTexts;
  measure: Measure;
  formatValue: (value: number) => string;
  width?: number;
  theme?: ChartTheme;
  /** @font-face rules (fonts as data: URLs), so the picture renders the same everywhere. */
  fontCss?: string;
}

export interface Picture {
  svg: string;
  width: number;
  height: number;
  /** Where the footer (source, verification, licence, link) starts. */
  footerTop: number;
}

export const PICTURE_FONT = "'Noto Sans', sans-serif";
const PAD = 24;

function legend(
  spec: ChartSpec,
  texts: PictureTexts,
  theme: ChartTheme,
  x: number,
  y: number,
  measure: Measure,
): string {
  const entries: { fill: string; label: string; dashed?: boolean }[] = [];
  const prefix = 'picture';
  const plain = spec.rows.find((r) => !r.sample && !r.derived);
  if (plain) entries.push({ fill: barFill(plain, prefix, theme), label: texts.legendReported });
  const sample = spec.rows.find((r) => r.sample);
  if (sample)
    entries.push({
      fill: barFill(sample, prefix, theme),
      label: texts.legendSample,
      dashed: spec.kind === 'line',
    });
  const derived = spec.rows.find((r) => r.derived && !r.sample);
  if (derived) entries.push({ fill: barFill(derived, prefix, theme), label: texts.legendDerived });
  let at = x;
  return entries
    .map((entry) => {
      const swatch =
        spec.kind === 'line'
          ? `<line x1="${at}" y1="${y - 4}" x2="${at + 18}" y2="${y - 4}" stroke="${entry.dashed ? theme.sampleStroke : theme.primary}" stroke-width="3"${entry.dashed ? ' stroke-dasharray="5 3"' : ''}/>`
          : `<rect x="${at}" y="${y - 11}" width="18" height="12" fill="${entry.fill}"${entry.label === texts.legendSample ? ` stroke="${theme.sampleStroke}"` : ''}/>`;
      const text = `<text x="${at + 24}" y="${y}" font-size="12" fill="${theme.text}">${escapeXml(entry.label)}</text>`;
      at += 24 + measure(entry.label, 12) + 20;
      return swatch + text;
    })
    .join('');
}

/**
 * The chart as one self-contained picture: title, summary, chart, legend, and a footer with its
 * source, verification, licence and dashboard link. Everything is SVG (no foreignObject), so it
 * survives being opened in an editor, dropped on a slide or drawn to a canvas.
 */
export function chartPicture(spec: ChartSpec, options: PictureOptions): Picture {
  const {
    texts,
    measure,
    formatValue,
    width = 800,
    theme = lightChartTheme,
    fontCss = '',
  } = options;
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD + 22;

  const titleLines = wrapText(texts.title, inner, 22, measure, 700);
  parts.push(
    textBlock(titleLines, { x: PAD, y, size: 22, lineHeight: 1.3, fill: theme.text, weight: 700 }),
  );
  y += (titleLines.length - 1) * 22 * 1.3 + 28;
  const summaryLines = wrapText(texts.summary, inner, 15, measure);
  parts.push(textBlock(summaryLines, { x: PAD, y, size: 15, fill: theme.text }));
  y += (summaryLines.length - 1) * 15 * 1.35 + 16;

  const chart = drawChart(spec, { width: inner, theme, measure, formatValue, idPrefix: 'picture' });
  parts.push(`<g transform="translate(${PAD} ${round(y)})">${chart.markup}</g>`);
  y += chart.height + 20;
  parts.push(legend(spec, texts, theme, PAD, y, measure));
  y += 18;

  const footerTop = y;
  parts.push(`<line x1="${PAD}" y1="${y}" x2="${width - PAD}" y2="${y}" stroke="${theme.grid}"/>`);
  y += 20;
  const footerLines = [texts.source, texts.verification, texts.licence, texts.link].flatMap(
    (line) => wrapText(line, inner, 12, measure),
  );
  parts.push(
    textBlock(footerLines, { x: PAD, y, size: 12, lineHeight: 1.45, fill: theme.textSoft }),
  );
  y += (footerLines.length - 1) * 12 * 1.45 + PAD;

  const height = Math.ceil(y);
  const notes = [
    chartHasSample(spec) ? texts.legendSample : null,
    chartHasDerived(spec) ? texts.legendDerived : null,
  ]
    .filter(Boolean)
    .join('; ');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${PICTURE_FONT}" role="img">` +
    `<title>${escapeXml(texts.title)}</title><desc>${escapeXml(texts.summary + (notes ? ` (${notes})` : ''))}</desc>` +
    (fontCss ? `<defs><style>${fontCss}</style></defs>` : '') +
    `<rect width="${width}" height="${height}" fill="${theme.background}"/>` +
    parts.join('') +
    `</svg>`;
  return { svg, width, height, footerTop };
}
