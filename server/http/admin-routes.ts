import {
  auditQuerySchema,
  createAccountBodySchema,
  emptyBodySchema,
  updateAccountBodySchema,
} from '../../src/contract/accounts';
import { manageEndpoints } from '../../src/contract/endpoints';
import { auditCsv } from '../audit/csv';
import { readAuditForExport, readAuditPage } from '../audit/read';
import {
  type AccountAction,
  accountAction,
  createAccount,
  updateAccount,
} from '../auth/account-admin';
import { listAccounts } from '../auth/accounts';
import type { Actor } from '../auth/actor';
import type { AuthDeps, ManageContext } from '../auth/guard';
import { readBody, readQuery } from './manage-shape';
import type { ManageRoute } from './manage-route';

/** The contract builds paths with the id encoded; the router wants the `:id` placeholder. */
const ID = ':id';
const route = (path: string) => path.replace(encodeURIComponent(ID), ID);

/** Accounts and the audit log: admins only, and only their own region's. */
export function adminRoutes(deps: AuthDeps): ManageRoute[] {
  const { db, settings } = deps;
  const actorOf = (c: ManageContext): Actor => {
    const { account } = c.get('auth');
    return {
      id: account.id,
      name: account.username,
      regionId: account.region_id,
      address: c.get('address'),
    };
  };
  const accountId = (c: ManageContext) => c.req.param('id') ?? '';

  const list = async (c: ManageContext) =>
    c.json({ accounts: await listAccounts(db, actorOf(c).regionId, settings.now()) });

  const create = async (c: ManageContext) => {
    const body = await readBody(c, createAccountBodySchema);
    return c.json(await createAccount(db, actorOf(c), body, settings.now()), 201);
  };

  const update = async (c: ManageContext) => {
    const body = await readBody(c, updateAccountBodySchema);
    return c.json(await updateAccount(db, actorOf(c), accountId(c), body, settings.now()));
  };

  const action = (name: AccountAction) => async (c: ManageContext) => {
    await readBody(c, emptyBodySchema);
    const result = await accountAction(db, actorOf(c), accountId(c), name, settings.now());
    // reset-password answers with the one-time password (shown once); the others with the account.
    return c.json(result.oneTimePassword === undefined ? result.account : result);
  };

  const audit = async (c: ManageContext) => {
    const query = readQuery(c, auditQuerySchema);
    return c.json(await readAuditPage(db, actorOf(c).regionId, query));
  };

  const auditCsvFile = async (c: ManageContext) => {
    const query = readQuery(c, auditQuerySchema);
    const entries = await readAuditForExport(db, actorOf(c).regionId, query);
    const day = settings.now().toISOString().slice(0, 10);
    return c.body(auditCsv(entries), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="ashyq-audit-${day}.csv"`,
    });
  };

  const admin = { who: 'active', permission: 'manage_accounts' } as const;
  const auditor = { who: 'active', permission: 'read_audit' } as const;
  const actions: AccountAction[] = ['disable', 'enable', 'reset-password', 'reset-mfa', 'unlock'];
  return [
    { method: 'GET', path: manageEndpoints.accounts, access: admin, handle: list },
    { method: 'POST', path: manageEndpoints.accounts, access: admin, handle: create },
    { method: 'PUT', path: route(manageEndpoints.account(ID)), access: admin, handle: update },
    ...actions.map((name): ManageRoute => ({
      method: 'POST',
      path: route(manageEndpoints.accountAction(ID, name)),
      access: admin,
      handle: action(name),
    })),
    { method: 'GET', path: manageEndpoints.audit, access: auditor, handle: audit },
    { method: 'GET', path: manageEndpoints.auditCsv, access: auditor, handle: auditCsvFile },
  ];
}
