import { useMutation } from '@tanstack/react-query';
import { apiErrorBodySchema } from '@/contract/common';
import { manageEndpoints } from '@/contract/endpoints';
import { evidenceSchema, type Evidence } from '@/contract/revisions';
import { env } from '@/config/env';
import { ApiError } from '@/lib/api-client';
import { evidenceType } from '../lib/evidence-file';

/**
 * An evidence file's bytes as the body (the one management request that is not JSON), its name
 * in `?name=`; the answer is its record with the server's SHA-256.
 */
export async function uploadEvidence(file: File): Promise<Evidence> {
  const path = manageEndpoints.evidenceUpload;
  const url = new URL(`${env.VITE_API_URL ?? ''}${path}`, window.location.origin);
  url.searchParams.set('name', file.name);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': evidenceType(file.name) ?? 'application/octet-stream',
      },
      body: await file.arrayBuffer(),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('network', path, 'The server could not be reached.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorBodySchema.safeParse(body);
    throw new ApiError(
      'http',
      path,
      parsed.success ? parsed.data.error.message : response.statusText,
      response.status,
      { code: parsed.success ? parsed.data.error.code : null },
    );
  }
  const parsed = evidenceSchema.safeParse(body);
  if (!parsed.success) throw new ApiError('malformed', path, parsed.error.message, response.status);
  return parsed.data;
}

export function useUploadEvidence() {
  return useMutation({ mutationFn: uploadEvidence });
}
