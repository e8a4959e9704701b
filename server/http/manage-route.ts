import type { Access, ManageContext } from '../auth/guard';

/** One management endpoint: method, path, who may call it, and what it does. */
export interface ManageRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  access: Access;
  handle: (c: ManageContext) => Promise<Response>;
}
