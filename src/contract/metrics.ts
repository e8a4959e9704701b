import { z } from 'zod/mini';
import { idSchema, localizedTextSchema } from './common';

/**
 * How a figure came to be:
 * - reported: stated by the source, not independently verified;
 * - verified: stated by the source and checked by an independent party.
 */
export const verificationSchema = z.enum(['reported', 'verified']);
export type Verification = z.infer<typeof verificationSchema>;

/** Which way is good for this figure; null when the notion does not apply. */
export const directionSchema = z.nullable(z.enum(['higher-is-better', 'lower-is-better']));

/** One point of a history. `sample` marks points invented for demonstration. */
export const seriesPointSchema = z.object({
  /** ISO date (YYYY-MM-DD) or year (YYYY). */
  period: z.string().check(z.regex(/^\d{4}(-\d{2}-\d{2})?$/, 'must be YYYY or YYYY-MM-DD')),
  value: z.number(),
  sample: z.boolean(),
});
export type SeriesPoint = z.infer<typeof seriesPointSchema>;

/** One district's share of a figure. */
export const breakdownEntrySchema = z.object({
  districtId: idSchema,
  value: z.number(),
  sample: z.boolean(),
  derived: z.boolean(),
});
export type BreakdownEntry = z.infer<typeof breakdownEntrySchema>;

export const metricSchema = z
  .object({
    id: idSchema,
    initiativeId: idSchema,
    /**
     * count: a number of things; ratio: a part of a total; change: a relative change in percent
     * against a baseline period; status: a state with no number.
     */
    kind: z.enum(['count', 'ratio', 'change', 'status']),
    label: localizedTextSchema,
    /** One plain sentence on what the figure measures, in our words. */
    description: localizedTextSchema,
    value: z.nullable(z.number()),
    /** The thing counted, e.g. "rural okrugs". Null for status and change. */
    unit: z.nullable(localizedTextSchema),
    /** For status figures: the state in words. */
    statusText: z.nullable(localizedTextSchema),
    /** For ratios: the whole the value is a part of. */
    total: z.nullable(z.number().check(z.positive())),
    totalLabel: z.nullable(localizedTextSchema),
    /** A figure shown inside another figure's card (e.g. adapted out of relocated). */
    parentId: z.nullable(idSchema),
    /** A goal to measure progress against. The hearing gives none: any target is sample data. */
    target: z.nullable(z.object({ value: z.number(), sample: z.boolean() })),
    /** For changes: the earlier period as an index (100). */
    baseline: z.nullable(z.number()),
    direction: directionSchema,
    /** ISO date or year of the figure; null when the source states none. */
    asOf: z.nullable(z.string()),
    /** Null for region-wide figures. */
    districtId: z.nullable(idSchema),
    sourceId: idSchema,
    /** Person id of whoever gave the figure. */
    reporterId: idSchema,
    verification: verificationSchema,
    /** True when the figure is worked out from the source rather than stated in it. */
    derived: z.boolean(),
    derivation: z.nullable(localizedTextSchema),
    /** True when the figure was invented for demonstration. Never true for a reported figure. */
    sample: z.boolean(),
    series: z.array(seriesPointSchema),
    breakdown: z.array(breakdownEntrySchema),
    /**
     * The 0-based index of the figure's latest log entry (ISSUE 11, /log/); null when the server
     * keeps no log. Defaults to null so answers and fixtures that do not send it still parse.
     */
    logIndex: z._default(z.nullable(z.int().check(z.nonnegative())), null),
  })
  .check(
    z.superRefine((metric, ctx) => {
      if (metric.kind === 'status' && metric.statusText === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['statusText'],
          message: 'status figures need a text',
        });
      }
      if (metric.kind !== 'status' && metric.value === null) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'numeric figures need a value' });
      }
      if (metric.kind === 'ratio' && metric.total === null) {
        ctx.addIssue({ code: 'custom', path: ['total'], message: 'ratios need a total' });
      }
      if (metric.derived && metric.derivation === null) {
        ctx.addIssue({ code: 'custom', path: ['derivation'], message: 'say how it was derived' });
      }
    }),
  );
export type Metric = z.infer<typeof metricSchema>;
export const metricListSchema = z.array(metricSchema);

/** Query parameters of GET /metrics. */
export const metricQuerySchema = z.object({
  initiative: z.optional(idSchema),
  district: z.optional(idSchema),
});
export type MetricQuery = z.infer<typeof metricQuerySchema>;
