import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { verifyTOTPWithGracePeriod } from '@oslojs/otp';
import { HttpResponse, type JsonBodyType } from 'msw';
import type { z } from 'zod/mini';
import type { Account, AuditEntry, Me, SessionInfo, SessionStage } from '@/contract/accounts';
import { describeIssues, type ApiErrorBody } from '@/contract/common';
import { accountSeeds, DEV_TOTP_CODE } from '../fixtures/accounts';

/**
 * The mock management API's memory: accounts, the one session this browser tab (or test) has,
 * and the audit log. A fake that follows the contract (strict bodies, stages, the same error
 * codes); it does not try to be secure. Reset between tests with resetManageMock().
 */
/** Every answer of these handlers has this one type, so MSW does not narrow to the first one. */
export type Answer = HttpResponse<JsonBodyType>;
export const answer = (body: JsonBodyType, init?: ResponseInit): Answer =>
  HttpResponse.json<JsonBodyType>(body, init);
/** The contract's error body (see mocks/handlers/respond.ts), typed as any other answer. */
export const refuse = (status: number, code: string, message: string): Answer =>
  answer({ error: { code, message } } satisfies ApiErrorBody, { status });
/** 204: done, nothing to say. */
export const noContent = (): Answer => new HttpResponse(null, { status: 204 }) as Answer;

export interface MockAccount {
  account: Account;
  password: string;
  devCode: boolean;
  secret: Uint8Array | null;
  pendingSecret: Uint8Array | null;
  usedCodes: Set<string>;
  recoveryCodes: string[];
  failures: number;
}

export const THROTTLE_AFTER = 5;
export const THROTTLE_SECONDS = 900;

interface MockState {
  accounts: MockAccount[];
  session: { accountId: string; stage: SessionStage; info: SessionInfo } | null;
  otherSessions: SessionInfo[];
  audit: AuditEntry[];
}

let state: MockState = freshState();

function freshState(): MockState {
  return {
    accounts: accountSeeds.map((seed) => ({
      account: { ...seed.account, roles: [...seed.account.roles] },
      password: seed.password,
      devCode: seed.devCode,
      secret: null,
      pendingSecret: null,
      usedCodes: new Set(),
      recoveryCodes: [],
      failures: 0,
    })),
    session: null,
    otherSessions: [
      {
        id: 'session-other',
        createdAt: '2026-12-01T09:30:00.000Z',
        lastSeenAt: '2026-12-01T10:10:00.000Z',
        expiresAt: '2026-12-01T10:40:00.000Z',
        address: '10.0.0.7',
        userAgent: 'Firefox on Windows (fixture)',
        current: false,
      },
    ],
    audit: [],
  };
}

/** Other mock memories (the revisions) that start afresh with this one. */
const resetHooks: (() => void)[] = [];
export function onManageReset(hook: () => void): void {
  resetHooks.push(hook);
}

export function resetManageMock(): void {
  state = freshState();
  for (const hook of resetHooks) hook();
}

export const mockState = () => state;

export function findAccount(predicate: (entry: MockAccount) => boolean): MockAccount | undefined {
  return state.accounts.find(predicate);
}

export function audit(
  entry: Omit<AuditEntry, 'id' | 'at' | 'regionId' | 'address' | 'detail'> & {
    detail?: AuditEntry['detail'];
  },
): void {
  state.audit.push({
    id: state.audit.length + 1,
    at: new Date().toISOString(),
    regionId: 'kyzylorda',
    address: '127.0.0.1',
    detail: {},
    ...entry,
  });
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';
export function randomText(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export function newSecret(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(20));
}
export const secretText = (secret: Uint8Array) => encodeBase32UpperCaseNoPadding(secret);

/**
 * A code from the account's authenticator: the fixtures' fixed one, or a real TOTP, once. Like
 * the server (server/auth/totp.ts), a code of the step before or after is accepted too, so a code
 * typed as its 30 s run out still works.
 */
export function codeIsRight(entry: MockAccount, secret: Uint8Array | null, code: string): boolean {
  if (entry.devCode && secret === entry.secret && code === DEV_TOTP_CODE) return true;
  if (!secret || entry.usedCodes.has(code) || !verifyTOTPWithGracePeriod(secret, 30, 6, code, 30))
    return false;
  entry.usedCodes.add(code);
  return true;
}

export function startSession(entry: MockAccount, stage: SessionStage): Me {
  const now = new Date();
  state.session = {
    accountId: entry.account.id,
    stage,
    info: {
      id: `session-${randomText(8)}`,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
      address: '127.0.0.1',
      userAgent: 'This browser (mock API)',
      current: true,
    },
  };
  return { account: entry.account, stage };
}

export function setStage(stage: SessionStage): Me {
  const session = state.session;
  const entry = session && findAccount((candidate) => candidate.account.id === session.accountId);
  if (!session || !entry) throw new Error('no session');
  session.stage = stage;
  return { account: entry.account, stage };
}

/** The session's account when it is at `stage`, or the refusal the server would give. */
export function sessionAt(stage: SessionStage): { entry: MockAccount } | { refusal: Answer } {
  const session = state.session;
  const entry = session && findAccount((candidate) => candidate.account.id === session.accountId);
  if (!session || !entry || entry.account.disabled) {
    return { refusal: refuse(401, 'unauthenticated', 'Sign in first.') };
  }
  if (session.stage !== stage) {
    return { refusal: refuse(403, 'forbidden', `This step needs the ${stage} stage.`) };
  }
  return { entry };
}

/** A JSON body parsed with the contract: anything else answers as the real server does. */
export async function readBody<Schema extends z.ZodMiniType>(
  request: Request,
  schema: Schema,
): Promise<{ body: z.infer<Schema> } | { refusal: Answer }> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('application/json')) {
    return { refusal: refuse(415, 'unsupported_media_type', 'Send application/json.') };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await request.text());
  } catch {
    return { refusal: refuse(400, 'invalid_body', 'The body is not JSON.') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { refusal: refuse(400, 'invalid_body', describeIssues(parsed.error)) };
  }
  return { body: parsed.data };
}

export function throttled() {
  return answer(
    { error: { code: 'throttled', message: 'Too many failed attempts.' } } satisfies ApiErrorBody,
    { status: 429, headers: { 'Retry-After': String(THROTTLE_SECONDS) } },
  );
}

/** Counts a failure; the fifth within the window holds the account back. */
export function fail(entry: MockAccount, action: string) {
  entry.failures += 1;
  entry.account.throttled = entry.failures >= THROTTLE_AFTER;
  audit({
    actorId: entry.account.id,
    actorName: entry.account.username,
    action,
    target: null,
    outcome: 'failure',
  });
}
