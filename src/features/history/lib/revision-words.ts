import type { TFunction } from '@/lib/translator';
import type { Locale } from '@/contract/common';
import type { Metric } from '@/contract/metrics';
import type { PublicRevision } from '@/contract/revisions';
import type { Source } from '@/contract/sources';
import { formatPeriod } from '@/lib/format';
import { revisionValueText } from '@/lib/revision-value';
import { sourceName, statedByName } from './stated-by';

export interface WordsContext {
  metric: Metric;
  sources: Source[];
  locale: Locale;
  /** Speaks the `history` namespace. */
  t: TFunction;
  districtName: (id: string) => string;
}

/** Everything a revision shows in words, in the reader's language. */
export function revisionWords(
  revision: PublicRevision,
  all: PublicRevision[],
  { metric, sources, locale, t, districtName }: WordsContext,
) {
  const corrected = revision.corrects
    ? all.find((other) => other.id === revision.corrects)
    : undefined;
  return {
    value: revisionValueText(revision, metric, locale, t),
    source: {
      label: sourceName(revision.sourceId, sources, locale),
      href: `/sources#${revision.sourceId}`,
    },
    statedBy: statedByName(revision.statedBy, revision.sourceId, sources, locale),
    district: revision.districtId ? districtName(revision.districtId) : null,
    correctsDate: corrected ? formatPeriod(corrected.publishedAt.slice(0, 10), locale) : null,
  };
}

/** The revision that carries the figure's current region-wide value: the newest one. */
export function currentRevisionId(revisions: PublicRevision[]): string | null {
  return revisions.find((revision) => revision.districtId === null)?.id ?? null;
}
