import { z } from 'zod/mini';
import { idSchema, localizedTextSchema } from './common';
import { seriesPointSchema } from './metrics';
import { sourceKindSchema } from './sources';

/*
 * Figure revisions (ISSUE 10): an editor proposes a figure's new value, a second person approves
 * it, approval publishes it as an immutable revision, and a verifier may mark a published one
 * independently verified. The rules (who may do what, in which state) are pure functions in
 * review-rules.ts, shared by the server (which enforces them) and the screens (which offer only
 * what the server allows). Bodies are strict: a client-sent `status`, `approvedBy` … is a 400.
 */

export const revisionStatuses = ['draft', 'submitted', 'published', 'rejected', 'discarded'] as const;
export const revisionStatusSchema = z.enum(revisionStatuses);
export type RevisionStatus = z.infer<typeof revisionStatusSchema>;

/** YYYY or YYYY-MM-DD, as the figure's history points. */
export const periodSchema = seriesPointSchema.shape.period;

/** A source named in a proposal that is not in the catalogue yet. Text as published. */
export const newSourceSchema = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(300)),
  publisher: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** ISO date of publication. */
  date: z.iso.date(),
  url: z.nullable(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
  kind: sourceKindSchema,
});
export type NewSource = z.infer<typeof newSourceSchema>;

/** A figure that does not exist yet (admins only): where it goes and what it is called. */
export const newMetricSchema = z.strictObject({
  id: idSchema,
  initiativeId: idSchema,
  kind: z.enum(['count', 'ratio', 'change', 'status']),
  label: localizedTextSchema,
  description: localizedTextSchema,
  unit: z.nullable(localizedTextSchema),
  totalLabel: z.nullable(localizedTextSchema),
});
export type NewMetric = z.infer<typeof newMetricSchema>;

/** An evidence file's public record. The file itself: GET endpoints.evidenceFile(id). */
export const evidenceSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** The uploaded name, for display and the download's filename only (never a path on disk). */
  name: z.string(),
  type: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
  size: z.int().check(z.positive()),
  /** Lower-case hex SHA-256 of the bytes, computed by the server at upload. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type Evidence = z.infer<typeof evidenceSchema>;
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Who did something, as the public sees them: the account's public name and organisation. */
export const actorSchema = z.object({
  id: z.string().check(z.minLength(1)),
  displayName: z.string(),
  organisation: z.string(),
});
export type Actor = z.infer<typeof actorSchema>;

/** What an editor fills in. The same body creates a draft (POST) and edits one (PUT). */
const proposalFields = {
  /** An existing figure; or null with `newMetric` (admins only). */
  metricId: z.nullable(idSchema),
  newMetric: z._default(z.nullable(newMetricSchema), null),
  /** Null only for status figures, which carry `statusText`. */
  value: z.nullable(z.number()),
  /** For ratios: the whole. */
  total: z._default(z.nullable(z.number().check(z.positive())), null),
  statusText: z._default(z.nullable(localizedTextSchema), null),
  /** What date or period the value is for. Required for a new figure. */
  period: z.nullable(periodSchema),
  /** A district's share; null for the region as a whole. */
  districtId: z._default(z.nullable(idSchema), null),
  /** An existing source, or `newSource`; exactly one. */
  sourceId: z.nullable(idSchema),
  newSource: z._default(z.nullable(newSourceSchema), null),
  /** The person or body who stated the figure. */
  statedBy: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  /** Ids from POST endpoints.evidence, at most 10. */
  evidenceIds: z._default(z.array(z.string().check(z.minLength(1))).check(z.maxLength(10)), []),
  /** A correction names the published revision it corrects, and why. */
  corrects: z._default(z.nullable(z.string().check(z.minLength(1))), null),
  correctionReason: z._default(
    z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(2000))),
    null,
  ),
  /** A note for the reviewer. */
  note: z._default(z.nullable(z.string().check(z.trim(), z.maxLength(2000))), null),
};

function refineProposal(
  body: {
    metricId: string | null;
    newMetric: NewMetric | null;
    sourceId: string | null;
    newSource: NewSource | null;
    corrects: string | null;
    correctionReason: string | null;
    period: string | null;
  },
  ctx: z.core.$RefinementCtx,
) {
  if ((body.metricId === null) === (body.newMetric === null)) {
    ctx.addIssue({ code: 'custom', path: ['metricId'], message: 'name a figure or a new one' });
  }
  if (body.newMetric !== null && body.period === null) {
    ctx.addIssue({ code: 'custom', path: ['period'], message: 'a new figure needs its period' });
  }
  if ((body.sourceId === null) === (body.newSource === null)) {
    ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'name a source or a new one' });
  }
  if ((body.corrects === null) !== (body.correctionReason === null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['correctionReason'],
      message: 'a correction names the revision it corrects and why',
    });
  }
}

