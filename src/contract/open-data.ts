import { z } from 'zod';
import { idSchema } from './common';
import { metricSchema, verificationSchema } from './metrics';
import { districtSchema } from './region';
import { sourceSchema } from './sources';

/**
 * The tables of the bulk download (/data): flat rows for spreadsheets, one schema per table. The
 * data package's Table Schemas are generated from these, and every row is parsed by them.
 * Localized texts become one column per language (label_kk, label_ru, label_en); null is an empty
 * CSV cell.
 */
const text = z.string().min(1);
const optionalText = text.nullable();
const localized = <B extends string>(base: B, schema: z.ZodType = text) =>
  ({ [`${base}_kk`]: schema, [`${base}_ru`]: schema, [`${base}_en`]: schema }) as Record<
    `${B}_${'kk' | 'ru' | 'en'}`,
    z.ZodType
  >;

export const openDataTables = {
  figures: z.object({
    metric_id: idSchema,
    initiative_id: idSchema,
    parent_id: idSchema.nullable(),
    kind: metricSchema.shape.kind,
    ...localized('label'),
    value: z.number().nullable(),
    ...localized('unit', optionalText),
    ...localized('status', optionalText),
    total: z.number().nullable(),
    baseline: z.number().nullable(),
    direction: z.enum(['higher-is-better', 'lower-is-better']).nullable(),
    as_of: z
      .string()
      .regex(/^\d{4}(-\d{2}-\d{2})?$/)
      .nullable(),
    district_id: idSchema.nullable(),
    source_id: idSchema,
    reporter_id: idSchema,
    verification: verificationSchema,
    derived: z.boolean(),
    ...localized('derivation', optionalText),
    sample: z.boolean(),
  }),
  series: z.object({
    metric_id: idSchema,
    period: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/),
    value: z.number(),
    sample: z.boolean(),
  }),
  'by-district': z.object({
    metric_id: idSchema,
    district_id: idSchema,
    value: z.number(),
    sample: z.boolean(),
    derived: z.boolean(),
  }),
  initiatives: z.object({
    initiative_id: idSchema,
    ...localized('name'),
    ...localized('summary'),
    source_id: idSchema,
  }),
  districts: z.object({
    district_id: idSchema,
    kind: districtSchema.shape.kind,
    ...localized('name'),
  }),
  sources: z.object({
    source_id: idSchema,
    kind: sourceSchema.shape.kind,
    ...localized('title'),
    ...localized('publication'),
    url: z.url().nullable(),
    event_date: z.iso.date().nullable(),
  }),
} as const;

export type OpenDataTable = keyof typeof openDataTables;
export const openDataTableNames = Object.keys(openDataTables) as OpenDataTable[];
export type OpenDataRow<T extends OpenDataTable> = z.infer<(typeof openDataTables)[T]>;

/** Each table's key: one row per value of these columns. */
export const primaryKeys: Record<OpenDataTable, string[]> = {
  figures: ['metric_id'],
  series: ['metric_id', 'period'],
  'by-district': ['metric_id', 'district_id'],
  initiatives: ['initiative_id'],
  districts: ['district_id'],
  sources: ['source_id'],
};
