import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart as RechartsLineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartHeightRem, type ChartRow } from './chart-types';
import { palette } from './palette';

interface Props {
  rows: ChartRow[];
  valueHeader: string;
  formatValue: (value: number) => string;
  animate: boolean;
  /** Fill the container's height (slides) instead of a fixed one. */
  fill?: boolean;
}

interface DotProps {
  cx?: number;
  cy?: number;
  index?: number;
  payload?: ChartRow;
}

/**
 * Each point says what it is: an invented one is a hollow ring in the sample colour, a reported
 * one a filled dot, so a series that mixes both shows which is which.
 */
function PointDot({ cx, cy, payload }: DotProps) {
  if (cx === undefined || cy === undefined) return <g />;
  return payload?.sample ? (
    <circle cx={cx} cy={cy} r={5} fill="#fff" stroke={palette.sampleStroke} strokeWidth={3} />
  ) : (
    <circle cx={cx} cy={cy} r={6} fill={palette.primary} />
  );
}

/** Stateless: a series over time. Sample series are drawn dashed in the sample colour. */
export function LineChart({ rows, valueHeader, formatValue, animate, fill = false }: Props) {
  const sample = rows.some((row) => row.sample);
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const colour = sample ? palette.sampleStroke : palette.primary;
  return (
    <ResponsiveContainer
      width="100%"
      height={fill ? '100%' : chartHeightRem('line', rows.length) * rem}
    >
      <RechartsLineChart
        data={rows}
        margin={{ top: 24, right: 32, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke={palette.grid} />
        <XAxis dataKey="label" stroke={palette.text} />
        <YAxis tickFormatter={formatValue} stroke={palette.text} width={56} />
        <Tooltip formatter={(value) => [formatValue(Number(value)), valueHeader]} />
        <Line
          type="linear"
          dataKey="value"
          stroke={colour}
          strokeWidth={3}
          strokeDasharray={sample ? '8 5' : undefined}
          dot={(props: DotProps) => <PointDot key={`dot-${props.index ?? 0}`} {...props} />}
          isAnimationActive={animate}
        >
          <LabelList
            dataKey="value"
            position="top"
            formatter={(value) => formatValue(Number(value))}
            fill={palette.text}
          />
        </Line>
      </RechartsLineChart>
    </ResponsiveContainer>
  );
}