export const proposalBodySchema = z
  .strictObject(proposalFields)
  .check(z.superRefine(refineProposal));
export type ProposalBody = z.input<typeof proposalBodySchema>;

/** PUT: the same fields plus the version the editor saw (a stale edit is a 409). */
export const editProposalBodySchema = z
  .strictObject({ ...proposalFields, version: z.int().check(z.positive()) })
  .check(z.superRefine(refineProposal));
export type EditProposalBody = z.input<typeof editProposalBodySchema>;

/** POST …/submit, /approve, /withdraw, /discard. */
export const transitionBodySchema = z.strictObject({ version: z.int().check(z.positive()) });
/** POST …/reject, /unverify: the reason is required and shown to the editor. */
export const reasonBodySchema = z.strictObject({
  version: z.int().check(z.positive()),
  reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
});
/** POST …/verify. */
export const verifyBodySchema = z.strictObject({
  version: z.int().check(z.positive()),
  note: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
  evidenceIds: z._default(z.array(z.string().check(z.minLength(1))).check(z.maxLength(10)), []),
});

export const verificationRecordSchema = z.object({
  state: z.enum(['verified', 'withdrawn']),
  by: actorSchema,
  at: z.iso.datetime(),
  /** The verifier's note, or the reason for withdrawing. */
  note: z.string(),
  evidence: z.array(evidenceSchema),
});
export type VerificationRecord = z.infer<typeof verificationRecordSchema>;

/** What the current user may do next with this revision (review-rules.ts decides). */
export const revisionAbilitiesSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  withdraw: z.boolean(),
  discard: z.boolean(),
  approve: z.boolean(),
  reject: z.boolean(),
  verify: z.boolean(),
  unverify: z.boolean(),
  correct: z.boolean(),
});
export type RevisionAbilities = z.infer<typeof revisionAbilitiesSchema>;

/** A revision as the management screens see it. */
export const revisionSchema = z.object({
  id: z.string().check(z.minLength(1)),
  regionId: idSchema,
  /** Null only while a draft proposes a new figure (then `newMetric` is set). */
  metricId: z.nullable(idSchema),
  newMetric: z.nullable(newMetricSchema),
  status: revisionStatusSchema,
  /** Rises with every change; sent back with each action (optimistic concurrency). */
  version: z.int().check(z.positive()),
  value: z.nullable(z.number()),
  total: z.nullable(z.number()),
  statusText: z.nullable(localizedTextSchema),
  period: z.nullable(periodSchema),
  districtId: z.nullable(idSchema),
  sourceId: z.nullable(idSchema),
  newSource: z.nullable(newSourceSchema),
  statedBy: z.string(),
  evidence: z.array(evidenceSchema),
  corrects: z.nullable(z.string()),
  correctionReason: z.nullable(z.string()),
  note: z.nullable(z.string()),
  /** The reviewer's reason, while rejected. */
  rejectionReason: z.nullable(z.string()),
  /** The batch (CSV upload) it came in, if any. */
  batchId: z.nullable(z.string()),
  /** Null for the figures carried over from the hearing's record (entered before accounts). */
  createdBy: z.nullable(actorSchema),
  lastEditedBy: z.nullable(actorSchema),
  reviewedBy: z.nullable(actorSchema),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  submittedAt: z.nullable(z.iso.datetime()),
  reviewedAt: z.nullable(z.iso.datetime()),
  publishedAt: z.nullable(z.iso.datetime()),
  /** The latest verification record; null when never verified. */
  verification: z.nullable(verificationRecordSchema),
  may: revisionAbilitiesSchema,
});
export type Revision = z.infer<typeof revisionSchema>;

export const revisionQuerySchema = z.strictObject({
  status: z.optional(revisionStatusSchema),
  metric: z.optional(idSchema),
  batch: z.optional(z.string()),
  /** Only the current user's own proposals. */
  mine: z.optional(z.enum(['true', 'false'])),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(200)), 50),
});
export type RevisionQuery = z.infer<typeof revisionQuerySchema>;
export const revisionPageSchema = z.object({
  revisions: z.array(revisionSchema),
  page: z.int().check(z.positive()),
  pageSize: z.int().check(z.positive()),
  total: z.int().check(z.nonnegative()),
});
export type RevisionPage = z.infer<typeof revisionPageSchema>;

