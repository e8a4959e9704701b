import { z } from 'zod/mini';
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
const text = z.string().check(z.minLength(1));
const optionalText = z.nullable(text);
const localized = <B extends string>(base: B, schema: z.ZodMiniType = text) =>
  ({ [`${base}_kk`]: schema, [`${base}_ru`]: schema, [`${base}_en`]: schema }) as Record<
    `${B}_${'kk' | 'ru' | 'en'}`,
    z.ZodMiniType
  >;

export const openDataTables = {
  figures: z.object({
    metric_id: idSchema,
    initiative_id: idSchema,
    parent_id: z.nullable(idSchema),
    kind: metricSchema.shape.kind,
    ...localized('label'),
    value: z.nullable(z.number()),
    ...localized('unit', optionalText),
    ...localized('status', optionalText),
    total: z.nullable(z.number()),
    baseline: z.nullable(z.number()),
    direction: z.nullable(z.enum(['higher-is-better', 'lower-is-better'])),
    as_of: z.nullable(z.string().check(z.regex(/^\d{4}(-\d{2}-\d{2})?$/))),
    district_id: z.nullable(idSchema),
    source_id: idSchema,
    reporter_id: idSchema,
    verification: verificationSchema,
    derived: z.boolean(),
    ...localized('derivation', optionalText),
    sample: z.boolean(),
  }),
  series: z.object({
    metric_id: idSchema,
    period: z.string().check(z.regex(/^\d{4}(-\d{2}-\d{2})?$/)),
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
    url: z.nullable(z.url()),
    event_date: z.nullable(z.iso.date()),
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
