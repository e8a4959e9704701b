// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accountListSchema, accountSchema, sessionListSchema } from '../src/contract/accounts';
import { apiErrorBodySchema } from '../src/contract/common';
import { manageEndpoints as m } from '../src/contract/endpoints';
import {
  newClientAddress,
  type AuthTestServer,
  Browser,
  PASSWORD,
  seedAccount,
  startAuthServer,
} from './auth-test-kit';
import { announceSkippedBackends, backends, isAvailable } from './test-support';

announceSkippedBackends('server/auth-sessions.test.ts');

const code = async (response: Response) =>
  apiErrorBodySchema.parse(await response.json()).error.code;
const MINUTE = 60_000;

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(
    `sessions, throttle and request shape on ${backend}`,
    () => {
      let server: AuthTestServer;
      beforeAll(async () => {
        server = await startAuthServer(backend);
      });
      afterAll(() => server?.stop());
      const step = () => server.clock.advance(30_000);

      test('idle for 30 minutes ends a session; use keeps it alive until 8 hours', async () => {
        const account = await seedAccount(server.db, 'idle', ['editor']);
        const b = new Browser(server.url);
        expect((await b.signIn(account, server.clock)).status).toBe(200);
        server.clock.advance(29 * MINUTE);
        expect((await b.get(m.me)).status).toBe(200);
        server.clock.advance(29 * MINUTE);
        expect((await b.get(m.me)).status).toBe(200);
        server.clock.advance(30 * MINUTE);
        expect((await b.get(m.me)).status).toBe(401);
        const ended = await server.db
          .selectFrom('audit_log')
          .select('detail')
          .where('action', '=', 'session.expire')
          .where('actor_name', '=', 'idle')
          .execute();
        expect(ended.map((row) => JSON.parse(row.detail) as unknown)).toEqual([{ reason: 'idle' }]);

        step();
        const busy = new Browser(server.url);
        expect((await busy.signIn(account, server.clock)).status).toBe(200);
        for (let minutes = 0; minutes + 20 < 8 * 60; minutes += 20) {
          server.clock.advance(20 * MINUTE);
          expect((await busy.get(m.me)).status, `after ${minutes + 20} min`).toBe(200);
        }
        server.clock.advance(20 * MINUTE);
        expect((await busy.get(m.me)).status).toBe(401);
      });

      test('sign-out kills the token; a new sign-in kills the old one; end other sessions', async () => {
        const account = await seedAccount(server.db, 'leaver', ['editor']);
        const b = new Browser(server.url);
        await b.signIn(account, server.clock);
        const first = b.cookie;
        step();
        await b.signIn(account, server.clock);
        expect(b.cookie).not.toBe(first);
        const old = new Browser(server.url);
        old.cookie = first;
        expect((await old.get(m.me)).status).toBe(401);

        step();
        const laptop = new Browser(server.url);
        await laptop.signIn(account, server.clock);
        const list = sessionListSchema.parse(await (await b.get(m.sessions)).json());
        expect(list.sessions).toHaveLength(2);
        expect(list.sessions.filter((s) => s.current)).toHaveLength(1);
        expect(await (await b.post(m.endOtherSessions)).json()).toEqual({ ended: 1 });
        expect((await laptop.get(m.me)).status).toBe(401);

        const token = b.cookie;
        const out = await b.post(m.signOut);
        expect(out.status).toBe(200);
        expect(b.cookie).toBeNull();
        const replay = new Browser(server.url);
        replay.cookie = token;
        expect((await replay.get(m.me)).status).toBe(401);
      });

      test('a signed-in person changes their password only with the current one; the other sessions end', async () => {
        const account = await seedAccount(server.db, 'changer', ['editor']);
        const laptop = new Browser(server.url);
        const phone = new Browser(server.url);
        expect((await laptop.signIn(account, server.clock)).status).toBe(200);
        step();
        expect((await phone.signIn(account, server.clock)).status).toBe(200);
        const next = 'a heron over the Syr Darya';
        const wrong = await laptop.post(m.password, {
          currentPassword: 'guess',
          newPassword: next,
        });
        expect(wrong.status).toBe(400);
        expect(await code(wrong)).toBe('wrong_password');
        const missing = await laptop.post(m.password, { newPassword: next });
        expect(missing.status).toBe(400);
        const right = await laptop.post(m.password, {
          currentPassword: PASSWORD,
          newPassword: next,
        });
        expect(right.status).toBe(200);
        expect((await laptop.get(m.me)).status).toBe(200);
        expect((await phone.get(m.me)).status).toBe(401);
        step();
        const again = await new Browser(server.url).post(m.signIn, {
          username: 'changer',
          password: next,
        });
        expect(again.status).toBe(200);
      });

      test('5 failures in 15 minutes: 429 with a growing Retry-After; the admin lifts it; others unaffected', async () => {
        const victim = await seedAccount(server.db, 'victim', ['editor']);
        const bystander = await seedAccount(server.db, 'bystander', ['editor']);
        const admin = await seedAccount(server.db, 'unlocker', ['admin']);
        const attacker = new Browser(server.url);
        for (let i = 0; i < 5; i += 1) {
          const answer = await attacker.post(m.signIn, {
            username: 'victim',
            password: `guess ${i}`,
          });
          expect(answer.status).toBe(401);
        }
        const held = await attacker.post(m.signIn, { username: 'victim', password: PASSWORD });
        expect(held.status).toBe(429);
        expect(await code(held)).toBe('throttled');
        expect(Number(held.headers.get('retry-after'))).toBe(30);
        // Even the right password waits; another account does not.
        expect((await new Browser(server.url).signIn(bystander, server.clock)).status).toBe(200);

        server.clock.advance(31_000);
        expect(
          (await attacker.post(m.signIn, { username: 'victim', password: 'guess 6' })).status,
        ).toBe(401);
        const longer = await attacker.post(m.signIn, { username: 'victim', password: PASSWORD });
        expect(Number(longer.headers.get('retry-after'))).toBe(60);

        const a = new Browser(server.url);
        await a.signIn(admin, server.clock);
        const accounts = accountListSchema.parse(await (await a.get(m.accounts)).json()).accounts;
        expect(accounts.find((x) => x.username === 'victim')?.throttled).toBe(true);
        const unlock = await a.post(m.accountAction(victim.id, 'unlock'));
        const lifted = accountSchema.parse(await unlock.json());
        expect(lifted.throttled).toBe(false);
        step();
        // Lifted for the account and for the address its failures came from.
        expect(
          (await new Browser(server.url, attacker.address).signIn(victim, server.clock)).status,
        ).toBe(200);
      });

      test('wrong TOTP codes count too', async () => {
        const account = await seedAccount(server.db, 'totpguess', ['editor']);
        const b = new Browser(server.url);
        await b.post(m.signIn, { username: 'totpguess', password: PASSWORD });
        for (let i = 0; i < 5; i += 1) {
          expect((await b.post(m.totp, { code: '000000' })).status).toBe(401);
        }
        const held = await b.post(m.totp, { code: '000000' });
        expect(held.status).toBe(429);
        expect(held.headers.get('retry-after')).toBe('30');
        server.clock.advance(16 * MINUTE);
        expect((await b.signIn(account, server.clock)).status).toBe(200);
      });

      test('text/plain, a foreign Origin, Sec-Fetch-Site cross-site and unknown fields are refused', async () => {
        const b = new Browser(server.url);
        const body = JSON.stringify({ username: 'x', password: 'y' });
        const plain = await b.send('POST', m.signIn, body, { 'Content-Type': 'text/plain' });
        expect(plain.status).toBe(415);
        expect(await code(plain)).toBe('unsupported_media_type');
        const form = await b.send('POST', m.signIn, 'username=x', {
          'Content-Type': 'application/x-www-form-urlencoded',
        });
        expect(form.status).toBe(415);
        const foreign = await b.send('POST', m.signIn, body, { Origin: 'https://evil.example' });
        expect(foreign.status).toBe(403);
        expect(await code(foreign)).toBe('cross_origin');
        const crossSite = await b.send('POST', m.signIn, body, { 'Sec-Fetch-Site': 'cross-site' });
        expect(crossSite.status).toBe(403);
        const extra = await b.post(m.signIn, { username: 'x', password: 'y', roles: ['admin'] });
        expect(extra.status).toBe(400);
        expect(apiErrorBodySchema.parse(await extra.json()).error.message).toContain('"roles"');
        const broken = await b.send('POST', m.signIn, '{"username":', {});
        expect(broken.status).toBe(400);
        // GET never changes state: sign-out by GET is not a route.
        expect((await b.get(m.signOut)).status).toBe(404);
      });

      test('five failures from one address, whatever the usernames, hold that address back', async () => {
        const office = newClientAddress();
        const spray = (i: number) =>
          new Browser(server.url, office).post(m.signIn, {
            username: `spray${i}`,
            password: 'Winter2026!',
          });
        for (let i = 0; i < 4; i += 1) await spray(i);
        const early = await seedAccount(server.db, 'early', ['editor']);
        expect((await new Browser(server.url, office).signIn(early, server.clock)).status).toBe(
          200,
        );
        await spray(4);
        const fresh = await seedAccount(server.db, 'colleague', ['editor']);
        const held = await new Browser(server.url, office).signIn(fresh, server.clock);
        expect(held.status).toBe(429);
        // From another address the same person signs in at once.
        expect((await new Browser(server.url).signIn(fresh, server.clock)).status).toBe(200);
        server.clock.advance(16 * MINUTE);
        expect((await new Browser(server.url, office).signIn(fresh, server.clock)).status).toBe(
          200,
        );
      });
    },
  );
}

describe.skipIf(!isAvailable('sqlite'))('on https', () => {
  let server: AuthTestServer;
  beforeAll(async () => {
    server = await startAuthServer('sqlite', { publicUrl: 'https://ashyq.example' });
  });
  afterAll(() => server?.stop());

  test('the cookie is __Host-, Secure, HttpOnly, SameSite=Strict, Path=/; only that origin may POST', async () => {
    await seedAccount(server.db, 'secure', ['editor']);
    const answer = await fetch(`${server.url}${m.signIn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://ashyq.example' },
      body: JSON.stringify({ username: 'secure', password: PASSWORD }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('set-cookie')).toMatch(
      /^__Host-ashyq_session=\S+; Path=\/; HttpOnly; Secure; SameSite=Strict$/,
    );
    const local = await fetch(`${server.url}${m.signIn}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: server.url },
      body: JSON.stringify({ username: 'secure', password: PASSWORD }),
    });
    expect(local.status).toBe(403);
  });
});
