import { z } from 'zod/mini';
import { idSchema, localizedTextSchema } from './common';
import { metricSchema } from './metrics';

export const initiativeSchema = z.object({
  id: idSchema,
  name: localizedTextSchema,
  /** One sentence for cards and lists. */
  summary: localizedTextSchema,
  /** A paragraph in our own words. */
  description: localizedTextSchema,
  sourceId: idSchema,
  metricIds: z.array(idSchema),
});
export type Initiative = z.infer<typeof initiativeSchema>;
export const initiativeListSchema = z.array(initiativeSchema);

/** GET /initiatives/:id returns the programme together with its figures. */
export const initiativeDetailSchema = z.object({
  initiative: initiativeSchema,
  metrics: z.array(metricSchema),
});
export type InitiativeDetail = z.infer<typeof initiativeDetailSchema>;
