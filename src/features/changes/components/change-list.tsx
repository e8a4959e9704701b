import type { Change, ChangePage } from '@/contract/revisions';
import { useHistoryT } from '@/lib/history-catalogue';
import type { ReactNode } from 'react';

/** The changes of one page, newest first; says so plainly when there are none. */
export function ChangeList({
  page,
  filtered,
  renderItem,
}: {
  page: ChangePage;
  filtered: boolean;
  renderItem: (change: Change) => ReactNode;
}) {
  const t = useHistoryT();
  if (page.total === 0) {
    return <p className="empty">{t(filtered ? 'changes.emptyFiltered' : 'changes.empty')}</p>;
  }
  return (
    <>
      <p className="muted">{t('changes.count', { count: page.total })}</p>
      <ol className="change-list">{page.changes.map(renderItem)}</ol>
    </>
  );
}
