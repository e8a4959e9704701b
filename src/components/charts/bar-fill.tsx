import type { ChartRow } from './chart-types';
import { palette } from './palette';

/** SVG patterns shared by a chart: sample data is hatched, derived data dotted. */
export function ChartPatterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern
        id={`${id}-sample`}
        width="8"
        height="8"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="8" height="8" fill="#fbe9d0" />
        <line x1="0" y1="0" x2="0" y2="8" stroke={palette.sampleStroke} strokeWidth="3" />
      </pattern>
      <pattern id={`${id}-derived`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill={palette.derived} />
        <circle cx="3" cy="3" r="1.2" fill="#ffffff" />
      </pattern>
    </defs>
  );
}

export function fillFor(row: ChartRow, id: string): string {
  if (row.sample) return `url(#${id}-sample)`;
  if (row.derived) return `url(#${id}-derived)`;
  return row.muted ? palette.muted : palette.primary;
}

export function strokeFor(row: ChartRow): string {
  return row.sample ? palette.sampleStroke : 'none';
}
