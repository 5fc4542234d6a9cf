import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'artifacts/**', 'packages/server/bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='parseFloat']", message: 'Money is integer fen; do not parse floats.' },
        {
          selector: "CallExpression[callee.property.name='toFixed']",
          message: 'Money is integer fen; format with formatYuan.',
        },
      ],
    },
  },
  {
    // The policy package is pure: no I/O, nothing of the server.
    files: ['packages/policy/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'http', 'net', 'child_process', '@huimin/server', '**/server/**'],
              message: 'packages/policy is pure: no I/O and no server code.',
            },
          ],
        },
      ],
    },
  },
  { files: ['packages/web/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
);
