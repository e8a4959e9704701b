import {
  Bar,
  BarChart as RechartsBarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartHeightRem, type ChartRow } from './chart-types';
import { ChartPatterns, fillFor, strokeFor } from './bar-fill';
import { palette } from './palette';

interface Props {
  id: string;
  rows: ChartRow[];
  valueHeader: string;
  formatValue: (value: number) => string;
  animate: boolean;
  /** Fill the container's height (slides) instead of sizing by the number of rows. */
  fill?: boolean;
}

/** Stateless: rows in, horizontal bars out. Horizontal, so long Kazakh and Russian labels fit. */
export function BarChart({ id, rows, valueHeader, formatValue, animate, fill = false }: Props) {
  // Sizes in rem terms, so a kiosk's larger type gets room too.
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const height = chartHeightRem('bar', rows.length) * rem;
  return (
    <ResponsiveContainer width="100%" height={fill ? '100%' : height}>
      <RechartsBarChart
        data={rows}
        layout="vertical"
        margin={{ top: 8, right: 56, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <ChartPatterns id={id} />
        <CartesianGrid horizontal={false} stroke={palette.grid} />
        <XAxis
          type="number"
          tickFormatter={formatValue}
          stroke={palette.text}
          allowDecimals={false}
        />
        <YAxis
          type="category"
          dataKey="label"
          width={Math.round(10 * rem)}
          interval={0}
          stroke={palette.text}
        />
        <Tooltip formatter={(value) => [formatValue(Number(value)), valueHeader]} />
        <Bar dataKey="value" isAnimationActive={animate} maxBarSize={32}>
          {rows.map((row) => (
            <Cell key={row.key} fill={fillFor(row, id)} stroke={strokeFor(row)} />
          ))}
          <LabelList
            dataKey="value"
            position="right"
            formatter={(value) => formatValue(Number(value))}
            fill={palette.text}
          />
        </Bar>
      </RechartsBarChart>
    </ResponsiveContainer>
  );
}
