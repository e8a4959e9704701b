import type { Metric } from '@/contract/metrics';
import type { Revision } from '@/contract/revisions';
import { localize } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';
import { useFigures, useRegion, useSources } from '../api/get-catalogue';

/**
 * Names for the ids a revision holds (figure, district, source), in the page's language. While
 * the catalogue loads, or for an id it does not know, the id itself stands in.
 */
export function useCatalogueLookup() {
  const locale = useLocale();
  const figures = useFigures();
  const sources = useSources();
  const region = useRegion();
  const figure = (id: string | null): Metric | undefined =>
    figures.data?.find((item) => item.id === id);
  return {
    figures,
    figure,
    figureLabel: (revision: Pick<Revision, 'metricId' | 'newMetric'>) => {
      if (revision.newMetric) return localize(revision.newMetric.label, locale);
      const found = figure(revision.metricId);
      return found ? localize(found.label, locale) : (revision.metricId ?? '');
    },
    districtName: (id: string) => {
      const found = region.data?.districts.find((item) => item.id === id);
      return found ? localize(found.name, locale) : id;
    },
    /** The hearing's figures name their speaker by a person id of the source; others by name. */
    statedBy: (text: string) => {
      const person = sources.data
        ?.flatMap((source) => source.people)
        .find((item) => item.id === text);
      return person ? localize(person.name, locale) : text;
    },
    sourceTitle: (revision: Pick<Revision, 'sourceId' | 'newSource'>) => {
      if (revision.newSource) return revision.newSource.title;
      const found = sources.data?.find((item) => item.id === revision.sourceId);
      return found ? localize(found.title, locale) : (revision.sourceId ?? '');
    },
  };
}
