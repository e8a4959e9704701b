import { useTranslation } from '@/lib/i18n-react';
import { LangLink } from '@/components/ui/lang-link';
import { PageHeader } from '@/components/ui/page-header';
import { PanelBoundary } from '@/components/ui/panel-boundary';
import { Skeleton } from '@/components/ui/skeleton';
import { useInitiatives } from '@/features/initiatives/api/get-initiatives';
import { localize } from '@/lib/format';
import { useLocale } from '@/lib/use-locale';

function InitiativeList() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data: initiatives } = useInitiatives();
  if (initiatives.length === 0) return <p className="empty">{t('initiatives.empty')}</p>;
  return (
    <ul className="initiative-list">
      {initiatives.map((initiative) => (
        <li key={initiative.id} className="card initiative-item">
          <h2>
            <LangLink to={`/initiatives/${initiative.id}`}>
              {localize(initiative.name, locale)}
            </LangLink>
          </h2>
          <p>{localize(initiative.summary, locale)}</p>
          <p className="muted">
            {t('initiatives.figureCount', { count: initiative.metricIds.length })}
          </p>
        </li>
      ))}
    </ul>
  );
}

export default function InitiativesRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('initiatives.title')} lead={t('initiatives.lead')} />
      <PanelBoundary placeholder={<Skeleton height="8rem" count={4} />}>
        <InitiativeList />
      </PanelBoundary>
    </>
  );
}
