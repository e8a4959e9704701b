/** Paths of the API, relative to its base URL. One place, used by client, mocks and server. */
export const API_PREFIX = '/api/v1';

export const endpoints = {
  region: `${API_PREFIX}/region`,
  initiatives: `${API_PREFIX}/initiatives`,
  initiative: (id: string) => `${API_PREFIX}/initiatives/${encodeURIComponent(id)}`,
  metrics: `${API_PREFIX}/metrics`,
  sources: `${API_PREFIX}/sources`,
  source: (id: string) => `${API_PREFIX}/sources/${encodeURIComponent(id)}`,
  /** The API described in OpenAPI 3.1, generated from this contract. */
  openapi: `${API_PREFIX}/openapi.json`,
} as const;

/**
 * The management API (src/contract/accounts.ts). Never cached (Cache-Control: no-store); every
 * state change is a POST/PUT/DELETE with a JSON body from the site's own origin.
 */
export const manageEndpoints = {
  signIn: `${API_PREFIX}/auth/sign-in`,
  totp: `${API_PREFIX}/auth/totp`,
  password: `${API_PREFIX}/auth/password`,
  mfaSetup: `${API_PREFIX}/auth/mfa/setup`,
  mfaConfirm: `${API_PREFIX}/auth/mfa/confirm`,
  signOut: `${API_PREFIX}/auth/sign-out`,
  me: `${API_PREFIX}/auth/me`,
  sessions: `${API_PREFIX}/auth/sessions`,
  endOtherSessions: `${API_PREFIX}/auth/sessions/end-others`,
  accounts: `${API_PREFIX}/admin/accounts`,
  account: (id: string) => `${API_PREFIX}/admin/accounts/${encodeURIComponent(id)}`,
  /** POST with {}: disable | enable | reset-password | reset-mfa | unlock. */
  accountAction: (
    id: string,
    action: 'disable' | 'enable' | 'reset-password' | 'reset-mfa' | 'unlock',
  ) => `${API_PREFIX}/admin/accounts/${encodeURIComponent(id)}/${action}`,
  audit: `${API_PREFIX}/admin/audit`,
  auditCsv: `${API_PREFIX}/admin/audit.csv`,
} as const;
