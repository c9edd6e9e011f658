// Typed linting: the rules that catch real bugs here (floating promises, non-exhaustive switches) need types.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const LIBS_THROUGH_ALIASES = {
  group: ['../../*/libs/*', '../../../*'],
  message: 'import libs through @rasad/*',
};

/**
 * SQL has one home (docs/architecture.md): `<context>.repository.ts`, with long statements in a `<context>.sql.ts`
 * beside it. Everywhere else these calls, and imports of a `.sql` file, are errors; services use the
 * EntityManager's entity API (find, create, flush) and ask a repository for anything more.
 */
const SQL_HOME = 'SQL lives in a <context>.repository.ts (see "SQL has one home" in docs/architecture.md)';
const SQL_CALLS = ['execute', 'getKnex', 'raw', 'createQueryBuilder', 'qb', 'getConnection', 'query'];
const SQL_FUNCTIONS = ['raw', 'sql', 'pageRows'];
const SQL_HOMES = [
  '**/*.repository.ts',
  '**/*.sql.ts',
  '**/migrations/**',
  // The machinery every service shares: pages, outbox, inbox, dead letters, start-up checks.
  'libs/common/src/**',
  'libs/messaging/src/**',
  // Shared libs' barrels hand SQL on to the repositories and migrations that use it: the projection's tables, and
  // who serves in a district.
  'libs/roster-projection/src/index.ts',
  'libs/duty-assignments/src/index.ts',
  'libs/testing/**',
  '**/*.spec.ts',
  '**/*.e2e-spec.ts',
  'test/**',
  'apps/*/test/**',
  // The benchmark harness, like the tests, sets up and reads its databases directly.
  'bench/**',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'eslint.config.mjs', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'no-restricted-imports': ['error', { patterns: [LIBS_THROUGH_ALIASES] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    ignores: SQL_HOMES,
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${SQL_CALLS.join('|')})$/]`,
          message: SQL_HOME,
        },
        { selector: `CallExpression[callee.name=/^(${SQL_FUNCTIONS.join('|')})$/]`, message: SQL_HOME },
        { selector: `TaggedTemplateExpression[tag.name=/^(${SQL_FUNCTIONS.join('|')})$/]`, message: SQL_HOME },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            LIBS_THROUGH_ALIASES,
            { regex: '\\.sql$', message: `${SQL_HOME}: only repositories read .sql files` },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'libs/testing/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      'no-restricted-imports': 'off',
    },
  },
  { files: ['scripts/**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['scripts/**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        module: 'readonly',
        Buffer: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off', curly: 'off' },
  },
  prettier,
);
