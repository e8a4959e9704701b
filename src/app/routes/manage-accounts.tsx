import { useState } from 'react';
import type { OneTimePassword } from '@/contract/accounts';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { useAccounts } from '@/features/manage/api/get-accounts';
import { AccountCard } from '@/features/manage/components/account-card';
import { CreateAccountForm } from '@/features/manage/components/create-account-form';
import { NeedsPermission } from '@/features/manage/components/needs-role';
import { OneTimePasswordPanel } from '@/features/manage/components/one-time-password-panel';
import { StepHeading } from '@/features/manage/components/step-heading';
import { useAccount } from '@/features/manage/hooks/use-account';
import { useManageT } from '@/features/manage/hooks/use-manage-catalogue';

function AccountsPage() {
  const { t } = useManageT();
  const me = useAccount();
  const accounts = useAccounts();
  const [shown, setShown] = useState<OneTimePassword | null>(null);
  return (
    <>
      <header className="page-header">
        <StepHeading>{t('accounts.title')}</StepHeading>
        <p className="page-header__lead">{t('accounts.lead')}</p>
      </header>
      {shown ? <OneTimePasswordPanel answer={shown} onClose={() => setShown(null)} /> : null}
      <div className="accounts-layout">
        <section className="card" aria-labelledby="accounts-list">
          <h2 id="accounts-list">{t('accounts.list')}</h2>
          {accounts.isPending ? (
            <Skeleton height="12rem" count={2} />
          ) : accounts.isError ? (
            <ErrorPanel error={accounts.error} onRetry={() => void accounts.refetch()} />
          ) : accounts.data.accounts.length === 0 ? (
            <p className="empty">{t('accounts.empty')}</p>
          ) : (
            <div className="account-list">
              {accounts.data.accounts.map((account) => (
                <AccountCard
                  key={account.id}
                  account={account}
                  self={account.id === me.id}
                  onOneTimePassword={setShown}
                />
              ))}
            </div>
          )}
        </section>
        <section className="card">
          <CreateAccountForm onCreated={setShown} />
        </section>
      </div>
    </>
  );
}

/** Admins: every account of the region, and a new one with its one-time password. */
export default function ManageAccountsRoute() {
  return (
    <NeedsPermission permission="manage_accounts">
      <AccountsPage />
    </NeedsPermission>
  );
}
