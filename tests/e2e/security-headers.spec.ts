import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { contentSecurityPolicy, inlineHashes } from '../../server/http/csp';
import { routes, watchViolations } from '../security/csp-routes';

for (const route of routes) {
  test(`${route.path} renders with no Content-Security-Policy violation`, async ({ page }) => {
    const violations = await watchViolations(page);
    const response = await page.goto(route.path);
    expect(response?.headers()['content-security-policy']).toContain("object-src 'none'");
    await route.ready(page);
    // Lazily loaded code (charts, the mock worker's chunk) has had its chance to run.
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
  });
}

test('the CSP names the hashes of exactly the inline code of the built index.html', async ({
  request,
}) => {
  const response = await request.get('/');
  const expected = contentSecurityPolicy(inlineHashes(readFileSync('dist/index.html', 'utf8')), {
    framable: false,
  });
  expect(response.headers()['content-security-policy']).toBe(expected);
  expect(expected).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['permissions-policy']).toContain('camera=()');
});
