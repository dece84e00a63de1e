import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'appPackage/build/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // reason: only the host module may talk to teams-js; only the SharePoint adapter may import PnPjs.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/tab/host/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@microsoft/teams-js'], message: 'Only src/tab/host/ imports teams-js.' }] }] },
  },
);
