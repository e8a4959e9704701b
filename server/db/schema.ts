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
}

export type Db = Kysely<Database>;
