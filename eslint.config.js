import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import testingLibrary from 'eslint-plugin-testing-library';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dist-server', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report', 'bench-results', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      // The direction of imports (ARCHITECTURE.md): contract <- shared lib/components <- features <- app.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/contract', from: './src', except: ['./contract'], message: 'The contract imports only zod.' },
            { target: ['./src/lib', './src/components', './src/config'], from: ['./src/features', './src/app'], message: 'Shared code must not depend on features or the app.' },
            { target: './src/features/kpis', from: './src/features', except: ['./kpis'], message: 'Features do not import each other; compose them in a route.' },
            { target: './src/features/initiatives', from: './src/features', except: ['./initiatives'], message: 'Features do not import each other; compose them in a route.' },
            { target: './src/features/sources', from: './src/features', except: ['./sources'], message: 'Features do not import each other; compose them in a route.' },
            { target: './src/features/region', from: './src/features', except: ['./region'], message: 'Features do not import each other; compose them in a route.' },
            { target: './src', from: ['./mocks', './tests'], message: 'Source never imports mocks or tests (main.tsx loads the worker lazily).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    // Test files and the bootstrap may import mocks; unit tests use fixtures as data.
    files: ['src/**/*.test.{ts,tsx}', 'src/main.tsx', 'src/embed/main.ts'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.{ts,tsx}'],
    ignores: ['tests/e2e/**'],
    ...testingLibrary.configs['flat/react'],
  },
  {
    // Node scripts; code they hand to the browser (page.evaluate) sees browser globals.
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,ts}', 'server/**/*.ts', 'tests/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
