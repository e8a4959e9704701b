import type { Metric } from '@/contract/metrics';

/** How far a proposal moves a figure: the difference, and as a share of the current value. */
export interface Change {
  absolute: number;
  /** Percent of the current value; null when there is none to compare with, or it is zero. */
  percent: number | null;
}

export function changeBetween(current: number | null, proposed: number | null): Change | null {
  if (current === null || proposed === null) return null;
  const absolute = proposed - current;
  return { absolute, percent: current === 0 ? null : (absolute / Math.abs(current)) * 100 };
}

/** Reads a number as people type it here: "1 234,5", "1234.5", "−3" (spaces and comma allowed). */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace('\u2212', '-')
    .replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** What the public sees of a figure now: its headline, or a district's entry. */
export function publishedNow(
  figure: Pick<Metric, 'value' | 'total' | 'asOf' | 'breakdown'> | undefined,
  districtId: string | null,
): { value: number | null; total: number | null; period: string | null } | null {
  if (!figure) return null;
  if (districtId === null) return { value: figure.value, total: figure.total, period: figure.asOf };
  const entry = figure.breakdown.find((item) => item.districtId === districtId);
  return entry ? { value: entry.value, total: null, period: null } : null;
}

/** The newest published revision of each figure (and district): the ones the public sees. */
export function latestPublished<
  R extends { metricId: string | null; districtId: string | null; publishedAt: string | null },
>(revisions: readonly R[]): R[] {
  const latest = new Map<string, R>();
  for (const revision of revisions) {
    const key = `${revision.metricId ?? ''}|${revision.districtId ?? ''}`;
    const seen = latest.get(key);
    if (!seen || (revision.publishedAt ?? '') > (seen.publishedAt ?? '')) latest.set(key, revision);
  }
  return [...latest.values()];
}

/** What a batch row targets ("headline", "period 2024", "district aral"), to name it in words. */
export function parseTarget(
  target: string,
): { kind: 'headline' } | { kind: 'period' | 'district'; id: string } | null {
  if (target === 'headline') return { kind: 'headline' };
  const match = /^(period|district) (\S+)$/.exec(target);
  if (!match?.[2]) return null;
  return { kind: match[1] === 'period' ? 'period' : 'district', id: match[2] };
}
