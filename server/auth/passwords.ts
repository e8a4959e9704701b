import { availableParallelism } from 'node:os';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN } from '../../src/contract/accounts';

/*
 * Passwords (and recovery codes): argon2id with OWASP's parameters. @node-rs/argon2 hashes on
 * libuv's thread pool, so the event loop keeps answering the public API; at most MAX_HASHES run
 * at once (each takes 19 MiB and a core for ~100 ms), the rest wait their turn.
 */
/** Algorithm.Argon2id: a const enum, which verbatimModuleSyntax cannot read from a .d.ts. */
const ARGON2ID = 2 as Algorithm;
const OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** One core is always left to answer requests (2 cores here: one hash at a time). */
const MAX_HASHES = Math.max(1, availableParallelism() - 1);
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_HASHES) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export const hashPassword = (password: string): Promise<string> =>
  limited(() => hash(password, OPTIONS));

export const verifyPassword = (hashed: string, password: string): Promise<boolean> =>
  limited(() => verify(hashed, password, OPTIONS)).catch(() => false);

let dummy: Promise<string> | null = null;
/**
 * For an unknown username: a hash is still checked, so the answer takes as long as for a real
 * account and its timing does not tell which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword('not a password anyone has');
  await verifyPassword(await dummy, password);
  return false;
}

let common: Promise<ReadonlySet<string>> | null = null;
/**
 * The common-password list @zxcvbn-ts/language-common ships (about 49,000 entries), loaded on
 * first use only: the server needs it when a password is set, never to answer a public page.
 */
export function commonPasswords(): Promise<ReadonlySet<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']),
  );
  return common;
}

/**
 * Why a new password is refused, or null when it is fine. Length limits are the contract's
 * (checked before); there are no composition rules (ASVS 6.2.5).
 */
export async function rejectPassword(
  password: string,
  context: { username: string; current?: string },
): Promise<string | null> {
  if (password.length < PASSWORD_MIN) return `at least ${PASSWORD_MIN} characters`;
  if (context.current !== undefined && password === context.current) {
    return 'the new password must differ from the current one';
  }
  if (password.toLowerCase() === context.username.toLowerCase()) {
    return 'the password must not be the username';
  }
  if ((await commonPasswords()).has(password.toLowerCase())) {
    return 'this password is on a list of common passwords; choose another';
  }
  return null;
}