// ---- bulk (CSV in the import format) ----

/** A batch's CSV: about 10,000 rows, well inside the server's 1 MiB body limit. */
export const BATCH_MAX_CHARS = 900_000;

export const batchBodySchema = z.strictObject({
  /** The CSV text, in the import format (README); at most BATCH_MAX_CHARS. */
  csv: z.string().check(z.minLength(1), z.maxLength(BATCH_MAX_CHARS)),
  note: z._default(z.nullable(z.string().check(z.trim(), z.maxLength(2000))), null),
});
export const batchRowSchema = z.object({
  /** 1-based line number in the file (the header is line 1). */
  line: z.int().check(z.positive()),
  metricId: z.string(),
  /** What the row targets, e.g. "headline", "period 2024", "district aral". */
  target: z.string(),
  current: z.nullable(z.number()),
  proposed: z.nullable(z.number()),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type BatchRow = z.infer<typeof batchRowSchema>;
export const batchPreviewSchema = z.object({
  rows: z.array(batchRowSchema),
  /** True when no row has an error (then POST endpoints.batches submits them all). */
  valid: z.boolean(),
});
export type BatchPreview = z.infer<typeof batchPreviewSchema>;
export const batchSchema = z.object({
  id: z.string().check(z.minLength(1)),
  createdBy: actorSchema,
  createdAt: z.iso.datetime(),
  note: z.nullable(z.string()),
  revisions: z.array(revisionSchema),
  /** May the current user approve every submitted row at once. */
  mayApproveAll: z.boolean(),
});
export type Batch = z.infer<typeof batchSchema>;

// ---- public: a figure's history and the change list ----

export const publicRevisionSchema = z.object({
  id: z.string().check(z.minLength(1)),
  metricId: idSchema,
  value: z.nullable(z.number()),
  total: z.nullable(z.number()),
  statusText: z.nullable(localizedTextSchema),
  period: z.nullable(periodSchema),
  districtId: z.nullable(idSchema),
  sourceId: idSchema,
  statedBy: z.string(),
  evidence: z.array(evidenceSchema),
  /** Null for the figures carried over from the hearing's record (entered before accounts). */
  enteredBy: z.nullable(actorSchema),
  approvedBy: z.nullable(actorSchema),
  publishedAt: z.iso.datetime(),
  corrects: z.nullable(z.string()),
  correctionReason: z.nullable(z.string()),
  /** Whether an independent body verified it, and who. */
  verification: z.nullable(verificationRecordSchema),
  /** True for an invented point (sample data), never for a reported one. */
  sample: z.boolean(),
  /** The 0-based index of its entry in the transparency log; null when the server keeps none. */
  logIndex: z._default(z.nullable(z.int().check(z.nonnegative())), null),
});
export type PublicRevision = z.infer<typeof publicRevisionSchema>;

/** Public queries ignore unknown parameters, as GET /metrics does (cache busters, `lang`). */
export const historyQuerySchema = z.object({
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(500)), 100),
});
/** Newest first. */
export const metricHistorySchema = z.object({
  metricId: idSchema,
  revisions: z.array(publicRevisionSchema),
  page: z.int().check(z.positive()),
  pageSize: z.int().check(z.positive()),
  total: z.int().check(z.nonnegative()),
});
export type MetricHistory = z.infer<typeof metricHistorySchema>;

export const changeKinds = ['publication', 'correction', 'verification', 'unverification'] as const;
export const changeSchema = z.object({
  /** Stable id, e.g. "publication:<revision id>"; the Atom entry's id is built from it. */
  id: z.string().check(z.minLength(1)),
  kind: z.enum(changeKinds),
  at: z.iso.datetime(),
  metricId: idSchema,
  initiativeId: idSchema,
  /** The figure's label, for lists and feeds without a second request. */
  label: localizedTextSchema,
  revision: publicRevisionSchema,
  /** Who acted: the approver for a publication, the verifier for a verification. */
  by: z.nullable(actorSchema),
  /** The correction's or the withdrawal's reason, the verifier's note. */
  reason: z.nullable(z.string()),
});
export type Change = z.infer<typeof changeSchema>;

export const changeQuerySchema = z.object({
  initiative: z.optional(idSchema),
  page: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20),
});
export type ChangeQuery = z.infer<typeof changeQuerySchema>;
/** Newest first. */
export const changePageSchema = z.object({
  changes: z.array(changeSchema),
  page: z.int().check(z.positive()),
  pageSize: z.int().check(z.positive()),
  total: z.int().check(z.nonnegative()),
});
export type ChangePage = z.infer<typeof changePageSchema>;
