/**
 * The dependency rules (docs/ARCHITECTURE.md, "Rules"): dependencies point inward.
 *
 *   contract (shared vocabulary) -> domain
 *   scenario, ingest, store      -> domain, contract
 *   app                          -> domain, contract, scenario, ingest, store (no driver, no file I/O)
 *   adapters                     -> app (its ports), store, domain, contract
 *   http                         -> app, scenario, domain, contract
 *   cli                          -> everything above; of the store only store/database.ts (opening it)
 *   web/src                      -> web/src, src/contract
 *
 * Each rule names what it forbids; `npm run deps` checks src, web/src and bench (tests excluded).
 */
const LAYERS = 'contract|domain|scenario|ingest|store|app|adapters|http|cli';
const others = (...allowed) =>
  `^src/(${LAYERS.split('|')
    .filter((l) => !allowed.includes(l))
    .join('|')})/`;

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules: it imports nothing of ours outside src/domain, and no I/O.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', 'node_modules/flatbush'] },
    },
    {
      name: 'contract-on-domain-only',
      comment:
        'The shared vocabulary: what every layer and the web app may import. It rests on the domain alone, and imports no package.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { pathNot: ['^src/(contract|domain)/'] },
    },
    {
      name: 'scenario-on-domain',
      severity: 'error',
      from: { path: '^src/scenario/' },
      to: { path: others('scenario', 'domain', 'contract') },
    },
    {
      name: 'ingest-on-domain',
      comment: 'Parsers and mappings of outside data: pure, the use cases store what they give.',
      severity: 'error',
      from: { path: '^src/ingest/' },
      to: { path: others('ingest', 'domain', 'contract') },
    },
    {
      name: 'store-below-app',
      comment: 'The store knows the domain shapes and the contract, not the use cases or adapters.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: others('store', 'domain', 'contract') },
    },
    {
      name: 'app-below-adapters',
      comment: 'Use cases: domain, contract, scenario, ingest parsers and the store; never an adapter.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: others('app', 'domain', 'contract', 'scenario', 'ingest', 'store') },
    },
    {
      name: 'app-no-drivers',
      comment: 'Database drivers belong to the store and the adapters (src/adapters/pg-event-bus.ts).',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: 'node_modules/(pg|pg-copy-streams|@electric-sql/pglite)/' },
    },
    {
      name: 'app-no-file-io',
      comment:
        'Files are read by the store (store/shipped-data.ts: data/) or given as streams by the CLI; use cases do not open them.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { dependencyTypes: ['core'], path: '^(node:)?(fs|fs/promises)$' },
    },
    {
      name: 'adapters-below-entrypoints',
      comment:
        'Infrastructure for the use cases (the PostgreSQL event bus): wired by the CLI, never importing it or http.',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: others('adapters', 'app', 'store', 'domain', 'contract') },
    },
    {
      name: 'http-through-use-cases',
      comment: 'Routes call use cases; the store is reached only through them (types included).',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: others('http', 'app', 'scenario', 'domain', 'contract') },
    },
    {
      name: 'cli-through-use-cases',
      comment: 'Commands call use cases; of the store only the function that opens the database.',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/store/', pathNot: '^src/store/database\\.ts$' },
    },
    {
      name: 'no-one-imports-the-cli',
      severity: 'error',
      from: { path: '^(src|web/src|bench)/', pathNot: '^src/cli/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'server-not-on-web',
      comment: 'The server never imports the web app (its data, like the boundaries, is in data/).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^web/' },
    },
    {
      name: 'web-on-contract-only',
      comment: 'The web app imports its own code, its packages and src/contract; nothing else of the server.',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { pathNot: ['^web/src/', '^src/contract/', 'node_modules/'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that cannot be resolved cannot be checked either.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
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
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.d.ts', '.js'],
      // Type-only imports resolve too (maplibre-gl's types, web/src/api/schema.d.ts), so every arrow is checked.
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
