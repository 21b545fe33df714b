// ESLint: TypeScript's recommended rules and React's hook rules over the server, the web app, scripts and tests.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'web/dist/', 'data/', 'server/db/migrations/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // product code is typed throughout: zod internals, JSON answers and thrown values are read through named types
      '@typescript-eslint/no-explicit-any': 'error',
      // finding control characters is what input hygiene and safe file names do
      'no-control-regex': 'off',
      // `_name` marks what is unused on purpose (destructuring a field away, a callback's position)
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // tests and scripts read JSON answers loosely; product code types them
    files: ['**/*.test.ts', 'e2e/**', 'test/**', 'scripts/**', '**/*.testkit.ts', '**/*.suite.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    // the two classic hook rules; the React Compiler's rules (v7's recommended set) assume a compiler we do not use
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // every call to the API lives in web/src/api (one module per area), so screens never build requests themselves
    files: ['web/src/**/*.{ts,tsx}'],
    ignores: ['web/src/api/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Call the API through a module in web/src/api.' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api/client', '**/api/client.ts'],
              importNames: ['api', 'request', 'withQuery'],
              message: 'Call the API through a module in web/src/api.',
            },
          ],
        },
      ],
    },
  },
);
