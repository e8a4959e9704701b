/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { appShellPlugin, startAfterFirstPaintPlugin } from './scripts/app-shell-plugin';
import { securityHeadersPlugin } from './scripts/security-headers-plugin';
import { embedBuildPlugin } from './scripts/embed-build-plugin';
import { openDataDevPlugin } from './scripts/open-data-dev-plugin';
import { serviceWorkerPlugin } from './scripts/service-worker-plugin';

/** The charts' panels, tables and downloads (with the CSV writer the audit log shares). */
const chartList =
  /[\\/]src[\\/](app[\\/]widgets[\\/]chart-list|components[\\/]charts[\\/](chart-panel|chart-actions|data-table|use-chart-views)|features[\\/]kpis[\\/]lib[\\/]chart-specs|lib[\\/]csv)/;

/**
 * Modules that only later or other pages need (charts, kiosk, deck, the other languages): kept
 * out of the app chunk that the first page loads. Anything new that is lazily loaded belongs here;
 * `npm run bench` shows the first-paint size if something slips in.
 */
const lazyOnly = [
  /[\\/]src[\\/]app[\\/]routes[\\/](?!overview|route-error)/,
  /[\\/]src[\\/]app[\\/]widgets[\\/](slide-view|use-deck-data)/,
  /[\\/]src[\\/]features[\\/](kiosk|slides|history|changes)[\\/]/,
  /[\\/]src[\\/]lib[\\/](history-catalogue|revision-value)/,
  /[\\/]src[\\/]locales[\\/]\w+[\\/]history\.json$/,
  /[\\/]src[\\/]styles[\\/]history\.css$/,
  /[\\/]src[\\/]features[\\/]sources[\\/]components[\\/]/,
  /[\\/]src[\\/]components[\\/]charts[\\/](bar-chart|line-chart|bar-fill|palette)/,
  // The overview's charts load after its figures (routes/overview.tsx), as a chunk of their own.
  chartList,
  /[\\/]src[\\/]components[\\/]ui[\\/](qr-code|tabs|pager)/,
  /[\\/]src[\\/]lib[\\/](persist-queries|use-data-health|csv)/,
  /[\\/]src[\\/]locales[\\/](ru|en)[\\/]/,
  // Management (accounts, sign-in, audit): never on a public page; its words load with it.
  /[\\/]src[\\/]features[\\/]manage[\\/]/,
  /[\\/]src[\\/]contract[\\/]accounts/,
  // The review workflow's contract: the management screens, history pages and mock API, all lazy.
  /[\\/]src[\\/]contract[\\/](revisions|review-rules)/,
  /[\\/]src[\\/]locales[\\/]\w+[\\/](manage|review)\.json$/,
  /[\\/]src[\\/]locales[\\/]kk[\\/]open-data/,
  /[\\/]src[\\/]pwa[\\/]/,
  /[\\/]src[\\/]embed[\\/]/,
  /[\\/]src[\\/]open-data[\\/]/,
  /[\\/]src[\\/]contract[\\/]open-data/,
  /[\\/]src[\\/]components[\\/]charts[\\/](svg|chart-image|embed-)/,
  // The public log's check and page (ISSUE 11): loaded after the first paint.
  /[\\/]src[\\/]transparency[\\/]/,
  /[\\/]src[\\/]features[\\/]transparency[\\/](check|api)[\\/]/,
  /[\\/]src[\\/]locales[\\/]\w+[\\/]transparency\.json$/,
];
/** The management screens travel as one chunk (`manage-…`), which the offline shell does not keep. */
const manageChunk = /[\\/]src[\\/](features[\\/]manage[\\/]|app[\\/]routes[\\/]manage)/;
const firstPaintApp = (id: string) =>
  /[\\/]src[\\/]/.test(id) &&
  !id.includes('node_modules') &&
  !lazyOnly.some((pattern) => pattern.test(id));

const alias = {
  '@': fileURLToPath(new URL('./src', import.meta.url)),
  '@mocks': fileURLToPath(new URL('./mocks', import.meta.url)),
  '@tests': fileURLToPath(new URL('./tests', import.meta.url)),
  // MSW's cookie store asks tldts for a cookie's registrable domain; see the stand-in for why.
  tldts: fileURLToPath(new URL('./mocks/tldts-stand-in.ts', import.meta.url)),
};

/**
 * React Router 7 points every import condition at its development build, warnings and their checks
 * included (remix-run/react-router#14102, open): a build takes the production one shipped beside it
 * (0.5 kB gzip less on the first paint).
 */
const productionRouter = {
  find: /^react-router$/,
  replacement: fileURLToPath(
    new URL('./node_modules/react-router/dist/production/index.mjs', import.meta.url),
  ),
};

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    appShellPlugin(),
    startAfterFirstPaintPlugin(),
    serviceWorkerPlugin(),
    securityHeadersPlugin(),
    embedBuildPlugin(alias),
    openDataDevPlugin(),
  ],
  resolve: {
    alias: [
      ...Object.entries(alias).map(([find, replacement]) => ({ find, replacement })),
      ...(command === 'build' ? [productionRouter] : []),
    ],
  },
  build: {
    target: 'es2022',
    // Fonts stay files, however small: the CSP takes fonts from the app's origin only (no data:).
    assetsInlineLimit: (file: string) => (file.endsWith('.woff2') ? false : undefined),
    sourcemap: false,
    rolldownOptions: {
      output: {
        // What every page needs before its first paint travels as one file, not a dozen small
        // ones: on a slow phone each extra request costs a round trip. Charts (Recharts) and the
        // mock API (MSW) stay in chunks of their own, loaded later.
        codeSplitting: {
          groups: [
            { name: 'app', test: firstPaintApp },
            {
              name: 'framework',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|zod[\\/](?!v4[\\/]classic)|use-sync-external-store|cookie|set-cookie-parser)[\\/]/,
            },
            // Public code that the management screens share too (the CSV writer): here, not in
            // theirs, or the overview would fetch a management chunk for its charts.
            { name: 'chart-list', test: chartList },
            // zod's coerce with it: left to itself it joined the accounts contract, and every public
            // page that lists revisions built the whole accounts contract too (20 ms on a phone).
            {
              name: 'revisions-contract',
              test: /[\\/](src[\\/]contract[\\/](revisions|review-rules)|zod[\\/]v4[\\/]mini[\\/]coerce)/,
            },
            // Last, so that what the public pages share stays in the groups above. The accounts
            // contract on its own: the mock API (loaded by every page of a mock build) needs it too.
            { name: 'manage-contract', test: /[\\/]src[\\/]contract[\\/]accounts/ },
            { name: 'manage', test: manageChunk },
          ],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}', 'mocks/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    restoreMocks: true,
    projects: [{ extends: true, test: { name: 'app' } }, './server/vitest.config.ts'],
    // Generous: machines here are shared, and a slow run must not read as a failure.
    testTimeout: 20_000,
  },
}));
