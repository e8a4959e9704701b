import { expect, test } from 'vitest';
import type { Account } from '@/contract/accounts';
import { navFor } from './manage-nav';

const account = (roles: Account['roles'], disabled = false): Account => ({
  id: '1',
  username: 'someone',
  displayName: 'Someone',
  organisation: 'Akimat',
  roles,
  regionId: 'kyzylorda',
  disabled,
  mustChangePassword: false,
  mfaEnabled: true,
  throttled: false,
  createdAt: '2026-12-01T00:00:00.000Z',
  lastSignInAt: null,
});

const paths = (a: Account) => navFor(a).map((item) => item.path);

test('an admin sees the account and audit pages; an editor or reviewer does not', () => {
  expect(paths(account(['admin']))).toEqual([
    '/manage',
    '/manage/sessions',
    '/manage/proposals',
    '/manage/accounts',
    '/manage/audit',
  ]);
  expect(paths(account(['editor', 'reviewer']))).toEqual([
    '/manage',
    '/manage/sessions',
    '/manage/proposals',
    '/manage/batches',
    '/manage/review',
  ]);
});

test('proposals are for editors (and admins), the review page for reviewers and verifiers', () => {
  expect(paths(account(['editor']))).toContain('/manage/proposals');
  expect(paths(account(['editor']))).toContain('/manage/batches');
  expect(paths(account(['admin']))).not.toContain('/manage/batches');
  expect(paths(account(['editor']))).not.toContain('/manage/review');
  expect(paths(account(['verifier']))).toEqual(['/manage', '/manage/sessions', '/manage/review']);
  expect(paths(account(['reviewer']))).toEqual(['/manage', '/manage/sessions', '/manage/review']);
});

test('a disabled admin is shown nothing the role would open', () => {
  expect(paths(account(['admin'], true))).toEqual(['/manage', '/manage/sessions']);
});
