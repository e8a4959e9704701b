import { useOutletContext } from 'react-router';
import type { Account } from '@/contract/accounts';

/** The signed-in account: the management layout renders its pages only once there is one. */
export function useAccount(): Account {
  return useOutletContext<Account>();
}
