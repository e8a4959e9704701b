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
  title,
  text,
  children,
}: {
  /** Any one of them opens the page. */
  permission: Permission | readonly Permission[];
  /** What to say instead of the admin page's words. */
  title?: string;
  text?: string;
  children: ReactNode;
}) {
  const { t } = useManageT();
  const account = useAccount();
  if (allowed(account, permission)) return children;
  return (
    <section className="manage-step card" aria-labelledby="needs-title">
      <StepHeading id="needs-title" focus={false}>
        {title ?? t('needs.title')}
      </StepHeading>
      <p>{text ?? t('needs.admin')}</p>
      <p>
        <LangLink to="/manage">{t('needs.back')}</LangLink>
      </p>
    </section>
  );
}
