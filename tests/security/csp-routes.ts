import type { Page } from '@playwright/test';

/** Every kind of page, each visited until it has rendered (shared by both builds' specs). */
export const routes: { path: string; ready: (page: Page) => Promise<unknown> }[] = [
  { path: '/?lang=en', ready: (page) => page.getByRole('article').first().waitFor() },
  {
    path: '/initiatives/public-services-automation?lang=en&tab=charts',
    ready: (page) => page.getByRole('tabpanel').waitFor(),
  },
  { path: '/sources?lang=en', ready: (page) => page.getByRole('heading', { level: 1 }).waitFor() },
  { path: '/present?lang=en', ready: (page) => page.locator('.slide').first().waitFor() },
  { path: '/present/print?lang=en', ready: (page) => page.locator('.slide').first().waitFor() },
  {
    path: '/kiosk?langs=en&interval=600',
    ready: (page) => page.locator('.kiosk__screen').waitFor(),
  },
  { path: '/data?lang=en', ready: (page) => page.getByRole('heading', { level: 1 }).waitFor() },
  {
    path: '/embed/project-office-okrugs-by-district?lang=en',
    ready: (page) => page.locator('svg').first().waitFor(),
  },
  { path: '/api/docs', ready: (page) => page.getByRole('heading', { level: 1 }).waitFor() },
  // Management: the sign-in form (what a signed-out visitor to any /manage page sees).
  {
    path: '/manage?lang=en',
    ready: (page) => page.getByRole('textbox', { name: /username/i }).waitFor(),
  },
  {
    path: '/manage/accounts?lang=ru',
    ready: (page) => page.getByRole('button').first().waitFor(),
  },
  {
    path: '/no-such-page?lang=en',
    ready: (page) => page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor(),
  },
];

/** Records every securitypolicyviolation from the first script on, and console CSP reports. */
export async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`.trim());
    });
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy|Permissions policy/i.test(message.text())) {
      console.push(message.text());
    }
  });
  // Each call returns what is new since the last one (the page's list starts again on navigation).
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
    ...console.splice(0),
  ];
}
