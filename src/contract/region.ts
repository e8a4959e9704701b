import { z } from 'zod/mini';
import { idSchema, localizedTextSchema } from './common';

export const districtSchema = z.object({
  id: idSchema,
  name: localizedTextSchema,
  /** Seven districts (аудан) and one city of regional status. */
  kind: z.enum(['district', 'city']),
});
export type District = z.infer<typeof districtSchema>;

export const regionSchema = z.object({
  id: idSchema,
  name: localizedTextSchema,
  districts: z.array(districtSchema),
});
export type Region = z.infer<typeof regionSchema>;
