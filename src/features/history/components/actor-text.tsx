import type { Actor } from '@/contract/revisions';
import { useHistoryT } from '@/lib/history-catalogue';

/** An account as the public sees it, or the hearing's record for figures carried over. */
export function ActorText({ actor }: { actor: Actor | null }) {
  const t = useHistoryT();
  if (actor === null) return <span className="muted">{t('history.hearingRecord')}</span>;
  return <>{t('history.actor', { name: actor.displayName, organisation: actor.organisation })}</>;
}
