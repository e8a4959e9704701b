// @vitest-environment node
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../src/contract/accounts';
import { createSession } from './auth/sessions';
import { defaultAuthSettings } from './config';
import { manageRoutes } from './http/manage';
import {
  addRegion,
  type AuthTestServer,
  Browser,
  PASSWORD,
  seedAccount,
  startAuthServer,
} from './auth-test-kit';
import { announceSkippedBackends, backends, isAvailable } from './test-support';

/*
 * The role matrix: every management route, read back from the router, called by anonymous,
 * each single role, a disabled account and an admin of another region. A route without a row
 * here fails the test, so a new endpoint cannot ship without saying who may call it.
 */
announceSkippedBackends('server/auth-matrix.test.ts');

const personas = [
  'anonymous',
  'editor',
  'reviewer',
  'verifier',
  'admin',
  'disabled',
  'otherAdmin',
] as const;
type Persona = (typeof personas)[number];
/** 2 = any 2xx; IN = past the guard (with an unknown id or an empty body, a 4xx of its own). */
const IN = 'in' as const;
type Expected = Record<Persona, 2 | 401 | 403 | typeof IN>;

const row = (
  anonymous: 2 | 401,
  active: 2 | 403,
  admin: 2 | 403,
  otherAdmin: 2 | 403,
  disabled: 2 | 401 = 401,
): Expected => ({
  anonymous,
  editor: active,
  reviewer: active,
  verifier: active,
  admin,
  disabled,
  otherAdmin,
});
const anyone = row(2, 2, 2, 2, 2);
const signedIn = row(401, 2, 2, 2);
/** A step of signing in: an active session has no business there. */
const step = row(401, 403, 403, 403);
/** Admins, each seeing their own region. */
const admins = row(401, 403, 2, 2);
/** Admins of the account's region only. */
const regionAdmin = row(401, 403, 2, 403);

/** The review workflow: only `holder`'s role passes the guard; the rest are the handler's. */
const onlyRole = (holder: Persona): Expected => ({
  anonymous: 401,
  editor: 403,
  reviewer: 403,
  verifier: 403,
  admin: 403,
  disabled: 401,
  otherAdmin: 403,
  [holder]: IN,
});
const anyActive: Expected = {
  ...row(401, 2, 2, 2),
  editor: IN,
  reviewer: IN,
  verifier: IN,
  admin: IN,
  otherAdmin: IN,
};

const matrix: Record<string, Expected> = {
  'POST /api/v1/auth/sign-in': anyone,
  'POST /api/v1/auth/totp': step,
  'POST /api/v1/auth/password': signedIn,
  'POST /api/v1/auth/mfa/setup': step,
  'POST /api/v1/auth/mfa/confirm': step,
  'GET /api/v1/auth/me': signedIn,
  'POST /api/v1/auth/sign-out': signedIn,
  'GET /api/v1/auth/sessions': signedIn,
  'POST /api/v1/auth/sessions/end-others': signedIn,
  'GET /api/v1/admin/accounts': admins,
  'POST /api/v1/admin/accounts': admins,
  'PUT /api/v1/admin/accounts/:id': regionAdmin,
  'POST /api/v1/admin/accounts/:id/disable': regionAdmin,
  'POST /api/v1/admin/accounts/:id/enable': regionAdmin,
  'POST /api/v1/admin/accounts/:id/reset-password': regionAdmin,
  'POST /api/v1/admin/accounts/:id/reset-mfa': regionAdmin,
  'POST /api/v1/admin/accounts/:id/unlock': regionAdmin,
  'GET /api/v1/admin/audit': admins,
  'GET /api/v1/admin/audit.csv': admins,
  'GET /api/v1/revisions': anyActive,
  'POST /api/v1/revisions': onlyRole('editor'),
  'GET /api/v1/revisions/:id': anyActive,
  'PUT /api/v1/revisions/:id': onlyRole('editor'),
  'POST /api/v1/revisions/:id/submit': onlyRole('editor'),
  'POST /api/v1/revisions/:id/withdraw': onlyRole('editor'),
  'POST /api/v1/revisions/:id/discard': onlyRole('editor'),
  'POST /api/v1/revisions/:id/approve': onlyRole('reviewer'),
  'POST /api/v1/revisions/:id/reject': onlyRole('reviewer'),
  'POST /api/v1/revisions/:id/verify': onlyRole('verifier'),
  'POST /api/v1/revisions/:id/unverify': onlyRole('verifier'),
  'POST /api/v1/batches/preview': onlyRole('editor'),
  'POST /api/v1/batches': onlyRole('editor'),
  'GET /api/v1/batches/:id': anyActive,
  'POST /api/v1/batches/:id/approve': onlyRole('reviewer'),
  // Editors (for a proposal) and verifiers (for a verification); not admins, not reviewers.
  'POST /api/v1/evidence': {
    ...row(401, 403, 403, 403),
    editor: 2,
    verifier: 2,
  },
};

