import { z } from 'zod/mini';
import { idSchema } from './common';

/*
 * Accounts, sign-in and the audit log: the management API (ISSUE 9). Shared by the management
 * screens, the mock API and the server. Every request body is a strict object: an unknown field
 * (a client-sent `roles`, `status`, `approvedBy` …) is refused with 400, never ignored.
 */

/** What a person may do. A person may hold several; none bypasses the four-eyes rule. */
export const roles = ['editor', 'reviewer', 'verifier', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Lower-case letters, digits, dot, hyphen and underscore; no spaces or control characters. */
export const usernameSchema = z
  .string()
  .check(
    z.minLength(3, 'at least 3 characters'),
    z.maxLength(64, 'at most 64 characters'),
    z.regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, hyphen or underscore'),
  );

/** A public name or body: printable text, no line breaks or control characters. */
const publicTextSchema = z.string().check(
  z.trim(),
  z.minLength(1, 'required'),
  z.maxLength(120, 'at most 120 characters'),
  // eslint-disable-next-line no-control-regex
  z.regex(/^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/, 'no line breaks or control characters'),
);

/** Passwords are checked exactly as typed: no trimming, no composition rules (ASVS 6.2). */
export const PASSWORD_MIN = 8;
export const PASSWORD_SUGGESTED = 15;
/** Longer input is refused before hashing (a cheap guard against hashing megabytes). */
export const PASSWORD_MAX = 1024;
export const passwordSchema = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`),
    z.maxLength(PASSWORD_MAX, `at most ${PASSWORD_MAX} characters`),
  );

/** A six-digit TOTP code (RFC 6238, SHA-1, 30 s step). */
export const totpCodeSchema = z.string().check(z.regex(/^\d{6}$/, 'six digits'));
/** A recovery code as shown: ten characters in two groups, e.g. "k7m2q-9xw4p" (hyphen optional). */
export const recoveryCodeSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.regex(/^[a-z0-9]{5}-?[a-z0-9]{5}$/, 'a recovery code such as k7m2q-9xw4p'),
  );

export const accountSchema = z.object({
  id: z.string().check(z.minLength(1)),
  username: usernameSchema,
  displayName: z.string(),
  organisation: z.string(),
  roles: z.array(roleSchema),
  regionId: idSchema,
  disabled: z.boolean(),
  /** Signed in with a one-time password that has not been changed yet. */
  mustChangePassword: z.boolean(),
  mfaEnabled: z.boolean(),
  /** True while failed sign-ins hold the account back (an admin can lift it). */
  throttled: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSignInAt: z.nullable(z.iso.datetime()),
});
export type Account = z.infer<typeof accountSchema>;

/**
 * Where a signed-in session stands. Only `active` reaches the management endpoints; each other
 * stage reaches only the one step it needs:
 * - `totp`: the password was right, the second factor is still to come;
 * - `change_password`: signed in with a one-time password, which must be replaced first;
 * - `mfa_setup`: the account has no authenticator yet; setting one up is part of the first sign-in.
 */
export const sessionStageSchema = z.enum(['totp', 'change_password', 'mfa_setup', 'active']);
export type SessionStage = z.infer<typeof sessionStageSchema>;

/** GET auth/me, and the answer of every sign-in step. */
export const meSchema = z.object({
  account: accountSchema,
  stage: sessionStageSchema,
});
export type Me = z.infer<typeof meSchema>;

// ---- request bodies (strict: unknown fields are refused) ----

export const signInBodySchema = z.strictObject({
  username: z.string().check(z.minLength(1, 'required'), z.maxLength(64, 'at most 64 characters')),
  password: z
    .string()
    .check(
      z.minLength(1, 'required'),
      z.maxLength(PASSWORD_MAX, `at most ${PASSWORD_MAX} characters`),
    ),
});
export const totpBodySchema = z.union([
  z.strictObject({ code: totpCodeSchema }),
  z.strictObject({ recoveryCode: recoveryCodeSchema }),
]);
export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().check(z.minLength(1, 'required'), z.maxLength(PASSWORD_MAX)),
  newPassword: passwordSchema,
});
export const confirmMfaBodySchema = z.strictObject({ code: totpCodeSchema });
export const emptyBodySchema = z.strictObject({});

/** POST auth/mfa/setup: a new secret for the authenticator app (shown until confirmed). */
export const mfaSetupSchema = z.object({
  /** Base32, for typing in by hand. */
  secret: z.string().check(z.regex(/^[A-Z2-7]+=*$/)),
  /** otpauth://totp/… for the QR code. */
  uri: z.string().check(z.startsWith('otpauth://totp/')),
});
export type MfaSetup = z.infer<typeof mfaSetupSchema>;

/** POST auth/mfa/confirm: ten single-use recovery codes, shown once. */
export const recoveryCodesSchema = z.object({
  me: meSchema,
  recoveryCodes: z.array(z.string()).check(z.length(10)),
});

export const sessionInfoSchema = z.object({
  id: z.string().check(z.minLength(1)),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  /** When it ends at the latest: the idle or the absolute limit, whichever is first. */
  expiresAt: z.iso.datetime(),
  address: z.string(),
  userAgent: z.string(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
export const sessionListSchema = z.object({ sessions: z.array(sessionInfoSchema) });

// ---- administration ----

export const createAccountBodySchema = z.strictObject({
  username: usernameSchema,
  displayName: z.optional(publicTextSchema),
  organisation: z.optional(publicTextSchema),
  roles: z.array(roleSchema).check(z.minLength(1, 'at least one role')),
});
export type CreateAccountBody = z.infer<typeof createAccountBodySchema>;

export const updateAccountBodySchema = z.strictObject({
  displayName: z.optional(publicTextSchema),
  organisation: z.optional(publicTextSchema),
  roles: z.optional(z.array(roleSchema).check(z.minLength(1, 'at least one role'))),
});

export const accountListSchema = z.object({ accounts: z.array(accountSchema) });

/** Creating an account or resetting its password: the one-time password, shown once. */
export const oneTimePasswordSchema = z.object({
  account: accountSchema,
  oneTimePassword: z.string().check(z.minLength(PASSWORD_MIN)),
  expiresAt: z.iso.datetime(),
});
export type OneTimePassword = z.infer<typeof oneTimePasswordSchema>;

// ---- audit log ----

export const auditOutcomes = ['success', 'failure', 'denied'] as const;
export const auditEntrySchema = z.object({
  id: z.int().check(z.positive()),
  /** UTC, ISO 8601. */
  at: z.iso.datetime(),
  regionId: idSchema,
  /** Null for an anonymous attempt (e.g. a sign-in with an unknown username). */
  actorId: z.nullable(z.string()),
  /** As typed for a failed sign-in; shown escaped, never trusted. */
  actorName: z.string(),
  /** e.g. "auth.sign_in", "auth.totp", "account.create", "account.disable". */
  action: z.string().check(z.minLength(1)),
  /** The record acted on, e.g. "account:3"; null when there is none. */
  target: z.nullable(z.string()),
  outcome: z.enum(auditOutcomes),
  address: z.string(),
  /** Extra facts, never a password, code or token. */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.strictObject({
  actor: z.optional(z.string().check(z.maxLength(64))),
  action: z.optional(z.string().check(z.maxLength(64))),
  outcome: z.optional(z.enum(auditOutcomes)),
  /** Inclusive, ISO date or date-time (UTC). */
  from: z.optional(z.union([z.iso.date(), z.iso.datetime()])),
  to: z.optional(z.union([z.iso.date(), z.iso.datetime()])),
  /** Entries older than this id (the previous page's `nextBefore`). */
  before: z.optional(z.coerce.number().check(z.int(), z.positive())),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.nullable(z.int().check(z.positive())),
});

// ---- the rules, shared by the server (which enforces them) and the screens (which hide what
// the server would refuse) ----

export type Permission = 'manage_accounts' | 'read_audit' | 'propose' | 'review' | 'verify';

const grants: Record<Permission, Role> = {
  manage_accounts: 'admin',
  read_audit: 'admin',
  propose: 'editor',
  review: 'reviewer',
  verify: 'verifier',
};

/** Whether an active, enabled account may do this in the given region. Deny by default. */
export function may(
  account: Pick<Account, 'roles' | 'regionId' | 'disabled'>,
  permission: Permission,
  regionId: string,
): boolean {
  return (
    !account.disabled && account.regionId === regionId && account.roles.includes(grants[permission])
  );
}
