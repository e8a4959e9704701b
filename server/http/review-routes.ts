import { emptyBodySchema } from '../../src/contract/accounts';
import {
  batchBodySchema,
  editProposalBodySchema,
  proposalBodySchema,
  reasonBodySchema,
  revisionQuerySchema,
  transitionBodySchema,
  verifyBodySchema,
} from '../../src/contract/revisions';
import { manageEndpoints } from '../../src/contract/endpoints';
import type { RevisionAction } from '../../src/contract/review-rules';
import type { Access, AuthDeps, ManageContext } from '../auth/guard';
import type { LogIdentity } from '../log/append';
import { approveBatch, csvRows, previewBatch, readBatch, submitBatch } from '../review/batch';
import { listRevisions } from '../review/read';
import { act, actingFrom, createDraft, readRevision, type ReviewDeps } from '../review/workflow';
import { readBody, readQuery } from './manage-shape';
import type { ManageRoute } from './manage-route';

/** What the review routes need beyond accounts: the log, and how to refresh public answers. */
export interface ReviewHooks {
  log: LogIdentity | null;
  onPublicChange: () => void;
}

const ID = ':id';
const route = (path: string) => path.replace(encodeURIComponent(ID), ID);

const actingOf = (c: ManageContext) => actingFrom(c.get('auth').account, c.get('address'));

/** The figure-revision workflow (ISSUE 10): proposals, review, verification. */
export function reviewRoutes(deps: AuthDeps, hooks: ReviewHooks): ManageRoute[] {
  const review: ReviewDeps = {
    db: deps.db,
    now: deps.settings.now,
    log: hooks.log,
    onPublicChange: hooks.onPublicChange,
  };
  const idOf = (c: ManageContext) => c.req.param('id') ?? '';

  const list = async (c: ManageContext) =>
    c.json(await listRevisions(deps.db, actingOf(c).user, readQuery(c, revisionQuerySchema)));

  const create = async (c: ManageContext) => {
    const body = await readBody(c, proposalBodySchema);
    return c.json(await createDraft(review, actingOf(c), body), 201);
  };

  const get = async (c: ManageContext) => c.json(await readRevision(deps.db, actingOf(c), idOf(c)));

  const edit = async (c: ManageContext) => {
    const { version, ...proposal } = await readBody(c, editProposalBodySchema);
    return c.json(await act(review, actingOf(c), idOf(c), { action: 'edit', version, proposal }));
  };

  const transition = (action: RevisionAction) => async (c: ManageContext) => {
    const { version } = await readBody(c, transitionBodySchema);
    return c.json(await act(review, actingOf(c), idOf(c), { action, version }));
  };

  const withReason = (action: 'reject' | 'unverify') => async (c: ManageContext) => {
    const { version, reason } = await readBody(c, reasonBodySchema);
    return c.json(await act(review, actingOf(c), idOf(c), { action, version, reason }));
  };

  const verify = async (c: ManageContext) => {
    const { version, note, evidenceIds } = await readBody(c, verifyBodySchema);
    return c.json(
      await act(review, actingOf(c), idOf(c), { action: 'verify', version, note, evidenceIds }),
    );
  };

  const preview = async (c: ManageContext) => {
    const { csv } = await readBody(c, batchBodySchema);
    return c.json(await previewBatch(review, actingOf(c), csvRows(csv)));
  };
  const submitAll = async (c: ManageContext) => {
    const { csv, note } = await readBody(c, batchBodySchema);
    return c.json(await submitBatch(review, actingOf(c), csvRows(csv), note), 201);
  };
  const getBatch = async (c: ManageContext) =>
    c.json(await readBatch(review, actingOf(c), idOf(c)));
  const approveAll = async (c: ManageContext) => {
    await readBody(c, emptyBodySchema);
    return c.json(await approveBatch(review, actingOf(c), idOf(c)));
  };

  const signedIn: Access = { who: 'active' };
  const propose: Access = { who: 'active', permission: 'propose' };
  const reviewer: Access = { who: 'active', permission: 'review' };
  const verifier: Access = { who: 'active', permission: 'verify' };
  const one = route(manageEndpoints.revision(ID));
  const action = (name: Parameters<typeof manageEndpoints.revisionAction>[1]) =>
    route(manageEndpoints.revisionAction(ID, name));
  return [
    { method: 'GET', path: manageEndpoints.revisions, access: signedIn, handle: list },
    { method: 'POST', path: manageEndpoints.revisions, access: propose, handle: create },
    { method: 'GET', path: one, access: signedIn, handle: get },
    { method: 'PUT', path: one, access: propose, handle: edit },
    { method: 'POST', path: action('submit'), access: propose, handle: transition('submit') },
    { method: 'POST', path: action('withdraw'), access: propose, handle: transition('withdraw') },
    { method: 'POST', path: action('discard'), access: propose, handle: transition('discard') },
    { method: 'POST', path: action('approve'), access: reviewer, handle: transition('approve') },
    { method: 'POST', path: action('reject'), access: reviewer, handle: withReason('reject') },
    { method: 'POST', path: action('verify'), access: verifier, handle: verify },
    { method: 'POST', path: action('unverify'), access: verifier, handle: withReason('unverify') },
    { method: 'POST', path: manageEndpoints.batchPreview, access: propose, handle: preview },
    { method: 'POST', path: manageEndpoints.batches, access: propose, handle: submitAll },
    { method: 'GET', path: route(manageEndpoints.batch(ID)), access: signedIn, handle: getBatch },
    {
      method: 'POST',
      path: route(manageEndpoints.batchApprove(ID)),
      access: reviewer,
      handle: approveAll,
    },
  ];
}
