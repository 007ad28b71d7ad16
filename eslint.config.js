// Lint rules that hold the architecture: each zone says which folders a part may not import,
// so the arrows in DESIGN.md are checked by the linter rather than by review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const EXTENSION = ['background', 'content', 'popup', 'warning', 'options', 'ui', 'shared'];
const NODE_ONLY = ['cli', 'server'];
const dirs = (names) => names.map((name) => `./src/${name}`);

const zone = (target, from, message) => ({ target: `./src/${target}`, from: dirs(from), message });

const BROWSER_GLOBALS = ['chrome', 'browser', 'window', 'document', 'navigator', 'localStorage',
  'sessionStorage', 'indexedDB', 'location', 'fetch', 'process', 'Buffer', 'require', 'setInterval'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-firefox/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.demo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
      'import-x/no-restricted-paths': ['error', {
        zones: [
          zone('core', [...EXTENSION, ...NODE_ONLY], 'src/core is pure: it imports nothing of ours outside core.'),
          zone('cli', EXTENSION, 'The CLI imports core (and server), never extension code.'),
          zone('server', [...EXTENSION, 'cli'], 'The server imports core only.'),
          zone('background', ['content', 'popup', 'warning', 'options', 'ui', ...NODE_ONLY], 'The background imports core and shared only.'),
          zone('content', ['background', 'popup', 'warning', 'options', 'ui', ...NODE_ONLY], 'The content script imports core and shared only.'),
          zone('popup', ['background', 'content', 'warning', 'options', ...NODE_ONLY], 'Pages import core, shared and ui only.'),
          zone('warning', ['background', 'content', 'popup', 'options', ...NODE_ONLY], 'Pages import core, shared and ui only.'),
          zone('options', ['background', 'content', 'popup', 'warning', ...NODE_ONLY], 'Pages import core, shared and ui only.'),
          zone('ui', ['background', 'content', 'popup', 'warning', 'options', ...NODE_ONLY], 'Shared UI imports core and shared only.'),
          zone('shared', ['background', 'content', 'popup', 'warning', 'options', 'ui', ...NODE_ONLY], 'shared is imported by the extension parts, never the reverse.'),
        ],
      }],
    },
  },
  {
    files: ['src/cli/bin.js', 'src/tools/**/*.{js,mjs,ts}', 'tests/**/*.ts', 'src/cli/**/*.ts', 'src/server/**/*.ts', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'webextension-polyfill', message: 'src/core is pure: no browser APIs.' },
          { name: 'idb', message: 'src/core is pure: storage belongs to the background.' },
          { name: 'preact', message: 'src/core is pure: no UI.' },
        ],
        patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'child_process'], message: 'src/core is pure: no Node APIs.' }],
      }],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS.map((name) => ({ name, message: 'src/core is pure: no browser, DOM or Node globals.' }))],
    },
  },
  {
    files: ['src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'tldts', message: 'The content script stays tiny: domain parsing belongs to the background.' }],
        patterns: [{ group: ['**/core/index*', '**/core/blocklist/**', '**/core/lookalike/**'], message: 'The content script holds no lists: ask the background.' }],
      }],
    },
  },
);
