import { createTOTPKeyURI } from '@oslojs/otp';
import { http } from 'msw';
import {
  changePasswordBodySchema,
  confirmMfaBodySchema,
  emptyBodySchema,
  signInBodySchema,
  totpBodySchema,
  type Me,
  type MfaSetup,
} from '@/contract/accounts';
import { manageEndpoints } from '@/contract/endpoints';
import { adminHandlers } from './manage-admin';
import {
  audit,
  codeIsRight,
  fail,
  findAccount,
  mockState,
  newSecret,
  randomText,
  readBody,
  secretText,
  sessionAt,
  setStage,
  startSession,
  throttled,
  answer,
  noContent,
  refuse,
} from './manage-state';
import { onAnyOrigin } from './respond';

/** A few of the passwords tried first; the real server checks a list of tens of thousands. */
const common = new Set([
  'password',
  'password1',
  '12345678',
  '123456789',
  'qwertyuiop',
  'iloveyou',
  'password123',
]);

const me = (value: Me) => answer(value);

export const manageHandlers = [
  http.get(onAnyOrigin(manageEndpoints.me), () => {
    const session = mockState().session;
    const entry = session && findAccount((candidate) => candidate.account.id === session.accountId);
    if (!session || !entry) return refuse(401, 'unauthenticated', 'Nobody is signed in.');
    return me({ account: entry.account, stage: session.stage });
  }),

  http.post(onAnyOrigin(manageEndpoints.signIn), async ({ request }) => {
    const read = await readBody(request, signInBodySchema);
    if ('refusal' in read) return read.refusal;
    const entry = findAccount((candidate) => candidate.account.username === read.body.username);
    if (entry?.account.throttled) return throttled();
    if (!entry || entry.password !== read.body.password || entry.account.disabled) {
      if (entry) fail(entry, 'auth.sign_in');
      else
        audit({
          actorId: null,
          actorName: read.body.username,
          action: 'auth.sign_in',
          target: null,
          outcome: 'failure',
        });
      return refuse(401, 'invalid_credentials', 'Wrong username or password.');
    }
    const { account } = entry;
    const stage = account.mfaEnabled
      ? 'totp'
      : account.mustChangePassword
        ? 'change_password'
        : 'mfa_setup';
    audit({
      actorId: account.id,
      actorName: account.username,
      action: 'auth.sign_in',
      target: null,
      outcome: 'success',
    });
    return me(startSession(entry, stage));
  }),

  http.post(onAnyOrigin(manageEndpoints.totp), async ({ request }) => {
    const at = sessionAt('totp');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, totpBodySchema);
    if ('refusal' in read) return read.refusal;
    const { entry } = at;
    if (entry.account.throttled) return throttled();
    let right: boolean;
    if ('code' in read.body) {
      right = codeIsRight(entry, entry.secret, read.body.code);
    } else {
      const wanted = read.body.recoveryCode.replace('-', '');
      const index = entry.recoveryCodes.findIndex((code) => code.replace('-', '') === wanted);
      right = index >= 0;
      if (right) entry.recoveryCodes.splice(index, 1);
    }
    if (!right) {
      fail(entry, 'auth.totp');
      return entry.account.throttled ? throttled() : refuse(401, 'invalid_code', 'Wrong code.');
    }
    entry.failures = 0;
    entry.account.lastSignInAt = new Date().toISOString();
    audit({
      actorId: entry.account.id,
      actorName: entry.account.username,
      action: 'auth.totp',
      target: null,
      outcome: 'success',
    });
    return me(setStage(entry.account.mustChangePassword ? 'change_password' : 'active'));
  }),

  http.post(onAnyOrigin(manageEndpoints.password), async ({ request }) => {
    const session = mockState().session;
    const at = sessionAt(session?.stage === 'change_password' ? 'change_password' : 'active');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, changePasswordBodySchema);
    if ('refusal' in read) return read.refusal;
    const { entry } = at;
    if (read.body.currentPassword !== entry.password) {
      return refuse(400, 'wrong_password', 'currentPassword: the current password is wrong.');
    }
    if (common.has(read.body.newPassword.toLowerCase())) {
      return refuse(
        400,
        'password_rejected',
        'newPassword: this password is on a list of common passwords; choose another',
      );
    }
    entry.password = read.body.newPassword;
    entry.account.mustChangePassword = false;
    audit({
      actorId: entry.account.id,
      actorName: entry.account.username,
      action: 'auth.password_change',
      target: null,
      outcome: 'success',
    });
    return me(setStage(entry.account.mfaEnabled ? 'active' : 'mfa_setup'));
  }),

  http.post(onAnyOrigin(manageEndpoints.mfaSetup), async ({ request }) => {
    const at = sessionAt('mfa_setup');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, emptyBodySchema);
    if ('refusal' in read) return read.refusal;
    const secret = newSecret();
    at.entry.pendingSecret = secret;
    return answer({
      secret: secretText(secret),
      uri: createTOTPKeyURI('Ashyq', at.entry.account.username, secret, 30, 6),
    } satisfies MfaSetup);
  }),

  http.post(onAnyOrigin(manageEndpoints.mfaConfirm), async ({ request }) => {
    const at = sessionAt('mfa_setup');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, confirmMfaBodySchema);
    if ('refusal' in read) return read.refusal;
    const { entry } = at;
    if (!entry.pendingSecret) return refuse(409, 'mfa_not_started', 'Ask for a new key first.');
    if (!codeIsRight(entry, entry.pendingSecret, read.body.code)) {
      fail(entry, 'auth.mfa_confirm');
      return refuse(401, 'invalid_code', 'Wrong code.');
    }
    entry.secret = entry.pendingSecret;
    entry.pendingSecret = null;
    entry.devCode = false;
    entry.account.mfaEnabled = true;
    entry.recoveryCodes = Array.from({ length: 10 }, () => `${randomText(5)}-${randomText(5)}`);
    audit({
      actorId: entry.account.id,
      actorName: entry.account.username,
      action: 'auth.mfa_enable',
      target: null,
      outcome: 'success',
    });
    return answer({ me: setStage('active'), recoveryCodes: entry.recoveryCodes });
  }),

  http.post(onAnyOrigin(manageEndpoints.signOut), async ({ request }) => {
    const read = await readBody(request, emptyBodySchema);
    if ('refusal' in read) return read.refusal;
    const state = mockState();
    const entry =
      state.session &&
      findAccount((candidate) => candidate.account.id === state.session?.accountId);
    if (entry)
      audit({
        actorId: entry.account.id,
        actorName: entry.account.username,
        action: 'auth.sign_out',
        target: null,
        outcome: 'success',
      });
    state.session = null;
    return noContent();
  }),

  http.get(onAnyOrigin(manageEndpoints.sessions), () => {
    const at = sessionAt('active');
    if ('refusal' in at) return at.refusal;
    const state = mockState();
    const current = state.session ? [state.session.info] : [];
    return answer({ sessions: [...current, ...state.otherSessions] });
  }),

  http.post(onAnyOrigin(manageEndpoints.endOtherSessions), async ({ request }) => {
    const at = sessionAt('active');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, emptyBodySchema);
    if ('refusal' in read) return read.refusal;
    mockState().otherSessions = [];
    return noContent();
  }),

  ...adminHandlers,
];
