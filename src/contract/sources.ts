import { z } from 'zod/mini';
import { idSchema, localizedTextSchema } from './common';

export const personSchema = z.object({
  id: idSchema,
  /** The name as written in Kazakh, and its transliteration for ru/en. */
  name: localizedTextSchema,
  role: localizedTextSchema,
  isModerator: z.boolean(),
  /** What the person spoke on, in our words, when the source says. */
  spokeOn: z.nullable(localizedTextSchema),
});
export type Person = z.infer<typeof personSchema>;

export const organisationSchema = z.object({
  name: localizedTextSchema,
  role: localizedTextSchema,
});
export type Organisation = z.infer<typeof organisationSchema>;

/** The kinds a source may have. The first three are the seed's; the rest come with proposals. */
export const sourceKinds = [
  'news-article',
  'official-report',
  'dataset',
  'hearing',
  'audit',
] as const;
export const sourceKindSchema = z.enum(sourceKinds);

export const sourceSchema = z.object({
  id: idSchema,
  kind: sourceKindSchema,
  /** The headline in meaning (not the article's own sentence). */
  title: localizedTextSchema,
  publication: z.object({
    name: localizedTextSchema,
    author: localizedTextSchema,
    language: z.string(),
    url: z.nullable(z.url()),
  }),
  event: z.object({
    name: localizedTextSchema,
    format: z.enum(['online', 'in-person']),
    topic: localizedTextSchema,
    /** ISO date when the source states one; null when it does not. */
    date: z.nullable(z.iso.date()),
    /** Why the date is missing or what bounds it. */
    dateNote: z.nullable(localizedTextSchema),
    organisers: z.array(organisationSchema),
    participantsNote: z.nullable(localizedTextSchema),
  }),
  people: z.array(personSchema),
});
export type Source = z.infer<typeof sourceSchema>;
export const sourceListSchema = z.array(sourceSchema);
