/** Paths of the API, relative to its base URL. One place, used by client, mocks and server. */
export const API_PREFIX = '/api/v1';

export const endpoints = {
  region: `${API_PREFIX}/region`,
  initiatives: `${API_PREFIX}/initiatives`,
  initiative: (id: string) => `${API_PREFIX}/initiatives/${encodeURIComponent(id)}`,
  metrics: `${API_PREFIX}/metrics`,
  sources: `${API_PREFIX}/sources`,
  source: (id: string) => `${API_PREFIX}/sources/${encodeURIComponent(id)}`,
} as const;
