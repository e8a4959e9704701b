import { ApiError } from '@/lib/api-client';

/**
 * What a refused management request means for the person, as a key of the `manage` catalogue and
 * its values. The server's codes decide; the status is the fallback, so a code this screen has not
 * heard of still gets a sensible sentence.
 */
export interface ManageErrorText {
  key: string;
  values: Record<string, string | number>;
}

/** Whole minutes to wait, never "0 minutes": a 20-second wait still reads as one minute. */
export function minutesToWait(seconds: number | null): number | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  return Math.max(1, Math.ceil(seconds / 60));
}

const byCode: Record<string, string> = {
  invalid_credentials: 'errors.invalidCredentials',
  invalid_code: 'errors.invalidCode',
  code_reused: 'errors.codeReused',
  unauthenticated: 'errors.unauthenticated',
  session_expired: 'errors.unauthenticated',
  forbidden: 'errors.forbidden',
  account_disabled: 'errors.disabled',
  password_expired: 'errors.passwordExpired',
  wrong_password: 'errors.wrongCurrent',
  username_taken: 'errors.usernameTaken',
  self_action: 'errors.selfAction',
  mfa_not_started: 'errors.mfaNotStarted',
};

/** `password_rejected` names its reason in words; a common password gets its own sentence. */
function passwordRejected(message: string): ManageErrorText {
  return /common/i.test(message)
    ? { key: 'errors.commonPassword', values: {} }
    : { key: 'errors.refused', values: { message } };
}

export function manageErrorText(error: unknown): ManageErrorText {
  if (!(error instanceof ApiError)) return { key: 'errors.unknown', values: {} };
  if (error.kind === 'network') return { key: 'errors.network', values: {} };
  if (error.status === 429 || error.code === 'throttled') {
    const minutes = minutesToWait(error.retryAfter);
    return minutes === null
      ? { key: 'errors.throttledLater', values: {} }
      : { key: 'errors.throttled', values: { count: minutes } };
  }
  if (error.code === 'password_rejected') return passwordRejected(error.message);
  const known = error.code === null ? undefined : byCode[error.code];
  if (known) return { key: known, values: {} };
  switch (error.status) {
    case 400:
    case 422:
      // The server names the field and the rule ("newPassword: too common"); show it as given.
      return { key: 'errors.refused', values: { message: error.message } };
    case 401:
      return { key: 'errors.unauthenticated', values: {} };
    case 403:
      return { key: 'errors.forbidden', values: {} };
    case 409:
      return { key: 'errors.conflict', values: { message: error.message } };
    default:
      return { key: 'errors.server', values: { status: error.status ?? '' } };
  }
}
