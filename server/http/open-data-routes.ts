import { Hono } from 'hono';
import { openDataFiles } from '../open-data/package';
import type { Repository } from '../repository';

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  zip: 'application/zip',
};

/** /data/* belongs to the bulk download; /data itself is the dashboard's page about it. */
export const isOpenDataFile = (path: string): boolean => path.startsWith('/data/');

/**
 * The bulk download: datapackage.json, each table as CSV and JSON, and one ZIP of everything,
 * made from the repository once per version of the data (an import makes a new one).
 */
export function openDataRoutes(repository: Repository): Hono {
  const app = new Hono();
  let built: { version: number; files: Promise<Map<string, string | Buffer>> } | null = null;
  const filesNow = async () => {
    const version = await repository.datasetVersion();
    if (built?.version !== version) {
      const files = Promise.all([
        repository.getRegion(),
        repository.listInitiatives(),
        repository.listMetrics({}),
        repository.listSources(),
      ]).then(([region, initiatives, metrics, sources]) =>
        openDataFiles(
          { region, initiatives, metrics, sources },
          String(version),
          new Date().toISOString(),
        ),
      );
      built = { version, files };
      files.catch(() => {
        if (built?.files === files) built = null;
      });
    }
    return { version, files: await built.files };
  };

  app.get('/data/:file', async (c) => {
    const name = c.req.param('file');
    const { version, files } = await filesNow();
    const body = files.get(name);
    if (body === undefined) return c.text('Not found', 404, { 'Cache-Control': 'no-store' });
    const etag = `W/"data-${version}"`;
    const headers: Record<string, string> = {
      'Content-Type': TYPES[name.split('.').at(-1) ?? ''] ?? 'application/octet-stream',
      'Cache-Control': 'public, no-cache',
      ETag: etag,
      // Files are fetched by scripts and spreadsheets from anywhere.
      'Access-Control-Allow-Origin': '*',
    };
    if (name.endsWith('.zip')) headers['Content-Disposition'] = `attachment; filename="${name}"`;
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
    return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, headers);
  });
  app.notFound((c) => c.text('Not found', 404, { 'Cache-Control': 'no-store' }));
  return app;
}
