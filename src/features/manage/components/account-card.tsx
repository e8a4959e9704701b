import { useState } from 'react';
import type { Account, OneTimePassword } from '@/contract/accounts';
import { oneTimePasswordSchema } from '@/contract/accounts';
import { useAccountAction, type AccountAction } from '../api/account-action';
import { useManageT } from '../hooks/use-manage-catalogue';
import { EditAccountForm } from './edit-account-form';
import { FormError } from './form-error';
import { RoleBadges } from './roles-text';

/** Actions that end sessions or take a factor away: asked twice. */
const needsConfirming: AccountAction[] = ['disable', 'reset-password', 'reset-mfa'];

function StateBadges({ account }: { account: Account }) {
  const { t } = useManageT();
  return (
    <span className="badges">
      {account.disabled ? (
        <span className="badge badge--bad">{t('state.disabled')}</span>
      ) : (
        <span className="badge badge--good">{t('state.enabled')}</span>
      )}
      {account.throttled ? <span className="badge badge--bad">{t('state.throttled')}</span> : null}
      {account.mustChangePassword ? (
        <span className="badge badge--neutral">{t('state.mustChangePassword')}</span>
      ) : null}
      {!account.mfaEnabled ? (
        <span className="badge badge--neutral">{t('state.noMfa')}</span>
      ) : null}
    </span>
  );
}

/** One account: who, roles, state, and what an admin can do to it. */
export function AccountCard({
  account,
  self,
  onOneTimePassword,
}: {
  account: Account;
  self: boolean;
  onOneTimePassword: (answer: OneTimePassword) => void;
}) {
  const { t } = useManageT();
  const action = useAccountAction();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<AccountAction | null>(null);
  const [done, setDone] = useState<AccountAction | null>(null);

  const run = (name: AccountAction) => {
    if (needsConfirming.includes(name) && confirming !== name) {
      setConfirming(name);
      return;
    }
    setConfirming(null);
    action.mutate(
      { id: account.id, action: name },
      {
        onSuccess: (answer) => {
          setDone(name);
          const otp = oneTimePasswordSchema.safeParse(answer);
          if (otp.success) onOneTimePassword(otp.data);
        },
      },
    );
  };

  const headingId = `account-${account.id}`;
  const button = (name: AccountAction, label: string) => (
    <button
      type="button"
      className="button button--quiet"
      disabled={action.isPending}
      onClick={() => run(name)}
    >
      {label}
    </button>
  );

  return (
    <article className="card account-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {account.displayName || account.username}
        {account.displayName && account.displayName !== account.username ? (
          <span className="muted"> ({account.username})</span>
        ) : null}
      </h3>
      <p className="muted">{account.organisation}</p>
      <p>
        <RoleBadges roles={account.roles} /> <StateBadges account={account} />
      </p>
      {editing ? (
        <EditAccountForm account={account} onDone={() => setEditing(false)} />
      ) : (
        <div className="manage-actions">
          <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
            {t('accounts.edit')}
          </button>
          {self
            ? null
            : account.disabled
              ? button('enable', t('accounts.enable'))
              : button('disable', t('accounts.disable'))}
          {button('reset-password', t('accounts.resetPassword'))}
          {button('reset-mfa', t('accounts.resetMfa'))}
          {account.throttled ? button('unlock', t('accounts.unlock')) : null}
        </div>
      )}
      {confirming ? (
        <div className="confirm" role="alert">
          <p>{t(`accounts.confirm.${confirming}`, { username: account.username })}</p>
          <div className="manage-actions">
            <button type="button" className="button" onClick={() => run(confirming)}>
              {t('accounts.confirmYes')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setConfirming(null)}
            >
              {t('accounts.confirmNo')}
            </button>
          </div>
        </div>
      ) : null}
      <p role="status" className="muted">
        {done && !action.isPending && !action.isError ? t(`accounts.done.${done}`) : ''}
      </p>
      <FormError error={action.error} />
    </article>
  );
}
