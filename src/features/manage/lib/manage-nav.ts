import { may, type Account, type Permission } from '@/contract/accounts';

export interface ManageNavItem {
  path: string;
  /** Key in the `manage` catalogue. */
  label: string;
  /** What the page needs (any one of a list); null for pages every signed-in person has. */
  needs: Permission | readonly Permission[] | null;
}

export const manageNavItems: ManageNavItem[] = [
  { path: '/manage', label: 'nav.home', needs: null },
  { path: '/manage/sessions', label: 'nav.sessions', needs: null },
  // Editors propose; admins may propose a figure that does not exist yet (review-rules.ts).
  {
    path: '/manage/proposals',
    label: 'review:nav.proposals',
    needs: ['propose', 'manage_accounts'],
  },
  { path: '/manage/batches', label: 'review:nav.batches', needs: 'propose' },
  { path: '/manage/review', label: 'review:nav.review', needs: ['review', 'verify'] },
  { path: '/manage/accounts', label: 'nav.accounts', needs: 'manage_accounts' },
  { path: '/manage/audit', label: 'nav.audit', needs: 'read_audit' },
];

/** Whether the person may do this in their own region (the server checks it again, always). */
export function allowed(account: Account, permission: Permission | readonly Permission[]): boolean {
  const any = typeof permission === 'string' ? [permission] : permission;
  return any.some((one) => may(account, one, account.regionId));
}

/** The links the person's roles open: a link the server would refuse is not shown. */
export function navFor(account: Account): ManageNavItem[] {
  return manageNavItems.filter((item) => item.needs === null || allowed(account, item.needs));
}
