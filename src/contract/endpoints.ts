/** Paths of the API, relative to its base URL. One place, used by client, mocks and server. */
export const API_PREFIX = '/api/v1';

export const endpoints = {
  region: `${API_PREFIX}/region`,
  initiatives: `${API_PREFIX}/initiatives`,
  initiative: (id: string) => `${API_PREFIX}/initiatives/${encodeURIComponent(id)}`,
  metrics: `${API_PREFIX}/metrics`,
  sources: `${API_PREFIX}/sources`,
  source: (id: string) => `${API_PREFIX}/sources/${encodeURIComponent(id)}`,
  /** A figure's published revisions, newest first (src/contract/revisions.ts). */
  metricHistory: (id: string) => `${API_PREFIX}/metrics/${encodeURIComponent(id)}/history`,
  /** Publications, corrections and verifications, newest first. */
  changes: `${API_PREFIX}/changes`,
  /** An evidence file: public once attached to a published revision or a verification. */
  evidenceFile: (id: string) => `${API_PREFIX}/evidence/${encodeURIComponent(id)}`,
  /** The API described in OpenAPI 3.1, generated from this contract. */
  openapi: `${API_PREFIX}/openapi.json`,
} as const;

/** Public pages outside the API: the change list as an Atom feed (?lang=kk|ru|en&initiative=). */
export const CHANGES_FEED_PATH = '/changes.atom';

/**
 * The management API (src/contract/accounts.ts). Never cached (Cache-Control: no-store); every
 * state change is a POST/PUT/DELETE with a JSON body from the site's own origin.
 */
export const manageEndpoints = {
  signIn: `${API_PREFIX}/auth/sign-in`,
  totp: `${API_PREFIX}/auth/totp`,
  password: `${API_PREFIX}/auth/password`,
  mfaSetup: `${API_PREFIX}/auth/mfa/setup`,
  mfaConfirm: `${API_PREFIX}/auth/mfa/confirm`,
  signOut: `${API_PREFIX}/auth/sign-out`,
  me: `${API_PREFIX}/auth/me`,
  sessions: `${API_PREFIX}/auth/sessions`,
  endOtherSessions: `${API_PREFIX}/auth/sessions/end-others`,
  accounts: `${API_PREFIX}/admin/accounts`,
  account: (id: string) => `${API_PREFIX}/admin/accounts/${encodeURIComponent(id)}`,
  /** POST with {}: disable | enable | reset-password | reset-mfa | unlock. */
  accountAction: (
    id: string,
    action: 'disable' | 'enable' | 'reset-password' | 'reset-mfa' | 'unlock',
  ) => `${API_PREFIX}/admin/accounts/${encodeURIComponent(id)}/${action}`,
  audit: `${API_PREFIX}/admin/audit`,
  // ---- figure revisions (ISSUE 10) ----
  /** GET (list, revisionQuerySchema) and POST (a new draft, proposalBodySchema). */
  revisions: `${API_PREFIX}/revisions`,
  /** GET one; PUT edits a draft or a rejected one (editProposalBodySchema). */
  revision: (id: string) => `${API_PREFIX}/revisions/${encodeURIComponent(id)}`,
  /** POST: submit | withdraw | discard | approve (transitionBodySchema), reject | unverify
   * (reasonBodySchema), verify (verifyBodySchema). */
  revisionAction: (
    id: string,
    action: 'submit' | 'withdraw' | 'discard' | 'approve' | 'reject' | 'verify' | 'unverify',
  ) => `${API_PREFIX}/revisions/${encodeURIComponent(id)}/${action}`,
  /**
   * POST the file's bytes as the body, Content-Type application/pdf, image/png or image/jpeg,
   * `?name=` the file's name; answers evidenceSchema. The one state change that is not JSON.
   */
  evidenceUpload: `${API_PREFIX}/evidence`,
  /** POST batchBodySchema: every row checked against the current values, nothing written. */
  batchPreview: `${API_PREFIX}/batches/preview`,
  /** POST batchBodySchema: submits every row as one batch, or nothing when a row is wrong. */
  batches: `${API_PREFIX}/batches`,
  batch: (id: string) => `${API_PREFIX}/batches/${encodeURIComponent(id)}`,
  /** POST transitionBodySchema-less {}: approves every submitted row the user may approve. */
  batchApprove: (id: string) => `${API_PREFIX}/batches/${encodeURIComponent(id)}/approve`,
  auditCsv: `${API_PREFIX}/admin/audit.csv`,
} as const;
