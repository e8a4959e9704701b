import { expect, test } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { isConflict, reviewErrorText } from './review-error';

const refused = (status: number, code: string | null, message = 'm') =>
  new ApiError('http', '/api/v1/revisions/x/approve', message, status, { code });

test('the rules and the version have their own sentences', () => {
  expect(reviewErrorText(refused(409, 'state')).key).toBe('errors.state');
  expect(reviewErrorText(refused(409, 'stale_version')).key).toBe('errors.stale');
  expect(reviewErrorText(refused(403, 'four_eyes')).key).toBe('errors.fourEyes');
  expect(reviewErrorText(refused(413, null)).key).toBe('errors.tooLarge');
  // A 409 with a code this screen does not know still reads as "someone acted first".
  expect(reviewErrorText(refused(409, 'conflict')).key).toBe('errors.state');
  expect(isConflict(refused(409, null))).toBe(true);
  expect(isConflict(refused(403, 'four_eyes'))).toBe(false);
});

test('everything else falls back to the management sentences', () => {
  expect(reviewErrorText(refused(400, 'invalid_body', 'value: bad'))).toEqual({
    key: 'manage:errors.refused',
    values: { message: 'value: bad' },
  });
  expect(reviewErrorText(new ApiError('network', '/x', 'down')).key).toBe('manage:errors.network');
});
