/**
 * The dependency rule (docs/ARCHITECTURE.md): dependencies point inward.
 * domain <- scenario <- store <- app <- (cli, http, ingest adapters); nothing imports cli.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules: it imports nothing of ours outside src/domain, and no I/O.',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { pathNot: ['^src/domain', 'node_modules/flatbush'] },
    },
    {
      name: 'scenario-uses-domain-only',
      severity: 'error',
      from: { path: '^src/scenario' },
      to: { path: '^src/(store|app|cli|http|ingest)' },
    },
    {
      name: 'store-below-app',
      comment: 'The store knows the domain shapes, not the use cases or adapters.',
      severity: 'error',
      from: { path: '^src/store' },
      to: { path: '^src/(app|cli|http|ingest|scenario)' },
    },
    {
      name: 'app-below-adapters',
      severity: 'error',
      from: { path: '^src/app' },
      to: { path: '^src/(cli|http)' },
    },
    {
      name: 'no-one-imports-the-cli',
      severity: 'error',
      from: { pathNot: '^src/cli' },
      to: { path: '^src/cli' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
