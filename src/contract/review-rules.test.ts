import { describe, expect, test } from 'vitest';
import type { Role } from './accounts';
import {
  type ActingUser,
  abilities,
  decide,
  mayPropose,
  nextStatus,
  type RevisionAction,
  type RevisionFacts,
  revisionActions,
} from './review-rules';
import { revisionStatuses, type RevisionStatus } from './revisions';

const user = (id: string, roles: Role[], regionId = 'kyzylorda'): ActingUser => ({
  id,
  roles,
  regionId,
  disabled: false,
});
const facts = (overrides: Partial<RevisionFacts> = {}): RevisionFacts => ({
  status: 'submitted',
  regionId: 'kyzylorda',
  createdById: 'ed',
  lastEditedById: 'ed',
  reviewedById: null,
  proposesNewMetric: false,
  verified: false,
  ...overrides,
});

/** Every transition that exists, written out by hand: the table must say exactly this. */
const allowed: Record<RevisionStatus, Partial<Record<RevisionAction, RevisionStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted', discard: 'discarded' },
  submitted: { withdraw: 'draft', approve: 'published', reject: 'rejected' },
  rejected: { edit: 'draft', discard: 'discarded' },
  published: { verify: 'published', unverify: 'published', correct: 'published' },
  discarded: {},
};

describe('the state machine', () => {
  for (const status of revisionStatuses) {
    for (const action of revisionActions) {
      const expected = allowed[status][action] ?? null;
      test(`${status} --${action}--> ${expected ?? 'refused'}`, () => {
        expect(nextStatus(status, action)).toBe(expected);
      });
    }
  }
});

describe('who may act', () => {
  test('a reviewer approves a colleague’s proposal', () => {
    expect(decide(user('rev', ['reviewer']), facts(), 'approve')).toEqual({ allowed: true });
  });

  test('nobody approves or rejects their own proposal, admins included', () => {
    const self = user('ed', ['editor', 'reviewer', 'admin']);
    expect(decide(self, facts(), 'approve')).toEqual({ allowed: false, refusal: 'four_eyes' });
    expect(decide(self, facts(), 'reject')).toEqual({ allowed: false, refusal: 'four_eyes' });
  });

  test('the last editor of someone else’s proposal may not approve it either', () => {
    const lastEditor = user('other', ['editor', 'reviewer']);
    expect(decide(lastEditor, facts({ lastEditedById: 'other' }), 'approve')).toEqual({
      allowed: false,
      refusal: 'four_eyes',
    });
  });

  test('a draft cannot be approved: a state refusal (409), not a role one', () => {
    expect(decide(user('rev', ['reviewer']), facts({ status: 'draft' }), 'approve')).toEqual({
      allowed: false,
      refusal: 'state',
    });
    expect(decide(user('rev', ['reviewer']), facts({ status: 'published' }), 'approve')).toEqual({
      allowed: false,
      refusal: 'state',
    });
  });

  test('an editor cannot approve, a reviewer cannot submit', () => {
    expect(decide(user('x', ['editor']), facts(), 'approve').allowed).toBe(false);
    expect(decide(user('x', ['reviewer']), facts({ status: 'draft' }), 'submit').allowed).toBe(
      false,
    );
  });

  test('another region’s revision is refused whatever the roles', () => {
    const outsider = user('rev', ['reviewer', 'admin'], 'turkistan');
    expect(decide(outsider, facts(), 'approve')).toEqual({ allowed: false, refusal: 'region' });
  });

  test('a disabled account may do nothing', () => {
    const disabled = { ...user('rev', ['reviewer']), disabled: true };
    expect(decide(disabled, facts(), 'approve')).toEqual({ allowed: false, refusal: 'role' });
  });

  test('a verifier verifies a published figure once, then may withdraw it', () => {
    const verifier = user('ngo', ['verifier']);
    const published = facts({ status: 'published', reviewedById: 'rev' });
    expect(decide(verifier, published, 'verify').allowed).toBe(true);
    expect(decide(verifier, published, 'unverify')).toEqual({ allowed: false, refusal: 'state' });
    const verified = { ...published, verified: true };
    expect(decide(verifier, verified, 'verify')).toEqual({ allowed: false, refusal: 'state' });
    expect(decide(verifier, verified, 'unverify').allowed).toBe(true);
  });

  test('whoever entered or approved a figure cannot verify it', () => {
    const published = facts({ status: 'published', reviewedById: 'rev' });
    expect(decide(user('ed', ['verifier']), published, 'verify')).toEqual({
      allowed: false,
      refusal: 'independence',
    });
    expect(decide(user('rev', ['verifier']), published, 'verify')).toEqual({
      allowed: false,
      refusal: 'independence',
    });
  });

  test('a hearing figure (entered by nobody) can be verified and corrected', () => {
    const hearing = facts({ status: 'published', createdById: null, lastEditedById: null });
    expect(decide(user('ngo', ['verifier']), hearing, 'verify').allowed).toBe(true);
    expect(decide(user('ed', ['editor']), hearing, 'correct').allowed).toBe(true);
  });

  test('a new figure is an admin’s to propose, a reviewer’s to approve', () => {
    const draft = facts({ status: 'draft', proposesNewMetric: true, createdById: 'adm' });
    expect(decide(user('ed', ['editor']), draft, 'submit')).toEqual({
      allowed: false,
      refusal: 'role',
    });
    expect(decide(user('adm', ['admin']), draft, 'submit').allowed).toBe(true);
    const submitted = { ...draft, status: 'submitted' as const };
    expect(decide(user('rev', ['reviewer']), submitted, 'approve').allowed).toBe(true);
    expect(decide(user('adm', ['admin', 'reviewer']), submitted, 'approve').allowed).toBe(false);
  });

  test('abilities lists what the screen may offer', () => {
    expect(abilities(user('rev', ['reviewer']), facts())).toEqual({
      edit: false,
      submit: false,
      withdraw: false,
      discard: false,
      approve: true,
      reject: true,
      verify: false,
      unverify: false,
      correct: false,
    });
    expect(abilities(user('ed', ['editor']), facts()).withdraw).toBe(true);
  });

  test('mayPropose: editors propose, admins create new figures', () => {
    expect(mayPropose(user('ed', ['editor']), 'kyzylorda')).toBe(true);
    expect(mayPropose(user('ed', ['editor']), 'kyzylorda', true)).toBe(false);
    expect(mayPropose(user('adm', ['admin']), 'kyzylorda', true)).toBe(true);
    expect(mayPropose(user('rev', ['reviewer']), 'kyzylorda')).toBe(false);
    expect(mayPropose(user('ed', ['editor'], 'turkistan'), 'kyzylorda')).toBe(false);
  });
});
