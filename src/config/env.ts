import { z } from 'zod/mini';
import { describeIssues } from '@/contract/common';

const envSchema = z.object({
  /**
   * Where the real API is: an absolute URL, or "/" for the server that serves this app.
   * Unset or empty: the embedded mock API answers.
   */
  VITE_API_URL: z.pipe(
    z.optional(
      z.union([
        z.literal(''),
        z.literal('/'),
        z.url({ message: 'VITE_API_URL must be "/" or an absolute http(s) URL' }),
      ]),
    ),
    z.transform((value) => (value ? value.replace(/\/+$/, '') : undefined)),
  ),
  /**
   * The public log's verifier key ("<name>+<key id>+<base64>"), when the site pins it at build
   * time. Unset: each browser pins the key it first sees at /log/key.
   */
  VITE_LOG_KEY: z.pipe(
    z.optional(
      z.union([
        z.literal(''),
        z
          .string()
          .check(
            z.regex(
              /^[^\s+]+\+[0-9a-f]{8}\+[A-Za-z0-9+/=]+$/,
              'VITE_LOG_KEY must be "<name>+<id>+<base64>"',
            ),
          ),
      ]),
    ),
    z.transform((value) => value || undefined),
  ),
});

export type Env = z.infer<typeof envSchema>;

/** Parses the build-time environment; throws a message naming the variable that is wrong. */
export function parseEnv(raw: Record<string, unknown>): Env {
  const result = envSchema.safeParse(raw);
  if (!result.success) throw new Error(`Invalid configuration: ${describeIssues(result.error)}`);
  return result.data;
}

export const env = parseEnv(import.meta.env);
