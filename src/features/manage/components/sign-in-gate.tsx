import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Account, Me } from '@/contract/accounts';
import { ErrorPanel } from '@/components/ui/error-panel';
import { Skeleton } from '@/components/ui/skeleton';
import { manageKeys } from '../api/manage-keys';
import { ChangePasswordStep } from './change-password-step';
import { MfaSetupStep } from './mfa-setup-step';
import { RecoveryCodesStep } from './recovery-codes-step';
import { SignInForm } from './sign-in-form';
import { TotpStep } from './totp-step';

/**
 * What the session's stage allows: the sign-in form, the one step still to take, or (`active`)
 * the page that was asked for. The address never changes on the way, so after signing in the
 * person is on the page they came for.
 */
export interface PendingRecovery {
  username: string;
  codes: string[];
}

export function SignInGate({
  me,
  recovery,
  onRecovery,
  children,
}: {
  me: { isPending: boolean; error: unknown; data: Me | null | undefined; refetch: () => unknown };
  /** Recovery codes just issued: shown once, in place of any page, until "I have saved them". */
  recovery: PendingRecovery | null;
  onRecovery: (recovery: PendingRecovery | null) => void;
  children: (account: Account) => ReactNode;
}) {
  const queryClient = useQueryClient();

  if (recovery) {
    return (
      <RecoveryCodesStep
        codes={recovery.codes}
        username={recovery.username}
        onDone={() => onRecovery(null)}
      />
    );
  }
  if (me.isPending) return <Skeleton height="20rem" />;
  if (me.error && me.data === undefined)
    return <ErrorPanel error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <SignInForm />;
  switch (me.data.stage) {
    case 'totp':
      return <TotpStep />;
    case 'change_password':
      return <ChangePasswordStep />;
    case 'mfa_setup':
      return (
        <MfaSetupStep
          onConfirmed={(next, codes) => {
            // The session is active from now on; the codes stay on screen until saved.
            onRecovery({ username: next.account.username, codes });
            queryClient.setQueryData(manageKeys.me(), next);
          }}
        />
      );
    case 'active':
      return children(me.data.account);
  }
}
