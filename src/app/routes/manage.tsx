import { useLayoutEffect, useState } from 'react';
import { Outlet } from 'react-router';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useMe } from '@/features/manage/api/get-me';
import { ManageFrame } from '@/features/manage/components/manage-frame';
import { SignInGate, type PendingRecovery } from '@/features/manage/components/sign-in-gate';
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
  const [pending, setRecovery] = useState<PendingRecovery | null>(null);
  // Signed out (here, or the session ended on the server): nothing of the codes stays on screen.
  const recovery = me.data && pending?.username === me.data.account.username ? pending : null;
  const active = me.data?.stage === 'active' && recovery === null;
  return (
    <ManageFrame
      locale={locale}
      account={me.data?.account ?? null}
      active={active}
      onSignOut={() => setRecovery(null)}
    >
      <ManageTitle />
      <SignInGate me={me} recovery={recovery} onRecovery={setRecovery}>
        {(account) => <Outlet context={account} />}
      </SignInGate>
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
