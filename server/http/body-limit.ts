import { manageEndpoints } from '../../src/contract/endpoints';
import { EVIDENCE_MAX_BYTES } from '../../src/contract/revisions';
import { errorResponse } from './respond';

/** 1 MiB: the management API's JSON bodies are a few kB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * How large a request body may be, by path prefix: the longest matching prefix wins, else
 * `defaultBytes`. A route that takes uploads (evidence files, up to 10 MB) adds its prefix here,
 * e.g. `{ prefix: '/api/v1/evidence', bytes: 10 * 1024 * 1024 }`.
 */
export interface BodyLimits {
  defaultBytes: number;
  prefixes: ReadonlyArray<{
    prefix: string;
    bytes: number;
    /**
     * The route reads its body as a stream and stops at `bytes` itself (413). A declared
     * Content-Length over `bytes` is still refused here; a chunked body is then passed on
     * uncounted instead of being buffered whole before the route has even checked the session.
     */
    streamedByRoute?: boolean;
  }>;
}

/**
 * The evidence upload takes a file of up to EVIDENCE_MAX_BYTES, streamed to disk by its route
 * (server/evidence/store.ts) after the session is checked; everything else 1 MiB.
 */
export const DEFAULT_BODY_LIMITS: BodyLimits = {
  defaultBytes: DEFAULT_BODY_LIMIT,
  prefixes: [
    { prefix: manageEndpoints.evidenceUpload, bytes: EVIDENCE_MAX_BYTES, streamedByRoute: true },
  ],
};

function entryFor(path: string, limits: BodyLimits) {
  let best: BodyLimits['prefixes'][number] | undefined;
  for (const entry of limits.prefixes) {
    if (path.startsWith(entry.prefix) && (!best || entry.prefix.length > best.prefix.length)) {
      best = entry;
    }
  }
  return best;
}

export function bodyLimitFor(path: string, limits: BodyLimits): number {
  return entryFor(path, limits)?.bytes ?? limits.defaultBytes;
}

/** True when the path's route counts a chunked body itself (see `streamedByRoute`). */
export const isStreamedByRoute = (path: string, limits: BodyLimits): boolean =>
  entryFor(path, limits)?.streamedByRoute === true;

export const tooLarge = (bytes: number) => {
  const response = errorResponse(
    413,
    'payload_too_large',
    `The request body is larger than this address accepts (${bytes} bytes).`,
  );
  // The rest of the body is not read: the connection cannot carry another request after it.
  response.headers.set('Connection', 'close');
  return response;
};
