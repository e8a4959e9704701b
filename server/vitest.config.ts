import { fileURLToPath, URL } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The server's tests: Node environment and none of the browser setup (tests/setup.ts starts MSW,
 * which would answer /api requests in place of the real server, and stubs DOM classes that do
 * not exist in Node). The root vite.config.ts lists this file under test.projects.
 */
export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('../src', import.meta.url)),
      '@mocks': fileURLToPath(new URL('../mocks', import.meta.url)),
    },
  },
  test: {
    name: 'server',
    environment: 'node',
    // Absolute, so it holds whether this file runs alone (--config) or as a project of the root.
    dir: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
