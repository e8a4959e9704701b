import type { Kysely } from 'kysely';

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

export interface Database {
  region: RegionTable;
  districts: DistrictTable;
  sources: SourceTable;
  initiatives: InitiativeTable;
  metrics: MetricTable;
  metric_series: SeriesPointTable;
  metric_breakdown: BreakdownEntryTable;
  meta: MetaTable;
}

export type Db = Kysely<Database>;
