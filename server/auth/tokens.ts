import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/*
 * Random strings and session tokens, after the design Lucia publishes as "sessions/basic":
 * a token is `<id>.<secret>`, both from the CSPRNG; the id finds the row, only the SHA-256 of the
 * secret is stored, and it is compared in constant time, so a database leak gives no usable token
 * and a timing difference gives nothing away.
 */

/** Lower-case letters and digits without look-alikes (no o, 1, l, i): 32 symbols, 5 bits each. */
const SYMBOLS = 'abcdefghjkmnpqrstuvwxyz023456789';

/** `length` symbols of 5 bits each, unbiased (32 divides 256). */
export function randomString(length: number): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += SYMBOLS[byte & 31];
  return text;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Constant-time equality of two strings (false when the lengths differ). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** id: 24 symbols (120 bits); secret: 32 symbols (160 bits, above ASVS's 128). */
export interface SessionToken {
  id: string;
  secret: string;
  token: string;
}

export function newSessionToken(): SessionToken {
  const id = randomString(24);
  const secret = randomString(32);
  return { id, secret, token: `${id}.${secret}` };
}

/** Splits a cookie value; null for anything that is not shaped like our token. */
export function parseSessionToken(
  value: string | undefined,
): { id: string; secret: string } | null {
  const match = /^([a-z0-9]{24})\.([a-z0-9]{32})$/.exec(value ?? '');
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}

/** A one-time password: 5 groups of 6 symbols, 150 bits, easy to read out. */
export function newOneTimePassword(): string {
  return Array.from({ length: 5 }, () => randomString(6)).join('-');
}

/**
 * Ten recovery codes like "k7m2q-9xw4p" (the contract's shape), each starting with a different
 * symbol: that first symbol is stored in clear to find the one hash to check, the other nine
 * symbols (45 bits) are what an attacker would have to guess, behind argon2id.
 */
export function newRecoveryCodes(count = 10): string[] {
  const firsts = [...SYMBOLS];
  // Fisher-Yates with the CSPRNG: every order equally likely.
  for (let i = firsts.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [firsts[i], firsts[j]] = [firsts[j] ?? '', firsts[i] ?? ''];
  }
  firsts.length = count;
  return firsts.map((first) => {
    const rest = randomString(9);
    return `${first}${rest.slice(0, 4)}-${rest.slice(4)}`;
  });
}

/** "K7M2Q9XW4P" or "k7m2q-9xw4p" → "k7m2q-9xw4p". */
export const normaliseRecoveryCode = (code: string): string => {
  const bare = code.trim().toLowerCase().replace('-', '');
  return `${bare.slice(0, 5)}-${bare.slice(5)}`;
};
