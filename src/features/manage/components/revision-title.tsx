import type { Revision } from '@/contract/revisions';
import { useCatalogueLookup } from '../hooks/use-catalogue-lookup';

/** A revision card's heading: the figure's name, and the district when it is a district's share. */
export function RevisionTitle({ revision, id }: { revision: Revision; id: string }) {
  const lookup = useCatalogueLookup();
  return (
    <h3 id={id}>
      {lookup.figureLabel(revision)}
      {revision.districtId ? (
        <span className="muted"> · {lookup.districtName(revision.districtId)}</span>
      ) : null}
    </h3>
  );
}
