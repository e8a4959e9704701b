import type { Context } from 'hono';
import { clientOf } from './client-address';

/**
 * The origin readers reach the site at, for absolute links (an OpenAPI `servers` entry, a link in
 * a feed or an e-mail): PUBLIC_URL when it is set, which it should be in production, since the
 * Host header is the client's to choose. Otherwise the request's own host, https when the client
 * came over https (directly or through a trusted proxy).
 */
export function publicOrigin(c: Context, publicUrl: URL | null): string {
  if (publicUrl) return publicUrl.origin;
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  return `${clientOf(c).https ? 'https' : 'http'}://${host}`;
}
