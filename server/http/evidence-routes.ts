import { manageEndpoints } from '../../src/contract/endpoints';
import type { AuthDeps } from '../auth/guard';
import { uploadEvidence } from '../evidence/upload';
import type { ManageRoute } from './manage-route';

/** Evidence uploads: editors (with a proposal) and verifiers (with a verification). */
export function evidenceRoutes(deps: AuthDeps): ManageRoute[] {
  return [
    {
      method: 'POST',
      path: manageEndpoints.evidenceUpload,
      access: { who: 'active', anyOf: ['propose', 'verify'] },
      handle: (c) => uploadEvidence(deps, c),
    },
  ];
}
