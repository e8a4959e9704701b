import type { LogEntry } from './entry';

/*
 * What a figure card shows, set against the log entry it names: a reader's copy of the published
 * fields. Pure; the browser check and its tests share it.
 */

export interface DisplayedFigure {
  id: string;
  value: number | null;
  total: number | null;
  unit: { kk: string; ru: string; en: string } | null;
  /** The figure's date as shown (YYYY or YYYY-MM-DD), or null. */
  period: string | null;
  district: string | null;
  source: string;
}

export const comparedFields = [
  'figure',
  'value',
  'total',
  'unit',
  'period',
  'district',
  'source',
] as const;
export type ComparedField = (typeof comparedFields)[number];

const sameUnit = (a: DisplayedFigure['unit'], b: LogEntry['unit']) =>
  a === null || b === null ? a === b : a.kk === b.kk && a.ru === b.ru && a.en === b.en;

/** The fields where the card and its entry differ; empty when they agree. */
export function differingFields(shown: DisplayedFigure, entry: LogEntry): ComparedField[] {
  const same: Record<ComparedField, boolean> = {
    figure: shown.id === entry.figure,
    value: shown.value === entry.value,
    total: shown.total === entry.total,
    unit: sameUnit(shown.unit, entry.unit),
    period: shown.period === entry.period,
    district: shown.district === entry.district,
    source: shown.source === entry.source,
  };
  return comparedFields.filter((field) => !same[field]);
}
