import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Page, test } from '@playwright/test';
import { createSession } from '../../server/auth/sessions';
import { seedAccount } from '../../server/auth-test-kit';
import { startServer, type RunningServer } from '../../server/start';

/*
 * The review workflow end to end against the real server (ISSUE 10), with two people in two
 * browser contexts: an editor proposes 150, the public overview still shows the hearing's value,
 * a reviewer rejects with a reason, the editor revises to 152 and submits, the reviewer approves;
 * then the overview, the figure's history, /changes and the Atom feed show 152 with both names.
 * axe runs on every new page. Accounts are written straight into the database (their sign-in is
 * tested in manage.spec.ts); each context carries its session cookie.
 */
test.use({ serviceWorkers: 'block' });

const FIGURE = 'project-office-okrugs';
const NAME = 'Project-office working groups';

let dataDir = '';
let server: RunningServer;

test.beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'ashyq-e2e-review-'));
  server = await startServer({
    database: { kind: 'sqlite', file: join(dataDir, 'ashyq.sqlite') },
    distDir: 'dist-server',
    port: 0,
    hostname: '127.0.0.1',
    dataDir,
    transparencyLog: { dataDir, origin: null, fallbackOrigin: 'ashyq.test/log' },
  });
});
test.afterEach(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signedIn(browser: Browser, username: string, display: string, roles: string[]) {
  const account = await seedAccount(server.db, username, roles as never);
  await server.db
    .updateTable('accounts')
    .set({ display_name: display, organisation: 'Kyzylorda regional akimat' })
    .where('id', '=', account.id)
    .execute();
  const { token } = await createSession(
    server.db,
    { accountId: account.id, stage: 'active', address: '127.0.0.1', userAgent: 'e2e' },
    new Date(),
  );
  const context = await browser.newContext({ baseURL: server.url });
  await context.addCookies([
    { name: 'ashyq_session', value: token, url: server.url, httpOnly: true, sameSite: 'Strict' },
  ]);
  return context;
}

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

const card = (page: Page) => page.getByRole('article', { name: new RegExp(NAME) }).first();

async function overviewValue(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/?lang=en');
  await expect(card(page)).toBeVisible();
  return page;
}

test('propose, reject with a reason, revise, approve: the public sees 152 with both names', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const editorContext = await signedIn(browser, 'e2e-editor', 'Aigerim Seitova', ['editor']);
  const reviewerContext = await signedIn(browser, 'e2e-reviewer', 'Nurlan Kassymov', [
    'reviewer',
  ]);
  const publicContext = await browser.newContext({ baseURL: server.url });

  // The editor proposes 150 and submits it.
  const editor = await editorContext.newPage();
  await editor.goto('/manage/proposals/new?lang=en');
  await editor.getByLabel('Figure', { exact: true }).selectOption({ label: NAME });
  await editor.getByLabel(/^Value/).fill('150');
  await editor.getByLabel('Date', { exact: true }).fill('2026-11-30');
  const sources = editor.getByLabel('Listed source');
  await sources.selectOption({ index: 1 });
  await editor.getByLabel(/^Stated by/).fill('Aral district akimat');
  await expectAccessible(editor);
  await editor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(editor.getByText(/^Submitted\./)).toBeVisible();
  await expectAccessible(editor);

  // The public still sees the hearing's 144.
  const reader = await overviewValue(publicContext);
  await expect(card(reader)).toContainText('144');
  await expect(card(reader)).not.toContainText('150');

  // The reviewer rejects it with a reason.
  const reviewer = await reviewerContext.newPage();
  await reviewer.goto('/manage/review?lang=en');
  const queued = reviewer.getByRole('article', { name: new RegExp(NAME) });
  await expect(queued).toContainText('150');
  await queued.getByRole('button', { name: 'Reject', exact: true }).click();
  await queued.getByLabel('Reason for rejecting').fill('The report for November says 152.');
  await expectAccessible(reviewer);
  await queued.getByRole('button', { name: 'Reject with this reason' }).click();
  await expect(reviewer.getByText(/^Rejected: /)).toBeVisible();

  // The editor sees the reason, revises to 152 and submits again.
  await editor.goto('/manage/proposals?lang=en');
  const rejected = editor.getByRole('article', { name: new RegExp(NAME) });
  await expect(rejected).toContainText('The report for November says 152.');
  await rejected.getByRole('link', { name: 'Revise' }).click();
  const value = editor.getByLabel(/^Value/);
  await value.fill('152');
  await editor.getByRole('button', { name: 'Submit for review' }).click();
  await expect(editor.getByText(/^Submitted\./)).toBeVisible();

  // The reviewer approves.
  await reviewer.goto('/manage/review?lang=en');
  const again = reviewer.getByRole('article', { name: new RegExp(NAME) });
  await expect(again).toContainText('152');
  await again.getByRole('button', { name: 'Approve and publish' }).click();
  await expect(reviewer.getByText(`Approved: ${NAME} is published.`)).toBeVisible();

  // Everyone sees 152: the overview, the history with both names, /changes and the feed.
  await reader.reload();
  await expect(card(reader)).toContainText('152');
  await reader.goto(`/figures/${FIGURE}?lang=en`);
  const main = reader.getByRole('main');
  await expect(main).toContainText('152');
  await expect(main).toContainText('Aigerim Seitova');
  await expect(main).toContainText('Nurlan Kassymov');
  await expectAccessible(reader);
  await reader.goto('/changes?lang=en');
  await expect(reader.getByRole('main')).toContainText('152');
  await expect(reader.getByRole('main')).toContainText(NAME);
  await expectAccessible(reader);
  const feed = await reader.request.get('/changes.atom?lang=en');
  expect(feed.headers()['content-type']).toMatch(/^application\/atom\+xml/);
  const xml = await feed.text();
  expect(xml).toContain('152');
  expect(xml).toContain('Nurlan Kassymov');

  await Promise.all([editorContext.close(), reviewerContext.close(), publicContext.close()]);
});
