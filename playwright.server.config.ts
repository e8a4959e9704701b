import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs } from './playwright.config';

/**
 * Browser tests against the real API server instead of the mock: the dashboard built for a
 * same-origin API (`VITE_API_URL=/`, no MSW, with the offline service worker), served by
 * server/ on SQLite. Each spec starts and stops its own server, so it can also take it away.
 */
export default defineConfig({
  testDir: 'tests/e2e-server',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: 'test-results/e2e-server.json' }]]
    : 'list',
  globalSetup: './tests/e2e-server/build.ts',
  use: {
    trace: 'off',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
  },
});
