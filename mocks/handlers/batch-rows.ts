import type { BatchRow } from '@/contract/revisions';
import { parseCsv } from '../../server/import/csv';
import {
  csvCellsToValues,
  importColumns,
  importRowSchema,
  type ImportRow,
} from '../../server/import/rows';
import { metrics } from '../fixtures/metrics';
import { knownDistrict, knownSource } from './revisions-state';

/**
 * A CSV in the import format (README, "Importing figures"), read with the import's own parser and
 * row schema, each row checked against the figures as they are now: what it targets, the value
 * now, the value proposed, and every problem by field. Nothing is written here.
 */
export interface CheckedRow extends BatchRow {
  row: ImportRow | null;
}

function currentOf(row: ImportRow): { target: string; current: number | null } {
  const metric = metrics.find((item) => item.id === row.metric);
  if (row.district !== undefined) {
    const entry = metric?.breakdown.find((item) => item.districtId === row.district);
    return { target: `district ${row.district}`, current: entry?.value ?? null };
  }
  if (row.period !== undefined) {
    const point = metric?.series.find((item) => item.period === row.period);
    return { target: `period ${row.period}`, current: point?.value ?? null };
  }
  return { target: 'headline', current: metric?.value ?? null };
}

function referenceErrors(row: ImportRow): BatchRow['errors'] {
  const errors: BatchRow['errors'] = [];
  const metric = metrics.find((item) => item.id === row.metric);
  if (!metric) errors.push({ field: 'metric', message: 'no such figure' });
  else if (metric.kind === 'status') {
    errors.push({ field: 'value', message: 'a status figure takes no number' });
  }
  if (row.district !== undefined && !knownDistrict(row.district)) {
    errors.push({ field: 'district', message: 'no such district' });
  }
  if (row.source !== undefined && !knownSource(row.source)) {
    errors.push({ field: 'source', message: 'no such source' });
  }
  return errors;
}

export function checkBatch(csv: string): { rows: CheckedRow[]; fileError: string | null } {
  let records;
  try {
    records = parseCsv(csv);
  } catch (error) {
    return { rows: [], fileError: error instanceof Error ? error.message : 'unreadable file' };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], fileError: 'the file is empty' };
  const columns = header.cells.map((cell) => cell.trim());
  const unknown = columns.filter(
    (column) => !(importColumns as readonly string[]).includes(column),
  );
  if (unknown.length > 0) return { rows: [], fileError: `unknown columns: ${unknown.join(', ')}` };
  if (data.length === 0) return { rows: [], fileError: 'the file has no rows' };
  const rows = data.map((record): CheckedRow => {
    const values = csvCellsToValues(columns, record.cells);
    const parsed = importRowSchema.safeParse(values);
    const metricId = typeof values.metric === 'string' ? values.metric : '';
    const proposed = typeof values.value === 'number' ? values.value : null;
    if (!parsed.success) {
      return {
        line: record.line,
        metricId,
        target: '',
        current: null,
        proposed,
        row: null,
        errors: parsed.error.issues.map((issue) => ({
          field: issue.path.map(String).join('.') || 'row',
          message: issue.message,
        })),
      };
    }
    return {
      line: record.line,
      metricId,
      ...currentOf(parsed.data),
      proposed,
      row: parsed.data,
      errors: referenceErrors(parsed.data),
    };
  });
  return { rows, fileError: null };
}

/** The import's own wording: `line 3, field "value": must be a number`. */
export const describeRowErrors = (rows: readonly BatchRow[]) =>
  rows
    .flatMap((row) =>
      row.errors.map((error) => `line ${row.line}, field "${error.field}": ${error.message}`),
    )
    .join('; ');
