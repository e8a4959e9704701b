import { useTranslation } from '@/lib/i18n-react';
import { LangLink } from '@/components/ui/lang-link';
import { PageHeader } from '@/components/ui/page-header';

/** For unknown addresses and unknown ids: says so plainly and offers the way back. */
export function NotFound({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <div className="not-found">
      <PageHeader title={t('notFound.title')} lead={message ?? t('notFound.body')} />
      <p className="not-found__links">
        <LangLink to="/" className="button">
          {t('notFound.back')}
        </LangLink>{' '}
        <LangLink to="/initiatives">{t('nav.initiatives')}</LangLink>
      </p>
    </div>
  );
}

export default function NotFoundRoute() {
  return <NotFound />;
}
