import { http } from 'msw';
import type { z } from 'zod/mini';
import { API_PREFIX } from '@/contract/endpoints';
import type { RevisionAction } from '@/contract/review-rules';
import {
  reasonBodySchema,
  transitionBodySchema,
  verifyBodySchema,
  type Change,
} from '@/contract/revisions';
import { answer, audit, readBody, refuse, sessionAt, type MockAccount } from './manage-state';
import { recordChange } from './public-history';
import { onAnyOrigin } from './respond';
import { check, findRevision, notFound, staleVersion, withMay } from './revision-checks';
import {
  actorOf,
  applyPublication,
  applyVerification,
  changeOf,
  revisionState,
  type StoredRevision,
} from './revisions-state';

const bodies = {
  submit: transitionBodySchema,
  withdraw: transitionBodySchema,
  discard: transitionBodySchema,
  approve: transitionBodySchema,
  reject: reasonBodySchema,
  unverify: reasonBodySchema,
  verify: verifyBodySchema,
} satisfies Partial<Record<RevisionAction, z.ZodMiniType>>;
type Action = keyof typeof bodies;
const isAction = (name: unknown): name is Action =>
  typeof name === 'string' && Object.hasOwn(bodies, name);

type ActionBody = { version: number; reason?: string; note?: string; evidenceIds?: string[] };

function record(
  revision: StoredRevision,
  kind: Change['kind'],
  by: MockAccount,
  reason: string | null,
) {
  const change = changeOf(revision, kind, actorOf(by.account), reason);
  if (change) recordChange(change);
}

/** The state change itself, once the rules and the version allowed it. */
export function applyAction(
  revision: StoredRevision,
  action: Action,
  body: ActionBody,
  entry: MockAccount,
) {
  const now = new Date().toISOString();
  const me = actorOf(entry.account);
  switch (action) {
    case 'submit':
      Object.assign(revision, { status: 'submitted', submittedAt: now });
      break;
    case 'withdraw':
      Object.assign(revision, { status: 'draft', submittedAt: null });
      break;
    case 'discard':
      revision.status = 'discarded';
      break;
    case 'approve':
      Object.assign(revision, {
        status: 'published',
        reviewedBy: me,
        reviewedAt: now,
        publishedAt: now,
      });
      applyPublication(revision);
      record(
        revision,
        revision.corrects ? 'correction' : 'publication',
        entry,
        revision.correctionReason,
      );
      break;
    case 'reject':
      Object.assign(revision, {
        status: 'rejected',
        rejectionReason: body.reason ?? '',
        reviewedBy: me,
        reviewedAt: now,
      });
      break;
    case 'verify': {
      const evidence = revisionState().evidence;
      revision.verification = {
        state: 'verified',
        by: me,
        at: now,
        note: body.note ?? '',
        evidence: (body.evidenceIds ?? []).flatMap((id) => evidence.get(id) ?? []),
      };
      applyVerification(revision);
      record(revision, 'verification', entry, revision.verification.note);
      break;
    }
    case 'unverify':
      revision.verification = {
        state: 'withdrawn',
        by: me,
        at: now,
        note: body.reason ?? '',
        evidence: [],
      };
      applyVerification(revision);
      record(revision, 'unverification', entry, body.reason ?? null);
      break;
  }
  revision.version += 1;
  revision.updatedAt = now;
}

export const revisionActionHandler = http.post(
  onAnyOrigin(`${API_PREFIX}/revisions/:id/:action`),
  async ({ request, params }) => {
    const at = sessionAt('active');
    if ('refusal' in at) return at.refusal;
    const action = params.action;
    if (!isAction(action)) return notFound();
    const read = await readBody(request, bodies[action]);
    if ('refusal' in read) return read.refusal;
    const body: ActionBody = read.body;
    const revision = findRevision(params.id, at.entry);
    if (!revision) return notFound();
    const refused = check(at.entry, revision, action) ?? staleVersion(revision, body.version);
    if (refused) return refused;
    const evidence = revisionState().evidence;
    const missing = (body.evidenceIds ?? []).find((id) => !evidence.has(id));
    if (missing !== undefined) {
      return refuse(400, 'invalid_body', `evidenceIds: no uploaded file ${missing}`);
    }
    applyAction(revision, action, body, at.entry);
    audit({
      actorId: at.entry.account.id,
      actorName: at.entry.account.username,
      action: `revision.${action}`,
      target: `revision:${revision.id}`,
      outcome: 'success',
      detail: { version: revision.version },
    });
    return answer(withMay(at.entry, revision));
  },
);
