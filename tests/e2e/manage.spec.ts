import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import type { Page } from '@playwright/test';
import en from '../../src/locales/en/manage.json' with { type: 'json' };
import kk from '../../src/locales/kk/manage.json' with { type: 'json' };
import ru from '../../src/locales/ru/manage.json' with { type: 'json' };
import enReview from '../../src/locales/en/review.json' with { type: 'json' };
import kkReview from '../../src/locales/kk/review.json' with { type: 'json' };
import ruReview from '../../src/locales/ru/review.json' with { type: 'json' };
import {
  expect,
  expectNoA11yViolations,
  fill,
  langs,
  metricLabel,
  settle,
  test,
  withLang,
  type ConsoleErrors,
  type Lang,
} from './fixtures';

/*
 * Every management page and sign-in step, in every language, against the mock API: one h1, the
 * landmarks, no axe violations, no console error (the fixture checks). The mock keeps its state in
 * the page, so each test moves between pages by the nav, as a person would, without reloading.
 */
const words: Record<Lang, typeof en> = { kk, ru, en };
const reviewWords: Record<Lang, typeof enReview> = { kk: kkReview, ru: ruReview, en: enReview };

async function expectAccessibleStep(page: Page, heading: string) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: /…|\.\.\./ })).toHaveCount(0);
  await expectNoA11yViolations(page);
}

/** Asking "who is signed in?" while nobody is answers 401, which Chromium logs; that one is expected. */
function signedOutIsExpected(consoleErrors: ConsoleErrors) {
  consoleErrors.allow(/status of 401 \(Unauthorized\)/);
}

async function signIn(page: Page, w: typeof en, username: string, password: string) {
  await page.getByLabel(w.signIn.username).fill(username);
  await page.getByLabel(w.signIn.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: w.signIn.submit }).click();
}

// Each test walks through several pages and runs axe on each: more than the default 30 s when
// the machine is busy.
test.describe.configure({ timeout: 120_000 });

