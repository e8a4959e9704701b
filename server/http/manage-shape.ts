import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AuthSettings } from '../config';
import { describeIssues } from '../../src/contract/common';
import { manageEndpoints } from '../../src/contract/endpoints';
import { AuthError } from '../auth/errors';
import { clientOf } from './client-address';

/*
 * The request-shape rules of the management API (SECURITY.md, "Traps"): hono/csrf and Hono's
 * JSON reading both let a text/plain body through, so the rules are checked here, before any
 * handler. A state change needs a JSON body from the site's own origin; answers are never stored.
 */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Every management body is small; a bigger one is refused before it is read. */
export const MAX_BODY_BYTES = 16 * 1024;
/** A batch carries a CSV (BATCH_MAX_CHARS characters, some of them multi-byte, in JSON). */
const LARGE_BODIES = new Map<string, number>([
  [manageEndpoints.batchPreview, 1024 * 1024],
  [manageEndpoints.batches, 1024 * 1024],
]);
export const maxBodyBytes = (path: string) => LARGE_BODIES.get(path) ?? MAX_BODY_BYTES;

/**
 * The one state change whose body is not JSON: an evidence file's raw bytes (up to
 * EVIDENCE_MAX_BYTES; server/evidence/ checks its type and size). Same-origin still applies.
 */
const isRawUpload = (c: Context) =>
  c.req.method === 'POST' && c.req.path === manageEndpoints.evidenceUpload;

/** The origin state changes may come from: PUBLIC_URL, else the request's own. */
export const siteOrigin = (c: Context, settings: AuthSettings): string =>
  settings.publicUrl ?? new URL(c.req.url).origin;

export function requestShape(settings: AuthSettings): MiddlewareHandler {
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method)) {
      const fetchSite = c.req.header('Sec-Fetch-Site');
      const origin = c.req.header('Origin');
      if (
        (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') ||
        (origin !== undefined && origin !== siteOrigin(c, settings))
      ) {
        throw new AuthError(403, 'cross_origin', 'Requests from another site are refused.');
      }
      const raw = isRawUpload(c);
      const type = c.req.header('Content-Type') ?? '';
      if (!raw && !/^application\/json\s*(;|$)/i.test(type)) {
        throw new AuthError(415, 'unsupported_media_type', 'Send the body as application/json.');
      }
      const length = Number(c.req.header('Content-Length') ?? 0);
      const limit = maxBodyBytes(c.req.path);
      if (!raw && length > limit) {
        throw new AuthError(400, 'bad_request', `The body is larger than ${limit} bytes.`);
      }
    }
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Content-Type-Options', 'nosniff');
  };
}

/** The body parsed by a strict contract schema; 400 naming the field otherwise. */
export async function readBody<Schema extends z.core.$ZodType>(
  c: Context,
  schema: Schema,
): Promise<z.infer<Schema>> {
  const text = await c.req.text();
  const limit = maxBodyBytes(c.req.path);
  if (text.length > limit) {
    throw new AuthError(400, 'bad_request', `The body is larger than ${limit} bytes.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AuthError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const parsed = z.safeParse(schema, json);
  if (!parsed.success)
    throw new AuthError(400, 'invalid_body', `Invalid body: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The query string parsed by a strict contract schema; 400 naming the parameter otherwise. */
export function readQuery<Schema extends z.core.$ZodType>(
  c: Context,
  schema: Schema,
): z.infer<Schema> {
  const parsed = z.safeParse(schema, Object.fromEntries(new URL(c.req.url).searchParams));
  if (!parsed.success)
    throw new AuthError(400, 'bad_request', `Invalid query: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The client's address: forwarded headers only from a TRUST_PROXY proxy (client-address.ts). */
export const clientAddress = (c: Context): string => clientOf(c).address;

/*
 * The session cookie. On https (PUBLIC_URL, else the request's protocol) it is
 * `__Host-ashyq_session`: Secure, Path=/, no Domain, so no other host can set or read it. On
 * http://localhost a browser refuses Secure cookies, so it is plain `ashyq_session` there.
 */
const COOKIE = 'ashyq_session';
const isHttps = (c: Context, settings: AuthSettings) =>
  settings.publicUrl !== null
    ? settings.publicUrl.startsWith('https:')
    : clientOf(c).https || new URL(c.req.url).protocol === 'https:';

export function readSessionCookie(c: Context, settings: AuthSettings): string | undefined {
  return isHttps(c, settings) ? getCookie(c, COOKIE, 'host') : getCookie(c, COOKIE);
}

export function writeSessionCookie(c: Context, settings: AuthSettings, token: string): void {
  if (isHttps(c, settings)) {
    setCookie(c, COOKIE, token, {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      prefix: 'host',
    });
  } else {
    setCookie(c, COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' });
  }
}

export function clearSessionCookie(c: Context, settings: AuthSettings): void {
  if (isHttps(c, settings)) {
    deleteCookie(c, COOKIE, {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      prefix: 'host',
    });
  } else {
    deleteCookie(c, COOKIE, { httpOnly: true, sameSite: 'Strict', path: '/' });
  }
}
