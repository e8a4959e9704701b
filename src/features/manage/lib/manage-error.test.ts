import { expect, test } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { manageErrorText, minutesToWait } from './manage-error';

const refusal = (
  status: number,
  code: string | null,
  message = 'm',
  retryAfter: number | null = null,
) =>
  new ApiError(status === 404 ? 'not-found' : 'http', '/api/v1/auth/sign-in', message, status, {
    code,
    retryAfter,
  });

test('a throttle says how many whole minutes to wait', () => {
  expect(manageErrorText(refusal(429, 'throttled', 'm', 600))).toEqual({
    key: 'errors.throttled',
    values: { count: 10 },
  });
  expect(manageErrorText(refusal(429, 'throttled', 'm', 20)).values).toEqual({ count: 1 });
  expect(manageErrorText(refusal(429, 'throttled')).key).toBe('errors.throttledLater');
});

test('minutes are never zero or negative', () => {
  expect(minutesToWait(0)).toBe(1);
  expect(minutesToWait(61)).toBe(2);
  expect(minutesToWait(-5)).toBeNull();
  expect(minutesToWait(null)).toBeNull();
});

test('known codes get their own sentence', () => {
  expect(manageErrorText(refusal(401, 'invalid_credentials')).key).toBe(
    'errors.invalidCredentials',
  );
  expect(manageErrorText(refusal(401, 'invalid_code')).key).toBe('errors.invalidCode');
  expect(manageErrorText(refusal(403, 'forbidden')).key).toBe('errors.forbidden');
});

test('an unknown code falls back on the status, keeping the server’s words for a 400 or 409', () => {
  expect(manageErrorText(refusal(400, 'invalid_body', 'newPassword: too common'))).toEqual({
    key: 'errors.refused',
    values: { message: 'newPassword: too common' },
  });
  expect(manageErrorText(refusal(409, 'exists', 'username taken')).key).toBe('errors.conflict');
  expect(manageErrorText(refusal(401, 'whatever')).key).toBe('errors.unauthenticated');
  expect(manageErrorText(refusal(503, null)).values).toEqual({ status: 503 });
});

test('a network failure and a non-API error are told apart', () => {
  expect(manageErrorText(new ApiError('network', '/x', 'down')).key).toBe('errors.network');
  expect(manageErrorText(new Error('boom')).key).toBe('errors.unknown');
});

test('the server’s password refusal: a common one in plain words, any other reason as given', () => {
  const common = 'newPassword: this password is on a list of common passwords; choose another';
  expect(manageErrorText(refusal(400, 'password_rejected', common)).key).toBe(
    'errors.commonPassword',
  );
  expect(manageErrorText(refusal(400, 'password_rejected', 'newPassword: must differ'))).toEqual({
    key: 'errors.refused',
    values: { message: 'newPassword: must differ' },
  });
  expect(manageErrorText(refusal(400, 'wrong_password')).key).toBe('errors.wrongCurrent');
  expect(manageErrorText(refusal(409, 'username_taken')).key).toBe('errors.usernameTaken');
});
