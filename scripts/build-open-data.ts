/**
 * The mock-API build's open data: with no server, /data/* (the data package, its CSV/JSON and the
 * ZIP), /api/v1/openapi.json and /api/docs are written into dist/ as files at build time, from
 * the fixtures, by the same code the server runs. Usage: node --import tsx scripts/build-open-data.ts DIST
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initiatives } from '../mocks/fixtures/initiatives';
import { metrics } from '../mocks/fixtures/metrics';
import { region } from '../mocks/fixtures/region';
import { sources } from '../mocks/fixtures/sources';
import { apiDocsHtml } from '../server/open-data/api-docs-html';
import { openApiDocument } from '../server/open-data/openapi';
import { fixtureExamples } from '../server/open-data/openapi-examples';
import { openDataFiles } from '../server/open-data/package';

const dist = process.argv[2];
if (!dist) throw new Error('usage: build-open-data.ts DIST_DIR');

const files = openDataFiles(
  { region, initiatives, metrics, sources },
  'fixtures',
  new Date().toISOString(),
);
mkdirSync(join(dist, 'data'), { recursive: true });
for (const [name, body] of files) writeFileSync(join(dist, 'data', name), body);

const doc = openApiDocument(fixtureExamples());
mkdirSync(join(dist, 'api', 'v1'), { recursive: true });
writeFileSync(join(dist, 'api', 'v1', 'openapi.json'), JSON.stringify(doc));
mkdirSync(join(dist, 'api', 'docs'), { recursive: true });
writeFileSync(join(dist, 'api', 'docs', 'index.html'), apiDocsHtml(doc));
