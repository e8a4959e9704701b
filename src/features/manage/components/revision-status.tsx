import type { RevisionStatus } from '@/contract/revisions';
import { useReviewT } from '../hooks/use-manage-catalogue';

const tone: Record<RevisionStatus, string> = {
  draft: 'badge--neutral',
  submitted: 'badge--derived',
  published: 'badge--good',
  rejected: 'badge--bad',
  discarded: 'badge--neutral',
};

/** A revision's state as a badge: draft, submitted, published, rejected or discarded. */
export function RevisionStatusBadge({ status }: { status: RevisionStatus }) {
  const { t } = useReviewT();
  return <span className={`badge ${tone[status]}`}>{t(`status.${status}`)}</span>;
}
