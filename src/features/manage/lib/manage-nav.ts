import { may, type Account, type Permission } from '@/contract/accounts';

export interface ManageNavItem {
  path: string;
  /** Key in the `manage` catalogue. */
  label: string;
  /** What the page needs; null for pages every signed-in person has. */
  needs: Permission | null;
}

export const manageNavItems: ManageNavItem[] = [
  { path: '/manage', label: 'nav.home', needs: null },
  { path: '/manage/sessions', label: 'nav.sessions', needs: null },
  { path: '/manage/accounts', label: 'nav.accounts', needs: 'manage_accounts' },
  { path: '/manage/audit', label: 'nav.audit', needs: 'read_audit' },
];

/** Whether the person may do this in their own region (the server checks it again, always). */
export function allowed(account: Account, permission: Permission): boolean {
  return may(account, permission, account.regionId);
}

/** The links the person's roles open: a link the server would refuse is not shown. */
export function navFor(account: Account): ManageNavItem[] {
  return manageNavItems.filter((item) => item.needs === null || allowed(account, item.needs));
}
