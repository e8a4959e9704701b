import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { startServer, type RunningServer } from '../../server/start';
import { LOG_KEY_FILE } from '../../server/log/key';
import { formatCheckpoint, parseCheckpoint } from '../../src/transparency/checkpoint';
import { parseLogEntry } from '../../src/transparency/entry';
import { parseNote, parseSignerKey, signNote } from '../../src/transparency/note';
import { decodeEntryBundle, TILE_WIDTH, tilePath } from '../../src/transparency/tiles';

/*
 * The browser's check of the figures against the real server's public log (ISSUE 11): a figure
 * shows as in the log, and a forked checkpoint served to a browser that saw the earlier tree
 * shows the warning, on the site and in the kiosk. The service worker is blocked so that
 * page.route sees every request.
 */
test.use({ serviceWorkers: 'block' });

let dataDir = '';
let server: RunningServer;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ashyq-e2e-log-'));
  server = await startServer({
    database: { kind: 'sqlite', file: join(dataDir, 'ashyq.sqlite') },
    distDir: 'dist-server',
    port: 0,
    hostname: '127.0.0.1',
    transparencyLog: { dataDir, origin: null, fallbackOrigin: 'ashyq.test/log' },
  });
});
test.afterEach(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** No WCAG 2.2 AA violation that axe can find, one readable line per violation. */
async function expectNoA11yViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/** Each figure's latest entry, read from the log itself (the entry bundles). */
async function latestEntries(): Promise<Map<string, number>> {
  const note = await (await fetch(`${server.url}/log/checkpoint`)).text();
  const checkpoint = parseCheckpoint(parseNote(note).text);
  if (checkpoint === null) throw new Error('no checkpoint');
  const latest = new Map<string, number>();
  for (let tile = 0; tile * TILE_WIDTH < checkpoint.size; tile += 1) {
    const width = Math.min(TILE_WIDTH, checkpoint.size - tile * TILE_WIDTH);
    const path = tilePath({ level: 'entries', index: tile, width });
    const bundle = decodeEntryBundle(
      new Uint8Array(await (await fetch(`${server.url}/log/${path}`)).arrayBuffer()),
    );
    bundle?.forEach((bytes, offset) => {
      const entry = parseLogEntry(new TextDecoder().decode(bytes));
      if (entry) latest.set(entry.figure, tile * TILE_WIDTH + offset);
    });
  }
  return latest;
}

/**
 * Figures name their latest log entry. Where this server's API does not send the index yet, the
 * test fills it in from the log, so the browser's part is tested either way.
 */
async function withLogIndexes(page: Page) {
  const latest = await latestEntries();
  await page.route('**/api/v1/metrics*', async (route) => {
    const response = await route.fetch();
    const figures = (await response.json()) as { id: string; logIndex?: number | null }[];
    const body = figures.map((figure) => ({
      ...figure,
      logIndex: figure.logIndex ?? latest.get(figure.id) ?? null,
    }));
    await route.fulfill({ response, json: body });
  });
}

test('a figure card shows its log entry and that it was checked against the public log', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await withLogIndexes(page);
  await page.goto(`${server.url}/?lang=en`);
  const services = page.getByRole('article', { name: 'Public services automated' });
  await expect(services.getByText('in the public log')).toBeVisible({ timeout: 15_000 });
  await expect(services.getByText(/Public log: entry \d+/)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectNoA11yViolations(page);

  await page.getByRole('link', { name: 'What this means' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Public log' })).toBeVisible();
  await expect(page.getByText(/^ashyq\.test\/log\+[0-9a-f]{8}\+/)).toBeVisible();
  await expect(
    page.getByText(/This browser last checked the log when it held \d+ entries/),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  expect(errors).toEqual([]);
});

test('a forked checkpoint served to a browser that saw the earlier tree shows the warning', async ({
  page,
}) => {
  await withLogIndexes(page);
  await page.goto(`${server.url}/?lang=en`);
  const services = page.getByRole('article', { name: 'Public services automated' });
  await expect(services.getByText('in the public log')).toBeVisible({ timeout: 15_000 });

  // The server now shows this browser another tree of the same size, signed with the log's key.
  const signer = await parseSignerKey(readFileSync(join(dataDir, LOG_KEY_FILE), 'utf8').trim());
  const genuine = parseCheckpoint(
    parseNote(await (await fetch(`${server.url}/log/checkpoint`)).text()).text,
  );
  if (signer === null || genuine === null) throw new Error('no key or checkpoint');
  const forked = await signNote(
    formatCheckpoint({
      origin: genuine.origin,
      size: genuine.size,
      root: new Uint8Array(32).fill(9),
    }),
    [signer],
  );
  await page.route('**/log/checkpoint', (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body: forked }),
  );
  await page.reload();
  await expect(services.getByRole('alert')).toContainText('may have been forked or rewritten', {
    timeout: 15_000,
  });
  await expect(services.getByText('in the public log')).toHaveCount(0);
  await expectNoA11yViolations(page);

  // The kiosk shows it too, in each of its languages.
  await page.goto(
    `${server.url}/kiosk?langs=ru&interval=600&refresh=600&slides=services-automated`,
  );
  await expect(page.getByRole('alert')).toContainText('журнал могли разветвить или переписать', {
    timeout: 15_000,
  });
});
