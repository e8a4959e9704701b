import { z } from 'zod';
import { idSchema } from '../../src/contract/common';
import { seriesPointSchema, verificationSchema } from '../../src/contract/metrics';

/*
 * One row of an import file (server/README-section.md has the table). What a row does follows
 * from which fields it fills:
 * - `period`: a point of the figure's history (added, or replaced when the period exists);
 * - `district`: the figure's entry for that district (added or replaced);
 * - neither: the figure's headline value, with its date (`asOf`), source, reporter, verification.
 */

/** YYYY or YYYY-MM-DD as in the contract's series points, and a real calendar day. */
const periodSchema = seriesPointSchema.shape.period.check(
  z.refine((text) => {
    if (text.length === 4) return true;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
  }, 'is not a real date'),
);

export const importColumns = [
  'metric',
  'value',
  'asOf',
  'period',
  'district',
  'source',
  'reporter',
  'verification',
  'sample',
] as const;
export type ImportColumn = (typeof importColumns)[number];

const headlineOnly = ['asOf', 'source', 'reporter', 'verification'] as const;

export const importRowSchema = z
  .strictObject({
    metric: idSchema,
    value: z.number({ error: 'must be a number' }),
    asOf: z.optional(periodSchema),
    period: z.optional(periodSchema),
    district: z.optional(idSchema),
    source: z.optional(idSchema),
    reporter: z.optional(idSchema),
    verification: z.optional(verificationSchema),
    sample: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .superRefine((row, ctx) => {
    if (row.period !== undefined && row.district !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['district'],
        message: 'a row is a history point (period) or a district entry (district), not both',
      });
    }
    const isPoint = row.period !== undefined || row.district !== undefined;
    if (isPoint) {
      for (const field of headlineOnly) {
        if (row[field] !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'belongs to a headline row (one without period or district)',
          });
        }
      }
    } else if (row.sample !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['sample'],
        message: 'belongs to period or district rows: an imported headline figure is never sample',
      });
    }
  });
export type ImportRow = z.infer<typeof importRowSchema>;

/** A row as read from the file, before validation, with where it came from. */
export interface RawRow {
  /** 1-based position among the data rows. */
  row: number;
  /** CSV only: the file line it starts on. */
  line?: number;
  values: Record<string, unknown>;
}

/**
 * CSV cells are text: numbers and booleans are read here, empty cells are left out. Anything
 * unreadable stays text so that the schema names the field and says what it should be.
 */
export function csvCellsToValues(header: string[], cells: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  header.forEach((column, index) => {
    const cell = (cells[index] ?? '').trim();
    if (cell === '') return;
    if (column === 'value') {
      values[column] = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(cell) ? Number(cell) : cell;
    } else if (column === 'sample') {
      values[column] = cell === 'true' ? true : cell === 'false' ? false : cell;
    } else {
      values[column] = cell;
    }
  });
  return values;
}
