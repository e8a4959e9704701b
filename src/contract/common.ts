import { z } from 'zod/mini';

/*
 * The contract is written in zod's functional API (`zod/mini`): the browser loads about 9 kB
 * (gzip) of zod instead of the classic build's 24. The server parses with the same schemas;
 * classic zod accepts them (`z.optional(idSchema)`, `z.safeParse(schema, x)`), both being the same
 * core underneath. Writing a schema here: `.check(z.minLength(1), z.regex(…))` for checks,
 * `z.nullable(x)`, `z.optional(x)`, `z._default(x, v)` for wrappers, `z.int()` for integers,
 * `.check(z.superRefine(…))` for rules across fields. tests/build/entry-chunk.test.ts fails
 * when classic zod reaches the client.
 */

/** The languages the dashboard speaks. Kazakh is the default. */
export const locales = ['kk', 'ru', 'en'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

/** A text given in every language the dashboard speaks. */
export const localizedTextSchema = z.object({
  kk: z.string().check(z.minLength(1)),
  ru: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** A slug used in URLs: lower-case letters, digits and hyphens. */
export const idSchema = z
  .string()
  .check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug'));

/** The body of every error response. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

/**
 * Every problem zod found, as one line naming each field: "PORT: Too small; DATA_DIR: …". A
 * problem of the whole object (e.g. an unknown key) is its message alone.
 */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    )
    .join('; ');
}
