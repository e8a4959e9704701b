import type { Locale } from '@/contract/common';
import type { MetricHistory, PublicRevision } from '@/contract/revisions';
import { useHistoryT } from '@/lib/history-catalogue';
import { currentRevisionId } from '../lib/revision-words';
import { RevisionItem, type RevisionWords } from './revision-item';

/** The published revisions of one page, newest first, each with its whole record. */
export function RevisionList({
  history,
  locale,
  wordsFor,
}: {
  history: MetricHistory;
  locale: Locale;
  wordsFor: (revision: PublicRevision, all: PublicRevision[]) => RevisionWords;
}) {
  const t = useHistoryT();
  const currentId = history.page === 1 ? currentRevisionId(history.revisions) : null;
  if (history.total === 0) return <p className="empty">{t('history.empty')}</p>;
  return (
    <>
      <p className="muted">{t('history.revisionsCount', { count: history.total })}</p>
      <ol className="revision-list">
        {history.revisions.map((revision) => (
          <RevisionItem
            key={revision.id}
            revision={revision}
            words={wordsFor(revision, history.revisions)}
            locale={locale}
            current={revision.id === currentId}
          />
        ))}
      </ol>
    </>
  );
}
