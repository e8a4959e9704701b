import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Context } from 'hono';
import type { AuthDeps } from '../auth/guard';
import { validateSession } from '../auth/sessions';
import { clientAddress, readSessionCookie } from '../http/manage-shape';
import { API_CACHE_CONTROL, errorResponse, etagMatches } from '../http/respond';
import { contentDisposition } from './name';
import { isStoredName } from './store';
import { isEvidencePublic } from './visibility';

/*
 * GET endpoints.evidenceFile(id): the file itself, always as a download that no browser renders
 * in the site's origin (attachment, nosniff, a sandbox CSP). Public once attached to a published
 * revision or a verification; before that, only to a signed-in account of the file's region.
 * Unknown and not-yet-visible ids get the same 404, so ids cannot be probed.
 */
const notFound = () => errorResponse(404, 'not_found', 'No such evidence file.');

const EVIDENCE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Ids known to be public: that never changes back (visibility.ts), so each is looked up once. */
const MAX_REMEMBERED = 10_000;

export function evidenceDownload(deps: AuthDeps | undefined) {
  const known = new Set<string>();
  const isPublic = async (id: string) => {
    if (!deps) return false;
    if (known.has(id)) return true;
    const visible = await isEvidencePublic(deps.db, id);
    if (visible) {
      if (known.size >= MAX_REMEMBERED) known.clear();
      known.add(id);
    }
    return visible;
  };

  return async (c: Context): Promise<Response> => {
    if (!deps?.evidenceDir) return notFound();
    const { db, settings, evidenceDir } = deps;
    const id = c.req.param('id') ?? '';
    // Ids are UUIDs (upload.ts); anything else is not looked up (a NUL would upset PostgreSQL).
    if (!EVIDENCE_ID.test(id)) return notFound();
    const row = await db.selectFrom('evidence').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !isStoredName(row.stored_name)) return notFound();
    const visibleToAll = await isPublic(id);
    if (!visibleToAll) {
      const cookie = readSessionCookie(c, settings);
      const auth = cookie ? await validateSession(db, cookie, settings, clientAddress(c)) : null;
      if (!auth || auth.stage !== 'active' || auth.account.region_id !== row.region_id) {
        return notFound();
      }
    }

    const etag = `"sha256-${row.sha256}"`;
    const headers: Record<string, string> = {
      'Cache-Control': visibleToAll ? API_CACHE_CONTROL : 'private, no-store',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': 'sandbox',
      'Content-Disposition': contentDisposition(row.original_name),
    };
    if (visibleToAll && etagMatches(c.req.header('If-None-Match') ?? null, etag)) {
      return new Response(null, { status: 304, headers });
    }
    const file = await open(join(evidenceDir, row.stored_name), 'r');
    headers['Content-Type'] = row.type;
    headers['Content-Length'] = String(row.size);
    if (c.req.method === 'HEAD') {
      await file.close();
      return new Response(null, { status: 200, headers });
    }
    const body = Readable.toWeb(file.createReadStream()) as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers });
  };
}
