import type { ReactNode } from 'react';
import type { Permission } from '@/contract/accounts';
import { LangLink } from '@/components/ui/lang-link';
import { useAccount } from '../hooks/use-account';
import { useManageT } from '../hooks/use-manage-catalogue';
import { allowed } from '../lib/manage-nav';
import { StepHeading } from './step-heading';

/**
 * A page only some roles may see. Anyone else is told plainly which role it needs, rather than
 * shown a blank page or a server refusal; the server refuses the data all the same.
 */
export function NeedsPermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { t } = useManageT();
  const account = useAccount();
  if (allowed(account, permission)) return children;
  return (
    <section className="manage-step card" aria-labelledby="needs-title">
      <StepHeading id="needs-title" focus={false}>
        {t('needs.title')}
      </StepHeading>
      <p>{t('needs.admin')}</p>
      <p>
        <LangLink to="/manage">{t('needs.back')}</LangLink>
      </p>
    </section>
  );
}
