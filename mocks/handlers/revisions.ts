import { http } from 'msw';
import { API_PREFIX, manageEndpoints } from '@/contract/endpoints';
import { mayPropose } from '@/contract/review-rules';
import {
  editProposalBodySchema,
  proposalBodySchema,
  revisionQuerySchema,
  type RevisionPage,
} from '@/contract/revisions';
import { describeIssues } from '@/contract/common';
import { batchHandlers } from './batches';
import { evidenceHandlers } from './evidence';
import { answer, audit, readBody, refuse, sessionAt } from './manage-state';
import { onAnyOrigin } from './respond';
import { revisionActionHandler } from './revision-actions';
import {
  check,
  denied,
  findRevision,
  notFound,
  refusalMessages,
  staleVersion,
  withMay,
} from './revision-checks';
import { checkReferences, fieldsOf } from './revision-fields';
import {
  actingUser,
  actorOf,
  newRevisionId,
  revisionState,
  type StoredRevision,
} from './revisions-state';

export const revisionHandlers = [
  http.get(onAnyOrigin(manageEndpoints.revisions), ({ request }) => {
    const at = sessionAt('active');
    if ('refusal' in at) return at.refusal;
    const query = revisionQuerySchema.safeParse(
      Object.fromEntries(new URL(request.url).searchParams),
    );
    if (!query.success) return refuse(400, 'invalid_query', describeIssues(query.error));
    const { status, metric, batch, mine, page, pageSize } = query.data;
    const me = at.entry.account;
    const matching = revisionState()
      .revisions.filter(
        (item) =>
          item.regionId === me.regionId &&
          (status === undefined || item.status === status) &&
          (metric === undefined || item.metricId === metric) &&
          (batch === undefined || item.batchId === batch) &&
          (mine !== 'true' || item.createdBy?.id === me.id),
      )
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    const body: RevisionPage = {
      revisions: matching
        .slice((page - 1) * pageSize, page * pageSize)
        .map((item) => withMay(at.entry, item)),
      page,
      pageSize,
      total: matching.length,
    };
    return answer(body);
  }),

  http.post(onAnyOrigin(manageEndpoints.revisions), async ({ request }) => {
    const at = sessionAt('active');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, proposalBodySchema);
    if ('refusal' in read) return read.refusal;
    const { body } = read;
    const me = at.entry.account;
    if (!mayPropose(actingUser(me), me.regionId, body.newMetric !== null)) {
      denied(at.entry, 'revision.create', null, 'role');
      return refuse(403, 'role', refusalMessages.role ?? '');
    }
    const wrong = checkReferences(body);
    if (wrong) return wrong;
    if (body.corrects !== null) {
      const target = findRevision(body.corrects, at.entry);
      if (!target || target.metricId !== body.metricId || target.districtId !== body.districtId) {
        return refuse(400, 'invalid_body', 'corrects: not a published revision of this figure');
      }
      const refused = check(at.entry, target, 'correct');
      if (refused) return refused;
    }
    const now = new Date().toISOString();
    const revision: StoredRevision = {
      ...fieldsOf(body),
      id: newRevisionId(),
      regionId: me.regionId,
      status: 'draft',
      version: 1,
      rejectionReason: null,
      batchId: null,
      createdBy: actorOf(me),
      lastEditedBy: actorOf(me),
      reviewedBy: null,
      createdAt: now,
      updatedAt: now,
      submittedAt: null,
      reviewedAt: null,
      publishedAt: null,
      verification: null,
    };
    revisionState().revisions.push(revision);
    audit({
      actorId: me.id,
      actorName: me.username,
      action: 'revision.create',
      target: `revision:${revision.id}`,
      outcome: 'success',
    });
    return answer(withMay(at.entry, revision), { status: 201 });
  }),

  http.get(onAnyOrigin(`${API_PREFIX}/revisions/:id`), ({ params }) => {
    const at = sessionAt('active');
    if ('refusal' in at) return at.refusal;
    const revision = findRevision(params.id, at.entry);
    return revision ? answer(withMay(at.entry, revision)) : notFound();
  }),

  http.put(onAnyOrigin(`${API_PREFIX}/revisions/:id`), async ({ request, params }) => {
    const at = sessionAt('active');
    if ('refusal' in at) return at.refusal;
    const read = await readBody(request, editProposalBodySchema);
    if ('refusal' in read) return read.refusal;
    const revision = findRevision(params.id, at.entry);
    if (!revision) return notFound();
    const refused = check(at.entry, revision, 'edit') ?? staleVersion(revision, read.body.version);
    if (refused) return refused;
    const wrong = checkReferences(read.body);
    if (wrong) return wrong;
    Object.assign(revision, fieldsOf(read.body), {
      status: 'draft',
      version: revision.version + 1,
      rejectionReason: null,
      lastEditedBy: actorOf(at.entry.account),
      updatedAt: new Date().toISOString(),
    });
    audit({
      actorId: at.entry.account.id,
      actorName: at.entry.account.username,
      action: 'revision.edit',
      target: `revision:${revision.id}`,
      outcome: 'success',
    });
    return answer(withMay(at.entry, revision));
  }),

  revisionActionHandler,
  ...evidenceHandlers,
  ...batchHandlers,
];
