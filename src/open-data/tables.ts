import type { LocalizedText } from '@/contract/common';
import type { Initiative } from '@/contract/initiatives';
import type { Metric } from '@/contract/metrics';
import { type OpenDataTable, openDataTables } from '@/contract/open-data';
import type { Region } from '@/contract/region';
import type { Source } from '@/contract/sources';

/** What the API serves: the whole dataset the tables are cut from. */
export interface Dataset {
  region: Region;
  initiatives: Initiative[];
  metrics: Metric[];
  sources: Source[];
}

export type Row = Record<string, string | number | boolean | null>;

const split = (base: string, text: LocalizedText | null): Row => ({
  [`${base}_kk`]: text?.kk ?? null,
  [`${base}_ru`]: text?.ru ?? null,
  [`${base}_en`]: text?.en ?? null,
});

/** The dataset as flat rows, table by table, each row parsed by its table's schema. */
export function datasetTables(data: Dataset): Record<OpenDataTable, Row[]> {
  const raw: Record<OpenDataTable, Row[]> = {
    figures: data.metrics.map((m) => ({
      metric_id: m.id,
      initiative_id: m.initiativeId,
      parent_id: m.parentId,
      kind: m.kind,
      ...split('label', m.label),
      value: m.value,
      ...split('unit', m.unit),
      ...split('status', m.statusText),
      total: m.total,
      baseline: m.baseline,
      direction: m.direction,
      as_of: m.asOf,
      district_id: m.districtId,
      source_id: m.sourceId,
      reporter_id: m.reporterId,
      verification: m.verification,
      derived: m.derived,
      ...split('derivation', m.derivation),
      sample: m.sample,
    })),
    series: data.metrics.flatMap((m) =>
      m.series.map((p) => ({
        metric_id: m.id,
        period: p.period,
        value: p.value,
        sample: p.sample,
      })),
    ),
    'by-district': data.metrics.flatMap((m) =>
      m.breakdown.map((b) => ({
        metric_id: m.id,
        district_id: b.districtId,
        value: b.value,
        sample: b.sample,
        derived: b.derived,
      })),
    ),
    initiatives: data.initiatives.map((i) => ({
      initiative_id: i.id,
      ...split('name', i.name),
      ...split('summary', i.summary),
      source_id: i.sourceId,
    })),
    districts: data.region.districts.map((d) => ({
      district_id: d.id,
      kind: d.kind,
      ...split('name', d.name),
    })),
    sources: data.sources.map((s) => ({
      source_id: s.id,
      kind: s.kind,
      ...split('title', s.title),
      ...split('publication', s.publication.name),
      url: s.publication.url,
      event_date: s.event.date,
    })),
  };
  // Parsed, so a row that strays from its schema fails here and never reaches a file.
  for (const name of Object.keys(raw) as OpenDataTable[]) {
    for (const row of raw[name]) openDataTables[name].parse(row);
  }
  return raw;
}
