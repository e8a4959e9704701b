import { EVIDENCE_MAX_BYTES, type Evidence } from '../../src/contract/revisions';
import { byAccount, writeAudit } from '../audit/write';
import { AuthError } from '../auth/errors';
import type { AuthDeps, ManageContext } from '../auth/guard';
import { errorResponse } from '../http/respond';
import { nameProblem } from './name';
import { tooLarge } from '../http/body-limit';
import { removeStored, storeUpload } from './store';
import { evidenceTypeOf } from './types';

/*
 * POST manageEndpoints.evidenceUpload: the file's bytes as the body, its type as Content-Type,
 * its name as ?name=. Everything that can be refused without the body is refused before a byte
 * of it is read; the row and its audit row are written in one transaction once the file is safely
 * on disk, and the file is removed again if that transaction fails.
 */
function uploadName(c: ManageContext): string {
  const params = new URL(c.req.url).searchParams;
  const unknown = [...params.keys()].filter((key) => key !== 'name');
  if (unknown.length > 0) {
    throw new AuthError(400, 'bad_request', `Unknown query parameter "${unknown[0]}".`);
  }
  const names = params.getAll('name');
  if (names.length !== 1) {
    throw new AuthError(400, 'invalid_name', 'Give the file name once, as ?name=.');
  }
  return names[0] ?? '';
}

export async function uploadEvidence(deps: AuthDeps, c: ManageContext): Promise<Response> {
  const { db, settings, evidenceDir } = deps;
  if (!evidenceDir) {
    return errorResponse(503, 'unavailable', 'This server does not store evidence files.');
  }
  const type = evidenceTypeOf(c.req.header('Content-Type'));
  if (type === null) {
    throw new AuthError(
      415,
      'unsupported_media_type',
      'Send the file as application/pdf, image/png or image/jpeg.',
    );
  }
  const name = uploadName(c);
  const problem = nameProblem(name, type);
  if (problem) throw new AuthError(400, 'invalid_name', problem);
  const length = c.req.header('Content-Length');
  if (length !== undefined && Number(length) > EVIDENCE_MAX_BYTES) {
    return tooLarge(EVIDENCE_MAX_BYTES);
  }
  if (length !== undefined && Number(length) === 0) {
    throw new AuthError(400, 'empty_file', 'The file is empty.');
  }

  const stored = await storeUpload(evidenceDir, c.req.raw.body, type).catch((error: unknown) => {
    // Past the limit the rest of the body is never read: the connection closes with the answer.
    if (error instanceof AuthError && error.status === 413) return null;
    throw error;
  });
  if (!stored) return tooLarge(EVIDENCE_MAX_BYTES);
  const { account } = c.get('auth');
  const now = settings.now();
  const evidence: Evidence = {
    id: crypto.randomUUID(),
    name,
    type,
    size: stored.size,
    sha256: stored.sha256,
  };
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('evidence')
        .values({
          id: evidence.id,
          region_id: account.region_id,
          stored_name: stored.storedName,
          original_name: name,
          type,
          size: stored.size,
          sha256: stored.sha256,
          uploaded_by: account.id,
          uploaded_at: now.toISOString(),
        })
        .execute();
      await writeAudit(tx, now, {
        ...byAccount(account),
        action: 'evidence.upload',
        target: `evidence:${evidence.id}`,
        outcome: 'success',
        address: c.get('address'),
        detail: { size: stored.size, type, sha256: stored.sha256 },
      });
    });
  } catch (error) {
    await removeStored(evidenceDir, stored.storedName);
    throw error;
  }
  return c.json(evidence, 201);
}
