import { ApiError } from '@/lib/api-client';
import { manageErrorText, type ManageErrorText } from './manage-error';

/**
 * A refused review request in plain words: a key of the `review` catalogue, or of the `manage`
 * one (prefixed `manage:`) for what every management page can meet (sign-in, network, 5xx).
 */
const byCode: Record<string, string> = {
  stale_version: 'errors.stale',
  state: 'errors.state',
  four_eyes: 'errors.fourEyes',
  independence: 'errors.independence',
  role: 'errors.role',
  region: 'errors.region',
  too_large: 'errors.tooLarge',
  unsupported_media_type: 'errors.fileType',
  invalid_evidence: 'errors.evidence',
  // The real server's evidence refusals (server/evidence/).
  payload_too_large: 'errors.tooLarge',
  content_mismatch: 'errors.evidence',
  empty_file: 'errors.evidence',
  invalid_name: 'errors.evidence',
};

export function reviewErrorText(error: unknown): ManageErrorText {
  if (error instanceof ApiError && error.code !== null) {
    const key = byCode[error.code];
    if (key) return { key, values: { message: error.message } };
  }
  if (error instanceof ApiError && error.status === 409) {
    return { key: 'errors.state', values: {} };
  }
  if (error instanceof ApiError && error.status === 413)
    return { key: 'errors.tooLarge', values: {} };
  const text = manageErrorText(error);
  return { key: `manage:${text.key}`, values: text.values };
}

/** A 409: someone else acted first (or the version is old); the list is to be refreshed. */
export const isConflict = (error: unknown) => error instanceof ApiError && error.status === 409;
