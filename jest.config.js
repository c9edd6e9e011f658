// Unit specs sit beside the code; integration and e2e specs live under each app's test/ and the top test/.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@rasad/(personnel|duty-assignments|contracts|messaging|common|testing|roster-projection)$': '<rootDir>/libs/$1/src',
  '^@rasad/(personnel|duty-assignments|contracts|messaging|common|testing|roster-projection)/(.*)$':
    '<rootDir>/libs/$1/src/$2',
};
// A few dependencies ship ESM only, or load node modules with import() (the OTLP exporter's `import('http')`); Node 20
// runs them natively but jest's vm does not without --experimental-vm-modules, so swc compiles them.
const esmOnly = ['content-disposition', '@opentelemetry/otlp-exporter-base'];
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Decorator metadata is recorded only when reflect-metadata is loaded before the classes are defined.
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/apps/*/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      // The cluster failover runs a three-node NATS cluster and two replicas of each service for minutes: its own
      // project, run by `npm run test:faults`, not by every `npm test`.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/faults/cluster-'],
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'],
    },
    {
      ...base,
      displayName: 'cluster',
      testMatch: ['<rootDir>/test/faults/cluster-*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-setup.ts'],
    },
  ],
};
