import type { Locale } from '@/contract/common';
import type { Source } from '@/contract/sources';
import { localize } from '@/lib/format';

/**
 * Who stated a figure, as a reader should see it: a person of the source by their name in the
 * reader's language, anything else (a body, a name typed by an editor) as written.
 */
export function statedByName(
  statedBy: string,
  sourceId: string,
  sources: Source[],
  locale: Locale,
): string {
  const source = sources.find((s) => s.id === sourceId);
  const person = source?.people.find((p) => p.id === statedBy);
  return person ? localize(person.name, locale) : statedBy;
}

/** The source's short citation, or its id when the catalogue does not know it. */
export function sourceName(sourceId: string, sources: Source[], locale: Locale): string {
  const source = sources.find((s) => s.id === sourceId);
  return source
    ? `${localize(source.publication.name, locale)}: «${localize(source.title, locale)}»`
    : sourceId;
}
