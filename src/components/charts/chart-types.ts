/** One bar or point: a category (district, period, part) and its value. */
export interface ChartRow {
  key: string;
  label: string;
  value: number;
  /** Invented for demonstration. */
  sample: boolean;
  /** Worked out from the source rather than stated in it. */
  derived: boolean;
  /** Drawn in the quiet colour: the remainder of a whole, not a figure in its own right. */
  muted: boolean;
}

/** Everything a chart panel needs, already in the reader's language. Charts never fetch. */
export interface ChartSpec {
  id: string;
  /** The programme the chart belongs to. */
  initiativeId: string;
  kind: 'bar' | 'line';
  title: string;
  /** One sentence that states the chart's numbers. */
  summary: string;
  categoryHeader: string;
  valueHeader: string;
  rows: ChartRow[];
  sourceId: string;
  /** Verified only when every figure drawn is (a chart is as sure as its least sure figure). */
  verification: 'reported' | 'verified';
}

/** The id of a chart's panel on a page, so a link (or a kiosk's QR code) can point at it. */
export const chartAnchor = (chartId: string): string => `chart-${chartId}`;

export const chartHasSample = (spec: ChartSpec): boolean => spec.rows.some((row) => row.sample);
export const chartHasDerived = (spec: ChartSpec): boolean => spec.rows.some((row) => row.derived);

/** The drawn height of a chart, in rem, so a placeholder can hold the same space before it loads. */
export function chartHeightRem(kind: ChartSpec['kind'], rowCount: number): number {
  return kind === 'line' ? 15 : Math.max(10, rowCount * 2.75 + 2.5);
}
