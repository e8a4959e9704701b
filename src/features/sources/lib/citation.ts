import type { Locale } from '@/contract/common';
import type { Metric } from '@/contract/metrics';
import type { Source } from '@/contract/sources';
import { localize } from '@/lib/format';

/** A short citation: publication and headline, e.g. "Syr boyy (regional newspaper): The principle…". */
export function citationOf(source: Source, locale: Locale): string {
  return `${localize(source.publication.name, locale)}: «${localize(source.title, locale)}»`;
}

export const sourceHref = (sourceId: string) => `/sources#${sourceId}`;

/** Who gave a figure and where it was published, ready for a card or chart. */
export function attributionFor(
  metric: Pick<Metric, 'sourceId' | 'reporterId'>,
  sources: Source[],
  locale: Locale,
) {
  const source = sources.find((s) => s.id === metric.sourceId);
  const person = source?.people.find((p) => p.id === metric.reporterId);
  return {
    sourceLabel: source ? citationOf(source, locale) : metric.sourceId,
    /** The publication alone, for a card's one line; the full citation is on the source page. */
    sourceShort: source ? localize(source.publication.name, locale) : metric.sourceId,
    sourceHref: sourceHref(metric.sourceId),
    reporter: person ? `${localize(person.name, locale)}, ${localize(person.role, locale)}` : null,
    reporterName: person ? localize(person.name, locale) : null,
  };
}
