import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The engine (src/engine/**) is a pure, deterministic simulation: it imports nothing from the
// app or from UI libraries, touches no DOM or storage, and takes time and randomness only from its
// own clock and seeded random source (shared/STYLE.md, habit 9).
const engineForbiddenPackages = [
  'react',
  'react-dom',
  'zustand',
  'react-resizable-panels',
  'monaco-editor',
  'monaco-yaml',
  '@monaco-editor/react',
  'i18next',
  'react-i18next',
].map((name) => ({ name, message: 'src/engine must not depend on UI libraries.' }));

const engineForbiddenPatterns = [
  {
    group: ['react/*', 'react-dom/*', 'zustand/*', 'monaco-editor/*', 'monaco-yaml/*'],
    message: 'src/engine must not depend on UI libraries.',
  },
  {
    group: ['@xyflow/*', '@xterm/*', '@monaco-editor/*'],
    message: 'src/engine must not depend on UI libraries.',
  },
  {
    // Non-relative spellings of app folders (should an alias ever be added).
    regex: '^(@/|~/|/)?(src/)?(components|state|kubectl|lessons|cli|i18n)(/|$)',
    message:
      'src/engine must not import from the app (components, state, kubectl, lessons, cli, i18n).',
  },
];

// A relative import leaves src/engine when it climbs more folders than the file is deep.
// Flat config replaces (does not merge) rule options, so each depth gets the full option set.
const MAX_ENGINE_DEPTH = 6;
const engineImportBlocks = Array.from({ length: MAX_ENGINE_DEPTH + 1 }, (_, depth) => ({
  files: [`src/engine/${'*/'.repeat(depth)}*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: engineForbiddenPackages,
        patterns: [
          ...engineForbiddenPatterns,
          {
            regex: `^(\\.\\./){${depth + 1},}`,
            message:
              'Relative imports must stay inside src/engine: the engine imports nothing from the app.',
          },
        ],
      },
    ],
  },
}));

const nondeterminism =
  'The engine is deterministic: use the simulated clock and the seeded random source.';

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'playwright-report/', 'test-results/', 'coverage/']),

  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Browser code.
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },

  // Node code: tooling, CLI, e2e, benchmarks.
  {
    files: ['*.{js,mjs,ts}', 'scripts/**', 'e2e/**', 'bench/**', 'src/cli/**'],
    languageOptions: { globals: globals.node },
  },

  // The engine.
  ...engineImportBlocks,
  {
    files: ['src/engine/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'location',
        ].map((name) => ({
          name,
          message: 'src/engine must not touch the DOM or browser storage.',
        })),
        ...['setTimeout', 'setInterval', 'requestAnimationFrame', 'performance'].map((name) => ({
          name,
          message: `${nondeterminism} The UI/CLI drives the engine's steps.`,
        })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: nondeterminism },
        { object: 'Date', property: 'now', message: nondeterminism },
        { object: 'crypto', property: 'randomUUID', message: nondeterminism },
        { object: 'crypto', property: 'getRandomValues', message: nondeterminism },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: nondeterminism,
        },
      ],
    },
  },
]);
