import type { Generated, Kysely } from 'kysely';

/**
 * The tables as Kysely sees them. Portable on purpose: text, integer and double precision only.
 * LocalizedText and other nested contract objects are JSON text; flags are 0/1 integers (SQLite
 * has no boolean, and better-sqlite3 cannot bind one). Series and breakdowns are rows of their
 * own because the import edits them one point at a time.
 */
export interface RegionTable {
  id: string;
  name: string;
}

export interface DistrictTable {
  id: string;
  region_id: string;
  position: number;
  kind: string;
  name: string;
}

export interface SourceTable {
  id: string;
  position: number;
  kind: string;
  title: string;
  publication: string;
  event: string;
  people: string;
}

export interface InitiativeTable {
  id: string;
  position: number;
  name: string;
  summary: string;
  description: string;
  source_id: string;
}

export interface MetricTable {
  id: string;
  position: number;
  initiative_id: string;
  kind: string;
  label: string;
  description: string;
  value: number | null;
  unit: string | null;
  status_text: string | null;
  total: number | null;
  total_label: string | null;
  parent_id: string | null;
  target_value: number | null;
  target_sample: number | null;
  baseline: number | null;
  direction: string | null;
  as_of: string | null;
  district_id: string | null;
  source_id: string;
  reporter_id: string;
  verification: string;
  derived: number;
  derivation: string | null;
  sample: number;
}

export interface SeriesPointTable {
  metric_id: string;
  period: string;
  value: number;
  sample: number;
}

export interface BreakdownEntryTable {
  metric_id: string;
  district_id: string;
  position: number;
  value: number;
  sample: number;
  derived: number;
}

/** Key/value facts about the dataset itself, e.g. its version (bumped by every import). */
export interface MetaTable {
  key: string;
  value: string;
}

/** A person who signs in (ISSUE 9). Times are ISO 8601 UTC text; roles a JSON array. */
export interface AccountTable {
  id: string;
  region_id: string;
  username: string;
  display_name: string;
  organisation: string;
  roles: string;
  password_hash: string;
  /** Set while the password is a one-time one: when it stops working. */
  password_expires_at: string | null;
  must_change_password: number;
  /** Base32 TOTP key once confirmed; the pending one while being set up. */
  totp_secret: string | null;
  totp_pending_secret: string | null;
  /** The last accepted TOTP time step: a code of this step or earlier is refused. */
  totp_last_step: number | null;
  disabled: number;
  created_at: string;
  last_sign_in_at: string | null;
}

/** Only the SHA-256 of the token's secret half is stored. */
export interface SessionTable {
  id: string;
  account_id: string;
  secret_hash: string;
  stage: string;
  created_at: string;
  last_seen_at: string;
  address: string;
  user_agent: string;
}

/** `lookup` is the code's first character (public, one per code), `code_hash` argon2id. */
export interface RecoveryCodeTable {
  account_id: string;
  lookup: string;
  code_hash: string;
  used_at: string | null;
}

/** A failed sign-in step, by `key`: "user:<username>" or "address:<ip>". */
export interface AuthFailureTable {
  id: Generated<number>;
  key: string;
  at: string;
}

/** Append-only (triggers refuse UPDATE and DELETE). `detail` is a JSON object. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  region_id: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target: string | null;
  outcome: string;
  address: string;
  detail: string;
}

/**
 * A figure revision (ISSUE 10, src/contract/revisions.ts). A published row is never updated and
 * no row is ever deleted (triggers); verification lives beside it in `verifications`. JSON text:
 * new_metric, status_text, new_source, evidence_ids. created_by is null for the hearing's figures.
 */
export interface RevisionTable {
  id: string;
  region_id: string;
  metric_id: string | null;
  new_metric: string | null;
  status: string;
  version: number;
  value: number | null;
  total: number | null;
  status_text: string | null;
  period: string | null;
  district_id: string | null;
  source_id: string | null;
  new_source: string | null;
  stated_by: string;
  evidence_ids: string;
  corrects: string | null;
  correction_reason: string | null;
  note: string | null;
  rejection_reason: string | null;
  batch_id: string | null;
  created_by: string | null;
  last_edited_by: string | null;
  reviewed_by: string | null;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  reviewed_at: string | null;
  published_at: string | null;
  sample: number;
}

/** Append-only: the latest row per revision is its verification state. */
export interface VerificationTable {
  id: Generated<number>;
  revision_id: string;
  state: string;
  by_id: string;
  at: string;
  note: string;
  evidence_ids: string;
}

/** An uploaded file: stored under DATA_DIR as `stored_name` (server-made), never the upload's. */
export interface EvidenceTable {
  id: string;
  region_id: string;
  stored_name: string;
  original_name: string;
  type: string;
  size: number;
  sha256: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface BatchTable {
  id: string;
  region_id: string;
  created_by: string;
  created_at: string;
  note: string | null;
}

/** The transparency log (ISSUE 11, server/log/). One row: the tree's size. */
export interface LogStateTable {
  id: number;
  size: number;
}
/** An entry's exact bytes as UTF-8 text (entries are text records; never re-serialised). */
export interface LogEntryTable {
  idx: number;
  entry: string;
}
/** The hash (base64) of the complete subtree at (level, idx): leaves [idx·2^level, (idx+1)·2^level). */
export interface LogHashTable {
  level: number;
  idx: number;
  hash: string;
}
/** The signed checkpoint (a C2SP signed note) for each size the log has had. */
export interface LogCheckpointTable {
  size: number;
  note: string;
  created_at: string;
}

/** A witness's cosignature of the checkpoint of `size`: its signature line, as received. */
export interface LogCosignatureTable {
  size: number;
  witness: string;
  line: string;
  created_at: string;
}

/** Which log entry records which revision (append-only): a figure's latest is its highest idx. */
export interface FigureLogTable {
  idx: number;
  metric_id: string;
  revision_id: string;
  /** The entry's kind (src/transparency/entry.ts). */
  kind: string;
  /**
   * 1 when the entry records the figure's headline value (what its card shows), 0 for an
   * earlier period or a district's share: a figure's `logIndex` is its latest headline entry.
   */
  headline: number;
}

export interface Database {
  region: RegionTable;
  districts: DistrictTable;
  sources: SourceTable;
  initiatives: InitiativeTable;
  metrics: MetricTable;
  metric_series: SeriesPointTable;
  metric_breakdown: BreakdownEntryTable;
  meta: MetaTable;
  accounts: AccountTable;
  sessions: SessionTable;
  recovery_codes: RecoveryCodeTable;
  auth_failures: AuthFailureTable;
  audit_log: AuditLogTable;
  revisions: RevisionTable;
  verifications: VerificationTable;
  evidence: EvidenceTable;
  batches: BatchTable;
  log_state: LogStateTable;
  log_entries: LogEntryTable;
  log_hashes: LogHashTable;
  log_checkpoints: LogCheckpointTable;
  log_cosignatures: LogCosignatureTable;
  figure_log: FigureLogTable;
}

export type Db = Kysely<Database>;
