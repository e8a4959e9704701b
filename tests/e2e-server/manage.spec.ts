import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { expect, test, type Page } from '@playwright/test';
import { startServer } from '../../server/start';
import w from '../../src/locales/en/manage.json' with { type: 'json' };

/*
 * The management screens against the real server: an admin made by `npm run user -- create` signs
 * in with the one-time password, chooses a password, sets up TOTP (codes computed here from the
 * key the page shows), creates an editor and signs out; the editor signs in with two factors.
 * axe runs on every step. No mock anywhere: the build is the one `npm start` serves.
 */
let dataDir = '';
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ashyq-e2e-manage-'));
});
test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** The CLI path of the first admin: its one-time password is on a line of its own. */
function createAdminWithCli(name: string): string {
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/user-cli.ts',
      'create',
      '--name',
      name,
      '--role',
      'admin',
      '--display-name',
      'Chief Admin',
    ],
    { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8' },
  );
  const line = /^one-time password: (.+)$/m.exec(result.stdout);
  if (result.status !== 0 || !line?.[1])
    throw new Error(`user create failed: ${result.stdout}${result.stderr}`);
  return line[1].trim();
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
async function expectAccessible(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

const step = () => Math.floor(Date.now() / 30_000);
/** A TOTP code for the key, from a 30-s step after `after` (a used code is refused again). */
async function codeAfter(key: string, after: number): Promise<{ code: string; at: number }> {
  while (step() <= after) await new Promise((resolve) => setTimeout(resolve, 500));
  return { code: generateTOTP(decodeBase32IgnorePadding(key), 30, 6), at: step() };
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel(w.signIn.username).fill(username);
  await page.getByLabel(w.signIn.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: w.signIn.submit }).click();
}

/** The first sign-in's steps: own password, authenticator, recovery codes. Returns the key. */
async function firstSignIn(
  page: Page,
  oneTime: string,
  password: string,
): Promise<{ key: string; used: number }> {
  await expectAccessible(page, w.password.title);
  await page.getByLabel(w.password.oneTime).fill(oneTime);
  await page.getByLabel(w.password.new).fill(password);
  await page.getByRole('button', { name: w.password.submit }).click();

  await expect(page.getByRole('img', { name: w.mfa.qrLabel })).toBeVisible();
  await expectAccessible(page, w.mfa.title);
  const key = (
    (await page.getByLabel(w.mfa.keyLabel, { exact: true }).textContent()) ?? ''
  ).replace(/\s+/g, '');
  const { code, at } = await codeAfter(key, step() - 1);
  await page.getByLabel(w.totp.code).fill(code);
  await page.getByRole('button', { name: w.mfa.confirm }).click();

  await expect(
    page.getByRole('list', { name: w.recovery.listLabel }).getByRole('listitem'),
  ).toHaveCount(10);
  await expectAccessible(page, w.recovery.title);
  await page.getByRole('button', { name: w.recovery.done }).click();
  return { key, used: at };
}

test('an admin from the CLI sets up two factors and creates an editor, who signs in with both', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const adminOneTime = createAdminWithCli('chief');
  const server = await startServer({
    database: { kind: 'sqlite', file: join(dataDir, 'ashyq.sqlite') },
    distDir: 'dist-server',
    port: 0,
    hostname: '127.0.0.1',
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Asking who is signed in while nobody is answers 401, which Chromium logs: expected.
    if (message.type() === 'error' && !/status of 401/.test(message.text()))
      errors.push(message.text());
  });
  try {
    await page.goto(`${server.url}/manage?lang=en`);
    await expectAccessible(page, w.signIn.title);
    await expect(page.getByText(/Development mock API/)).toHaveCount(0);
    await signIn(page, 'chief', adminOneTime);
    await firstSignIn(page, adminOneTime, 'granite orchard seven lanterns');
    await expectAccessible(page, 'Hello, Chief Admin');

    const nav = page.getByRole('navigation', { name: w.nav.label });
    await nav.getByRole('link', { name: w.nav.sessions }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await expectAccessible(page, w.sessions.title);

    await nav.getByRole('link', { name: w.nav.accounts }).click();
    const form = page.getByRole('form', { name: w.accounts.create });
    await form.getByLabel(w.account.username).fill('ed.one');
    await form.getByLabel(w.account.displayName).fill('Editor One');
    await form.getByRole('checkbox', { name: new RegExp(w.roles.editor) }).check();
    await form.getByRole('button', { name: w.accounts.createSubmit }).click();
    await expect(page.getByRole('heading', { name: 'One-time password for ed.one' })).toBeVisible();
    const editorOneTime = (await page.getByLabel(w.otp.label, { exact: true }).textContent()) ?? '';
    expect(editorOneTime.length).toBeGreaterThanOrEqual(8);
    await expect(page.getByRole('article', { name: /Editor One/ })).toBeVisible();
    await expectAccessible(page, w.accounts.title);

    await nav.getByRole('link', { name: w.nav.audit }).click();
    await expect(page.getByRole('table')).toContainText('account.create');
    await expectAccessible(page, w.audit.title);

    await page.getByRole('button', { name: w.frame.signOut }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.signIn.title })).toBeVisible();

    // The editor: first sign-in, then out and in again with password and a fresh code.
    await signIn(page, 'ed.one', editorOneTime);
    const { key, used } = await firstSignIn(page, editorOneTime, 'quiet harbour under snow');
    // An editor's pages: home, sessions, their proposals and the CSV upload.
    await expect(page.getByRole('navigation', { name: w.nav.label }).getByRole('link')).toHaveCount(
      4,
    );
    await page.getByRole('button', { name: w.frame.signOut }).click();
    await signIn(page, 'ed.one', 'quiet harbour under snow');
    await expectAccessible(page, w.totp.title);
    const { code } = await codeAfter(key, used);
    await page.getByLabel(w.totp.code).fill(code);
    await page.getByRole('button', { name: w.totp.submit }).click();
    // Still on the audit page the admin left: an editor is told which role it needs.
    await expectAccessible(page, w.needs.title);
    await page
      .getByRole('navigation', { name: w.nav.label })
      .getByRole('link', { name: w.nav.home })
      .click();
    await expectAccessible(page, 'Hello, Editor One');

    // The session is a cookie the server keeps: a reload stays signed in.
    await page.goto(`${server.url}/manage/accounts?lang=en`);
    await expectAccessible(page, w.needs.title);
    expect(errors).toEqual([]);
  } finally {
    await server.close();
  }
});
