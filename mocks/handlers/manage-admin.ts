import { http, HttpResponse } from 'msw';
import {
  auditQuerySchema,
  createAccountBodySchema,
  emptyBodySchema,
  may,
  updateAccountBodySchema,
  type Account,
  type OneTimePassword,
  type Permission,
} from '@/contract/accounts';
import { describeIssues } from '@/contract/common';
import { API_PREFIX, manageEndpoints } from '@/contract/endpoints';
import {
  audit,
  findAccount,
  mockState,
  randomText,
  readBody,
  sessionAt,
  type Answer,
  type MockAccount,
  answer,
  refuse,
} from './manage-state';
import { onAnyOrigin } from './respond';

/** The session's account if it is active and holds the permission; else the server's refusal. */
function admin(permission: Permission) {
  const at = sessionAt('active');
  if ('refusal' in at) return at;
  if (!may(at.entry.account, permission, at.entry.account.regionId)) {
    audit({
      actorId: at.entry.account.id,
      actorName: at.entry.account.username,
      action: 'authz.denied',
      target: null,
      outcome: 'denied',
    });
    return { refusal: refuse(403, 'forbidden', `This needs the ${permission} permission.`) };
  }
  return at;
}

function oneTime(entry: MockAccount): OneTimePassword {
  entry.password = `${randomText(5)}-${randomText(5)}-${randomText(5)}`;
  entry.account.mustChangePassword = true;
  return {
    account: entry.account,
    oneTimePassword: entry.password,
    expiresAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
  };
}

const actions = ['disable', 'enable', 'reset-password', 'reset-mfa', 'unlock'] as const;

export const adminHandlers = [
  http.get(onAnyOrigin(manageEndpoints.accounts), () => {
    const at = admin('manage_accounts');
    if ('refusal' in at) return at.refusal;
    return answer({ accounts: mockState().accounts.map((entry) => entry.account) });
  }),

  http.post(onAnyOrigin(manageEndpoints.accounts), async ({ request }) => {
    const at = admin('manage_accounts');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, createAccountBodySchema);
    if ('refusal' in read) return read.refusal;
    const { body } = read;
    if (findAccount((entry) => entry.account.username === body.username)) {
      return refuse(409, 'username_taken', `The username "${body.username}" is taken.`);
    }
    const account: Account = {
      id: `acc-${randomText(6)}`,
      username: body.username,
      displayName: body.displayName ?? body.username,
      organisation: body.organisation ?? body.username,
      roles: body.roles,
      regionId: at.entry.account.regionId,
      disabled: false,
      mustChangePassword: true,
      mfaEnabled: false,
      throttled: false,
      createdAt: new Date().toISOString(),
      lastSignInAt: null,
    };
    const entry: MockAccount = {
      account,
      password: '',
      devCode: false,
      secret: null,
      pendingSecret: null,
      usedCodes: new Set(),
      recoveryCodes: [],
      failures: 0,
    };
    mockState().accounts.push(entry);
    audit({
      actorId: at.entry.account.id,
      actorName: at.entry.account.username,
      action: 'account.create',
      target: `account:${account.id}`,
      outcome: 'success',
    });
    return answer(oneTime(entry), { status: 201 });
  }),

  http.put(onAnyOrigin(`${API_PREFIX}/admin/accounts/:id`), async ({ request, params }) => {
    const at = admin('manage_accounts');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, updateAccountBodySchema);
    if ('refusal' in read) return read.refusal;
    const entry = findAccount((candidate) => candidate.account.id === params.id);
    if (!entry) return refuse(404, 'not_found', 'No such account.');
    Object.assign(
      entry.account,
      Object.fromEntries(Object.entries(read.body).filter(([, v]) => v !== undefined)),
    );
    audit({
      actorId: at.entry.account.id,
      actorName: at.entry.account.username,
      action: 'account.update',
      target: `account:${entry.account.id}`,
      outcome: 'success',
    });
    return answer(entry.account);
  }),

  http.post(
    onAnyOrigin(`${API_PREFIX}/admin/accounts/:id/:action`),
    async ({ request, params }) => {
      const at = admin('manage_accounts');
      if ('refusal' in at) return at.refusal;
      const action = actions.find((known) => known === params.action);
      if (!action) return refuse(404, 'not_found', `No action ${String(params.action)}.`);
      const read = await readBody(request, emptyBodySchema);
      if ('refusal' in read) return read.refusal;
      const entry = findAccount((candidate) => candidate.account.id === params.id);
      if (!entry) return refuse(404, 'not_found', 'No such account.');
      const logged = () =>
        audit({
          actorId: at.entry.account.id,
          actorName: at.entry.account.username,
          action: `account.${action}`,
          target: `account:${entry.account.id}`,
          outcome: 'success',
        });
      switch (action) {
        case 'disable':
          if (entry === at.entry)
            return refuse(409, 'self_action', 'You cannot disable your own account.');
          entry.account.disabled = true;
          break;
        case 'enable':
          entry.account.disabled = false;
          break;
        case 'reset-password': {
          const fresh = oneTime(entry);
          logged();
          return answer(fresh);
        }
        case 'reset-mfa':
          entry.secret = null;
          entry.devCode = false;
          entry.account.mfaEnabled = false;
          entry.recoveryCodes = [];
          break;
        case 'unlock':
          entry.failures = 0;
          entry.account.throttled = false;
          break;
      }
      logged();
      return answer(entry.account);
    },
  ),

  http.get(onAnyOrigin(manageEndpoints.audit), ({ request }) => {
    const at = admin('read_audit');
    if ('refusal' in at) return at.refusal;
    const parsed = auditQuerySchema.safeParse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    if (!parsed.success) return refuse(400, 'invalid_query', describeIssues(parsed.error));
    const query = parsed.data;
    const endOf = (day: string) => (day.length === 10 ? `${day}T23:59:59.999Z` : day);
    const matching = [...mockState().audit]
      .reverse()
      .filter((entry) => !query.actor || entry.actorName.includes(query.actor))
      .filter((entry) => !query.action || entry.action.startsWith(query.action))
      .filter((entry) => !query.outcome || entry.outcome === query.outcome)
      .filter((entry) => !query.from || entry.at >= query.from)
      .filter((entry) => !query.to || entry.at <= endOf(query.to))
      .filter((entry) => query.before === undefined || entry.id < query.before);
    const entries = matching.slice(0, query.limit);
    const more = matching.length > entries.length;
    return answer({ entries, nextBefore: more ? (entries.at(-1)?.id ?? null) : null });
  }),

  http.get(onAnyOrigin(manageEndpoints.auditCsv), () => {
    const at = admin('read_audit');
    if ('refusal' in at) return at.refusal;
    const lines = mockState().audit.map((e) =>
      [e.id, e.at, e.actorName, e.action, e.target ?? '', e.outcome].join(','),
    );
    const csv = ['id,at,actor,action,target,outcome', ...lines].join('\r\n');
    return new HttpResponse(csv, {
      headers: { 'Content-Type': 'text/csv; charset=utf-8' },
    }) as Answer;
  }),
];