for (const lang of langs) {
  const w = words[lang];

  test(`management pages in ${lang}: sign-in, code, home, sessions, accounts, audit pass axe`, async ({
    page,
    consoleErrors,
  }) => {
    signedOutIsExpected(consoleErrors);
    await page.goto(withLang('/manage', lang));
    await settle(page, lang, { drawCharts: false });
    await expectAccessibleStep(page, w.signIn.title);
    await signIn(page, w, 'demo', 'demo-password');
    await expectAccessibleStep(page, w.totp.title);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.getByLabel(w.totp.code).fill('123456');
    await page.getByRole('button', { name: w.totp.submit }).click();
    await expectAccessibleStep(page, fill(w.home.title, { name: 'Demo Admin (development)' }));

    const nav = page.getByRole('navigation', { name: w.nav.label });
    await nav.getByRole('link', { name: w.nav.sessions }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await expectAccessibleStep(page, w.sessions.title);

    await nav.getByRole('link', { name: w.nav.accounts }).click();
    await expect(page.getByRole('article').first()).toBeVisible();
    const form = page.getByRole('form', { name: w.accounts.create });
    await form.getByLabel(w.account.username).fill(`new.${lang}`);
    await form.getByRole('checkbox', { name: new RegExp(w.roles.editor) }).check();
    await form.getByRole('button', { name: w.accounts.createSubmit }).click();
    await expect(
      page.getByRole('heading', { name: fill(w.otp.title, { username: `new.${lang}` }) }),
    ).toBeVisible();
    await expectAccessibleStep(page, w.accounts.title);

    await nav.getByRole('link', { name: w.nav.audit }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await expectAccessibleStep(page, w.audit.title);

    await page.getByRole('button', { name: w.frame.signOut }).click();
    await expect(page.getByRole('heading', { level: 1, name: w.signIn.title })).toBeVisible();
  });

  test(`first sign-in in ${lang}: password, authenticator and recovery codes pass axe`, async ({
    page,
    consoleErrors,
  }) => {
    signedOutIsExpected(consoleErrors);
    await page.goto(withLang('/manage', lang));
    await settle(page, lang, { drawCharts: false });
    await signIn(page, w, 'newcomer', 'one-time-pass');
    await expectAccessibleStep(page, w.password.title);
    await page.getByLabel(w.password.oneTime).fill('one-time-pass');
    await page.getByLabel(w.password.new).fill('river camel winter lamp');
    await page.getByRole('button', { name: w.password.submit }).click();

    await expect(page.getByRole('img', { name: w.mfa.qrLabel })).toBeVisible();
    await expectAccessibleStep(page, w.mfa.title);
    const key = (await page.getByLabel(w.mfa.keyLabel, { exact: true }).textContent()) ?? '';
    const code = generateTOTP(decodeBase32IgnorePadding(key.replace(/\s+/g, '')), 30, 6);
    await page.getByLabel(w.totp.code).fill(code);
    await page.getByRole('button', { name: w.mfa.confirm }).click();

    await expectAccessibleStep(page, w.recovery.title);
    await expect(
      page.getByRole('list', { name: w.recovery.listLabel }).getByRole('listitem'),
    ).toHaveCount(10);
    await page.getByRole('button', { name: w.recovery.done }).click();
    await expect(page.getByRole('navigation', { name: w.nav.label })).toBeVisible();
  });

  test(`an editor on an admin page in ${lang} is told the role it needs, and it passes axe`, async ({
    page,
    consoleErrors,
  }) => {
    signedOutIsExpected(consoleErrors);
    await page.goto(withLang('/manage/audit', lang));
    await settle(page, lang, { drawCharts: false });
    await signIn(page, w, 'editor', 'editor-password');
    await page.getByLabel(w.totp.code).fill('123456');
    await page.getByRole('button', { name: w.totp.submit }).click();
    await expectAccessibleStep(page, w.needs.title);
    // Home, sessions and the editor's proposals and uploads.
    await expect(page.getByRole('navigation', { name: w.nav.label }).getByRole('link')).toHaveCount(
      4,
    );
  });

  test(`proposals, the form, review and verification in ${lang} pass axe`, async ({
    page,
    consoleErrors,
  }) => {
    const r = reviewWords[lang];
    signedOutIsExpected(consoleErrors);
    await page.goto(withLang('/manage/proposals', lang));
    await settle(page, lang, { drawCharts: false });
    const enter = async (username: string) => {
      await signIn(page, w, username, `${username}-password`);
      await page.getByLabel(w.totp.code).fill('123456');
      await page.getByRole('button', { name: w.totp.submit }).click();
    };
    const nav = page.getByRole('navigation', { name: w.nav.label });
    await enter('editor');
    await expectAccessibleStep(page, r.proposals.title);
    await page.getByRole('link', { name: r.proposals.new }).click();
    await expectAccessibleStep(page, r.form.newTitle);
    await page.getByRole('button', { name: r.actions.saveDraft }).click();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await expectNoA11yViolations(page);
    await page
      .getByLabel(r.form.figure, { exact: true })
      .selectOption({ label: metricLabel('project-office-okrugs', lang) });
    await page.getByLabel(r.form.value, { exact: true }).fill('150');
    await page.getByLabel(r.form.periodDate, { exact: true }).fill('2026-11-30');
    await page.getByLabel(r.form.sourceExisting).selectOption({ index: 1 });
    await page.getByLabel(r.form.statedBy, { exact: true }).fill('Aral district akimat');
    await page.getByRole('button', { name: r.actions.submit }).click();
    await expect(page.getByText(r.proposals.notice.submitted)).toBeVisible();
    await expectAccessibleStep(page, r.proposals.title);

    await nav.getByRole('link', { name: r.nav.batches }).click();
    await page
      .getByLabel(r.batches.text)
      .fill('metric,value,district\nproject-office-okrugs,150,\npublic-receptions,many,\n');
    await page.getByRole('button', { name: r.batches.check }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await expectAccessibleStep(page, r.batches.title);

    await page.getByRole('button', { name: w.frame.signOut }).click();
    await enter('reviewer');
    await nav.getByRole('link', { name: r.nav.review }).click();
    const card = page.getByRole('article').first();
    await card.getByRole('button', { name: r.actions.reject }).click();
    await expect(card.getByLabel(r.review.rejectReason)).toBeVisible();
    await expectAccessibleStep(page, r.review.title);

    await page.getByRole('button', { name: w.frame.signOut }).click();
    await enter('verifier');
    await nav.getByRole('link', { name: r.nav.review }).click();
    await page.getByRole('button', { name: r.actions.verify }).first().click();
    await expect(page.getByLabel(r.verify.note)).toBeVisible();
    await expectAccessibleStep(page, r.review.title);
  });
}
