import type { MiddlewareHandler } from 'hono';
import { clientOf } from './client-address';
import type { HtmlPolicies } from './csp';

/**
 * Features the app never uses are switched off for it and for anything it might frame; full
 * screen (the deck) and the screen wake lock (the kiosk) stay allowed for our own origin only.
 * Only names Chromium knows: an unknown one is a console warning on every page.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=(self)',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** A year, as ASVS asks (hono/secure-headers' default is 180 days). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** Headers every answer carries, whatever it is (HTML, assets, fonts, 404s, errors). */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Headers for one answer: the common ones, the document ones, and the CSP when it is HTML. */
export function securityHeadersFor(options: {
  path: string;
  contentType: string | null;
  https: boolean;
  policies: HtmlPolicies;
}): Record<string, string> {
  const headers: Record<string, string> = { ...COMMON_HEADERS };
  if (options.https) headers['Strict-Transport-Security'] = HSTS;
  if (options.contentType?.toLowerCase().startsWith('text/html')) {
    headers['Content-Security-Policy'] = options.policies.headerFor(options.path);
    headers['Permissions-Policy'] = PERMISSIONS_POLICY;
  }
  return headers;
}

/** Adds the headers an answer lacks (a handler's own choice, e.g. its own CSP, is kept). */
export function applySecurityHeaders(
  response: Response,
  request: { path: string; https: boolean; policies: HtmlPolicies },
): Response {
  const headers = securityHeadersFor({
    ...request,
    contentType: response.headers.get('Content-Type'),
  });
  for (const [name, value] of Object.entries(headers)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}

/**
 * For the dashboard's answers (the API sets its own, on its fast path). A handler that serves an
 * HTML file the path does not name may set its own Content-Security-Policy with
 * `policies.headerFor(path, file)`; it is kept.
 */
export function securityHeaders(policies: HtmlPolicies, publicHttps: boolean): MiddlewareHandler {
  return async (c, next) => {
    await next();
    applySecurityHeaders(c.res, {
      path: c.req.path,
      https: publicHttps || clientOf(c).https,
      policies,
    });
  };
}
