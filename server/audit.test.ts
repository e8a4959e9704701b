// @vitest-environment node
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountSchema, auditPageSchema, oneTimePasswordSchema } from '../src/contract/accounts';
import { manageEndpoints as m } from '../src/contract/endpoints';
import {
  addRegion,
  type AuthTestServer,
  Browser,
  PASSWORD,
  seedAccount,
  startAuthServer,
} from './auth-test-kit';
import { announceSkippedBackends, backends, isAvailable } from './test-support';

announceSkippedBackends('server/audit.test.ts');

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`audit log and administration on ${backend}`, () => {
    let server: AuthTestServer;
    let admin: Browser;
    let otherAdmin: Browser;
    beforeAll(async () => {
      server = await startAuthServer(backend);
      await addRegion(server.db, 'other-region');
      admin = new Browser(server.url);
      await admin.signIn(await seedAccount(server.db, 'boss', ['admin']), server.clock);
      otherAdmin = new Browser(server.url);
      await otherAdmin.signIn(
        await seedAccount(server.db, 'elsewhere', ['admin'], { regionId: 'other-region' }),
        server.clock,
      );
    });
    afterAll(() => server?.stop());
    const page = async (browser: Browser, query = '') => {
      const answer = await browser.get(`${m.audit}${query}`);
      expect(answer.status).toBe(200);
      return auditPageSchema.parse(await answer.json());
    };

    test('sign-ins, failures and denials are recorded with who, what, outcome, time and address; never a password', async () => {
      await new Browser(server.url).post(m.signIn, {
        username: 'boss',
        password: 'wrong password',
      });
      await new Browser(server.url).post(m.signIn, {
        username: 'ghost',
        password: 'wrong password',
      });
      const editor = new Browser(server.url);
      await editor.signIn(await seedAccount(server.db, 'nosy', ['editor']), server.clock);
      expect((await editor.get(m.audit)).status).toBe(403);

      const { entries } = await page(admin);
      const find = (action: string, actorName: string, outcome: string) =>
        entries.find(
          (e) => e.action === action && e.actorName === actorName && e.outcome === outcome,
        );
      expect(find('auth.sign_in', 'boss', 'success')).toMatchObject({
        address: admin.address,
        at: expect.stringMatching(/Z$/),
      });
      expect(find('auth.totp', 'boss', 'success')).toBeDefined();
      expect(find('auth.sign_in', 'boss', 'failure')?.detail).toEqual({ reason: 'wrong_password' });
      expect(find('auth.sign_in', 'ghost', 'failure')).toMatchObject({
        actorId: null,
        detail: { reason: 'unknown_user' },
      });
      expect(find('access.denied', 'nosy', 'denied')?.target).toBe('route:GET /api/v1/admin/audit');
      const everything = JSON.stringify(await (await admin.get(`${m.audit}?limit=500`)).json());
      expect(everything).not.toContain(PASSWORD);
      expect(everything).not.toContain('wrong password');
      expect(everything).not.toContain(admin.cookie?.split('=')[1] ?? 'no cookie');
    });

    test('authenticated answers are never stored', async () => {
      for (const path of [m.me, m.accounts, m.audit, m.auditCsv, m.sessions]) {
        expect((await admin.get(path)).headers.get('cache-control'), path).toBe('no-store');
      }
    });

    test('filters and pages; each admin sees only their region', async () => {
      const failures = await page(admin, '?outcome=failure&action=auth.sign_in');
      expect(failures.entries.length).toBeGreaterThan(0);
      expect(
        failures.entries.every((e) => e.outcome === 'failure' && e.action === 'auth.sign_in'),
      ).toBe(true);
      const first = await page(admin, '?limit=2');
      expect(first.entries).toHaveLength(2);
      expect(first.nextBefore).toBe(first.entries[1]?.id);
      const second = await page(admin, `?limit=2&before=${first.nextBefore}`);
      expect(second.entries[0]?.id).toBeLessThan(first.entries[1]?.id ?? 0);
      expect((await admin.get(`${m.audit}?colour=red`)).status).toBe(400);

      const theirs = await page(otherAdmin);
      expect(theirs.entries.every((e) => e.regionId === 'other-region')).toBe(true);
      expect(theirs.entries.some((e) => e.actorName === 'boss')).toBe(false);
    });

    test('UPDATE and DELETE on the audit table fail in the database itself', async () => {
      await expect(
        sql`update audit_log set outcome = 'success'`.execute(server.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(server.db)).rejects.toThrow(/append-only/);
      expect((await page(admin)).entries.length).toBeGreaterThan(0);
    });

    test('a line break in a username cannot forge a CSV row', async () => {
      const forged = 'x\r\n9999,2026-01-01T00:00:00.000Z,kyzylorda,,admin,account.create';
      await new Browser(server.url).post(m.signIn, {
        username: forged,
        password: 'whatever it is',
      });
      const answer = await admin.get(`${m.auditCsv}?actor=${encodeURIComponent(forged)}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toMatch(
        /^attachment; filename="ashyq-audit-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const lines = (await answer.text()).split(/\r\n|\n|\r/).filter((line) => line !== '');
      expect(lines).toHaveLength(2);
      expect(lines[1]).toContain('x\\u000d\\u000a9999');
      expect(lines.some((line) => line.startsWith('9999'))).toBe(false);
    });

    test('accounts: create shows the one-time password once; another region is refused; no self-disable', async () => {
      const created = await admin.post(m.accounts, {
        username: 'newbie',
        roles: ['editor', 'reviewer'],
        displayName: 'Newbie N.',
      });
      expect(created.status).toBe(201);
      const otp = oneTimePasswordSchema.parse(await created.json());
      expect(otp.account).toMatchObject({
        regionId: 'kyzylorda',
        mustChangePassword: true,
        mfaEnabled: false,
        roles: ['editor', 'reviewer'],
      });
      expect((await admin.post(m.accounts, { username: 'newbie', roles: ['editor'] })).status).toBe(
        409,
      );
      expect(
        (await admin.post(m.accounts, { username: 'sneaky', roles: ['editor'], disabled: false }))
          .status,
      ).toBe(400);

      const id = otp.account.id;
      expect(
        (await otherAdmin.send('PUT', m.account(id), { displayName: 'Hijacked' })).status,
      ).toBe(403);
      expect((await otherAdmin.post(m.accountAction(id, 'disable'))).status).toBe(403);
      const listed = await (await otherAdmin.get(m.accounts)).json();
      expect(JSON.stringify(listed)).not.toContain('newbie');

      const updated = await admin.send('PUT', m.account(id), { roles: ['verifier'] });
      expect(accountSchema.parse(await updated.json()).roles).toEqual(['verifier']);
      const me = await (await admin.get(m.me)).json();
      const self = (me as { account: { id: string } }).account.id;
      expect((await admin.post(m.accountAction(self, 'disable'))).status).toBe(409);
    });

    test('disabling an account or resetting its password ends its sessions', async () => {
      const account = await seedAccount(server.db, 'tobedisabled', ['editor']);
      const b = new Browser(server.url);
      await b.signIn(account, server.clock);
      expect((await admin.post(m.accountAction(account.id, 'disable'))).status).toBe(200);
      expect((await b.get(m.me)).status).toBe(401);
      server.clock.advance(30_000);
      expect((await b.signIn(account, server.clock)).status).toBe(401);
      expect((await admin.post(m.accountAction(account.id, 'enable'))).status).toBe(200);
      server.clock.advance(30_000);
      expect((await b.signIn(account, server.clock)).status).toBe(200);
      const reset = oneTimePasswordSchema.parse(
        await (await admin.post(m.accountAction(account.id, 'reset-password'))).json(),
      );
      expect((await b.get(m.me)).status).toBe(401);
      // The old password is gone; the one-time one signs in, the authenticator is still asked first.
      const next = await new Browser(server.url).post(m.signIn, {
        username: 'tobedisabled',
        password: reset.oneTimePassword,
      });
      expect(((await next.json()) as { stage: string }).stage).toBe('totp');
      // reset-mfa: the next sign-in sets up a new authenticator.
      const fresh = await seedAccount(server.db, 'lostphone', ['editor']);
      expect((await admin.post(m.accountAction(fresh.id, 'reset-mfa'))).status).toBe(200);
      const again = await new Browser(server.url).post(m.signIn, {
        username: 'lostphone',
        password: PASSWORD,
      });
      expect(((await again.json()) as { stage: string }).stage).toBe('mfa_setup');
      const actions = (await page(admin, '?limit=20')).entries.map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'account.disable',
          'account.enable',
          'account.reset_password',
          'account.reset_mfa',
        ]),
      );
    });
  });
}
