// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  meSchema,
  mfaSetupSchema,
  oneTimePasswordSchema,
  recoveryCodesSchema,
} from '../src/contract/accounts';
import { apiErrorBodySchema } from '../src/contract/common';
import { manageEndpoints as m } from '../src/contract/endpoints';
import { region } from '../mocks/fixtures/region';
import { createAccount } from './auth/account-admin';
import { cliActor } from './auth/actor';
import { totpCode } from './auth/totp';
import {
  type AuthTestServer,
  Browser,
  PASSWORD,
  seedAccount,
  startAuthServer,
} from './auth-test-kit';
import { announceSkippedBackends, backends, isAvailable } from './test-support';

announceSkippedBackends('server/auth-flow.test.ts');

const errorCode = async (response: Response) =>
  apiErrorBodySchema.parse(await response.json()).error;

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`sign-in on ${backend}`, () => {
    let server: AuthTestServer;
    beforeAll(async () => {
      server = await startAuthServer(backend);
    });
    afterAll(() => server?.stop());
    const browser = () => new Browser(server.url);
    const step = () => server.clock.advance(30_000);

    test('first sign-in: one-time password, new password, authenticator, recovery codes', async () => {
      const created = oneTimePasswordSchema.parse(
        await createAccount(
          server.db,
          cliActor(region.id),
          { username: 'aigerim', roles: ['admin'] },
          server.clock.now(),
        ),
      );
      const b = browser();
      const signIn = await b.post(m.signIn, {
        username: 'aigerim',
        password: created.oneTimePassword,
      });
      expect(signIn.status).toBe(200);
      expect(signIn.headers.get('cache-control')).toBe('no-store');
      expect(signIn.headers.get('set-cookie')).toMatch(
        /^ashyq_session=[a-z0-9]{24}\.[a-z0-9]{32}; Path=\/; HttpOnly; SameSite=Strict$/,
      );
      expect(meSchema.parse(await signIn.json()).stage).toBe('change_password');

      // Nothing but the password step (and me, sign-out) is reachable yet.
      expect((await b.get(m.accounts)).status).toBe(403);
      expect((await b.post(m.mfaSetup)).status).toBe(403);

      const common = await b.post(m.password, {
        currentPassword: created.oneTimePassword,
        newPassword: 'password123',
      });
      expect(common.status).toBe(400);
      expect(await errorCode(common)).toEqual({
        code: 'password_rejected',
        message: expect.stringMatching(/^newPassword: .*common passwords/),
      });
      const short = await b.post(m.password, {
        currentPassword: created.oneTimePassword,
        newPassword: 'short',
      });
      expect(await errorCode(short)).toMatchObject({
        code: 'invalid_body',
        message: expect.stringContaining('newPassword: at least 8 characters'),
      });

      const changed = await b.post(m.password, {
        currentPassword: created.oneTimePassword,
        newPassword: PASSWORD,
      });
      expect(changed.status).toBe(200);
      expect(meSchema.parse(await changed.json())).toMatchObject({
        stage: 'mfa_setup',
        account: { mustChangePassword: false, mfaEnabled: false },
      });

      const setup = mfaSetupSchema.parse(await (await b.post(m.mfaSetup)).json());
      expect(setup.uri).toContain('otpauth://totp/Ashyq:aigerim?');
      const before = b.cookie;
      const code = totpCode(setup.secret, server.clock.now());
      const confirmed = await b.post(m.mfaConfirm, { code });
      expect(confirmed.status).toBe(200);
      const { me, recoveryCodes } = recoveryCodesSchema.parse(await confirmed.json());
      expect(me.stage).toBe('active');
      expect(me.account.mfaEnabled).toBe(true);
      expect(new Set(recoveryCodes).size).toBe(10);
      // Becoming active issued a new token; the one used to get here is dead.
      expect(b.cookie).not.toBe(before);
      const stale = new Browser(server.url);
      stale.cookie = before;
      expect((await stale.get(m.me)).status).toBe(401);
      expect((await b.get(m.accounts)).status).toBe(200);

      // The code that confirmed the set-up cannot sign in again.
      const again = browser();
      await again.post(m.signIn, { username: 'aigerim', password: PASSWORD });
      const reused = await again.post(m.totp, { code });
      expect(reused.status).toBe(401);
      expect((await errorCode(reused)).code).toBe('code_reused');
      // A recovery code can, once.
      const recovered = await again.post(m.totp, { recoveryCode: recoveryCodes[0]?.toUpperCase() });
      expect(recovered.status).toBe(200);
      const twice = browser();
      await twice.post(m.signIn, { username: 'aigerim', password: PASSWORD });
      expect((await twice.post(m.totp, { recoveryCode: recoveryCodes[0] })).status).toBe(401);
    });

    test('a TOTP code is accepted once, one step either side, never twice', async () => {
      const account = await seedAccount(server.db, 'daulet', ['editor']);
      const b = browser();
      await b.post(m.signIn, { username: 'daulet', password: PASSWORD });
      const old = totpCode(account.secret, new Date(server.clock.now().getTime() - 60_000));
      expect((await errorCode(await b.post(m.totp, { code: old }))).code).toBe('invalid_code');
      const previousStep = totpCode(
        account.secret,
        new Date(server.clock.now().getTime() - 30_000),
      );
      const ok = await b.post(m.totp, { code: previousStep });
      expect(ok.status).toBe(200);
      const other = browser();
      await other.post(m.signIn, { username: 'daulet', password: PASSWORD });
      expect((await errorCode(await other.post(m.totp, { code: previousStep }))).code).toBe(
        'code_reused',
      );
      step();
      expect(
        (await other.post(m.totp, { code: totpCode(account.secret, server.clock.now()) })).status,
      ).toBe(200);
    });

    test('the one-time password expires after 24 hours', async () => {
      const created = await createAccount(
        server.db,
        cliActor(region.id),
        { username: 'late', roles: ['editor'] },
        server.clock.now(),
      );
      server.clock.advance(24 * 3600_000);
      const answer = await browser().post(m.signIn, {
        username: 'late',
        password: created.oneTimePassword,
      });
      expect(answer.status).toBe(401);
      expect((await errorCode(answer)).code).toBe('password_expired');
    });

    test('wrong password and unknown user answer alike; GET me without a session is 401', async () => {
      await seedAccount(server.db, 'saule', ['editor']);
      const wrong = await browser().post(m.signIn, {
        username: 'saule',
        password: 'not the password',
      });
      const unknown = await browser().post(m.signIn, {
        username: 'nobody',
        password: 'not the password',
      });
      expect([wrong.status, unknown.status]).toEqual([401, 401]);
      expect(await errorCode(wrong)).toEqual(await errorCode(unknown));
      // A capital first letter (a phone's keyboard) still finds the account.
      server.clock.advance(30_000);
      const saule = await seedAccount(server.db, 'saule2', ['editor']);
      const capital = browser();
      expect(
        (await capital.post(m.signIn, { username: 'Saule2', password: PASSWORD })).status,
      ).toBe(200);
      expect(
        (await capital.post(m.totp, { code: totpCode(saule.secret, server.clock.now()) })).status,
      ).toBe(200);
      const me = await browser().get(m.me);
      expect(me.status).toBe(401);
      expect((await errorCode(me)).code).toBe('unauthenticated');
    });
  });
}
