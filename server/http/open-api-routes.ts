import type { Hono } from 'hono';
import { endpoints } from '../../src/contract/endpoints';
import { apiDocsHtml } from '../open-data/api-docs-html';
import { API_DOCS_PATH, openApiDocument } from '../open-data/openapi';
import { contentSecurityPolicy, inlineHashes } from './csp';
import { fixtureExamples } from '../open-data/openapi-examples';

/** GET /api/v1/openapi.json and its readable page /api/docs; built once, on first request. */
export function openApiRoutes(api: Hono): void {
  let built: { json: string; html: string } | null = null;
  const documents = () => {
    if (!built) {
      const doc = openApiDocument(fixtureExamples());
      built = { json: JSON.stringify(doc), html: apiDocsHtml(doc) };
    }
    return built;
  };
  const headers = { 'Cache-Control': 'public, no-cache' };
  api.get(endpoints.openapi, (c) =>
    c.body(documents().json, 200, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
    }),
  );
  api.get(API_DOCS_PATH, (c) =>
    c.html(documents().html, 200, {
      ...headers,
      // The page's own inline stylesheet, by hash, and no framing: the dashboard's policy.
      'Content-Security-Policy': contentSecurityPolicy(inlineHashes(documents().html), {
        framable: false,
      }),
    }),
  );
}
