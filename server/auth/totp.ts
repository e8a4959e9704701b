import { randomBytes } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32NoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { constantTimeEqual } from './tokens';

/*
 * TOTP (RFC 6238): SHA-1, 6 digits, 30 s steps, any authenticator app. Verification is done
 * step by step (HOTP of the step number) with the injected clock, so the accepted step is known:
 * it is stored, and a code of that step or an earlier one is refused (ASVS 6.5.1).
 */
export const TOTP_STEP_SECONDS = 30;
const DIGITS = 6;
/** One step either side, for clocks a little off. */
const WINDOW = 1;
const ISSUER = 'Ashyq';

export const newTotpSecret = (): string => encodeBase32NoPadding(randomBytes(20));

export const totpUri = (secret: string, username: string): string =>
  createTOTPKeyURI(ISSUER, username, decodeBase32IgnorePadding(secret), TOTP_STEP_SECONDS, DIGITS);

export const timeStep = (now: Date): number => Math.floor(now.getTime() / 1000 / TOTP_STEP_SECONDS);

/** The code an authenticator shows at `now` (tests and the bench use it). */
export const totpCode = (secret: string, now: Date): string =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(timeStep(now)), DIGITS);

/**
 * The time step `code` belongs to, within the window and after `lastStep`; null when none.
 * Every candidate is compared, so the time taken does not depend on which one matched.
 */
export function matchTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): number | null {
  const key = decodeBase32IgnorePadding(secret);
  const current = timeStep(now);
  let matched: number | null = null;
  for (let step = current - WINDOW; step <= current + WINDOW; step += 1) {
    const equal = constantTimeEqual(generateHOTP(key, BigInt(step), DIGITS), code);
    if (equal && matched === null && (lastStep === null || step > lastStep)) matched = step;
  }
  return matched;
}
