// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeControls } from '../audit/csv';
import { commonPasswords, rejectPassword } from './passwords';
import { ACCOUNT_FREE_FAILURES, THROTTLE_WINDOW_MS, throttleWait } from './throttle';
import {
  constantTimeEqual,
  newOneTimePassword,
  newRecoveryCodes,
  newSessionToken,
  normaliseRecoveryCode,
  parseSessionToken,
} from './tokens';
import { matchTotp, newTotpSecret, timeStep, totpCode } from './totp';
import { recoveryCodeSchema } from '../../src/contract/accounts';

const MINUTE = 60_000;

describe('throttle', () => {
  const now = 100 * THROTTLE_WINDOW_MS;
  const failures = (count: number, every = MINUTE) =>
    Array.from({ length: count }, (_, i) => now - (count - 1 - i) * every);

  test('4 failures: no wait; 5: 30 s; each further one doubles it, up to 15 minutes', () => {
    expect(throttleWait(failures(4), now, ACCOUNT_FREE_FAILURES)).toBe(0);
    expect(throttleWait(failures(5), now, ACCOUNT_FREE_FAILURES)).toBe(30_000);
    expect(throttleWait(failures(6, 1000), now, ACCOUNT_FREE_FAILURES)).toBe(60_000);
    expect(throttleWait(failures(12, 1000), now, ACCOUNT_FREE_FAILURES)).toBe(15 * MINUTE);
  });

  test('failures older than 15 minutes count for nothing', () => {
    expect(throttleWait(failures(5, 4 * MINUTE), now, ACCOUNT_FREE_FAILURES)).toBe(0);
  });

  test('however many failures, the wait ends at most 15 minutes after the last one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: THROTTLE_WINDOW_MS - 1 }), { maxLength: 200 }),
        (ages) => {
          const times = ages.map((age) => now - age);
          const wait = throttleWait(times, now, ACCOUNT_FREE_FAILURES);
          const last = times.length ? Math.max(...times) : now;
          expect(last + 15 * MINUTE - now).toBeGreaterThanOrEqual(wait);
        },
      ),
    );
  });
});

describe('tokens', () => {
  test('session tokens: 24 + 32 symbols of 5 bits (120 + 160 bits), parsed back, never alike', () => {
    const { id, secret, token } = newSessionToken();
    expect(parseSessionToken(token)).toEqual({ id, secret });
    expect(newSessionToken().token).not.toBe(token);
    expect(parseSessionToken(`${id}.${secret}x`)).toBeNull();
    expect(parseSessionToken(undefined)).toBeNull();
    expect(parseSessionToken('a.b')).toBeNull();
  });

  test('constant-time comparison', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });

  test('a one-time password has 150 bits and five readable groups', () => {
    expect(newOneTimePassword()).toMatch(/^[a-z0-9]{6}(-[a-z0-9]{6}){4}$/);
  });

  test('ten recovery codes in the contract shape, each with its own first symbol', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes.map((code) => code[0])).size).toBe(10);
    for (const code of codes) expect(recoveryCodeSchema.parse(code)).toBe(code);
    expect(normaliseRecoveryCode('K7M2Q9XW4P')).toBe('k7m2q-9xw4p');
  });
});

describe('TOTP', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-12-01T08:00:10Z');
  const at = (steps: number) => new Date(now.getTime() + steps * 30_000);

  test('the current step and one either side are accepted, two steps off is not', () => {
    expect(matchTotp(secret, totpCode(secret, now), now, null)).toBe(timeStep(now));
    expect(matchTotp(secret, totpCode(secret, at(-1)), now, null)).toBe(timeStep(now) - 1);
    expect(matchTotp(secret, totpCode(secret, at(1)), now, null)).toBe(timeStep(now) + 1);
    expect(matchTotp(secret, totpCode(secret, at(-2)), now, null)).toBeNull();
  });

  test('a step at or before the last used one is refused', () => {
    expect(matchTotp(secret, totpCode(secret, now), now, timeStep(now))).toBeNull();
    expect(matchTotp(secret, totpCode(secret, at(1)), now, timeStep(now))).toBe(timeStep(now) + 1);
  });
});

describe('passwords', () => {
  test('the common-password list has at least 10,000 entries', async () => {
    expect((await commonPasswords()).size).toBeGreaterThanOrEqual(10_000);
  });

  test('common ones, the username and the current one are refused; no composition rules', async () => {
    expect(await rejectPassword('iloveyou1', { username: 'a' })).toMatch(/common passwords/);
    expect(await rejectPassword('Password1', { username: 'a' })).toMatch(/common passwords/);
    expect(await rejectPassword('aigerim.k', { username: 'aigerim.k' })).toMatch(/username/);
    expect(
      await rejectPassword('same old words', { username: 'a', current: 'same old words' }),
    ).toMatch(/differ/);
    expect(await rejectPassword('steppe wind at dawn', { username: 'a' })).toBeNull();
  });
});

test('control characters become visible escapes', () => {
  expect(escapeControls('a\r\nb\u0000\u2028')).toBe('a\\u000d\\u000ab\\u0000\\u2028');
});
