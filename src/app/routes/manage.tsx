import { useLayoutEffect } from 'react';
import { Outlet } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useMe } from '@/features/manage/api/get-me';
import { ManageFrame } from '@/features/manage/components/manage-frame';
import { SignInGate } from '@/features/manage/components/sign-in-gate';
import { useManageCatalogue, useManageT } from '@/features/manage/hooks/use-manage-catalogue';
import { useLanguageSync } from '@/lib/use-language-sync';
import { useLocale } from '@/lib/use-locale';
import '@/features/manage/manage.css';

function ManageTitle() {
  const { t } = useManageT();
  const locale = useLocale();
  // After useLanguageSync's own title (effects run in order), so this one stays.
  useLayoutEffect(() => {
    document.title = t('frame.documentTitle');
  }, [t, locale]);
  return null;
}

/** Every /manage page: its own frame, and the sign-in steps in place of a page until done. */
function ManageShell() {
  const locale = useLocale();
  const me = useMe();
  const active = me.data?.stage === 'active';
  return (
    <ManageFrame locale={locale} account={me.data?.account ?? null} active={active}>
      <ManageTitle />
      <SignInGate me={me}>{(account) => <Outlet context={account} />}</SignInGate>
    </ManageFrame>
  );
}

export default function ManageRoute() {
  const locale = useLocale();
  useLanguageSync(locale);
  const catalogue = useManageCatalogue(locale);
  if (catalogue === 'ready') return <ManageShell />;
  return (
    <main id="main" className="site-main">
      {catalogue === 'failed' ? (
        <ErrorPanel error={null} onRetry={() => window.location.reload()} />
      ) : (
        <Skeleton height="20rem" />
      )}
    </main>
  );
}