/** The evidence upload's body is the file itself, named in the query. */
const EVIDENCE_KEY = 'POST /api/v1/evidence';
const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');

for (const backend of backends) {
  describe.skipIf(!isAvailable(backend))(`role matrix on ${backend}`, () => {
    let server: AuthTestServer;
    const ids = new Map<Persona, string>();
    const passwords = new Map<Persona, string>();
    let targetId = '';
    beforeAll(async () => {
      server = await startAuthServer(backend);
      await addRegion(server.db, 'other-region');
      const make = async (persona: Persona, roles: Role[], options = {}) => {
        ids.set(
          persona,
          (await seedAccount(server.db, `m-${persona.toLowerCase()}`, roles, options)).id,
        );
        passwords.set(persona, PASSWORD);
      };
      await make('editor', ['editor']);
      await make('reviewer', ['reviewer']);
      await make('verifier', ['verifier']);
      await make('admin', ['admin']);
      await make('disabled', ['admin', 'editor', 'reviewer', 'verifier'], { disabled: true });
      await make('otherAdmin', ['admin'], { regionId: 'other-region' });
      targetId = (await seedAccount(server.db, 'm-target', ['editor'])).id;
      await seedAccount(server.db, 'm-sign-in', ['editor']);
    });
    afterAll(() => server?.stop());

    const routeKeys = () => {
      const app = manageRoutes(
        { db: server.db, settings: defaultAuthSettings() },
        () => new Response(),
      );
      return [
        ...new Set(
          app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
        ),
      ];
    };

    test('every route of the router has a row, and every row a route', () => {
      const keys = routeKeys();
      expect(
        keys.filter((key) => !(key in matrix)),
        'routes missing from the matrix',
      ).toEqual([]);
      expect(
        Object.keys(matrix).filter((key) => !keys.includes(key)),
        'rows without a route',
      ).toEqual([]);
    });

    let counter = 0;
    const bodyFor = (key: string, persona: Persona): unknown => {
      counter += 1;
      if (key.endsWith('/sign-in')) return { username: 'm-sign-in', password: PASSWORD };
      if (key.endsWith('/auth/password')) {
        const next = `matrix password ${counter} ${persona}`;
        const body = { currentPassword: passwords.get(persona) ?? PASSWORD, newPassword: next };
        return body;
      }
      if (key.endsWith('/totp') || key.endsWith('/mfa/confirm')) return { code: '123456' };
      if (key === 'POST /api/v1/admin/accounts')
        return { username: `m-new-${counter}`, roles: ['editor'] };
      if (key.startsWith('PUT ')) return { displayName: `Target ${counter}` };
      if (key === EVIDENCE_KEY) return PDF;
      return key.startsWith('GET ') ? undefined : {};
    };

    test.each(Object.keys(matrix))('%s', async (key) => {
      const [method = '', pattern = ''] = key.split(' ');
      const evidence = key === EVIDENCE_KEY;
      const path = pattern.replace(':id', targetId) + (evidence ? '?name=matrix.pdf' : '');
      const seen: Record<string, number | typeof IN> = {};
      for (const persona of personas) {
        const browser = new Browser(server.url);
        const accountId = ids.get(persona);
        if (accountId) {
          const { token } = await createSession(
            server.db,
            { accountId, stage: 'active', address: '127.0.0.1', userAgent: 'matrix' },
            server.clock.now(),
          );
          browser.cookie = `ashyq_session=${token}`;
        }
        const body = bodyFor(key, persona);
        const answer = await browser.send(
          method,
          path,
          body,
          evidence ? { 'Content-Type': 'application/pdf' } : {},
        );
        if (
          answer.ok &&
          key.endsWith('/auth/password') &&
          typeof body === 'object' &&
          body &&
          'newPassword' in body
        ) {
          passwords.set(persona, String(body.newPassword));
        }
        const status = answer.ok ? 2 : answer.status;
        const passed = matrix[key]?.[persona] === IN && status !== 401 && status !== 403;
        seen[persona] = passed ? IN : status;
      }
      expect(seen).toEqual(matrix[key]);
    });
  });
}
